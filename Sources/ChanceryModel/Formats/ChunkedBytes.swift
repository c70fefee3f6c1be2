import Foundation

/// A stream of bytes handed out a chunk at a time, with the bytes not yet read kept in a buffer: the readers of CSV
/// and of lines read from `buffer[position...]`, move `position` past what they took, and `refill` for more.
struct ChunkedBytes {
    private let nextChunk: () throws -> [UInt8]?
    /// Unread bytes start at `position`; bytes before it were read already.
    private(set) var buffer: [UInt8] = []
    /// The first unread byte of `buffer`.
    var position = 0
    /// True once the source has no more chunks.
    private(set) var isExhausted = false
    /// Bytes dropped from the front of `buffer` so far.
    private var discardedBytes = 0

    /// How many bytes of the input were read.
    var bytesRead: Int { discardedBytes + position }

    /// The bytes `nextChunk` hands out, one chunk per call, until it returns nil.
    init(nextChunk: @escaping () throws -> [UInt8]?) {
        self.nextChunk = nextChunk
    }

    /// `bytes`, as one chunk.
    init(bytes: [UInt8]) {
        var pending: [UInt8]? = bytes
        self.init(nextChunk: {
            defer { pending = nil }
            return pending
        })
    }

    /// The file at `path`, read a mebibyte at a time.
    init(contentsOfFile path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.init(nextChunk: {
            guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else {
                try handle.close()
                return nil
            }
            return [UInt8](data)
        })
    }

    /// Drops the bytes read and appends the next chunk; marks the end when the source has no more.
    mutating func refill() throws {
        guard !isExhausted else { return }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            discardedBytes += position
            position = 0
        }
        if let chunk = try nextChunk() {
            buffer.append(contentsOf: chunk)
        } else {
            isExhausted = true
        }
    }
}
