import ChanceryModel
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The reads the browser and the command line make: pages of a filtered list, streams, counts and details.
extension ChanceryStore {
    /// A window of the entities matching `filter`, in list order, and how many match.
    public func page(_ filter: EntityFilter, offset: Int, limit: Int) throws -> EntityPage {
        try page(filter, offset: offset, limit: limit, after: nil)
    }

    /// A window of the entities matching `filter`, in list order, and how many match. With `after`, the id of the row
    /// just before `offset`, a list in an ascending order seeks past that row's sort key along the order's index
    /// (PageDown in the middle of a million events reads its rows, not the half million before them).
    public func page(_ filter: EntityFilter, offset: Int, limit: Int, after: String?) throws -> EntityPage {
        try page(filter, offset: offset, limit: limit, after: after, countingLater: false)
    }

    /// The window `page` reads, its total left uncounted when the filter has words (and no dates) and the count is not
    /// known yet: counting 300,000 matches of a common word among a million events takes ten times as long as reading
    /// the rows a screen shows.
    public func window(_ filter: EntityFilter, offset: Int, limit: Int, after: String?) throws -> EntityPage {
        try page(filter, offset: offset, limit: limit, after: after, countingLater: true)
    }

    /// How many entities match `filter`.
    public func count(_ filter: EntityFilter) throws -> Int {
        try reading { db in try count(filter, FilterSQL(filter, in: db, derived: derived), in: db) }
    }

    /// A group of a list with words that holds at least this many matches of its words in the store is read along the
    /// order's index; one with fewer, match by match.
    static let manyMatches = 4_000

    func page(_ filter: EntityFilter, offset: Int, limit: Int, after: String?, countingLater: Bool,
              manyMatches: Int = manyMatches) throws -> EntityPage {
        return try reading { db in
            let query = try FilterSQL(filter, in: db, derived: derived)
            let offset = max(0, offset), limit = max(0, limit)
            var rows: [EntityRecord]
            var total: Int?
            if let groups = query.titleGroups {
                let known: Int? = countingLater && filter.since == nil && filter.until == nil
                    ? counts.withLock { $0[filter] } : try count(filter, query, in: db)
                (rows, total) = try Self.window(groups, offset: offset, limit: limit, total: known,
                                                titled: { try titledCount(filter, groups, in: db) }, manyMatches: manyMatches, in: db)
                // Past the end of a list not counted yet, only the count tells where the end is.
                if total == nil, rows.isEmpty { total = try count(filter, query, in: db) }
                if let total { Self.remember(total, of: filter, in: counts) }
            } else {
                total = try count(filter, query, in: db)
                // A row no longer there (the store changed since it was read) is no place to seek from: count the offset then.
                var anchor: String?
                if let after, offset > 0, try Bool.fetchOne(db, sql: "SELECT 1 FROM entity WHERE id = ?", arguments: [after]) != nil {
                    anchor = after
                }
                let window = query.window(offset: offset, limit: limit, total: total!, after: anchor)
                rows = try EntityRecord.fetchAll(db, sql: window.sql, arguments: window.arguments)
                if window.isReversed { rows.reverse() }
            }
            let kind = EntityFilter(kind: filter.kind)
            let unfilteredTotal = filter == kind ? total! : try count(kind, FilterSQL(kind, in: db, derived: derived), in: db)
            var other = filter
            other.dateMatch = filter.dateMatch.toggled
            let otherTotal = filter.since == nil && filter.until == nil ? nil : try count(other, FilterSQL(other, in: db, derived: derived), in: db)
            var summaries = rows.map(\.summary)
            if filter.kind == .organization { try Self.addMemberSince(to: &summaries, in: db) }
            return EntityPage(rows: summaries, offset: offset, total: total ?? offset + rows.count, isCounted: total != nil,
                              unfilteredTotal: unfilteredTotal, otherDateMatchTotal: otherTotal)
        }
    }

    /// The window `offset..<offset + limit` of a list with words, read a group at a time, and the list's total when
    /// known: `total` if given, else when the window ends the list. `titled` counts the title group, needed only past
    /// its start.
    private static func window(_ groups: FilterSQL.TitleGroups, offset: Int, limit: Int, total: Int?,
                               titled: () throws -> Int, manyMatches: Int, in db: Database) throws -> ([EntityRecord], Int?) {
        /// The rows `offset..<offset + limit` of a group; of `size` rows, when known, whose far half is read from its end
        /// (`G` on a list of 300,000 matches would otherwise step over them all).
        func read(_ condition: FilterSQL.Condition, words: String, offset: Int, limit: Int, size: Int? = nil) throws -> [EntityRecord] {
            guard limit > 0 else { return [] }
            var index = ""
            if let orderIndex = groups.orderIndex, try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM entity_fts WHERE entity_fts MATCH ? LIMIT ?)
                """, arguments: [words, manyMatches]) == manyMatches {
                index = "INDEXED BY \(orderIndex)"
            }
            if let size, offset > size / 2 {
                let end = min(size, offset + limit)
                return try EntityRecord.fetchAll(db, sql: """
                    SELECT e.* FROM entity e \(index) WHERE \(condition.sql) ORDER BY \(groups.reverseOrder) LIMIT ? OFFSET ?
                    """, arguments: condition.arguments + [max(0, end - offset), size - end]).reversed()
            }
            return try EntityRecord.fetchAll(db, sql: """
                SELECT e.* FROM entity e \(index) WHERE \(condition.sql) ORDER BY \(groups.order) LIMIT ? OFFSET ?
                """, arguments: condition.arguments + [limit, offset])
        }
        let inTitles: Int
        var rows: [EntityRecord]
        if offset == 0 {
            // From the top, the title group's rows tell its size when they do not fill the window.
            rows = try read(groups.titled, words: groups.titleMatch, offset: 0, limit: limit)
            if rows.count == limit { return (rows, total) }
            inTitles = rows.count
        } else {
            inTitles = try titled()
            rows = try read(groups.titled, words: groups.titleMatch, offset: offset, limit: min(limit, max(0, inTitles - offset)),
                            size: inTitles)
        }
        rows += try read(groups.untitled, words: groups.wordsMatch, offset: max(0, offset - inTitles), limit: limit - rows.count,
                         size: total.map { $0 - inTitles })
        // A window short of its limit ends the list, unless it is empty past the top (it may lie past the end).
        let ended = rows.count < limit && (offset == 0 || !rows.isEmpty)
        return (rows, total ?? (ended ? offset + rows.count : nil))
    }

    /// How many of what `filter` keeps match its words in titles; counted once per filter, as the lists' counts are.
    private func titledCount(_ filter: EntityFilter, _ groups: FilterSQL.TitleGroups, in db: Database) throws -> Int {
        if let known = titledCounts.withLock({ $0[filter] }) { return known }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM entity e WHERE \(groups.titled.sql)", arguments: groups.titled.arguments) ?? 0
        Self.remember(total, of: filter, in: titledCounts)
        return total
    }

    /// Calls `body` with every entity matching `filter`, in the kind's standard order (whatever `filter.order`
    /// says). Rows are read a thousand at a time, each batch a read of its own that resumes after the last row's sort
    /// key, so memory stays flat however many match and an import waiting to commit is never held up for long. Words
    /// are matched anew by each batch, which costs as much as the words have matches: with words, batches are of 20,000
    /// (`list --text agency`, 300,000 matches among a million events, took 18 s in batches of 1,000).
    public func forEach(_ filter: EntityFilter, _ body: (EntitySummary) throws -> Void) throws {
        try forEach(filter, batchSize: SearchQuery(filter.text).hasSearchableTerm ? 20_000 : 1_000, body)
    }

    /// `forEach` in batches of `batchSize` rows.
    func forEach(_ filter: EntityFilter, batchSize: Int, _ body: (EntitySummary) throws -> Void) throws {
        var standard = filter
        standard.order = .standard(for: filter.kind)
        let sortKey = standard.order == .oldestFirst ? "e.dateStart" : "e.sortName"
        var after: StatementArguments?
        while true {
            let rows = try reading { db in
                let query = try FilterSQL(standard, in: db, derived: derived)
                var sql = "SELECT e.* FROM entity e WHERE \(query.sql)"
                var arguments = query.arguments
                if let after {
                    sql += " AND (\(sortKey), e.id) > (?, ?)"
                    arguments += after
                }
                // The sort key alone, which each batch resumes after (a list with words puts title matches first).
                return try EntityRecord.fetchAll(db, sql: sql + " ORDER BY \(sortKey), e.id LIMIT \(batchSize)", arguments: arguments)
            }
            for row in rows { try body(row.summary) }
            guard let last = rows.last, rows.count == batchSize else { return }
            after = standard.order == .oldestFirst ? [last.dateStart, last.id] : [last.sortName, last.id]
        }
    }

    /// Calls `body` with every event of the store in list order, with its links (and the names and categories of
    /// what they point to) and its citations (and their sources' titles), read a thousand events at a time.
    public func forEachTabledEvent(_ body: (TabledEvent) throws -> Void) throws {
        var after: StatementArguments = [Int64.min, ""]
        while true {
            let events = try reading { db -> [TabledEvent] in
                let records = try EntityRecord.fetchAll(db, sql: """
                    SELECT * FROM entity WHERE kind = 'event' AND (dateStart, id) > (?, ?) ORDER BY dateStart, id LIMIT 1000
                    """, arguments: after)
                guard let first = records.first, let last = records.last else { return [] }
                after = [last.dateStart, last.id]
                // The batch's links and citations, read by the batch's range of the list order.
                let range: StatementArguments = [first.dateStart, first.id, last.dateStart, last.id]
                var links: [String: [TabledLink]] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT l.fromID, l.toID, l.role, t.name, t.kind, t.category FROM entity e
                    JOIN link l ON l.fromID = e.id JOIN entity t ON t.id = l.toID
                    WHERE e.kind = 'event' AND (e.dateStart, e.id) BETWEEN (?, ?) AND (?, ?) ORDER BY l.fromID, l.position
                    """, arguments: range) {
                    let kind: EntityKind = try row.stored("kind")
                    links[row["fromID"], default: []].append(TabledLink(
                        to: row["toID"], role: (try row.stored("role") as LinkRole).rawValue, name: row["name"],
                        category: [.person, .event].contains(kind) ? nil : row["category"]))
                }
                var citations: [String: [TabledCitation]] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT c.entityID, c.sourceID, c.quote, s.name, s.category FROM entity e
                    JOIN citation c ON c.entityID = e.id LEFT JOIN entity s ON s.id = c.sourceID
                    WHERE e.kind = 'event' AND (e.dateStart, e.id) BETWEEN (?, ?) AND (?, ?) ORDER BY c.entityID, c.position
                    """, arguments: range) {
                    citations[row["entityID"], default: []].append(TabledCitation(
                        source: row["sourceID"], quote: row["quote"], title: row["name"], category: row["category"]))
                }
                return try records.map { record in
                    TabledEvent(id: record.id, date: record.date.flatMap(EDTFDate.init), dateNote: record.dateNote,
                                kind: try EventKind.stored(record.category, column: "category"), title: record.name,
                                summary: record.text ?? "", links: links[record.id] ?? [], citations: citations[record.id] ?? [])
                }
            }
            for event in events { try body(event) }
            if events.count < 1_000 { return }
        }
    }

    /// Stops the read under way, which then throws `QueryInterrupted`; reads that start later are not affected.
    public func interrupt() {
        database.interrupt()
    }

    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw QueryInterrupted()
        } catch let error as UnknownStoredValue {
            throw StoreError.unknownValue(path: path, column: error.column, value: error.value)
        }
    }

    /// How many entities match `filter`; counted once per filter, since the store does not change while open.
    func count(_ filter: EntityFilter, _ query: FilterSQL, in db: Database) throws -> Int {
        if let known = counts.withLock({ $0[filter] }) { return known }
        let total: Int
        if let matched = query.matchedYears, !matched.readsTheWholeKind {
            total = try matched.count(in: db)
        } else {
            let counting = query.count
            total = try Int.fetchOne(db, sql: counting.sql, arguments: counting.arguments) ?? 0
        }
        Self.remember(total, of: filter, in: counts)
        return total
    }

    /// Keeps `total` as the count of `filter` in `memo` while the store is open.
    private static func remember(_ total: Int, of filter: EntityFilter, in memo: borrowing Mutex<[EntityFilter: Int]>) {
        memo.withLock { known in
            // A bounded memo: typing a filter makes one entry a keystroke.
            if known.count >= 256 { known.removeAll() }
            known[filter] = total
        }
    }

    /// What the store holds, as a line of counts and the length of names and dates (one scan of each table).
    public func contentFingerprint() throws -> String {
        try reading { db in
            // Lengths, not dates: an open date's key is at the edge of Int64, and sums of them overflow.
            let entities = try Row.fetchOne(db, sql: "SELECT count(*), sum(length(name) + length(coalesce(date, ''))) FROM entity")
            let links = try Int.fetchOne(db, sql: "SELECT count(*) FROM link") ?? 0
            let citations = try Int.fetchOne(db, sql: "SELECT count(*) FROM citation") ?? 0
            let records: Int = entities?[0] ?? 0, characters: Int = entities?[1] ?? 0
            return "\(records) records, \(links) links, \(citations) citations, \(characters) characters of names and dates"
        }
    }

    /// The categories that entities of `kind` have (read off the category index).
    public func categories(of kind: EntityKind) throws -> [String] {
        try reading { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT category FROM entity WHERE kind = ?", arguments: [kind.rawValue])
        }
    }

    /// The kinds with machine-coded entities: whether any coded row is an event, and whether any is a visit.
    public func codedKinds() throws -> Set<EntityKind> {
        try reading { db in
            try Set([EntityKind.event, .visit].filter { kind in
                try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM coded_event c JOIN entity e ON e.rowid = c.entityRowid WHERE e.kind = ?)
                    """, arguments: [kind.rawValue]) ?? false
            })
        }
    }

    /// How the dates of what `filter` keeps spread over the years. A filter by kind, whole years and one organization
    /// (without sub-bodies) is read from the counts kept at build and import time; any other is counted over what it
    /// keeps.
    public func dateSpread(_ filter: EntityFilter) throws -> DateSpread {
        try reading { db in
            var spread = DateSpread()
            let rows: [Row]
            if let tallied = try Self.tally(of: filter, in: db) {
                rows = try Row.fetchAll(db, sql: """
                    SELECT dated, firstYear, lastYear, sum(count) AS count FROM \(tallied.table) WHERE \(tallied.sql)
                    GROUP BY 1, 2, 3
                    """, arguments: tallied.arguments)
            } else {
                let condition = try FilterSQL(filter, in: db, derived: derived)
                if let matched = condition.matchedYears {
                    // Added up here rather than grouped by SQLite, whose sort of 300,000 matches cost as much as finding them.
                    try matched.forEachClass(in: db) { entities in
                        spread.add(entities.count, dated: entities.isDated, first: entities.firstYear, last: entities.lastYear)
                    }
                    // Every match was read once: the list's count comes with it (the Timeline asks for both).
                    Self.remember(spread.total, of: filter, in: counts)
                    return spread
                }
                rows = try Row.fetchAll(db, sql: """
                    SELECT \(DateSpreadSQL.columns), count(*) AS count FROM entity e WHERE \(condition.sql) GROUP BY 1, 2, 3
                    """, arguments: condition.arguments)
            }
            for row in rows {
                spread.add(row["count"], dated: row["dated"], first: row["firstYear"], last: row["lastYear"])
            }
            return spread
        }
    }

    /// The counts kept that answer `filter` (see `DateSpreadSQL.fromTally`), its narrowing expanded to the sub-bodies
    /// when it asks for them.
    private static func tally(of filter: EntityFilter, in db: Database) throws -> (table: String, sql: String, arguments: StatementArguments)? {
        let group = try filter.linkedTo.count == 1
            ? (filter.includesSubBodies ? FilterSQL.withSubBodies(filter.linkedTo[0], in: db) : filter.linkedTo) : nil
        return DateSpreadSQL.fromTally(filter, narrowedTo: group)
    }

    /// Sets each organization's `memberSince` from the counts kept at build and import time (`member_since`), in one
    /// read for the window.
    static func addMemberSince(to summaries: inout [EntitySummary], in db: Database) throws {
        guard !summaries.isEmpty else { return }
        let marks = FilterSQL.marks(summaries.count)
        let rows = try Row.fetchAll(db, sql: "SELECT organizationID, date FROM member_since WHERE organizationID IN (\(marks))",
                                    arguments: StatementArguments(summaries.map(\.id)))
        let starts = Dictionary(rows.map { row -> (String, MembershipStart) in
            (row["organizationID"], (row["date"] as String?).flatMap(EDTFDate.init).map(MembershipStart.dated) ?? .undated)
        }, uniquingKeysWith: { first, _ in first })
        for index in summaries.indices { summaries[index].memberSince = starts[summaries[index].id] }
    }

    /// The full text of the source `id`, or nil when the store does not hold it.
    public func sourceText(id: String) throws -> String? {
        try reading { db in try String.fetchOne(db, sql: "SELECT text FROM source_text WHERE sourceID = ?", arguments: [id]) }
    }

    /// Everything about the entity `id`: fields, links both ways, meetings and citations.
    public func detail(id: String) throws -> EntityDetail? {
        try reading { db in try Self.detail(id: id, in: db) }
    }

    static func detail(id: String, in db: Database) throws -> EntityDetail? {
        guard let record = try EntityRecord.filter(EntityRecord.Columns.id == id).fetchOne(db) else { return nil }
        let outbound = try Row.fetchAll(db, sql: """
            SELECT l.role, e.* FROM link l JOIN entity e ON e.id = l.toID
            WHERE l.fromID = ? ORDER BY l.position
            """, arguments: [id])
        // Inbound links can run to hundreds of thousands (a busy organization): read a bounded number of each
        // kind off the link index, and how many there are in all.
        // What cites a source comes to it as inbound links in the role `source`.
        let citedBy = record.kind == .source
        let inboundCounts = try Row.fetchAll(db, sql: citedBy
            ? "SELECT e.kind AS fromKind, count(DISTINCT c.entityID) AS count FROM citation c JOIN entity e ON e.id = c.entityID WHERE c.sourceID = ? GROUP BY e.kind"
            : "SELECT fromKind, count(*) AS count FROM link WHERE toID = ? GROUP BY fromKind", arguments: [id])
        var inbound: [Row] = []
        var inboundLinkCounts: [EntityKind: Int] = [:]
        for row in inboundCounts {
            let kind: EntityKind = try row.stored("fromKind")
            let total: Int = row["count"]
            inboundLinkCounts[kind] = total
            let rows = try Row.fetchAll(db, sql: citedBy ? """
                SELECT 'source' AS role, e.* FROM entity e
                WHERE e.id IN (SELECT entityID FROM citation WHERE sourceID = ?) AND e.kind = ? ORDER BY e.dateStart, e.id LIMIT ?
                """ : """
                SELECT l.role, e.* FROM link l JOIN entity e ON e.id = l.fromID
                WHERE l.toID = ? AND l.fromKind = ? ORDER BY l.fromDateStart, l.fromID LIMIT ?
                """, arguments: [id, kind, EntityDetail.inboundLinksShownPerKind])
            // A group shown whole reads best by date, then by name.
            inbound += total > rows.count ? rows : rows.sorted { first, second in
                let (firstDate, secondDate): (Int64, Int64) = (first["dateStart"], second["dateStart"])
                let (firstName, secondName): (String, String) = (first["sortName"], second["sortName"])
                return (firstDate, firstName) < (secondDate, secondName)
            }
        }
        func linked(_ rows: [Row], _ direction: LinkDirection) throws -> [LinkedEntity] {
            try rows.map { row in
                LinkedEntity(entity: try EntityRecord(row: row).summary, role: try row.stored("role"), direction: direction)
            }
        }
        let links = try linked(outbound, .outbound) + linked(inbound, .inbound)
        let meetings = try links.filter { $0.role == .meeting && $0.direction == .outbound }
            .compactMap { try detail(id: $0.entity.id, in: db) }
        let citations = try Row.fetchAll(db, sql: """
            SELECT c.sourceID, c.quote, coalesce(s.name, c.sourceID) AS title, s.fields FROM citation c
            LEFT JOIN entity s ON s.id = c.sourceID WHERE c.entityID = ? ORDER BY c.position
            """, arguments: [id])
            .map { row in
                let fields = try StoredField.decode(row["fields"] ?? "[]")
                return CitationDetail(sourceID: row["sourceID"], sourceTitle: row["title"],
                                      publisher: fields.first { $0.kind == .publisher }?.values.first,
                                      published: fields.first { $0.kind == .published }?.values.first.flatMap(EDTFDate.init),
                                      quote: row["quote"])
            }
        return EntityDetail(summary: record.summary, text: record.text, dateNote: record.dateNote, fields: try record.detailFields(),
                            links: links, inboundLinkCounts: inboundLinkCounts, meetings: meetings, citations: citations,
                            memberships: try memberships(of: record, in: db))
    }

    /// The memberships ledger of an organization (who joined it) or a country (what it, or an organization of it,
    /// joined), from the membership events: the one joining is linked as `member`, what is joined in any other role.
    static func memberships(of record: EntityRecord, in db: Database) throws -> [MembershipEntry] {
        let pairs: [Row]
        switch (record.kind, record.category) {
        case (.organization, _):
            pairs = try Row.fetchAll(db, sql: """
                SELECT DISTINCT l.fromID AS eventID, m.toID AS partyID FROM link l JOIN entity ev ON ev.id = l.fromID
                JOIN link m ON m.fromID = l.fromID AND m.role = 'member'
                WHERE l.toID = ? AND l.fromKind = 'event' AND l.role != 'member' AND ev.category = 'membership'
                """, arguments: [record.id])
        case (.place, PlaceKind.country.rawValue):
            pairs = try Row.fetchAll(db, sql: """
                SELECT DISTINCT l.fromID AS eventID, o.toID AS partyID FROM link l JOIN entity ev ON ev.id = l.fromID
                JOIN link o ON o.fromID = l.fromID AND o.toKind = 'organization' AND o.role != 'member'
                WHERE l.role = 'member' AND l.fromKind = 'event' AND ev.category = 'membership'
                  AND (l.toID = ?1 OR l.toID IN (SELECT fromID FROM link WHERE toID = ?1 AND role = 'country' AND fromKind = 'organization'))
                """, arguments: [record.id])
        default:
            return []
        }
        let ids = Set(pairs.flatMap { [$0["eventID"] as String, $0["partyID"] as String] })
        let summaries = Dictionary(uniqueKeysWithValues: try EntityRecord.filter(ids.contains(EntityRecord.Columns.id)).fetchAll(db)
            .map { ($0.id, $0.summary) })
        return pairs.compactMap { pair -> MembershipEntry? in
            guard let event = summaries[pair["eventID"]], let party = summaries[pair["partyID"]] else { return nil }
            return MembershipEntry(event: event, party: party)
        }.sorted { ($0.event.date?.startKey ?? .max, $0.party.name) < ($1.event.date?.startKey ?? .max, $1.party.name) }
    }
}

extension ChanceryStore {
    /// How many of the entities `filter` keeps have each value of `facet`, most first (years in year order): an entity
    /// linked to an organization twice, or cited twice by a source, counts once. A year counts what lies wholly within
    /// it, and also what may fall in it (`possibly`, as the overlapping date filter would keep).
    public func facets(_ filter: EntityFilter, by facet: Facet) throws -> [FacetCount] {
        if facet == .year { return try dateSpread(filter).yearCounts }
        if facet == .kind, let counts = try reading({ db -> [FacetCount]? in
            // Kinds are categories, which the counts kept are by: a list they can answer is counted from them.
            guard let tallied = try Self.tally(of: filter, in: db) else { return nil }
            return try Row.fetchAll(db, sql: """
                SELECT category AS value, NULL AS id, sum(count) AS count FROM \(tallied.table) WHERE \(tallied.sql)
                GROUP BY category HAVING sum(count) > 0
                """, arguments: tallied.arguments).facetCounts(of: facet)
        }) {
            return counts
        }
        if let targetKind = facet.countedKind, derived.linkedCounts, filter == EntityFilter(kind: filter.kind, order: filter.order) {
            // A whole list by organization, place, person or source: from the counts kept per target.
            return try reading { db in
                // Stepped: through GRDB's rows, 40,000 people took 111 ms instead of 39.
                var counts: [FacetCount] = []
                try db.step("SELECT name, targetID, count FROM linked_count WHERE targetKind = ? AND kind = ?", [targetKind, filter.kind]) {
                    counts.append(FacetCount(value: columnText($0, 0), id: columnText($0, 1), count: Int(sqlite3_column_int64($0, 2))))
                }
                return FacetCount.ordered(counts, facet: facet, byValue: false)
            }
        }
        if facet == .organization, filter.linkedTo.isEmpty,
           let tallied = DateSpreadSQL.fromTally(filter, narrowedTo: nil, per: .organization) {
            // A list filtered by kind and whole years alone is counted from what is kept per organization.
            return try reading { db in
                try Row.fetchAll(db, sql: """
                    SELECT v.name AS value, v.id AS id, t.count AS count FROM (
                        SELECT organizationID, sum(count) AS count FROM organization_date_spread WHERE \(tallied.sql)
                        GROUP BY organizationID) AS t JOIN entity v ON v.id = t.organizationID
                    """, arguments: tallied.arguments).facetCounts(of: facet)
            }
        }
        if facet == .country, derived.countryDateSpread, let tallied = DateSpreadSQL.fromTally(filter, narrowedTo: nil, per: .country) {
            // A list filtered by kind and whole years alone, by country: from the counts kept per country.
            return try reading { db in
                try Row.fetchAll(db, sql: """
                    SELECT v.name AS value, v.id AS id, t.count AS count FROM (
                        SELECT countryID, sum(count) AS count FROM country_date_spread WHERE \(tallied.sql)
                        GROUP BY countryID) AS t JOIN entity v ON v.id = t.countryID
                    """, arguments: tallied.arguments).facetCounts(of: facet)
            }
        }
        if facet == .country, filter == EntityFilter(kind: filter.kind, order: filter.order) {
            // A whole list by country in a store without those counts: each place is mapped to its country once, and its
            // links are read through the link indexes by place, without visiting the entities themselves (1.4 s instead
            // of 6.7 s for a million events, which the general query below takes mapping every link and joining every entity).
            return try reading { db in
                try Row.fetchAll(db, sql: """
                    WITH pc(place, country) AS MATERIALIZED (
                        SELECT id, \(FilterSQL.country(ofPlace: "entity")) FROM entity WHERE kind = 'place')
                    SELECT v.name AS value, v.id AS id, count(DISTINCT linked.entityID) AS count FROM (
                        SELECT pc.country AS target, l.fromID AS entityID FROM pc JOIN link l ON l.toID = pc.place
                        WHERE l.fromKind = ?1
                        UNION ALL
                        SELECT pc.country, l.toID FROM pc JOIN link l ON l.fromID = pc.place WHERE l.toKind = ?1
                    ) AS linked JOIN entity v ON v.id = linked.target GROUP BY v.id
                    """, arguments: [filter.kind.rawValue]).facetCounts(of: facet)
            }
        }
        return try reading { db in
            let query = try FilterSQL(filter, in: db, derived: derived)
            if derived.linkedCounts, let counted = LinkedFacets(facet, of: filter.kind) {
                // The rowids the list keeps, counted against each target's in `linked_count`.
                var kept = RowidSet()
                if let matched = try query.matchedYears?.rowids(in: db) {
                    kept = matched
                } else {
                    try db.step("SELECT e.rowid FROM entity e WHERE \(query.sql)", query.arguments) { kept.insert(sqlite3_column_int64($0, 0)) }
                }
                return FacetCount.ordered(try counted.counts(of: kept, in: db), facet: facet, byValue: false)
            }
            if facet == .kind, let matched = query.matchedYears {
                // A list with words or narrowings: its categories, read from `date_class` (or `entity_years`) and added up here.
                var counts: [String: Int] = [:]
                try matched.forEachClass(in: db) { counts[$0.category, default: 0] += $0.count }
                return FacetCount.ordered(counts.map { FacetCount(value: $0.key, id: nil, count: $0.value) }, facet: facet, byValue: false)
            }
            let sql: String, arguments: StatementArguments
            switch facet {
            case .kind:
                sql = "SELECT e.category AS value, NULL AS id, count(*) AS count FROM entity e WHERE \(query.sql) GROUP BY 1"
                arguments = query.arguments
            case .cameo, .quad:
                sql = """
                    SELECT CAST(c.\(facet == .cameo ? "rootCode" : "quadClass") AS TEXT) AS value, NULL AS id, count(*) AS count
                    FROM entity e JOIN coded_event c ON c.entityRowid = e.rowid WHERE \(query.sql) GROUP BY 1
                    """
                arguments = query.arguments
            case .source:
                sql = """
                    SELECT s.name AS value, s.id AS id, count(DISTINCT e.id) AS count
                    FROM entity e JOIN citation c ON c.entityID = e.id JOIN entity s ON s.id = c.sourceID
                    WHERE \(query.sql) GROUP BY s.id
                    """
                arguments = query.arguments
            case .year, .organization, .place, .person, .country:
                let kind = facet.countedKind ?? .place
                // A place counts under its country: itself when it is one, else the country it lies in.
                let target = facet == .country
                    ? FilterSQL.country(ofPlace: "t")
                    : "t.id"
                sql = """
                    SELECT v.name AS value, v.id AS id, count(DISTINCT linked.entityID) AS count FROM (
                        SELECT \(target) AS target, e.id AS entityID FROM entity e JOIN link l ON l.fromID = e.id
                        JOIN entity t ON t.id = l.toID WHERE l.toKind = ? AND \(query.sql)
                        UNION ALL
                        SELECT \(target), e.id FROM entity e JOIN link l ON l.toID = e.id
                        JOIN entity t ON t.id = l.fromID WHERE l.fromKind = ? AND \(query.sql)
                    ) AS linked JOIN entity v ON v.id = linked.target GROUP BY v.id
                    """
                arguments = [kind.rawValue] + query.arguments + [kind.rawValue] + query.arguments
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).facetCounts(of: facet)
        }
    }
}

extension ChanceryStore {
    /// The ledger of two countries (place ids), or nil when either is not a country.
    public func pairLedger(_ first: String, _ second: String) throws -> PairLedger? {
        try reading { db in
            let countries = try EntityRecord.filter([first, second].contains(EntityRecord.Columns.id)).fetchAll(db)
            guard let one = countries.first(where: { $0.id == first }), let other = countries.first(where: { $0.id == second }),
                  [one, other].allSatisfy({ $0.kind == .place && $0.category == PlaceKind.country.rawValue }) else { return nil }
            // What belongs to a country: itself, and the places, organizations and people whose country it is.
            let belongs = "(SELECT ? UNION SELECT fromID FROM link WHERE toID = ? AND role = 'country')"
            func rows(_ sql: String, _ arguments: StatementArguments) throws -> [EntitySummary] {
                try EntityRecord.fetchAll(db, sql: sql + " ORDER BY e.date IS NULL, e.dateStart, e.id", arguments: arguments).map(\.summary)
            }
            func visits(from origin: String, to destination: String) throws -> [EntitySummary] {
                try rows("""
                    SELECT e.* FROM entity e WHERE e.kind = 'visit'
                      AND e.id IN (SELECT fromID FROM link WHERE role IN ('visitor', 'sender', 'head') AND toID IN \(belongs))
                      AND e.id IN (SELECT fromID FROM link WHERE role = 'destination' AND toID IN \(belongs))
                    """, [origin, origin, destination, destination])
            }
            let forth = try visits(from: first, to: second), back = try visits(from: second, to: first)
            let agreements = try rows("""
                SELECT e.* FROM entity e WHERE e.kind = 'event' AND e.category = 'agreementSigned'
                  AND e.id IN (SELECT fromID FROM link WHERE toID IN \(belongs))
                  AND e.id IN (SELECT fromID FROM link WHERE toID IN \(belongs))
                """, [first, first, second, second])
            let visitIDs = (forth + back).map(\.id)
            let meetings = visitIDs.isEmpty ? [] : try rows("""
                SELECT e.* FROM entity e WHERE e.id IN (SELECT toID FROM link WHERE role = 'meeting'
                                                        AND fromID IN (\(FilterSQL.marks(visitIDs.count))))
                """, StatementArguments(visitIDs))
            return PairLedger(first: one.summary, second: other.summary, visitsFromFirst: forth, visitsFromSecond: back,
                              agreements: agreements, meetings: meetings)
        }
    }
}

extension [Row] {
    /// Rows of `value`, `id` and `count` as counts of `facet`, most first, then by value.
    fileprivate func facetCounts(of facet: Facet) -> [FacetCount] {
        FacetCount.ordered(map { FacetCount(value: $0["value"], id: $0["id"], count: $0["count"]) }, facet: facet, byValue: false)
    }
}
