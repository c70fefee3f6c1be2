import Foundation
import Synchronization

/// Standard output for every command: buffered, written with write(2), and checked. A reader that went away
/// (EPIPE, when SIGPIPE is ignored) ends the command quietly with status 0, as `head` expects of a writer; any
/// other failure (a full disk) throws `OutputFailure`, which `Chancery.main` reports in one line with status 1.
enum StandardOutput {
    private static let buffer = Mutex<[UInt8]>([])
    /// How much is gathered before it is written.
    private static let chunkSize = 64 * 1024

    /// Adds `text` to the output, writing it out once a chunk has gathered.
    static func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    /// Adds `text` and a newline.
    static func line(_ text: String) throws {
        try write(text + "\n")
    }

    /// Adds `bytes` to the output, writing it out once a chunk has gathered.
    static func write(bytes: [UInt8]) throws {
        let full = buffer.withLock { pending in
            pending += bytes
            return pending.count >= chunkSize
        }
        if full { try flush() }
    }

    /// Writes out everything gathered.
    static func flush() throws {
        let pending = buffer.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        var offset = 0
        while offset < pending.count {
            let written = pending[offset...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written >= 0 {
                offset += written
            } else if errno == EINTR {
                continue
            } else if errno == EPIPE {
                throw OutputClosed()
            } else {
                throw OutputFailure(reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// Standard output's reader has gone (a closed pipe): the command stops quietly.
struct OutputClosed: Error {}

/// Standard output could not be written.
struct OutputFailure: Error, CustomStringConvertible {
    /// The system's reason.
    var reason: String

    /// `cannot write standard output: REASON`.
    var description: String { "cannot write standard output: \(reason)" }
}
