import ChanceryModel
import Foundation
import GRDB
import Synchronization

/// Why the store could not be opened or built.
public enum StoreError: Error, CustomStringConvertible {
    /// The data directory has problems; the store is not built from broken data.
    case invalidData(directory: String, issues: [DatasetIssue])
    /// The store file could not be written.
    case cannotBuild(path: String, reason: String)
    /// The store file could not be read.
    case cannotOpen(path: String, reason: String)
    /// Another process (an import, a rebuild) kept the store locked for longer than `ChanceryStore.busyTimeout`.
    case busy(path: String)
    /// The file is not one chancery made; it is left alone.
    case notAStore(path: String, reason: String)
    /// The store cannot be read and is not one chancery may rebuild (it holds, or may hold, imported events).
    case damaged(path: String, reason: String)
    /// A new file was to be made at the path, and something is already there.
    case exists(path: String)
    /// The store holds a value this version of chancery cannot read (a kind or role it does not know), in `column`.
    case unknownValue(path: String, column: String, value: String)

    /// A message that says what happened and what to do.
    public var description: String {
        switch self {
        case .invalidData(let directory, let issues):
            let shown = issues.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            let more = issues.count > 10 ? "\n  … and \(issues.count - 10) more" : ""
            return "the data in \(directory) has \(issues.count) problem(s):\n\(shown)\(more)\nrun `chancery validate --data \(directory)` after fixing them"
        case .cannotBuild(let path, let reason):
            return "cannot build the store at \(path): \(reason)\nchoose another location with --store PATH"
        case .cannotOpen(let path, let reason):
            return "cannot open the store at \(path): \(reason)"
        case .busy(let path):
            return "the store at \(path) is busy: another chancery (an import, or a rebuild of the store) is writing it; "
                + "try again when it has finished"
        case .notAStore(let path, let reason):
            return "\(path) is not a chancery store (\(reason)); it is left alone: choose another path with --store PATH"
        case .damaged(let path, let reason):
            return "cannot read the store at \(path): \(reason)\n"
                + "it holds (or may hold) imported events, so chancery leaves it as it is; SQLite can often recover most of it:\n"
                + "  sqlite3 '\(path)' .recover | sqlite3 RECOVERED.sqlite"
        case .exists(let path):
            return "\(path) already exists; chancery does not replace it: remove it or choose another path"
        case .unknownValue(let path, let column, let value):
            return "the store at \(path) holds \"\(value)\" in its \(column) column, which this version of chancery cannot read; "
                + "another version of chancery, or another program, wrote it"
        }
    }
}

/// The local data store: an SQLite database derived from `Data/` (or filled by imports), and the queries the browser runs.
public final class ChanceryStore: EntityQueries {
    private let database: DatabaseQueue
    private let counts = Mutex<[EntityFilter: Int]>([:])
    /// The store file's path.
    public let path: String
    /// Whether the store is derived from data (and may be rebuilt) or holds the user's imported events.
    public let origin: StoreOrigin

    private init(database: DatabaseQueue, path: String, origin: StoreOrigin) {
        self.database = database
        self.path = path
        self.origin = origin
    }

    /// What opening a store file found: a store, or a chancery store SQLite cannot read, and why.
    private enum Inspection {
        case store(ChanceryStore)
        case unreadable(reason: String)
    }

    /// Opens an existing store. Throws `notAStore` for a file chancery did not make, `busy` when another
    /// process keeps it locked, and `cannotOpen` when it cannot be read.
    public static func open(path: String) throws -> ChanceryStore {
        switch try inspect(path) {
        case .store(let store): return store
        case .unreadable(let reason): throw StoreError.cannotOpen(path: path, reason: reason)
        }
    }

    /// Where the store at `path` came from, or nil when there is no readable store there.
    public static func origin(ofStoreAt path: String) -> StoreOrigin? {
        (try? open(path: path))?.origin
    }

    /// Opens the file at `path` as a store. It is opened read-write when the file and its folder allow it,
    /// though nothing is written: SQLite then rolls back what an interrupted import left (a hot journal)
    /// before anything is judged unreadable.
    private static func inspect(_ path: String) throws -> Inspection {
        try refuseSpecialFile(at: path, as: { StoreError.cannotOpen(path: path, reason: $0) })
        switch StoreFileContent(path: path) {
        case .missing: throw StoreError.cannotOpen(path: path, reason: "there is no such file")
        case .empty: return .unreadable(reason: "the file is empty")
        case .notSQLite: throw StoreError.notAStore(path: path, reason: "it is not an SQLite database")
        case .sqlite(let applicationID, _):
            guard applicationID == StoreMark.applicationID || applicationID == 0 else {
                throw StoreError.notAStore(path: path, reason: "it is the SQLite database of another program")
            }
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            configuration.readonly = access(path, W_OK) != 0 || access(folder, W_OK) != 0
            let database = try DatabaseQueue(path: path, configuration: configuration)
            let origin: StoreOrigin = try database.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let userVersion = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let hasMeta = try db.tableExists("meta")
                if applicationID == StoreMark.applicationID, let origin = StoreMark.origin(userVersion: userVersion) {
                    return origin
                }
                // Stores made before the header marks: a `meta` table with the schema, and `origin` for imports.
                guard applicationID == 0, hasMeta,
                      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") != nil else {
                    throw StoreError.notAStore(path: path, reason: "it is an SQLite database chancery did not make")
                }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'origin'") == "import" ? .import : .data
            }
            let version = try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") }
            guard version == Schema.version else {
                let reason = "it was built by another version of chancery (store schema \(version ?? "unknown"), this one reads \(Schema.version))"
                // A derived store is simply rebuilt; the user's is theirs to open with that version (and export).
                guard origin == .data else {
                    throw StoreError.cannotOpen(path: path, reason: reason + "; it is left as it is: open it with that version to export its events")
                }
                return .unreadable(reason: reason)
            }
            // A file cut short (an interrupted copy) can still open; its header tells the size it should have.
            let expectedSize = try database.read { db in
                try Int64.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
            guard size == expectedSize else { return .unreadable(reason: "the file is truncated") }
            return .store(ChanceryStore(database: database, path: path, origin: origin))
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw StoreError.busy(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN:
                guard FileManager.default.fileExists(atPath: path + "-journal") else { return .unreadable(reason: Self.reason(error)) }
                throw StoreError.cannotOpen(path: path, reason: """
                    an interrupted import left its journal (\(path)-journal), which SQLite must roll back before the \
                    store can be read; that needs write access to the store and its folder: run chancery once with it
                    """)
            default:
                return .unreadable(reason: Self.reason(error))
            }
        } catch {
            return .unreadable(reason: Self.reason(error))
        }
    }

    /// Opens the store for `dataDirectory` at `path`, first (re)building it from the data when it is
    /// missing, unreadable, or older than the data files. Returns whether it was rebuilt. Only a store that
    /// chancery derived from data is ever rebuilt: a store holding imported events is opened as it is, or
    /// reported (`damaged`) when it cannot be read, and a file chancery did not make is refused (`notAStore`).
    public static func openFresh(dataDirectory: URL, path: String) throws -> (store: ChanceryStore, rebuilt: Bool) {
        // Another process may place or replace the store meanwhile: then look again.
        for _ in 0..<5 {
            do {
                return try openOrRebuild(dataDirectory: dataDirectory, path: path)
            } catch StoreError.exists(path) {
                continue
            }
        }
        throw StoreError.busy(path: path)
    }

    private static func openOrRebuild(dataDirectory: URL, path: String) throws -> (store: ChanceryStore, rebuilt: Bool) {
        try refuseSpecialFile(at: path, as: { StoreError.cannotOpen(path: path, reason: $0) })
        let fingerprint = DataFingerprint.of(dataDirectory)
        /// The store at `path` when it may be used as it is; nil when it is a derived store to rebuild.
        func usable() throws -> ChanceryStore? {
            let content = StoreFileContent(path: path)
            if content == .empty { return nil }
            switch try inspect(path) {
            case .store(let store):
                return store.origin == .import || (try? store.metaValue("fingerprint")) == fingerprint ? store : nil
            case .unreadable(let reason):
                guard content.isMarkedDerived || StoreFileContent(path: path).isMarkedDerived else {
                    throw StoreError.damaged(path: path, reason: reason)
                }
                return nil
            }
        }
        if StoreFileContent(path: path) != .missing, let store = try usable() { return (store, false) }
        let (dataset, issues) = Dataset.load(from: dataDirectory)
        let problems = issues + (issues.isEmpty ? dataset.validate() : [])
        guard problems.isEmpty else { throw StoreError.invalidData(directory: dataDirectory.path, issues: problems) }
        guard let lock = try StoreWriteLock.acquire(path) else {
            // Nothing there: made beside it and placed only if nothing appeared meanwhile (else `exists`, look again).
            try build(dataset, at: path, fingerprint: fingerprint, placement: .new)
            return (try open(path: path), true)
        }
        // Under the lock, no import is under way: look once more, since another run may have rebuilt it.
        if let store = try usable() { return (store, false) }
        try build(dataset, at: path, fingerprint: fingerprint, placement: .replacing(lock))
        return (try open(path: path), true)
    }

    /// Writes the store for `dataset` at `path`, replacing a store derived from data (never one holding
    /// imported events, nor a file chancery did not make).
    public static func build(_ dataset: Dataset, at path: String, fingerprint: String) throws {
        try refuseSpecialFile(at: path, as: { StoreError.cannotBuild(path: path, reason: $0) })
        guard let lock = try StoreWriteLock.acquire(path) else {
            return try build(dataset, at: path, fingerprint: fingerprint, placement: .new)
        }
        let content = StoreFileContent(path: path)
        if content != .empty && !content.isMarkedDerived {
            guard case .store(let store) = try inspect(path), store.origin == .data else {
                throw StoreError.cannotBuild(path: path, reason: "it holds imported events, which a build from data would lose")
            }
        }
        try build(dataset, at: path, fingerprint: fingerprint, placement: .replacing(lock))
    }

    /// Writes the store for `dataset` to a temporary file beside `path`, then places it there, so a reader
    /// sees the old store or the new one, never half of one.
    private static func build(_ dataset: Dataset, at path: String, fingerprint: String, placement: Placement) throws {
        try writeAtomically(to: path, origin: .data, placement: placement) { database in
            let content = StoreContent(dataset)
            try database.write { db in
                try content.insert(into: db)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema', ?), ('fingerprint', ?)",
                               arguments: [Schema.version, fingerprint])
            }
            // Statistics for the query planner, sampled so that they stay cheap on large stores.
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE") }
        }
    }

    /// How a new store file is put at its path.
    enum Placement {
        /// Only where nothing is: `StoreError.exists` otherwise.
        case new
        /// Renamed over the file whose write lock is held.
        case replacing(StoreWriteLock)
    }

    /// Makes a store in a temporary file beside `path` (migrated, marked with `origin`, then filled by `fill`)
    /// and places it at `path`, so that a reader sees the old file or the new one, never half of one.
    static func writeAtomically(to path: String, origin: StoreOrigin, placement: Placement,
                                _ fill: (DatabaseQueue) throws -> Void) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = temporaryPath(beside: path)
        try refuseSpecialFile(at: path, as: { StoreError.cannotBuild(path: path, reason: $0) })
        do {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
                throw StoreError.cannotBuild(path: path, reason: exists && !isDirectory.boolValue
                    ? "\(directory.path) is not a directory"
                    : "cannot make the directory \(directory.path): \(Self.reason(error))")
            }
            removeAbandonedTemporaryFiles(in: directory)
            // Made here first, so that a directory where no file can be made is reported with the system's reason.
            guard let file = fopen(temporary, "wx") else {
                throw StoreError.cannotBuild(path: path, reason: "cannot make a file in \(directory.path): \(String(cString: strerror(errno)))")
            }
            fclose(file)
            defer {
                try? FileManager.default.removeItem(atPath: temporary)
                try? FileManager.default.removeItem(atPath: temporary + "-journal")
            }
            let database = try DatabaseQueue(path: temporary)
            try Schema.migrator.migrate(database)
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(StoreMark.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(origin == .data ? StoreMark.derived : StoreMark.usersData)")
            }
            try fill(database)
            try database.close()
            switch placement {
            case .new:
                try placeNewFile(temporary, at: path)
            case .replacing(let lock):
                try withExtendedLifetime(lock) {
                    guard rename(temporary, path) == 0 else {
                        throw StoreError.cannotBuild(path: path, reason: String(cString: strerror(errno)))
                    }
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotBuild(path: path, reason: reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            let message = error.message ?? "\(error)"
            let diskTrouble = error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR
            return diskTrouble ? "\(message) (is the disk full?)" : message
        }
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return "\(error)"
    }

    private func metaValue(_ key: String) throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    // MARK: - Queries

    /// A window of the entities matching `filter`, in list order, and how many match.
    public func page(_ filter: EntityFilter, offset: Int, limit: Int) throws -> EntityPage {
        return try reading { db in
            let query = try FilterSQL(filter, in: db)
            let total = try count(filter, query, in: db)
            let offset = max(0, offset)
            let window = query.window(offset: offset, limit: max(0, limit), total: total)
            var rows = try EntityRecord.fetchAll(db, sql: window.sql, arguments: window.arguments)
            if window.isReversed { rows.reverse() }
            let kind = EntityFilter(kind: filter.kind)
            let unfilteredTotal = filter == kind ? total : try count(kind, FilterSQL(kind, in: db), in: db)
            return EntityPage(rows: rows.map(\.summary), offset: offset, total: total, unfilteredTotal: unfilteredTotal)
        }
    }

    /// Calls `body` with every entity matching `filter`, in list order. Rows are read a thousand at a time, each
    /// batch a read of its own that resumes after the last row's sort key, so memory stays flat however many
    /// match and an import waiting to commit is never held up for long.
    public func forEach(_ filter: EntityFilter, _ body: (EntitySummary) throws -> Void) throws {
        let batchSize = 1_000
        var after: StatementArguments?
        while true {
            let rows = try reading { db in
                let query = try FilterSQL(filter, in: db)
                var sql = "SELECT e.* FROM entity e WHERE \(query.sql)"
                var arguments = query.arguments
                if let after {
                    sql += " AND (\(query.sortKey), e.id) > (?, ?)"
                    arguments += after
                }
                return try EntityRecord.fetchAll(db, sql: sql + " ORDER BY \(query.order) LIMIT \(batchSize)", arguments: arguments)
            }
            for row in rows { try body(row.summary) }
            guard let last = rows.last, rows.count == batchSize else { return }
            after = filter.kind.sortsByDate ? [last.dateStart, last.id] : [last.sortName, last.id]
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

    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw QueryInterrupted()
        } catch let error as UnknownStoredValue {
            throw StoreError.unknownValue(path: path, column: error.column, value: error.value)
        }
    }

    /// How many entities match `filter`; counted once per filter, since the store does not change while open.
    private func count(_ filter: EntityFilter, _ query: FilterSQL, in db: Database) throws -> Int {
        if let known = counts.withLock({ $0[filter] }) { return known }
        let counting = query.count
        let total = try Int.fetchOne(db, sql: counting.sql, arguments: counting.arguments) ?? 0
        counts.withLock { known in
            // A bounded memo: typing a filter makes one entry a keystroke.
            if known.count >= 256 { known.removeAll() }
            known[filter] = total
        }
        return total
    }

    /// How many entities match `filter` in each year.
    public func yearCounts(_ filter: EntityFilter) throws -> [YearCount] {
        return try reading { db in
            let condition = try FilterSQL(filter, in: db)
            return try Row.fetchAll(db, sql: """
                SELECT CASE WHEN e.dateStart < 0 THEN (e.dateStart + 1) / 10000 - 1 ELSE e.dateStart / 10000 END AS year,
                       count(*) AS count FROM entity e
                WHERE \(condition.sql) AND e.date IS NOT NULL GROUP BY year ORDER BY year
                """, arguments: condition.arguments)
                .map { YearCount(year: $0["year"], count: $0["count"]) }
        }
    }

    /// Everything about the entity `id`: fields, links both ways, meetings and citations.
    public func detail(id: String) throws -> EntityDetail? {
        try reading { db in try Self.detail(id: id, in: db) }
    }

    private static func detail(id: String, in db: Database) throws -> EntityDetail? {
        guard let record = try EntityRecord.filter(EntityRecord.Columns.id == id).fetchOne(db) else { return nil }
        let outbound = try Row.fetchAll(db, sql: """
            SELECT l.role, e.* FROM link l JOIN entity e ON e.id = l.toID
            WHERE l.fromID = ? ORDER BY l.position
            """, arguments: [id])
        // Inbound links can run to hundreds of thousands (a busy organization): read a bounded number of each
        // kind off the link index, and how many there are in all.
        let inboundCounts = try Row.fetchAll(db, sql: "SELECT fromKind, count(*) AS count FROM link WHERE toID = ? GROUP BY fromKind",
                                             arguments: [id])
        var inbound: [Row] = []
        var inboundLinkCounts: [EntityKind: Int] = [:]
        for row in inboundCounts {
            let kind: EntityKind = try row.stored("fromKind")
            let total: Int = row["count"]
            inboundLinkCounts[kind] = total
            let rows = try Row.fetchAll(db, sql: """
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
            SELECT c.sourceID, c.quote, coalesce(s.name, c.sourceID) AS title FROM citation c
            LEFT JOIN entity s ON s.id = c.sourceID WHERE c.entityID = ? ORDER BY c.position
            """, arguments: [id])
            .map { CitationDetail(sourceID: $0["sourceID"], sourceTitle: $0["title"], quote: $0["quote"]) }
        return EntityDetail(summary: record.summary, text: record.text, dateNote: record.dateNote, fields: try record.detailFields(),
                            links: links, inboundLinkCounts: inboundLinkCounts, meetings: meetings, citations: citations)
    }
}

/// A fingerprint of the data files (names, sizes, modification times): the store is stale when it differs.
enum DataFingerprint {
    static func of(_ directory: URL) -> String {
        let parts = EntityDescriptor.all.map { descriptor -> String in
            let file = descriptor.fileName
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(file):\(size):\(modified)"
        }
        return ([Schema.version, directory.standardizedFileURL.path] + parts).joined(separator: "|")
    }
}

extension EntityKind {
    /// Whether lists of this kind run in date order (else in name order).
    var sortsByDate: Bool { isDated && self != .source }
}

/// The SQL that counts and lists what an `EntityFilter` keeps, over `entity e`.
struct FilterSQL {
    /// The conditions, over `entity e`.
    var sql: String
    var arguments: StatementArguments
    /// The column lists are ordered by (then by id).
    var sortKey: String
    /// The list order, and its reverse.
    var order: String
    var reverseOrder: String
    /// Set when the filter is only "linked to this entity", and only by links into it: then the link index
    /// holds the list in order, and windows are read off it instead of scanning the kind.
    var inbound: (id: String, kind: EntityKind)?

    init(_ filter: EntityFilter, in db: Database) throws {
        var clauses = ["e.kind = ?"]
        var arguments: StatementArguments = [filter.kind]
        if !filter.categories.isEmpty {
            clauses.append("e.category IN (\(filter.categories.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(filter.categories)
        }
        if filter.since != nil || filter.until != nil {
            clauses.append("e.date IS NOT NULL")
        }
        if let since = filter.since {
            clauses.append("e.dateEnd >= ?")
            arguments += [Int64(since.startKey)]
        }
        if let until = filter.until {
            // An open or unknown start ("../1995", "/1995") may lie before any date, as an open or unknown end may lie after.
            clauses.append("(e.dateStart <= ? OR substr(e.date, 1, 1) IN ('.', '/'))")
            arguments += [Int64(until.endKey)]
        }
        let words = SearchFolding.words(filter.text)
        if !words.isEmpty {
            clauses.append("e.rowid IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)")
            arguments += [words.map { "\"\($0)\"*" }.joined(separator: " ")]
        }
        for id in filter.linkedTo {
            // Both directions, each side restricted to the kind listed so the indexes do the narrowing.
            clauses.append("e.id IN (SELECT fromID FROM link WHERE toID = ? AND fromKind = ? UNION ALL SELECT toID FROM link WHERE fromID = ? AND toKind = ?)")
            arguments += [id, filter.kind, id, filter.kind]
        }
        if let country = filter.country {
            clauses.append("""
                e.id IN (SELECT fromID FROM link WHERE toID = ?1c OR toID IN (SELECT fromID FROM link WHERE toID = ?1c AND role = 'country' AND fromKind = 'place'))
                """.replacingOccurrences(of: "?1c", with: "?"))
            arguments += [country, country]
        }
        sql = clauses.joined(separator: " AND ")
        self.arguments = arguments
        sortKey = filter.kind.sortsByDate ? "e.dateStart" : "e.sortName"
        order = "\(sortKey), e.id"
        reverseOrder = "\(sortKey) DESC, e.id DESC"
        if sortKey == "e.dateStart", let id = filter.linkedTo.first,
           filter == EntityFilter(kind: filter.kind, linkedTo: [id]),
           try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM link WHERE fromID = ? AND toKind = ?)",
                              arguments: [id, filter.kind])! {
            inbound = (id, filter.kind)
        }
    }

    /// Counts the entities kept.
    var count: (sql: String, arguments: StatementArguments) {
        if let inbound {
            // An entity linked in two roles has two links: count it once.
            return ("SELECT count(*) FROM (SELECT 1 FROM link WHERE toID = ? AND fromKind = ? GROUP BY fromDateStart, fromID)",
                    [inbound.id, inbound.kind])
        }
        return ("SELECT count(*) FROM entity e WHERE \(sql)", arguments)
    }

    /// Lists the window `offset..<offset + limit` of a list of `total`; a reversed window comes last row first.
    func window(offset: Int, limit: Int, total: Int) -> (sql: String, arguments: StatementArguments, isReversed: Bool) {
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
