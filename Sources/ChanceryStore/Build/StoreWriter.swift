import ChanceryModel
import Foundation
import GRDB
import GRDBSQLite

/// What a link needs to know of the entity it points to.
struct LinkTarget {
    /// The entity's kind.
    var kind: EntityKind
    /// The name the linking record is also found by (see `PendingEntity.linkName`).
    var name: String?
}

/// Writes entities with their links, citations and search text through prepared statements, inside the
/// caller's transaction. Building from `Data/`, imports and generated stores all write through it.
final class StoreWriter {
    private let db: Database
    private let insertEntity: Statement
    private let insertLink: Statement
    private let insertCitation: Statement
    private let insertSearchText: Statement
    /// The entities links may point to, by id: those given at the start and those written since as linkable.
    private(set) var targets: [String: LinkTarget]
    /// The largest link rowid before this writer wrote any: the links after it are the new ones.
    private let lastLinkBefore: Int64
    /// The same for citations.
    private let lastCitationBefore: Int64

    /// A writer into `db`, whose links may point to `targets` and to whatever it writes.
    init(_ db: Database, targets: [String: LinkTarget]) throws {
        self.db = db
        self.targets = targets
        insertEntity = try db.makeStatement(sql: """
            INSERT INTO entity (rowid, id, kind, category, name, sortName, acronym, text, date, dateStart, dateEnd, dateFirst,
                                dateNote, context, fields, linkedEventCount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """)
        insertLink = try db.makeStatement(sql: """
            INSERT INTO link (fromID, toID, role, fromKind, toKind, fromDateStart, position) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertCitation = try db.makeStatement(sql: "INSERT INTO citation (entityID, position, sourceID, quote) VALUES (?, ?, ?, ?)")
        insertSearchText = try db.makeStatement(sql: "INSERT INTO entity_fts (rowid, title, text) VALUES (?, ?, ?)")
        lastLinkBefore = try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM link") ?? 0
        lastCitationBefore = try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM citation") ?? 0
    }

    /// Lets later records link to `id`, an entity already in the store.
    func addTarget(_ id: String, _ target: LinkTarget) {
        targets[id] = target
    }

    /// Adds a link from the entity `from`, already written, to `link.to`, at `position` among its links.
    func addLink(from: String, to link: Link, position: Int) throws {
        guard let source = try Row.fetchOne(db, sql: "SELECT kind, dateStart FROM entity WHERE id = ?", arguments: [from]),
              let targetKind = try String.fetchOne(db, sql: "SELECT kind FROM entity WHERE id = ?", arguments: [link.to]) else { return }
        try run(insertLink) { bind in
            bind.text(from); bind.text(link.to); bind.text(link.role.rawValue); bind.text(source["kind"])
            bind.text(targetKind); bind.integer(source["dateStart"]); bind.integer(Int64(position))
        }
    }

    /// The name to show for `id` in another record (see `PendingEntity.linkName`), or nil.
    func name(_ id: String) -> String? {
        targets[id]?.name
    }

    /// Writes `batch`, whose records may link to one another (a visit and its meetings, or a whole dataset), and
    /// returns their rowids. Later records may link to them too unless `linkable` is false, which saves memory on large
    /// imports. Each record takes the rowid after the highest the store has used, removed ones included (see `remove`).
    @discardableResult
    func write(_ batch: [PendingEntity], linkable: Bool = true) throws -> [Int64] {
        for entity in batch {
            targets[entity.record.id] = LinkTarget(kind: entity.record.kind, name: entity.linkName)
        }
        var rowids: [Int64] = []
        for entity in batch { rowids.append(try write(entity, rowid: highestRowidEver + 1)) }
        if !linkable {
            for entity in batch { targets[entity.record.id] = nil }
        }
        return rowids
    }

    /// The highest entity rowid the store has had while this writer wrote, removed ones included.
    private lazy var highestRowidEver: Int64 = (try? Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM entity")) ?? 0

    /// Removes the entity `id` with its links, citations and coded facts, taking back what its links and citations added
    /// to the linked events counted when they were there before this writer. Its words stay in the search index, which
    /// keeps no text to delete them by (`content=''`), under a rowid no entity has again: rowids taken after a removal
    /// come from above the highest ever used (`write`), so the words match nothing.
    func remove(_ id: String) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT rowid, kind FROM entity WHERE id = ?", arguments: [id]) else { return }
        let rowid: Int64 = row["rowid"]
        _ = highestRowidEver  // read before the row goes, so that a removed highest rowid still counts
        if row["kind"] == EntityKind.event.rawValue {
            try db.execute(sql: """
                UPDATE entity SET linkedEventCount = linkedEventCount - gone.count
                FROM (SELECT toID AS id, count(*) AS count FROM link WHERE fromID = ?1 AND rowid <= ?2 GROUP BY toID
                      UNION ALL
                      SELECT DISTINCT sourceID, 1 FROM citation WHERE entityID = ?1 AND rowid <= ?3) AS gone
                WHERE entity.id = gone.id
                """, arguments: [id, lastLinkBefore, lastCitationBefore])
        }
        try db.execute(sql: "DELETE FROM link WHERE fromID = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM citation WHERE entityID = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM coded_event WHERE entityRowid = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM entity WHERE rowid = ?", arguments: [rowid])
        targets[id] = nil
    }

    private func write(_ entity: PendingEntity, rowid: Int64) throws -> Int64 {
        let record = entity.record
        try run(insertEntity) { bind in
            bind.integer(rowid)
            bind.text(record.id); bind.text(record.kind.rawValue); bind.text(record.category); bind.text(record.name)
            bind.text(record.sortName); bind.text(record.acronym); bind.text(record.text); bind.text(record.date)
            bind.integer(record.dateStart); bind.integer(record.dateEnd); bind.integer(record.dateFirst)
            bind.text(record.dateNote)
            bind.text(record.context); bind.text(record.fields)
        }
        highestRowidEver = rowid
        var words = entity.words
        for (position, link) in entity.links.enumerated() {
            guard let target = targets[link.to] else { continue }
            try run(insertLink) { bind in
                bind.text(record.id); bind.text(link.to); bind.text(link.role.rawValue); bind.text(record.kind.rawValue)
                bind.text(target.kind.rawValue); bind.integer(record.dateStart); bind.integer(Int64(position))
            }
            if let name = target.name { words.append(name) }
        }
        for (position, citation) in entity.citations.enumerated() {
            try run(insertCitation) { bind in
                bind.text(record.id); bind.integer(Int64(position)); bind.text(citation.source)
                bind.text(PendingEntity.capped(citation.quote, to: PendingEntity.maximumTextLength))
            }
            words.append(citation.quote)
        }
        // Folded word by word, so that one name with accents does not send the whole text down the slow path.
        let searchText = words.map(SearchFolding.fold).joined(separator: " \n ")
        let searchTitle = entity.titleWords.map(SearchFolding.fold).joined(separator: " \n ")
        try run(insertSearchText) { bind in
            bind.integer(rowid)
            bind.text(searchTitle)
            bind.text(searchText)
        }
        return rowid
    }

    /// Binds the values of one row to `statement` in order and runs it. Binding straight through SQLite's
    /// C API, rather than through `StatementArguments`, saves an array of boxed values per row.
    private func run(_ statement: Statement, _ bindValues: (inout Binder) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(statement: handle)
        bindValues(&binder)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }

    /// Binds values to the parameters of a statement, one after the other.
    private struct Binder {
        let statement: SQLiteStatement
        private var index: Int32 = 1
        /// SQLite copies the text, so the string need not outlive the call.
        private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

        init(statement: SQLiteStatement) {
            self.statement = statement
        }

        mutating func text(_ value: String?) {
            if let value {
                var value = value
                let index = index
                value.withUTF8 { bytes in
                    if let start = bytes.baseAddress {
                        start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                            _ = sqlite3_bind_text(statement, index, characters, Int32(bytes.count), Self.transient)
                        }
                    } else {
                        _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
                    }
                }
            } else {
                sqlite3_bind_null(statement, index)
            }
            index += 1
        }

        mutating func integer(_ value: Int64) {
            sqlite3_bind_int64(statement, index, value)
            index += 1
        }
    }

    /// Counts again, from the whole store, how many entities of each kind and category are dated from which year to
    /// which, in all (`date_spread`), linked to each organization (`organization_date_spread`) and to each country or a
    /// place inside it (`country_date_spread`), how many of each kind are linked to each organization, place and person
    /// or cite each source (`linked_count`), and when each organization's first membership began (`member_since`),
    /// and copies each entity's kind, category and years (`entity_years`, and by them `date_class`) and what links to or
    /// from each organization, place and person (`entity_links`), after a build or an import.
    func tallyAggregates() throws {
        try Schema.addLongSpanIndex(db)
        try Schema.addEntityYears(db)
        try db.execute(sql: "DELETE FROM entity_years")
        try db.execute(sql: """
            INSERT INTO entity_years (rowid, kind, category, dated, firstYear, lastYear)
            SELECT rowid, kind, category, \(DateSpreadSQL.columns) FROM entity e ORDER BY rowid
            """)
        try Schema.addDateClasses(db)
        try db.execute(sql: "DELETE FROM date_class")
        try fillDateClasses()
        try Schema.addEntityLinks(db)
        // Stores made before `entity_links` hold the same pairs for organizations alone, by text id; nothing reads them.
        try db.execute(sql: "DROP TABLE IF EXISTS organization_links")
        try db.execute(sql: "DELETE FROM entity_links")
        // The targets' rowids from a small table of their ids; each entity's from the index of ids, read in the order of
        // the links (which follows the entities'), never from `entity`'s rows. 19 s for a million events in `sqlite3`,
        // where `organization_links` (organizations alone, by text id) took 13.
        try db.execute(sql: """
            CREATE TEMP TABLE link_target (id TEXT PRIMARY KEY, rowid INTEGER NOT NULL, kind TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO link_target SELECT id, rowid, kind FROM entity WHERE kind IN (\(Self.targetKinds));
            INSERT OR IGNORE INTO entity_links (kind, targetKind, targetRowid, entityRowid)
            SELECT kind, targetKind, targetRowid, entityRowid FROM (
                SELECT l.fromKind AS kind, t.kind AS targetKind, t.rowid AS targetRowid, x.rowid AS entityRowid
                FROM link l CROSS JOIN link_target t ON t.id = l.toID CROSS JOIN entity x ON x.id = l.fromID
                UNION ALL
                SELECT l.toKind, t.kind, t.rowid, x.rowid
                FROM link_target t CROSS JOIN link l ON l.fromID = t.id CROSS JOIN entity x ON x.id = l.toID)
            ORDER BY 1, 2, 3, 4;
            DROP TABLE link_target;
            """)
        // The table as made on the afternoon of 4 December 2026 lacks the rowids and organizations.
        if !(try Schema.Derived.present(in: db).linkedCounts) { try db.execute(sql: "DROP TABLE IF EXISTS linked_count") }
        try Schema.addLinkedCounts(db)
        try db.execute(sql: "DELETE FROM linked_count")
        try fillLinkedCounts()
        try db.execute(sql: "DELETE FROM member_since")
        // SQLite takes the other columns of a min() from the row holding the minimum. Read from the membership events
        // (`entity_by_category`) to their links: 0.5 s for a million events, 19 s from every link to an organization.
        try db.execute(sql: """
            INSERT INTO member_since (organizationID, firstDayKey, date)
            SELECT l.toID, min(CASE WHEN ev.date IS NULL THEN 99999998 ELSE ev.dateFirst END), ev.date
            FROM entity ev JOIN link l ON l.fromID = ev.id
            WHERE ev.kind = 'event' AND ev.category = 'membership' AND l.toKind = 'organization' AND l.role != 'member'
            GROUP BY l.toID
            """)
        try db.execute(sql: "DELETE FROM date_spread")
        // Both counted from the copies just made: each entity's years, and each pair of an organization and an entity
        // once (as the narrowing's list keeps it), however many links join them.
        try db.execute(sql: """
            INSERT INTO date_spread (kind, category, dated, firstYear, lastYear, count)
            SELECT kind, category, dated, firstYear, lastYear, count(*) FROM entity_years GROUP BY 1, 2, 3, 4, 5
            """)
        try db.execute(sql: "DELETE FROM organization_date_spread")
        try db.execute(sql: """
            INSERT INTO organization_date_spread (organizationID, kind, category, dated, firstYear, lastYear, count)
            SELECT o.id, y.kind, y.category, y.dated, y.firstYear, y.lastYear, count(*)
            FROM entity_links l JOIN entity o ON o.rowid = l.targetRowid JOIN entity_years y ON y.rowid = l.entityRowid
            WHERE l.targetKind = 'organization'
            GROUP BY 1, 2, 3, 4, 5, 6
            """)
        try Schema.addCountryDateSpread(db)
        try db.execute(sql: "DELETE FROM country_date_spread")
        // Each place is mapped to its country once (itself, for a country); UNION keeps each pair of a country and an
        // entity once, however many of its places the entity links to, either way.
        try db.execute(sql: """
            WITH pc(place, country) AS MATERIALIZED (
                SELECT id, \(FilterSQL.country(ofPlace: "entity")) FROM entity WHERE kind = 'place')
            INSERT INTO country_date_spread (countryID, kind, category, dated, firstYear, lastYear, count)
            SELECT linked.country, y.kind, y.category, y.dated, y.firstYear, y.lastYear, count(*)
            FROM (SELECT pc.country AS country, l.fromID AS entityID FROM pc JOIN link l ON l.toID = pc.place
                  UNION SELECT pc.country, l.toID FROM pc JOIN link l ON l.fromID = pc.place) AS linked
            JOIN entity x ON x.id = linked.entityID JOIN entity_years y ON y.rowid = x.rowid
            WHERE linked.country IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6
            """)
    }

    /// Fills `linked_count`: each target's entities of one kind are a run of `entity_links`; a source's come from its
    /// citations, in their order, the rowids from the index of ids (`CROSS JOIN`: with the statistics of an import
    /// SQLite read every entity's row instead, 44 s instead of 4 for a million cited events).
    private func fillLinkedCounts() throws {
        var names: [Int64: (id: String, name: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT rowid, id, name FROM entity WHERE kind IN (\(Self.targetKinds), 'source')") {
            names[row[0]] = (row[1], row[2])
        }
        let insert = try db.makeStatement(sql: """
            INSERT INTO linked_count (targetKind, kind, targetRowid, targetID, name, count, rowids) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        // Rows of (target kind, kind, target rowid, entity rowid), each target's of one kind together.
        func insertRuns(_ sql: String) throws {
            var run: (targetKind: String, kind: String, target: Int64)?
            var rowids: [Int64] = []
            func endRun() throws {
                guard let run, let named = names[run.target] else { return }
                try insert.execute(arguments: [run.targetKind, run.kind, run.target, named.id, named.name, rowids.count,
                                               PackedRowids.pack(rowids)])
            }
            try db.step(sql) { statement in
                let target = sqlite3_column_int64(statement, 2)
                if target != run?.target || !Self.column(statement, 1, is: run?.kind) {
                    try endRun()
                    run = (columnText(statement, 0), columnText(statement, 1), target)
                    rowids.removeAll(keepingCapacity: true)
                }
                rowids.append(sqlite3_column_int64(statement, 3))
            }
            try endRun()
        }
        try insertRuns("SELECT targetKind, kind, targetRowid, entityRowid FROM entity_links")
        try insertRuns("""
            SELECT DISTINCT 'source', y.kind, s.rowid, x.rowid
            FROM citation c CROSS JOIN entity x ON x.id = c.entityID CROSS JOIN entity_years y ON y.rowid = x.rowid
            CROSS JOIN entity s ON s.id = c.sourceID
            ORDER BY 2, 3, 4
            """)
    }

    /// Fills `date_class` from `entity_years`, read in rowid order, each class's rowids gathered as they come.
    private func fillDateClasses() throws {
        struct DateClass: Hashable {
            var kind: String, category: String, dated: Bool, firstYear: Int64?, lastYear: Int64?
        }
        func year(_ statement: SQLiteStatement, _ index: Int32) -> Int64? {
            sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, index)
        }
        var classes: [DateClass: [Int64]] = [:]
        try db.step("SELECT kind, category, dated, firstYear, lastYear, rowid FROM entity_years") { statement in
            let key = DateClass(kind: columnText(statement, 0), category: columnText(statement, 1), dated: sqlite3_column_int(statement, 2) != 0,
                                firstYear: year(statement, 3), lastYear: year(statement, 4))
            classes[key, default: []].append(sqlite3_column_int64(statement, 5))
        }
        let insert = try db.makeStatement(sql: """
            INSERT INTO date_class (kind, category, dated, firstYear, lastYear, rowids) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (key, rowids) in classes {
            try insert.execute(arguments: [key.kind, key.category, key.dated, key.firstYear, key.lastYear, PackedRowids.pack(rowids)])
        }
    }

    /// Whether column `index` of the row at `statement` holds `text`.
    private static func column(_ statement: SQLiteStatement, _ index: Int32, is text: String?) -> Bool {
        guard let text, let value = sqlite3_column_text(statement, index) else { return false }
        return text.withCString { strcmp($0, UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)) == 0 }
    }

    /// `Schema.linkTargetKinds` as an SQL list.
    private static let targetKinds = Schema.linkTargetKinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")

    /// Adds the links written by this writer to `linkedEventCount` of the entities at either end, counting
    /// each link from an event at its target and each link to an event at its source, in two grouped scans; a source
    /// counts the events whose citations it holds. Runs after `tallyAggregates`: the kinds are read from `entity_years`.
    func countLinkedEvents() throws {
        try db.execute(sql: """
            UPDATE entity SET linkedEventCount = linkedEventCount + added.count
            FROM (SELECT c.sourceID AS id, count(DISTINCT c.entityID) AS count
                  FROM citation c JOIN entity x ON x.id = c.entityID JOIN entity_years y ON y.rowid = x.rowid
                  WHERE c.rowid > ? AND y.kind = 'event' GROUP BY c.sourceID) AS added
            WHERE entity.id = added.id
            """, arguments: [lastCitationBefore])
        try db.execute(sql: """
            UPDATE entity SET linkedEventCount = linkedEventCount + added.count
            FROM (SELECT id, sum(count) AS count FROM (
                      SELECT toID AS id, count(*) AS count FROM link WHERE rowid > ?1 AND fromKind = 'event' GROUP BY toID
                      UNION ALL
                      SELECT fromID AS id, count(*) AS count FROM link WHERE rowid > ?1 AND toKind = 'event' GROUP BY fromID)
                  GROUP BY id) AS added
            WHERE entity.id = added.id
            """, arguments: [lastLinkBefore])
    }
}
