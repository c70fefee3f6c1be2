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
    let database: DatabaseQueue
    /// How many entities each filter read so far keeps (the store does not change while open).
    let counts = Mutex<[EntityFilter: Int]>([:])
    /// How many of them match the filter's words in titles, for the lists with words.
    let titledCounts = Mutex<[EntityFilter: Int]>([:])
    /// The store file's path.
    public let path: String
    /// Whether the store is derived from data (and may be rebuilt) or holds the user's imported events.
    public let origin: StoreOrigin
    /// Which of the tables and indexes added after schema 8 was first made the store has, read once when it opens.
    let derived: Schema.Derived

    private init(database: DatabaseQueue, path: String, origin: StoreOrigin) throws {
        self.database = database
        self.path = path
        self.origin = origin
        derived = try database.read { db in try Schema.Derived.present(in: db) }
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
            var version = try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") }
            if version == Schema.previousVersion, origin != .data {
                // The user's store of the version before lacks only the table of coded events. Reading writes nothing to
                // it: this connection gets an empty table of its own (TEMP, in memory); the next import adds the table.
                try database.inDatabase { db in try Schema.addCodedEvents(db, temporary: true) }
                version = Schema.version
            }
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
            return .store(try ChanceryStore(database: database, path: path, origin: origin))
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
}
