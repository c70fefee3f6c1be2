import Foundation

/// How a list of entities is written out: for reading (an aligned table) or for other programs (CSV, JSON, NDJSON).
public enum ListFormat: String, CaseIterable, Hashable, Sendable {
    /// An aligned table, dates as the screens show them.
    case text
    /// RFC 4180 CSV under a header line, cells neutralised for spreadsheets.
    case csv
    /// One JSON array of objects.
    case json
    /// One JSON object a line.
    case ndjson

    /// The format a file name's extension asks for (`.json`, `.ndjson` or `.jsonl`); CSV otherwise.
    public static func forFile(named name: String) -> ListFormat {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "json"?: .json
        case "ndjson"?, "jsonl"?: .ndjson
        default: .csv
        }
    }
}

/// One column of a written list: its name in CSV and JSON, its header in a text table, and each row's value.
public struct ListColumn: Sendable {
    /// The CSV header and JSON key, such as `dateShown`.
    public let name: String
    /// The heading of a text table; nil when a text table leaves the column out.
    public let header: String?
    /// The row's value; nil is JSON's `null` and CSV's empty cell.
    public let value: @Sendable (EntitySummary) -> ListValue?

    /// The columns written for a list of `kind`, in order: the id first, then the date as EDTF and as shown (dated
    /// kinds), then what the screens list.
    public static func columns(for kind: EntityKind) -> [ListColumn] {
        let id = ListColumn(name: "id", header: "ID") { .text($0.id) }
        let date = ListColumn(name: "date", header: nil) { $0.date.map { .text($0.edtf) } }
        let dateShown = ListColumn(name: "dateShown", header: "DATE") { .text($0.date.display) }
        let category = ListColumn(name: "kind", header: "KIND") { .text($0.category) }
        let title = ListColumn(name: "title", header: "TITLE") { .text($0.name) }
        switch kind {
        case .event:
            return [id, date, dateShown, category, title,
                    ListColumn(name: "organizations", header: "ORGANIZATIONS") { .text($0.context) }]
        case .visit:
            return [id, date, dateShown, ListColumn(name: "route", header: "WHO → WHERE") { .text($0.context) }, title]
        case .document:
            return [id, date, dateShown, category, title, ListColumn(name: "symbols", header: "SYMBOLS") { .text($0.context) }]
        case .organization:
            return [id, ListColumn(name: "acronym", header: "ACRONYM") { $0.acronym.map(ListValue.text) },
                    ListColumn(name: "name", header: "NAME") { .text($0.name) }, category,
                    ListColumn(name: "events", header: "EVENTS") { .number($0.linkedEventCount) }]
        case .source, .person, .place, .meeting:
            return [id, ListColumn(name: "name", header: "NAME") { .text($0.name) }, category,
                    ListColumn(name: "context", header: "CONTEXT") { .text($0.context) }]
        }
    }
}

/// A cell of a written list.
public enum ListValue: Hashable, Sendable {
    case text(String)
    case number(Int)

    /// The cell as text (a table's or CSV's).
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        }
    }

    /// The cell as a JSON value.
    var json: String {
        switch self {
        case .text(let text): JSONText.quoted(text)
        case .number(let number): String(number)
        }
    }
}

/// Writes a list of one kind as CSV, JSON or NDJSON, a row at a time, so that a long list never sits in memory.
public struct ListWriter: Sendable {
    /// The format written (`text` is the command line's table, not written here).
    public let format: ListFormat
    /// The columns of the kind listed.
    public let columns: [ListColumn]
    private var rowsWritten = 0

    /// A writer of `kind`'s list in `format`.
    public init(kind: EntityKind, format: ListFormat) {
        precondition(format != .text, "text tables are aligned by the command line's TextTable")
        self.format = format
        columns = ListColumn.columns(for: kind)
    }

    /// What comes before the first row: CSV's header line, JSON's opening bracket.
    public var opening: [UInt8] {
        switch format {
        case .csv: CSVWriter.line(columns.map(\.name))
        case .json: Array("[".utf8)
        case .ndjson, .text: []
        }
    }

    /// One row, as it is written.
    public mutating func row(_ summary: EntitySummary) -> [UInt8] {
        defer { rowsWritten += 1 }
        let values = columns.map { $0.value(summary) }
        switch format {
        case .csv, .text:
            return CSVWriter.line(values.map { $0?.text ?? "" })
        case .json:
            return Array(((rowsWritten == 0 ? "\n" : ",\n") + object(values)).utf8)
        case .ndjson:
            return Array((object(values) + "\n").utf8)
        }
    }

    /// What comes after the last row: JSON's closing bracket.
    public var closing: [UInt8] {
        format == .json ? Array((rowsWritten == 0 ? "]\n" : "\n]\n").utf8) : []
    }

    private func object(_ values: [ListValue?]) -> String {
        "{" + zip(columns, values).map { column, value in
            JSONText.quoted(column.name) + ":" + (value?.json ?? "null")
        }.joined(separator: ",") + "}"
    }
}

/// JSON's string syntax.
public enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// A list written to a file: where, in which format, and how many rows.
public struct ListFileReceipt: Hashable, Sendable {
    /// The file's absolute path.
    public var path: String
    /// The format written.
    public var format: ListFormat
    /// How many rows it holds.
    public var rows: Int

    /// A receipt for `rows` rows written to `path` in `format`.
    public init(path: String, format: ListFormat, rows: Int) {
        self.path = path
        self.format = format
        self.rows = rows
    }
}

/// Writes a list to a new file, never over an existing one (see `NewFile`).
public enum ListFile {
    /// Writes the rows `nextRows` gives (nil at the end) to `path`, in the format its extension asks for (CSV unless
    /// `.json` or `.ndjson`); relative paths are from the working directory.
    public static func write(kind: EntityKind, to path: String,
                             nextRows: () throws -> [EntitySummary]?) throws -> ListFileReceipt {
        let format = ListFormat.forFile(named: path)
        var writer = ListWriter(kind: kind, format: format)
        var rows = 0
        let absolute = try NewFile.write(to: path) { handle in
            try handle.write(contentsOf: writer.opening)
            while let batch = try nextRows() {
                var bytes: [UInt8] = []
                for row in batch { bytes += writer.row(row) }
                try handle.write(contentsOf: bytes)
                rows += batch.count
            }
            try handle.write(contentsOf: writer.closing)
        }
        return ListFileReceipt(path: absolute, format: format, rows: rows)
    }
}

/// A file written whole under a name that must be new: the bytes go to a temporary file beside it, synced, which is
/// then linked to the name asked for (a link fails when the name is taken) and removed, so an existing file is never
/// written over and a failed write leaves nothing under the name.
public enum NewFile {
    /// Writes `text` (UTF-8) to `path`; returns the absolute path.
    public static func write(to path: String, text: String) throws -> String {
        try write(to: path) { try $0.write(contentsOf: Array(text.utf8)) }
    }

    /// Writes what `body` writes to `path` (relative paths are from the working directory); returns the absolute path.
    public static func write(to path: String, _ body: (FileHandle) throws -> Void) throws -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if FileManager.default.fileExists(atPath: absolute) {
            throw ListFileError(message: "\(absolute) exists: give another name (nothing is written over a file)")
        }
        let temporary = absolute + ".chancery-\(getpid())-tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw ListFileError(message: "cannot create \(absolute): \(String(cString: strerror(errno)))")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            try body(handle)
            try handle.synchronize()
            try handle.close()
        } catch let error as ListFileError {
            throw error
        } catch {
            throw ListFileError(message: "cannot write \(absolute): \(error.localizedDescription)")
        }
        guard link(temporary, absolute) == 0 else {
            let reason = errno == EEXIST ? "exists: give another name (nothing is written over a file)" : String(cString: strerror(errno))
            throw ListFileError(message: "\(absolute) \(reason)")
        }
        return absolute
    }
}

/// Why a list (or another new file) could not be written, naming the file.
public struct ListFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message.
    public var message: String
    /// The message, as the command line prints it.
    public var description: String { message }
}
