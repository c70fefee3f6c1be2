import ChanceryModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the working set could not be read or written, naming the file.
public struct WorkingSetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message, naming the file and what failed.
    public var description: String
}

/// What a write of the working set did.
public struct WorkingSetReceipt: Hashable, Sendable {
    /// The working set as written: the changes applied to what the file held.
    public var workingSet: WorkingSet
    /// Lines of the file as found that could not be read, and were left out of the new file.
    public var problems: [WorkingSet.Problem]
    /// Where the file as found was kept, when it had such lines.
    public var keptAside: String?
}

/// One dataset's working set on disk. Every write holds a lock on `path.lock`, reads what the file holds now, applies
/// the changes to it and replaces the file atomically (a temporary file, synced, then renamed over it), so two
/// browsers open at once keep each other's marks and notes and a failed write leaves the file as it was. A file
/// with lines that cannot be read is kept aside (`path.damaged-N`) before the readable rest is written again.
public struct WorkingSetFile: Hashable, Sendable, WorkingSetKeeper {
    /// The file.
    public let path: String

    /// The file at `path` (which need not exist yet).
    public init(path: String) {
        self.path = path
    }

    /// What the file holds (nothing when it does not exist), and the lines skipped.
    public func load() throws(WorkingSetError) -> (workingSet: WorkingSet, problems: [WorkingSet.Problem]) {
        guard let text = try readText() else { return (WorkingSet(), []) }
        return WorkingSet.read(text)
    }

    /// Applies `changes` to what the file holds now and writes the result; see the type's description.
    public func apply(_ changes: [WorkingSet.Change], at date: Date = Date()) throws(WorkingSetError) -> WorkingSetReceipt {
        let directory = (path as NSString).deletingLastPathComponent
        // Each missing directory in turn, so the reason is the system's own ("Not a directory", "Read-only file system").
        var made = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            made += "/" + component
            if mkdir(made, 0o755) != 0 && errno != EEXIST {
                throw WorkingSetError(description: "\(made): cannot create the directory for the working set (\(String(cString: strerror(errno)))); nothing was changed")
            }
        }
        let lock = try Lock(path: path + ".lock")
        defer { lock.release() }
        let found = try readText()
        var (workingSet, problems): (WorkingSet, [WorkingSet.Problem]) = found.map(WorkingSet.read) ?? (WorkingSet(), [])
        let stamp = Self.timestamp(date)
        for change in changes { workingSet.apply(change, at: stamp) }
        let keptAside = problems.isEmpty ? nil : try keepAside()
        try write(workingSet.text)
        return WorkingSetReceipt(workingSet: workingSet, problems: problems, keptAside: keptAside)
    }

    /// `apply`, for a browser: what the file holds after, and where unreadable lines were kept aside, if any.
    public func save(_ changes: [WorkingSet.Change]) throws -> (workingSet: WorkingSet, warning: String?) {
        let receipt = try apply(changes)
        let warning = receipt.keptAside.map { aside in
            "\(path) had \(receipt.problems.count) unreadable line(s), from line \(receipt.problems[0].line): kept as \(aside)"
        }
        return (receipt.workingSet, warning)
    }

    /// ISO 8601 in UTC, to the second, as the file keeps when each mark and note was written.
    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private func readText() throws(WorkingSetError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkingSetError(description: "\(path): cannot read the working set (\(String(cString: strerror(errno))))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkingSetError(description: "\(path): the working set is not UTF-8 text; it was left as it is")
        }
        return text
    }

    /// Links the file as found to the first free `path.damaged-N`; the link never replaces a file.
    private func keepAside() throws(WorkingSetError) -> String {
        for number in 1... {
            let aside = "\(path).damaged-\(number)"
            if link(path, aside) == 0 { return aside }
            guard errno == EEXIST else {
                throw WorkingSetError(description: "\(path): has unreadable lines and cannot be kept aside as \(aside) (\(String(cString: strerror(errno)))); nothing was written")
            }
        }
        fatalError("unreachable: the numbers do not run out")
    }

    private func write(_ text: String) throws(WorkingSetError) {
        let temporary = "\(path).\(getpid()).tmp"
        unlink(temporary)  // left by a write that died; the lock is ours
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WorkingSetError(description: "\(path): cannot write the working set (\(String(cString: strerror(errno)))); nothing was changed")
        }
        var bytes = Array(text.utf8)[...]
        var failure: Int32 = 0
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            bytes = bytes.dropFirst(written)
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw WorkingSetError(description: "\(path): cannot write the working set (\(String(cString: strerror(failure)))); nothing was changed")
        }
    }

    /// An exclusive `flock` on a file beside the working set, held while it is read and written.
    private struct Lock {
        let descriptor: Int32

        init(path: String) throws(WorkingSetError) {
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw WorkingSetError(description: "\(path): cannot lock the working set (\(String(cString: strerror(errno)))); nothing was changed")
            }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw WorkingSetError(description: "\(path): cannot lock the working set (\(reason)); nothing was changed")
                }
            }
        }

        func release() {
            close(descriptor)
        }
    }
}
