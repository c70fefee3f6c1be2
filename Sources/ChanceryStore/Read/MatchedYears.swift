import ChanceryModel
import Foundation
import GRDB
import GRDBSQLite

/// A list with words read from `entity_years` (each entity's kind, category and years under its rowid, 34 MB for a
/// million events) instead of from `entity`: its count, its years and its categories.
struct MatchedYears {
    /// The FTS5 expressions of the words, and of the words excluded.
    var words: String
    var excluded: String?
    /// The organizations the list is narrowed to, each with the sub-bodies the filter asks for.
    var organizations: [[String]]
    var kind: EntityKind
    /// The kind, categories and whole years, over the columns of `entity_years e`.
    var years: FilterSQL.Condition
    /// True when the kind is the only condition besides the words: no categories, no years.
    var keepsTheWholeKind: Bool

    /// Without organizations, `FROM … WHERE …` whose rows `e` are the `entity_years` rows of the matches, each checked
    /// against the excluded words before it is read (`+` keeps SQLite from handing the check to the search index).
    private var clause: FilterSQL.Condition {
        let excludedCheck = excluded.map { _ in "AND +f.rowid NOT IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)" } ?? ""
        return FilterSQL.Condition(sql: """
            FROM entity_fts f CROSS JOIN entity_years e ON e.rowid = f.rowid
            WHERE f.entity_fts MATCH ? \(excludedCheck) AND \(years.sql)
            """, arguments: [words] + StatementArguments(excluded.map { [$0] } ?? []) + years.arguments)
    }

    /// One match, as its `entity_years` row is stepped over: read only what is asked for.
    struct Match {
        fileprivate let statement: SQLiteStatement

        var isDated: Bool { sqlite3_column_int(statement, 0) != 0 }
        var firstYear: Int? { year(at: 1) }
        var lastYear: Int? { year(at: 2) }
        var category: String { sqlite3_column_text(statement, 3).map { String(cString: $0) } ?? "" }

        private func year(at column: Int32) -> Int? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, column))
        }
    }

    /// How many entities match: counted by SQLite when no organization narrows the list, else match by match.
    func count(in db: Database) throws -> Int {
        guard !organizations.isEmpty else {
            return try Int.fetchOne(db, sql: "SELECT count(*) \(clause.sql)", arguments: clause.arguments) ?? 0
        }
        var total = 0
        try forEach(in: db) { _ in total += 1 }
        return total
    }

    /// Calls `body` with each match once. Steps through SQLite's C API: GRDB's rows cost 15 ms more for 300,000 matches.
    ///
    /// Narrowed to organizations, the matches of the words are kept as a set of rowids and the first organization's links
    /// are read with their years, each kept if in the set: 80 ms for the common word and the busiest organization of a
    /// million events (66,947 of 297,840 matches and 245,920 links), where checking each match against the links as
    /// SQL (an `IN` list) took 120–140 ms.
    func forEach(in db: Database, _ body: (Match) throws -> Void) throws {
        guard let narrowing = organizations.first else {
            try Self.step(db, "SELECT e.dated, e.firstYear, e.lastYear, e.category \(clause.sql)", clause.arguments) {
                try body(Match(statement: $0))
            }
            return
        }
        var matches = try wordMatches(in: db)
        for group in organizations.dropFirst() {
            var linked = RowidSet()
            try Self.step(db, "SELECT entityRowid FROM organization_links WHERE organizationID IN (\(FilterSQL.marks(group.count))) AND kind = ?",
                          StatementArguments(group) + [kind]) { linked.insert(sqlite3_column_int64($0, 0)) }
            matches.formIntersection(linked)
        }
        try Self.step(db, """
            SELECT e.dated, e.firstYear, e.lastYear, e.category, o.entityRowid
            FROM organization_links o CROSS JOIN entity_years e ON e.rowid = o.entityRowid
            WHERE o.organizationID IN (\(FilterSQL.marks(narrowing.count))) AND o.kind = ? AND \(years.sql)
            """, StatementArguments(narrowing) + [kind] + years.arguments) { statement in
            // An entity linked to two organizations of the group comes twice: it is taken out of the set the first time.
            if matches.remove(sqlite3_column_int64(statement, 4)) { try body(Match(statement: statement)) }
        }
    }

    /// The rowids of the entities (of any kind) matching the words but not the words excluded.
    private func wordMatches(in db: Database) throws -> RowidSet {
        var matches = RowidSet()
        try Self.step(db, "SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?", [words]) { matches.insert(sqlite3_column_int64($0, 0)) }
        if let excluded {
            try Self.step(db, "SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?", [excluded]) {
                _ = matches.remove(sqlite3_column_int64($0, 0))
            }
        }
        return matches
    }

    /// How many of the matches each organization has linked to or from it, by its id (those with none left out); nil
    /// unless the list keeps the whole kind and no organization narrows it. Every entry of `organization_links` is read
    /// and kept if its entity is a match: 150 ms for the common word among a million events, where counting the links
    /// of each match took 1.5 s.
    func countsByOrganization(in db: Database) throws -> [String: Int]? {
        guard keepsTheWholeKind, organizations.isEmpty else { return nil }
        let matches = try wordMatches(in: db)
        // The entries come by organization: its id is made a String once for each run of them.
        var counts: [String: Int] = [:]
        var runID: [CChar] = [0], runCount = 0
        func endRun() {
            if runCount > 0 { counts[String(cString: runID)] = runCount }
        }
        try Self.step(db, "SELECT organizationID, entityRowid FROM organization_links WHERE kind = ?", [kind]) { statement in
            guard matches.contains(sqlite3_column_int64(statement, 1)), let id = sqlite3_column_text(statement, 0) else { return }
            let sameRun = id.withMemoryRebound(to: CChar.self, capacity: 1) { strcmp($0, runID) == 0 }
            if !sameRun {
                endRun()
                runID = Array(UnsafeBufferPointer(start: id, count: Int(sqlite3_column_bytes(statement, 0)) + 1)).map { CChar(bitPattern: $0) }
                runCount = 0
            }
            runCount += 1
        }
        endRun()
        return counts
    }

    /// Runs `sql` and calls `row` with the statement at each row.
    private static func step(_ db: Database, _ sql: String, _ arguments: StatementArguments,
                             _ row: (SQLiteStatement) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try row(handle)
            case SQLITE_DONE: return
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: sql)
            }
        }
    }
}

/// A set of rowids, as one bit per rowid from 0 (a million entities: 128 KB); rowids outside that range, which the
/// store does not make, are kept aside.
struct RowidSet {
    private var bits: [UInt64] = []
    private var outside: Set<Int64> = []
    /// Rowids up to this many are bits.
    private static let bitLimit: Int64 = 1 << 30

    mutating func insert(_ rowid: Int64) {
        guard (0..<Self.bitLimit).contains(rowid) else { outside.insert(rowid); return }
        let word = Int(rowid >> 6)
        if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: max(word + 1, bits.count * 2) - bits.count)) }
        bits[word] |= 1 << UInt64(rowid & 63)
    }

    /// Whether `rowid` is in the set.
    func contains(_ rowid: Int64) -> Bool {
        guard (0..<Self.bitLimit).contains(rowid) else { return outside.contains(rowid) }
        let word = Int(rowid >> 6)
        return word < bits.count && bits[word] & (1 << UInt64(rowid & 63)) != 0
    }

    /// Takes `rowid` out; whether it was in.
    mutating func remove(_ rowid: Int64) -> Bool {
        guard (0..<Self.bitLimit).contains(rowid) else { return outside.remove(rowid) != nil }
        let word = Int(rowid >> 6), bit: UInt64 = 1 << UInt64(rowid & 63)
        guard word < bits.count, bits[word] & bit != 0 else { return false }
        bits[word] &= ~bit
        return true
    }

    /// Keeps only the rowids `other` holds too.
    mutating func formIntersection(_ other: RowidSet) {
        for word in bits.indices { bits[word] &= word < other.bits.count ? other.bits[word] : 0 }
        outside.formIntersection(other.outside)
    }
}
