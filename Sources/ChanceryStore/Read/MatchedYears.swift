import ChanceryModel
import Foundation
import GRDB
import GRDBSQLite

/// A list read from `entity_years` (each entity's kind, category and years under its rowid, 34 MB for a million events)
/// and `entity_links` instead of from `entity`: its count, its years, its categories and its targets. It holds words,
/// narrowings to organizations, places and people, and the kind, categories and whole years.
struct MatchedYears {
    /// The FTS5 expressions of the words (nil: no words), and of the words excluded.
    var words: String?
    var excluded: String?
    /// The targets the list is narrowed to, each group one narrowing (an organization with the sub-bodies the filter asks
    /// for), by rowid: an entity is kept when linked to some target of every group.
    var linked: [LinkedGroup]
    var kind: EntityKind
    /// The kind, categories and whole years, over the columns of `entity_years e`.
    var years: FilterSQL.Condition
    /// True when the kind is the only condition besides the words and narrowings: no categories, no years.
    var keepsTheWholeKind: Bool
    /// True when the store has `date_class`: the list is then counted class by class (`forEachClass`).
    var readsDateClasses: Bool

    /// The targets of one narrowing, all of one kind.
    struct LinkedGroup {
        var targetKind: EntityKind
        var rowids: [Int64]

        /// `entity_links l` entries of entities of `kind` linked to these targets.
        func condition(kind: EntityKind) -> FilterSQL.Condition {
            FilterSQL.Condition(sql: "l.kind = ? AND l.targetKind = ? AND l.targetRowid IN (\(FilterSQL.marks(rowids.count)))",
                                arguments: [kind, targetKind] + StatementArguments(rowids))
        }
    }

    /// True when neither words nor narrowings pick the entities: every `entity_years` row of the kind is read.
    var readsTheWholeKind: Bool { words == nil && linked.isEmpty }

    /// Without narrowings, `FROM … WHERE …` whose rows `e` are the `entity_years` rows of the matches (of the whole
    /// kind, without words), each checked against the excluded words before it is read (`+` keeps SQLite from handing
    /// the check to the search index).
    private var clause: FilterSQL.Condition {
        let excludedCheck = excluded.map { _ in "AND +e.rowid NOT IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)" } ?? ""
        let excludedArguments = StatementArguments(excluded.map { [$0] } ?? [])
        guard let words else {
            return FilterSQL.Condition(sql: "FROM entity_years e WHERE \(years.sql) \(excludedCheck)",
                                       arguments: years.arguments + excludedArguments)
        }
        return FilterSQL.Condition(sql: """
            FROM entity_fts f CROSS JOIN entity_years e ON e.rowid = f.rowid
            WHERE f.entity_fts MATCH ? \(excludedCheck) AND \(years.sql)
            """, arguments: [words] + excludedArguments + years.arguments)
    }

    /// One match, as its `entity_years` row is stepped over: read only what is asked for.
    struct Match {
        fileprivate let statement: SQLiteStatement

        var isDated: Bool { sqlite3_column_int(statement, 0) != 0 }
        var firstYear: Int? { year(at: 1) }
        var lastYear: Int? { year(at: 2) }
        var category: String { columnText(statement, 3) }
        var rowid: Int64 { sqlite3_column_int64(statement, 4) }

        private func year(at column: Int32) -> Int? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, column))
        }
    }

    /// Entities of the list alike in category and years, and how many.
    struct YearClass {
        var isDated: Bool
        var firstYear: Int?
        var lastYear: Int?
        var category: String
        var count: Int

        /// `count` entities alike in category and years to `match`.
        init(_ match: Match, count: Int) {
            (isDated, firstYear, lastYear, category, self.count) = (match.isDated, match.firstYear, match.lastYear, match.category, count)
        }
    }

    /// How many entities match: counted class by class, or by SQLite when nothing narrows the list, else match by match.
    func count(in db: Database) throws -> Int {
        guard !linked.isEmpty || usesDateClasses else {
            return try Int.fetchOne(db, sql: "SELECT count(*) \(clause.sql)", arguments: clause.arguments) ?? 0
        }
        var total = 0
        try forEachClass(in: db) { total += $0.count }
        return total
    }

    /// Whether the list is read class by class: the store has `date_class` and words or narrowings give its rowids.
    private var usesDateClasses: Bool { readsDateClasses && !readsTheWholeKind }

    /// Calls `body` with the list's entities gathered by category and years, as the year histogram and the kinds count
    /// them. From `date_class`, each class the kind, categories and years keep is unpacked and the list's rowids it holds
    /// are counted: 33–50 ms for the common word among a million events (the search ≈ 30), where reading each match's
    /// years from `entity_years` took 110–190; else each match is a class of its own.
    func forEachClass(in db: Database, _ body: (YearClass) throws -> Void) throws {
        guard usesDateClasses else {
            try forEach(in: db) { match in
                try body(YearClass(match, count: 1))
            }
            return
        }
        try forEachDateClass(in: db) { statement, kept in
            var count = 0
            PackedRowids.forEach(inColumn: 4, of: statement) { if kept.contains($0) { count += 1 } }
            guard count > 0 else { return }
            try body(YearClass(Match(statement: statement), count: count))
        }
    }

    /// Calls `body` with each `date_class` row (`Match`'s columns, then the rowids) the kind, categories and years keep,
    /// and the rowids the words and narrowings keep.
    private func forEachDateClass(in db: Database, _ body: (SQLiteStatement, RowidSet) throws -> Void) throws {
        let kept = try keptByWordsAndLinks(in: db)
        try db.step("SELECT e.dated, e.firstYear, e.lastYear, e.category, e.rowids FROM date_class e WHERE \(years.sql)", years.arguments) {
            try body($0, kept)
        }
    }

    /// Calls `body` with each match once. Steps through SQLite's C API: GRDB's rows cost 15 ms more for 300,000 matches.
    ///
    /// Narrowed, the matches of the words and of every narrowing but the first are kept as a set of rowids, and the
    /// first narrowing's links are read with their years, each kept if in the set: 80 ms for the common word and the
    /// busiest organization of a million events (66,947 of 297,840 matches and 245,920 links), where checking each
    /// match against the links as SQL (an `IN` list) took 120–140 ms.
    func forEach(in db: Database, _ body: (Match) throws -> Void) throws {
        guard let narrowing = linked.first else {
            try db.step("SELECT e.dated, e.firstYear, e.lastYear, e.category, e.rowid \(clause.sql)", clause.arguments) {
                try body(Match(statement: $0))
            }
            return
        }
        var kept = try matches(metBy: linked.dropFirst(), in: db)
        let excludedMatches = try excluded.map { try Self.matches(of: $0, in: db) }
        var seen = RowidSet()
        let condition = narrowing.condition(kind: kind)
        try db.step("""
            SELECT e.dated, e.firstYear, e.lastYear, e.category, l.entityRowid
            FROM entity_links l CROSS JOIN entity_years e ON e.rowid = l.entityRowid
            WHERE \(condition.sql) AND \(years.sql)
            """, condition.arguments + years.arguments) { statement in
            let rowid = sqlite3_column_int64(statement, 4)
            // An entity linked to two targets of the group comes twice: it is taken out of the set, or noted, the first time.
            let isFirst = kept == nil ? seen.insert(rowid) : kept!.remove(rowid)
            if isFirst, excludedMatches?.contains(rowid) != true { try body(Match(statement: statement)) }
        }
    }

    /// The words' matches (of every kind) that the links of every group meet, as the links' entities without words;
    /// nil with neither words nor groups.
    private func matches(metBy groups: ArraySlice<LinkedGroup>, in db: Database) throws -> RowidSet? {
        var kept = try words.map { try Self.matches(of: $0, in: db) }
        for group in groups {
            var linked = RowidSet()
            let condition = group.condition(kind: kind)
            try db.step("SELECT l.entityRowid FROM entity_links l WHERE \(condition.sql)", condition.arguments) {
                linked.insert(sqlite3_column_int64($0, 0))
            }
            if kept == nil { kept = linked } else { kept!.formIntersection(linked) }
        }
        return kept
    }

    /// The rowids of the entities (of any kind) matching the FTS5 expression `match`.
    private static func matches(of match: String, in db: Database) throws -> RowidSet {
        var matches = RowidSet()
        try db.step("SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?", [match]) { matches.insert(sqlite3_column_int64($0, 0)) }
        return matches
    }

    /// The rowids of what the list keeps, or nil when it reads the whole kind (with categories, years or excluded
    /// words: SQL reads those along the indexes of `entity`). With words and the kind alone, the words' matches of every
    /// kind, for a reader of one kind's links; narrowed to organizations, places or people with the kind alone, the
    /// links' entities, without reading their years.
    func rowids(in db: Database) throws -> RowidSet? {
        guard !readsTheWholeKind else { return nil }
        if keepsTheWholeKind { return try keptByWordsAndLinks(in: db) }
        var kept = RowidSet()
        if usesDateClasses {
            try forEachDateClass(in: db) { statement, matches in
                PackedRowids.forEach(inColumn: 4, of: statement) { if matches.contains($0) { kept.insert($0) } }
            }
        } else {
            try forEach(in: db) { kept.insert($0.rowid) }
        }
        return kept
    }

    /// The rowids the words (their matches of every kind) and narrowings keep, the words excluded taken out; the
    /// kind, categories and years are not looked at. Only for a list that does not read the whole kind.
    private func keptByWordsAndLinks(in db: Database) throws -> RowidSet {
        var kept = try matches(metBy: linked[...], in: db)!
        if let excluded { kept.subtract(try Self.matches(of: excluded, in: db)) }
        return kept
    }
}
