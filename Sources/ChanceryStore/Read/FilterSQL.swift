import ChanceryModel
import Foundation
import GRDB

/// The SQL that counts and lists what an `EntityFilter` keeps, over `entity e`.
struct FilterSQL {
    /// The conditions, over `entity e`.
    var sql: String
    var arguments: StatementArguments
    /// The list order, and its reverse.
    let order: String
    let reverseOrder: String
    /// The columns of the list order, when it ascends on every one (oldest first, by name, by kind) and no title matches
    /// are put first: rows after a row are those whose columns compare greater, as a row value. Nil otherwise.
    let seekKey: [String]?
    /// Set when the filter is only "linked to this entity", and only by links into it: then the link index
    /// holds the list in order, and windows are read off it instead of scanning the kind.
    var inbound: (id: String, kind: EntityKind)?
    /// With words, the list as two groups read one after the other: the matches in titles, then the rest.
    private(set) var titleGroups: TitleGroups?
    /// With the kind, categories, whole years, words and narrowings to organizations, places and people as the only
    /// conditions, in a store that has `entity_years` (and `entity_links`, to be narrowed): the list read from them
    /// instead of `entity`. Counting 300,000 matches of a common word among a million events this way takes 53 ms,
    /// against 270 ms over `entity`. Nil otherwise.
    private(set) var matchedYears: MatchedYears?

    /// Conditions with their arguments (over `entity e`, but for `matchedYears`).
    struct Condition {
        var sql: String
        var arguments: StatementArguments
    }

    /// A list with words, split where title matches end: each group lists in the order asked for, so each can be read
    /// along that order's index and stop once the window is full, where the whole list would be sorted first.
    struct TitleGroups {
        /// What matches the words in titles.
        var titled: Condition
        /// What matches the words elsewhere only.
        var untitled: Condition
        /// The list order, which each group keeps, and its exact reverse (to read the far half of a group from its end).
        var order: String
        var reverseOrder: String
        /// The FTS5 expressions of each group's words (the second is the words anywhere).
        var titleMatch: String
        var wordsMatch: String
        /// The index that holds the list in its order, when words and the kind are the only conditions: a group with
        /// many matches is then read along it (one in fifty rows matching fills a window after a few thousand index
        /// entries), where one with few is read match by match and sorted.
        var orderIndex: String?
    }

    /// The SQL of `filter` over the store `db`, which has the derived tables `derived`.
    init(_ filter: EntityFilter, in db: Database, derived: Schema.Derived) throws {
        // Each condition with its arguments, so that the words' condition can be swapped for the title groups'.
        var conditions = [Condition(sql: "e.kind = ?", arguments: [filter.kind])]
        func require(_ sql: String, _ arguments: StatementArguments = []) { conditions.append(Condition(sql: sql, arguments: arguments)) }
        func joined(_ conditions: [Condition]) -> Condition {
            Condition(sql: conditions.map(\.sql).joined(separator: " AND "), arguments: conditions.reduce([]) { $0 + $1.arguments })
        }
        if !filter.categories.isEmpty {
            require("e.category IN (\(Self.marks(filter.categories.count)))", StatementArguments(filter.categories))
        }
        if filter.since != nil || filter.until != nil {
            require("e.date IS NOT NULL")
        }
        // Machine-coded facts live in `coded_event`, one row per coded entity under its rowid.
        var codedConditions: [String] = [], codedArguments: StatementArguments = []
        if !filter.cameoRoots.isEmpty {
            codedConditions.append("rootCode IN (\(Self.marks(filter.cameoRoots.count)))")
            codedArguments += StatementArguments(filter.cameoRoots)
        }
        if !filter.quadClasses.isEmpty {
            codedConditions.append("quadClass IN (\(Self.marks(filter.quadClasses.count)))")
            codedArguments += StatementArguments(filter.quadClasses.map(\.rawValue))
        }
        if !codedConditions.isEmpty {
            require("e.rowid IN (SELECT entityRowid FROM coded_event WHERE \(codedConditions.joined(separator: " AND ")))", codedArguments)
        }
        // Within: every day the date may cover lies in the range (an open or unknown end never does). Overlapping: some
        // day does (an open or unknown end may lie after any date, as an open or unknown start may lie before).
        let (sinceClause, untilClause) = filter.dateMatch == .within
            ? ("e.dateFirst >= ?", "e.dateEnd <= ?") : ("e.dateEnd >= ?", "e.dateFirst <= ?")
        if let since = filter.since {
            require(sinceClause, [Int64(since.firstDayKey)])
        }
        if let until = filter.until {
            require(untilClause, [Int64(until.endKey)])
        }
        // Within a range, the same range on the start key, which `entity_by_date` holds, so a short range reads only its
        // rows (May 2018 among a million events: 22 ms, not 2 s). A known start's key never passes its first day nor
        // falls below its year (1995 is 19950000, its first day 19950101); an open or unknown start takes its end's
        // start key; no start key passes the last day. So a date within the range starts from the year of `since` (not
        // for years before 0, whose keys count down) up to `until`: these conditions keep exactly the rows the ones
        // above keep. (Overlapping gets none: an open start overlaps a range its start key lies after.)
        if filter.dateMatch == .within, let since = filter.since, since.firstDayKey >= 0 {
            require("e.dateStart >= ?", [Int64(since.firstDayKey / 10_000 * 10_000)])
        }
        if filter.dateMatch == .within, let until = filter.until, until.endKey != Int.max {
            require("e.dateStart <= ?", [Int64(until.endKey)])
        }
        // Overlapping, the entities starting near the range and those whose dates reach further (few: open ends, long
        // spans, years before 0), read along `entity_by_date` and `entity_by_long_span`. A dated entity with neither open
        // end nor a start key below 0 whose dates lie within a year (10,000 in keys) of its start key, and which
        // overlaps the range, starts no more than a year before `since` and no later than `until`.
        if filter.dateMatch == .overlapping, let since = filter.since, since.firstDayKey >= 0, derived.longSpans {
            let until = Int64(filter.until?.endKey ?? Int.max)
            require("""
                e.rowid IN (SELECT rowid FROM entity WHERE kind = ? AND dateStart BETWEEN ? AND ?
                            UNION ALL
                            SELECT rowid FROM entity WHERE kind = ? AND dateEnd >= ? AND dateFirst <= ? AND \(Self.longSpan))
                """, [filter.kind, Int64(since.firstDayKey - 10_000), until, filter.kind, Int64(since.firstDayKey), until])
        }
        let query = SearchQuery(filter.text)
        if let ids = filter.onlyIDs {
            require("e.id IN (\(Self.marks(ids.count)))", StatementArguments(ids))
        }
        var words: (index: Int, required: String)?
        if let required = Self.match(query.required) {
            // The analyst's notes are not in the store: the entities whose notes hold the words come as ids.
            let noted = filter.notedIDs.isEmpty ? "" : " OR e.id IN (\(Self.marks(filter.notedIDs.count)))"
            words = (conditions.count, required)
            require("(e.rowid IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)\(noted))",
                    [required] + StatementArguments(filter.notedIDs))
        }
        if let excluded = Self.match([query.excluded]) {
            require("e.rowid NOT IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)", [excluded])
        }
        // Linked to an organization (with its sub-bodies when asked), a place or a person: what `entity_links` keeps
        // under them, as rowids, which `MatchedYears` also reads with `entity_years`.
        var groups: [[String]] = []
        var linkedGroups: [MatchedYears.LinkedGroup] = []
        for id in filter.linkedTo where EntityKind(id: id) != .source {
            let group = filter.includesSubBodies ? try Self.withSubBodies(id, in: db) : [id]
            groups.append(group)
            if let kind = EntityKind(id: id), Schema.linkTargetKinds.contains(kind), derived.entityLinks {
                let rowids = try Int64.fetchAll(db, sql: "SELECT rowid FROM entity WHERE id IN (\(Self.marks(group.count)))",
                                                arguments: StatementArguments(group))
                linkedGroups.append(MatchedYears.LinkedGroup(targetKind: kind, rowids: rowids))
            }
        }
        if derived.entityYears, filter.notedIDs.isEmpty, filter.linkedTo.count == linkedGroups.count, filter.countries.isEmpty,
           filter.onlyIDs == nil, filter.cameoRoots.isEmpty, filter.quadClasses.isEmpty,
           let years = DateSpreadSQL.yearConditions(filter, qualifiedBy: "e.") {
            matchedYears = MatchedYears(
                words: words?.required, excluded: Self.match([query.excluded]), linked: linkedGroups, kind: filter.kind,
                years: Condition(sql: years.sql, arguments: years.arguments),
                keepsTheWholeKind: filter.categories.isEmpty && filter.since == nil && filter.until == nil,
                readsDateClasses: derived.dateClasses)
        }
        for id in filter.linkedTo where EntityKind(id: id) == .source {
            // What cites the source.
            require("e.id IN (SELECT entityID FROM citation WHERE sourceID = ?)", [id])
        }
        for group in linkedGroups {
            let condition = group.condition(kind: filter.kind)
            require("e.rowid IN (SELECT l.entityRowid FROM entity_links l WHERE \(condition.sql))", condition.arguments)
        }
        for (id, group) in zip(filter.linkedTo.filter { EntityKind(id: $0) != .source }, groups)
        where !(derived.entityLinks && EntityKind(id: id).map(Schema.linkTargetKinds.contains) == true) {
            // Links both ways, each side restricted to the kind listed so the indexes do the narrowing.
            require("e.id IN (SELECT fromID FROM link WHERE toID IN (\(Self.marks(group.count))) AND fromKind = ? UNION ALL SELECT toID FROM link WHERE fromID IN (\(Self.marks(group.count))) AND toKind = ?)",
                    StatementArguments(group) + [filter.kind] + StatementArguments(group) + [filter.kind])
        }
        for country in filter.countries {
            require("e.id IN (SELECT fromID FROM link WHERE toID = ? OR toID IN (SELECT fromID FROM link WHERE toID = ? AND role = 'country' AND fromKind = 'place'))",
                    [country, country])
        }
        let whole = joined(conditions)
        sql = whole.sql
        arguments = whole.arguments
        (order, reverseOrder) = Self.orderBy(filter.order)
        seekKey = words == nil ? Self.seekKey(of: filter.order) : nil
        if let words {
            // Folded words hold only letters and digits, so the expression can sit in the SQL as a literal.
            let titleMatch = "title : (\(words.required))"
            let inTitles = "e.rowid IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH '\(titleMatch)')"
            // A match in the title is a match: the title group needs only the title's condition.
            var titled = conditions
            titled[words.index] = Condition(sql: inTitles, arguments: [])
            let onlyWords = conditions.count == (query.excluded.isEmpty ? 2 : 3)
            titleGroups = TitleGroups(
                titled: joined(titled), untitled: joined(conditions + [Condition(sql: "NOT \(inTitles)", arguments: [])]),
                order: order, reverseOrder: reverseOrder,
                titleMatch: titleMatch, wordsMatch: words.required,
                orderIndex: onlyWords ? Self.index(of: filter.order) : nil)
        }
        if filter.order == .oldestFirst, let id = filter.linkedTo.first, groups == [[id]],
           filter == EntityFilter(kind: filter.kind, linkedTo: [id], includesSubBodies: filter.includesSubBodies, order: .oldestFirst),
           try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM link WHERE fromID = ? AND toKind = ?)",
                              arguments: [id, filter.kind])! {
            inbound = (id, filter.kind)
        }
    }

    /// The dated entities whose dates may lie more than a year (10,000 in keys) from their start key: an open or unknown
    /// start or end, a start key below 0 (years before 0 count down), or a span of more than a year. The condition of
    /// the partial index `entity_by_long_span`, written alike in queries so that SQLite uses it.
    static let longSpan = """
        date IS NOT NULL AND (dateStart < 0 OR dateFirst <= -1000000000000 OR dateEnd >= 1000000000000 OR dateEnd - dateStart > 10000)
        """

    /// The id of the country the place row `place` (a table's alias) lies in: itself when it is one, else the target of
    /// its `country` link (NULL without one).
    static func country(ofPlace place: String) -> String {
        "CASE WHEN \(place).category = 'country' THEN \(place).id ELSE (SELECT toID FROM link WHERE fromID = \(place).id AND role = 'country' LIMIT 1) END"
    }

    /// `count` SQL parameters, for a list after `IN`: `?, ?, ?`.
    static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    /// The FTS5 expression holding when every term holds (a term: one of its phrases occurs); nil for no terms.
    static func match(_ terms: [[SearchQuery.Phrase]]) -> String? {
        let terms = terms.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return nil }
        return terms.map { phrases in
            "(" + phrases.map { phrase in phrase.map { "\"\($0)\"*" }.joined(separator: " + ") }.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }

    /// `id` and the organizations below it: those whose parent it is, theirs, and so on (the data has no cycles).
    static func withSubBodies(_ id: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: subBodies, arguments: [id])
    }

    /// The query of `withSubBodies`. Its links are read along `link_inbound`, named: the statistics an import samples
    /// (`analysis_limit`) can say an organization has a thousand links, and SQLite then built an index over all five
    /// million links of a million events for each narrowing (200–600 ms instead of 0.1).
    static let subBodies = """
        WITH RECURSIVE body(id) AS (SELECT ? UNION SELECT link.fromID FROM body JOIN link INDEXED BY link_inbound ON link.toID = body.id
                                    WHERE link.role = 'parent' AND link.fromKind = 'organization')
        SELECT id FROM body
        """

    /// The ORDER BY terms of `order` and of its exact reverse; each runs along an index (the undated come last in
    /// both date orders).
    static func orderBy(_ order: ListOrder) -> (String, String) {
        switch order {
        case .oldestFirst: ("e.dateStart, e.id", "e.dateStart DESC, e.id DESC")
        case .newestFirst: ("e.date IS NULL, e.dateStart DESC, e.id DESC", "e.date IS NULL DESC, e.dateStart, e.id")
        case .byName: ("e.sortName, e.id", "e.sortName DESC, e.id DESC")
        case .byKind: ("e.category, e.dateStart, e.id", "e.category DESC, e.dateStart DESC, e.id DESC")
        case .byLinkedEvents: ("e.linkedEventCount DESC, e.sortName, e.id", "e.linkedEventCount, e.sortName DESC, e.id DESC")
        case .byMemberSince: ("\(memberSinceKey), e.sortName, e.id", "\(memberSinceKey) DESC, e.sortName DESC, e.id DESC")
        case .byGoldstein: codedOrder("goldstein")
        case .byMentions: codedOrder("-mentions")
        case .byTone: codedOrder("tone")
        }
    }

    /// Ascending by a `coded_event` column (negated for a descending one), the entities not machine-coded after the
    /// rest, each group by date; and the exact reverse.
    private static func codedOrder(_ column: String) -> (String, String) {
        let key = "(SELECT \(column) FROM coded_event WHERE entityRowid = e.rowid)"
        return ("\(key) IS NULL, \(key), e.dateStart, e.id", "\(key) IS NULL DESC, \(key) DESC, e.dateStart DESC, e.id DESC")
    }

    /// The index of `entity` whose entries for one kind are in the list order `order`, if one is.
    private static func index(of order: ListOrder) -> String? {
        switch order {
        case .oldestFirst: "entity_by_date"
        case .byName: "entity_by_name"
        default: nil
        }
    }

    /// The columns of `order` when it ascends on every one; nil for the orders that do not.
    private static func seekKey(of order: ListOrder) -> [String]? {
        switch order {
        case .oldestFirst: ["dateStart", "id"]
        case .byName: ["sortName", "id"]
        case .byKind: ["category", "dateStart", "id"]
        default: nil
        }
    }

    /// The first day (`yyyymmdd`) of an organization's earliest membership event; after every date, an undated one;
    /// after that, none: a lookup in the counts kept (`member_since`) per row.
    static let memberSinceKey = "coalesce((SELECT firstDayKey FROM member_since WHERE organizationID = e.id), 99999999)"

    /// Counts the entities kept (a list with `matchedYears` is counted by it instead).
    var count: (sql: String, arguments: StatementArguments) {
        if let inbound {
            // An entity linked in two roles has two links: count it once.
            return ("SELECT count(*) FROM (SELECT 1 FROM link WHERE toID = ? AND fromKind = ? GROUP BY fromDateStart, fromID)",
                    [inbound.id, inbound.kind])
        }
        return ("SELECT count(*) FROM entity e WHERE \(sql)", arguments)
    }

    /// Lists the window `offset..<offset + limit` of a list of `total`; a reversed window comes last row first.
    func window(offset: Int, limit: Int, total: Int, after: String? = nil) -> (sql: String, arguments: StatementArguments, isReversed: Bool) {
        if inbound == nil, let after, let key = seekKey {
            return ("""
                SELECT e.* FROM entity e WHERE \(sql) AND (\(key.map { "e." + $0 }.joined(separator: ", ")))
                    > (SELECT \(key.joined(separator: ", ")) FROM entity WHERE id = ?)
                ORDER BY \(order) LIMIT ?
                """, arguments + [after, limit], false)
        }
        if let inbound {
            return ("""
                SELECT e.* FROM (SELECT fromID FROM link WHERE toID = ? AND fromKind = ? GROUP BY fromDateStart, fromID
                                 ORDER BY fromDateStart, fromID LIMIT ? OFFSET ?) AS window
                JOIN entity e ON e.id = window.fromID ORDER BY \(order)
                """, [inbound.id, inbound.kind, limit, offset], false)
        }
        // Rows skipped by OFFSET still cost a step each: read the far half of a list from its other end.
        if offset > total / 2 {
            let end = min(total, offset + limit)
            return ("SELECT e.* FROM entity e WHERE \(sql) ORDER BY \(reverseOrder) LIMIT ? OFFSET ?",
                    arguments + [max(0, end - offset), total - end], true)
        }
        return ("SELECT e.* FROM entity e WHERE \(sql) ORDER BY \(order) LIMIT ? OFFSET ?", arguments + [limit, offset], false)
    }
}

/// The SQL of a `DateSpread`: an entity's years, and the conditions that read it from the counts kept.
enum DateSpreadSQL {
    /// `dated, firstYear, lastYear` of `entity e`: the years of its first and last possible days, NULL for an open or
    /// unknown end (stored as the smallest or largest key), rounding down so that year -1 holds -1.
    static let columns = """
        e.date IS NOT NULL AS dated, \(year("e.dateFirst", openAt: "<= -1000000000000")) AS firstYear,
        \(year("e.dateEnd", openAt: ">= 1000000000000")) AS lastYear
        """

    private static func year(_ key: String, openAt open: String) -> String {
        "CASE WHEN e.date IS NULL OR \(key) \(open) THEN NULL WHEN \(key) < 0 THEN (\(key) - 9999) / 10000 ELSE \(key) / 10000 END"
    }

    /// What a tally counts per: `organization_date_spread` and `country_date_spread`.
    enum TallyGroup {
        case organization, country

        var table: String { self == .organization ? "organization_date_spread" : "country_date_spread" }
    }

    /// The table and condition that count what `filter` keeps, when the counts kept can tell: a filter by kind,
    /// categories and a range of whole years (from 1 January, to 31 December), narrowed to at most one organization
    /// that has no sub-bodies in the filter (`narrowedTo`, the group the narrowing expands to). Nil otherwise.
    /// `per` reads the counts kept per organization or per country, to count a list by them; per country, a list linked
    /// to an entity has none. Machine-coded facts are not in any of them.
    static func fromTally(_ filter: EntityFilter, narrowedTo group: [String]?, per: TallyGroup? = nil)
        -> (table: String, sql: String, arguments: StatementArguments)? {
        guard !SearchQuery(filter.text).hasSearchableTerm, filter.countries.isEmpty, filter.onlyIDs == nil,
              filter.cameoRoots.isEmpty, filter.quadClasses.isEmpty else { return nil }
        if per == .country, !filter.linkedTo.isEmpty { return nil }
        var table = per?.table ?? "date_spread"
        var clauses: [String] = [], arguments: StatementArguments = []
        switch (filter.linkedTo.count, group?.count) {
        case (0, _): break
        case (1, 1?) where EntityKind(id: filter.linkedTo[0]) == .organization:
            table = "organization_date_spread"
            clauses.append("organizationID = ?")
            arguments += [filter.linkedTo[0]]
        default: return nil
        }
        guard let years = yearConditions(filter) else { return nil }
        return (table, (clauses + [years.sql]).joined(separator: " AND "), arguments + years.arguments)
    }

    /// The kind, categories and a range of whole years (from 1 January, to 31 December) of `filter` as conditions on the
    /// columns the date spreads and `entity_years` share (`kind`, `category`, `dated`, `firstYear`, `lastYear`); nil
    /// for a range of other days. They keep exactly what FilterSQL's conditions on days keep. `table` is put before
    /// each column (`e.`), or empty.
    static func yearConditions(_ filter: EntityFilter, qualifiedBy table: String = "") -> (sql: String, arguments: StatementArguments)? {
        let since = filter.since.map(\.firstDayKey), until = filter.until.map(\.endKey)
        if let since, since < 0 || since % 10_000 != 101 { return nil }
        if let until, until < 0 || until == Int.max || until % 10_000 != 1231 { return nil }
        var clauses = ["\(table)kind = ?"]
        var arguments: StatementArguments = [filter.kind]
        if !filter.categories.isEmpty {
            clauses.append("\(table)category IN (\(FilterSQL.marks(filter.categories.count)))")
            arguments += StatementArguments(filter.categories)
        }
        if since != nil || until != nil { clauses.append("\(table)dated") }
        // An open end (NULL) never lies within a range, and may overlap any.
        if let since {
            clauses.append(filter.dateMatch == .within ? "\(table)firstYear >= ?" : "(\(table)lastYear >= ? OR \(table)lastYear IS NULL)")
            arguments += [EDTFDate.year(ofKey: since)]
        }
        if let until {
            clauses.append(filter.dateMatch == .within ? "\(table)lastYear <= ?" : "(\(table)firstYear <= ? OR \(table)firstYear IS NULL)")
            arguments += [EDTFDate.year(ofKey: until)]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }
}
