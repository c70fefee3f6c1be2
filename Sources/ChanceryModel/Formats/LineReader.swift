/// Reads a stream of bytes line by line (LF or CRLF ends), decoding each as UTF-8 with any invalid byte replaced
/// by U+FFFD, as GDELT's files need ("UTF-8 with the odd invalid byte"). Blank lines are skipped. A line longer than
/// `maximumLineLength` bytes is returned empty, the rest of it skipped without keeping it, so that a file with no line
/// ends cannot fill the memory; the only empty lines returned are those.
public struct LineReader {
    private var input: ChunkedBytes
    private var line = 0

    /// The longest line kept, in bytes (1 MiB; a GDELT row is under 2 KiB).
    public static let maximumLineLength = 1 << 20

    /// How many bytes of the input the lines returned so far span.
    public var bytesRead: Int { input.bytesRead }

    /// A reader of the bytes `nextChunk` hands out, one chunk per call, until it returns nil.
    public init(nextChunk: @escaping () throws -> [UInt8]?) {
        input = ChunkedBytes(nextChunk: nextChunk)
    }

    /// A reader of `bytes`.
    public init(bytes: [UInt8]) {
        input = ChunkedBytes(bytes: bytes)
    }

    /// A reader of the file at `path`, read a mebibyte at a time.
    public init(contentsOfFile path: String) throws {
        input = try ChunkedBytes(contentsOfFile: path)
    }

    /// The next non-blank line with its number (from 1), its line end removed; nil at the end of the input.
    public mutating func next() throws -> (line: Int, text: String)? {
        while true {
            let newline = input.buffer[input.position...].firstIndex(of: 0x0A)
            if newline == nil, !input.isExhausted, input.buffer.count - input.position > Self.maximumLineLength {
                return (try skipLongLine(), "")
            }
            guard newline != nil || input.isExhausted else {
                try input.refill()
                continue
            }
            guard input.position < input.buffer.count else { return nil }
            let end = newline ?? input.buffer.count
            var contentEnd = end
            if contentEnd > input.position && input.buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            // A line over the limit reads as empty wherever it ends, as one the buffer could not hold whole does.
            let isTooLong = contentEnd - input.position > Self.maximumLineLength
            let text = isTooLong ? "" : String(decoding: input.buffer[input.position..<contentEnd], as: UTF8.self)
            input.position = min(input.buffer.count, end + 1)
            line += 1
            if !text.isEmpty || isTooLong { return (line, text) }
        }
    }

    /// Skips the line under way, longer than `maximumLineLength`, up to and past its end; returns its number.
    private mutating func skipLongLine() throws -> Int {
        line += 1
        while true {
            if let newline = input.buffer[input.position...].firstIndex(of: 0x0A) {
                input.position = newline + 1
                return line
            }
            input.position = input.buffer.count
            if input.isExhausted { return line }
            try input.refill()
        }
    }
}
