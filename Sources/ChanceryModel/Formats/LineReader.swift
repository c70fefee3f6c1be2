/// Reads a stream of bytes line by line (LF or CRLF ends), decoding each as UTF-8 with any invalid byte replaced
/// by U+FFFD, as GDELT's files need ("UTF-8 with the odd invalid byte"). Blank lines are skipped.
public struct LineReader {
    private var input: ChunkedBytes
    private var line = 0

    /// How many bytes of the input the lines returned so far span.
    public var bytesRead: Int { input.bytesRead }

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
            guard newline != nil || input.isExhausted else {
                try input.refill()
                continue
            }
            guard input.position < input.buffer.count else { return nil }
            let end = newline ?? input.buffer.count
            var contentEnd = end
            if contentEnd > input.position && input.buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let text = String(decoding: input.buffer[input.position..<contentEnd], as: UTF8.self)
            input.position = min(input.buffer.count, end + 1)
            line += 1
            if !text.isEmpty { return (line, text) }
        }
    }
}
