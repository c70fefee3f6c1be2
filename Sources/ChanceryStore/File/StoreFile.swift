import Foundation

/// Where a store came from, as the store file's header says.
public enum StoreOrigin: Sendable {
    /// Built from a data directory, and rebuilt when the data change: nothing in it is the user's.
    case data
    /// Holds events added by `chancery import` or `chancery generate`: the user's data, never rebuilt,
    /// replaced or removed by chancery.
    case `import`
}

/// The marks chancery puts in the SQLite header of every store it makes (`PRAGMA application_id` and
/// `PRAGMA user_version`), so that a file is known as chancery's, and as derived or the user's, even when
/// the rest of it is damaged.
enum StoreMark {
    /// "CHNC": the file is a chancery store.
    static let applicationID: Int32 = 0x4348_4E43
    /// `user_version` of a store derived from a data directory.
    static let derived: Int32 = 1
    /// `user_version` of a store holding imported or generated events.
    static let usersData: Int32 = 2

    static func origin(userVersion: Int32) -> StoreOrigin? {
        switch userVersion {
        case derived: .data
        case usersData: .import
        default: nil
        }
    }
}

/// What is at a store path, read from the file's first 100 bytes with plain reads, so without SQLite's locks
/// and without any chance of SQLite changing the file.
enum StoreFileContent: Equatable {
    case missing
    case empty
    case notSQLite
    /// An SQLite database; `applicationID` and `userVersion` as its header holds them (0 when unset).
    case sqlite(applicationID: Int32, userVersion: Int32)

    init(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            self = FileManager.default.fileExists(atPath: path) ? .notSQLite : .missing
            return
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty {
            self = .empty
        } else if header.count < 100 || !header.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            self = .notSQLite
        } else {
            func bigEndian(at offset: Int) -> Int32 {
                header[offset..<offset + 4].reduce(0) { ($0 << 8) | Int32($1) }
            }
            self = .sqlite(applicationID: bigEndian(at: 68), userVersion: bigEndian(at: 60))
        }
    }

    /// Whether the header marks the file as a store chancery derived from data, which may be rebuilt.
    var isMarkedDerived: Bool {
        self == .sqlite(applicationID: StoreMark.applicationID, userVersion: StoreMark.derived)
    }
}

/// An exclusive `flock` on a store file, held by whoever writes to or replaces the store (an import, a
/// rebuild), so that two writers never work on one store at once and a rebuild never renames a new file
/// over a store an import is filling. Readers do not take it: SQLite's own locks keep their reads whole.
///
/// `flock` locks are apart from the POSIX locks SQLite takes; but closing any descriptor of a file drops
/// this process's POSIX locks on it, so the lock is released only once the process's SQLite connections to
/// the file are closed or idle.
final class StoreWriteLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Locks the file now at `path`, waiting up to `timeout` seconds for another writer to finish, and
    /// checking that the file locked is still the one at `path` (a rebuild may have renamed a new one there).
    /// Returns nil when no file is there; throws `StoreError.busy` when the wait runs out.
    static func acquire(_ path: String, timeout: TimeInterval = ChanceryStore.busyTimeout) throws -> StoreWriteLock? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else {
                if errno == ENOENT || errno == ENOTDIR { return nil }
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            let lock = StoreWriteLock(descriptor: descriptor)
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                var locked = stat(), current = stat()
                if fstat(descriptor, &locked) == 0, stat(path, &current) == 0,
                   locked.st_ino == current.st_ino, locked.st_dev == current.st_dev {
                    return lock
                }
                continue
            }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            guard Date() < deadline else { throw StoreError.busy(path: path) }
            usleep(20_000)
        }
    }
}

extension ChanceryStore {
    /// How long a command waits for a store another process is writing before it says the store is busy.
    public static let busyTimeout: TimeInterval = 5

    /// A path for a file that will become `path`: hidden, beside it, named after this process so that
    /// the files of killed runs can be recognised and removed (`removeAbandonedTemporaryFiles`).
    public static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
    }

    /// Puts the finished file `temporary` at `path` only if nothing is there yet (a hard link, then the
    /// temporary name removed), so a file that appeared meanwhile (another run's store) is never replaced.
    /// Throws `StoreError.exists` when something is there.
    public static func placeNewFile(_ temporary: String, at path: String) throws {
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        let failure = errno
        if failure == EEXIST { throw StoreError.exists(path: path) }
        // File systems without hard links: a rename, after checking once more that nothing is there.
        if [EPERM, EOPNOTSUPP, EXDEV, EMLINK].contains(failure), !FileManager.default.fileExists(atPath: path),
           rename(temporary, path) == 0 {
            return
        }
        throw StoreError.cannotBuild(path: path, reason: String(cString: strerror(failure == EEXIST ? failure : errno)))
    }

    /// Throws `error(reason)` when `path` names something other than a regular file (a directory, a device such
    /// as /dev/null, a FIFO): opening a FIFO would wait forever, and renaming a new store over a device would
    /// replace the device. A missing file is fine.
    static func refuseSpecialFile(at path: String, as error: (String) -> StoreError) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        let type = status.st_mode & S_IFMT
        guard type != S_IFREG else { return }
        let what = type == S_IFDIR ? "a directory" : type == S_IFIFO ? "a FIFO" : type == S_IFCHR || type == S_IFBLK ? "a device" : "not a regular file"
        throw error("it is \(what), not a store file, and is left alone; choose another path with --store PATH")
    }

    /// Removes the files that chancery runs killed half-way (SIGKILL, a power cut) left in `directory`:
    /// `.NAME.PID.RANDOM.tmp` and their journals, whose process is gone.
    public static func removeAbandonedTemporaryFiles(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            // "", NAME…, PID, RANDOM, "tmp" or "tmp-journal"
            guard parts.count >= 5, parts.last == "tmp" || parts.last == "tmp-journal",
                  UInt32(parts[parts.count - 2]) != nil, let pid = pid_t(parts[parts.count - 3]),
                  pid > 0, kill(pid, 0) == -1, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
