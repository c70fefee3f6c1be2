import Foundation

/// One record of a CSV file, or a record that could not be read, with the line it starts on.
public enum CSVRow: Hashable, Sendable {
    /// A well-formed record: its fields, unquoted.
    case record(line: Int, fields: [String])
    /// A record with broken quoting or bytes that are not UTF-8; reading goes on after it.
    case malformed(line: Int, message: String)
}

/// Reads RFC 4180 CSV as a stream of bytes: quoted fields, doubled quotes, commas and line breaks
/// inside quotes, CRLF or LF line ends. Blank lines are skipped, and a UTF-8 byte order mark at the start.
/// A malformed record is reported and reading resumes on the next line.
public struct CSVReader {
    private var input: ChunkedBytes
    private var checkedByteOrderMark = false
    /// The line the next record starts on.
    private var line = 1
    /// Scratch space for quoted fields holding doubled quotes.
    private var unescaped: [UInt8] = []

    /// How many bytes of the input the records returned so far span.
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

    /// The next record, or nil at the end of the input; throws only when the input cannot be read.
    public mutating func next() throws -> CSVRow? {
        while true {
            if input.position == input.buffer.count {
                if input.isExhausted { return nil }
                try input.refill()
                continue
            }
            if !checkedByteOrderMark {
                if input.buffer.count - input.position < 3 && !input.isExhausted {
                    try input.refill()
                    continue
                }
                checkedByteOrderMark = true
                if input.buffer[input.position...].starts(with: [0xEF, 0xBB, 0xBF]) { input.position += 3 }
                continue
            }
            let outcome = input.buffer.withUnsafeBufferPointer { bytes in
                Self.parseRecord(bytes, from: input.position, isLastChunk: input.isExhausted, unescaped: &unescaped)
            }
            switch outcome {
            case .needsMoreInput:
                try input.refill()
            case .blank(let end):
                input.position = end
                line += 1
            case .record(let fields, let end, let lineBreaks):
                let row = CSVRow.record(line: line, fields: fields)
                input.position = end
                line += lineBreaks
                return row
            case .malformed(let message, let end, let lineBreaks):
                let row = CSVRow.malformed(line: line, message: message)
                input.position = end
                line += lineBreaks
                return row
            }
        }
    }

    private enum Outcome {
        case needsMoreInput
        case blank(end: Int)
        case record(fields: [String], end: Int, lineBreaks: Int)
        case malformed(message: String, end: Int, lineBreaks: Int)
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
    /// The longest a quoted field may run, in bytes (4 MiB): a longer one is taken for a quote that was never closed.
    public static let maximumQuotedFieldLength = 4 << 20

    /// Reads one record starting at `start`. Without the last chunk, a record that reaches the end of
    /// `bytes` may go on in the next chunk, so it is left for later.
    private static func parseRecord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, isLastChunk: Bool,
                                    unescaped: inout [UInt8]) -> Outcome {
        let count = bytes.count
        // A blank line: LF or CRLF alone.
        if bytes[start] == lineFeed { return .blank(end: start + 1) }
        if bytes[start] == carriageReturn {
            if start + 1 == count { return isLastChunk ? .blank(end: count) : .needsMoreInput }
            if bytes[start + 1] == lineFeed { return .blank(end: start + 2) }
        }
        var fields: [String] = []
        fields.reserveCapacity(16)
        var problem: String?
        var lineBreaks = 0
        var index = start

        /// Skips to the end of the line after broken quoting; the record is reported and reading resumes there.
        func abandon(_ message: String) -> Outcome {
            while index < count && bytes[index] != lineFeed { index += 1 }
            if index == count && !isLastChunk { return .needsMoreInput }
            return .malformed(message: message, end: min(index + 1, count), lineBreaks: lineBreaks + (index < count ? 1 : 0))
        }
        func unclosed(field: Int, openedAt opening: Int, openingLine: Int) -> Outcome {
            var resume = opening
            while resume < count && bytes[resume] != lineFeed { resume += 1 }
            let below = openingLine == 0 ? "" : " (it opens \(openingLine) line(s) below this row's first)"
            return .malformed(message: "field \(field): its opening quote is never closed\(below); "
                                  + "reading goes on with the next line",
                              end: min(resume + 1, count), lineBreaks: openingLine + (resume < count ? 1 : 0))
        }
        func append(_ field: UnsafeBufferPointer<UInt8>) {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                fields.append("")
                problem = problem ?? "field \(fields.count) is not valid UTF-8"
            }
        }

        while true {
            // `index` is at the start of a field.
            if index < count && bytes[index] == quote {
                let openingLine = lineBreaks
                index += 1
                let contentStart = index
                var hasDoubledQuotes = false
                while true {
                    while index < count && bytes[index] != quote {
                        if bytes[index] == lineFeed { lineBreaks += 1 }
                        index += 1
                    }
                    // A quote never closed would swallow the rest of the file (and each refill would read it all
                    // again): past a bound, or at the end, the row is reported and reading resumes on the line
                    // after the one where the quote opened.
                    if index - contentStart > maximumQuotedFieldLength || (index == count && isLastChunk) {
                        return unclosed(field: fields.count + 1, openedAt: contentStart, openingLine: openingLine)
                    }
                    if index == count { return .needsMoreInput }
                    // A quote: doubled it stands for itself, else it closes the field.
                    if index + 1 < count && bytes[index + 1] == quote {
                        hasDoubledQuotes = true
                        index += 2
                        continue
                    }
                    if index + 1 == count && !isLastChunk { return .needsMoreInput }
                    break
                }
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                index += 1
                if hasDoubledQuotes {
                    unescaped.removeAll(keepingCapacity: true)
                    var byte = 0
                    while byte < content.count {
                        unescaped.append(content[byte])
                        byte += content[byte] == quote ? 2 : 1
                    }
                    unescaped.withUnsafeBufferPointer { append($0) }
                } else {
                    append(content)
                }
                if index < count, bytes[index] != comma, bytes[index] != lineFeed, bytes[index] != carriageReturn {
                    let closedOn = openingLine == lineBreaks ? "" : " (it closed \(lineBreaks - openingLine) line(s) further down)"
                    return abandon("field \(fields.count): a closing quote must be followed by a comma or a line end\(closedOn)")
                }
            } else {
                let fieldStart = index
                while index < count {
                    let byte = bytes[index]
                    if byte == comma || byte == lineFeed || byte == carriageReturn || byte == quote { break }
                    index += 1
                }
                if index < count && bytes[index] == quote {
                    return abandon("field \(fields.count + 1): a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                if index == count && !isLastChunk { return .needsMoreInput }
                append(UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]))
            }
            // After a field: a comma, a line end, or the end of the input.
            if index == count {
                guard isLastChunk else { return .needsMoreInput }
                break
            }
            switch bytes[index] {
            case comma:
                index += 1
                continue
            case carriageReturn:
                if index + 1 == count && !isLastChunk { return .needsMoreInput }
                guard index + 1 < count && bytes[index + 1] == lineFeed else {
                    return abandon("field \(fields.count): a carriage return must be followed by a line feed outside quotes")
                }
                index += 2
            default:
                index += 1
            }
            lineBreaks += 1
            break
        }
        if let problem { return .malformed(message: problem, end: index, lineBreaks: lineBreaks) }
        return .record(fields: fields, end: index, lineBreaks: lineBreaks)
    }
}

/// How cells are kept from running as formulas when a spreadsheet opens the CSV, the usual way (OWASP's): a cell
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return, after any number of `'`, gets one more `'` in
/// front; reading takes one off again, so the round trip is exact.
public enum SpreadsheetSafety {
    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    private static func needsMark(_ field: Substring) -> Bool {
        field.drop { $0 == "'" }.first.map(formulaStarts.contains) ?? false
    }

    /// `field` as it is written: with a `'` in front when a spreadsheet would run it.
    public static func neutralized(_ field: String) -> String {
        needsMark(field[...]) ? "'" + field : field
    }

    /// `field` as it was before `neutralized`.
    public static func restored(_ field: String) -> String {
        field.first == "'" && needsMark(field.dropFirst()) ? String(field.dropFirst()) : field
    }
}

/// Writes RFC 4180 CSV, its cells neutralised for spreadsheets (`SpreadsheetSafety`).
public enum CSVWriter {
    /// One record, ended by CRLF.
    public static func line(_ fields: [String]) -> [UInt8] {
        var output: [UInt8] = []
        appendLine(fields, to: &output)
        return output
    }

    /// Appends one record to `output`; a field holding a comma, a quote or a line break is quoted, its quotes doubled.
    public static func appendLine(_ fields: [String], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(0x2C) }
            let bytes = SpreadsheetSafety.neutralized(field).utf8
            if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                output.append(0x22)
                for byte in bytes {
                    output.append(byte)
                    if byte == 0x22 { output.append(0x22) }
                }
                output.append(0x22)
            } else {
                output.append(contentsOf: bytes)
            }
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }
}
