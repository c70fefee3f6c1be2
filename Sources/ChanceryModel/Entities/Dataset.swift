import Foundation

/// Where a record sits in the data files.
public struct RecordLocation: Hashable, Sendable {
    /// File name inside the data directory, such as `events.json`.
    public var file: String
    /// 1-based line where the record starts.
    public var line: Int
}

/// A problem found in the data files, printed as `FILE:LINE: record ID: message`.
public struct DatasetIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// The record's id, when known.
    public var recordID: String?
    /// What is wrong.
    public var message: String

    /// An issue at a file and line, about one record when `recordID` is given.
    public init(file: String, line: Int, recordID: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.recordID = recordID
        self.message = message
    }

    /// `FILE:LINE: record ID: message`.
    public var description: String {
        "\(file):\(line): " + (recordID.map { "record \($0): " } ?? "") + message
    }
}

/// Every record of the curated dataset, as read from `Data/`.
public struct Dataset: Sendable {
    /// Source documents.
    public var sources: [Source] = []
    /// Organizations.
    public var organizations: [Organization] = []
    /// People.
    public var people: [Person] = []
    /// Places.
    public var places: [Place] = []
    /// Documents.
    public var documents: [Document] = []
    /// Events.
    public var events: [Event] = []
    /// Delegation visits.
    public var visits: [Visit] = []
    /// Where each record (meetings included) was read from, by id.
    public var locations: [String: RecordLocation] = [:]
    /// The sources' texts, by file name, from the `texts` folder beside the data files (those it holds).
    public var sourceTexts: [String: String] = [:]

    /// The folder of the source texts, in a data directory.
    public static let textsFolder = "texts"

    /// An empty dataset.
    public init() {}

    /// Reads every data file of `directory`. Records that cannot be read are skipped and reported;
    /// a missing or unreadable file is reported too.
    public static func load(from directory: URL) -> (dataset: Dataset, issues: [DatasetIssue]) {
        var dataset = Dataset()
        var issues: [DatasetIssue] = []
        for descriptor in EntityDescriptor.all {
            let file = descriptor.fileName
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                issues.append(DatasetIssue(file: file, line: 1, message: "cannot read \(url.path)"))
                continue
            }
            let root: JSONNode
            do {
                root = try JSONParser.parse([UInt8](data))
            } catch {
                issues.append(DatasetIssue(file: file, line: error.line, message: "column \(error.column): \(error.message)"))
                continue
            }
            guard case .array(let elements) = root.value else {
                issues.append(DatasetIssue(file: file, line: root.line, message: "expected an array of records, found \(root.typeName)"))
                continue
            }
            for element in elements {
                let guessedID = RecordReader.peekID(element)
                do {
                    let record = try RecordReader(element)
                    try dataset.append(descriptor, from: record)
                } catch {
                    issues.append(DatasetIssue(file: file, line: error.line, recordID: guessedID, message: error.message))
                }
            }
        }
        dataset.sourceTexts = dataset.loadSourceTexts(from: directory.appendingPathComponent(textsFolder))
        return (dataset, issues)
    }

    /// Reads the record of `descriptor`'s kind that `record` holds, after checking its id, and notes where it is.
    private mutating func append(_ descriptor: EntityDescriptor, from record: RecordReader) throws(FieldError) {
        let kind = descriptor.kind, file = descriptor.fileName
        let id = try record.string("id")
        if let location = locations[id] {
            throw FieldError(line: record.line, message: "duplicate id, first defined at \(location.file):\(location.line)")
        }
        guard EntityKind(id: id) == kind else {
            throw FieldError(line: record.line, message: "id must start with \"\(kind.idPrefix)\" in \(file)")
        }
        guard Self.isWellFormedID(id) else {
            throw FieldError(line: record.line, message: "id may hold only lowercase letters, digits and '-'")
        }
        try descriptor.append(record, id, file, &self)
        try record.finish()
        locations[id] = RecordLocation(file: file, line: record.line)
    }

    /// True for a prefix followed by lowercase ASCII letters, digits and hyphens.
    static func isWellFormedID(_ id: String) -> Bool {
        id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !id.hasSuffix("-") && id.utf8.count <= 200
    }
}

/// A field that cannot be read, at the line of the object holding it.
struct FieldError: Error {
    var line: Int
    var message: String
}

/// Reads the fields of one JSON object, and reports fields it does not know.
struct RecordReader {
    let line: Int
    private let fields: [String: JSONNode]
    private let order: [String]
    private let used = UsedKeys()

    /// Records which keys were read, so `finish` can name the unknown ones.
    private final class UsedKeys {
        var keys: Set<String> = []
    }

    init(_ node: JSONNode) throws(FieldError) {
        guard case .object(let members) = node.value else {
            throw FieldError(line: node.line, message: "expected an object, found \(node.typeName)")
        }
        line = node.line
        var fields: [String: JSONNode] = [:]
        for (key, value) in members {
            guard fields[key] == nil else { throw FieldError(line: value.line, message: "field \"\(key)\" appears twice") }
            fields[key] = value
        }
        self.fields = fields
        order = members.map(\.key)
    }

    /// The `id` of an object, if it has a string one, for naming a record that fails to read.
    static func peekID(_ node: JSONNode) -> String? {
        guard case .object(let members) = node.value,
              case .string(let id)? = members.first(where: { $0.key == "id" })?.value.value else { return nil }
        return id
    }

    private func field(_ key: String) -> JSONNode? {
        used.keys.insert(key)
        guard let node = fields[key], case .null = node.value else { return fields[key] }
        return nil
    }

    func string(_ key: String) throws(FieldError) -> String {
        guard let value = try optionalString(key) else { throw FieldError(line: line, message: "missing required field \"\(key)\"") }
        return value
    }

    func optionalString(_ key: String) throws(FieldError) -> String? {
        guard let node = field(key) else { return nil }
        guard case .string(let value) = node.value else {
            throw FieldError(line: node.line, message: "field \"\(key)\" must be a string, found \(node.typeName)")
        }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldError(line: node.line, message: "field \"\(key)\" is empty")
        }
        return value
    }

    func strings(_ key: String) throws(FieldError) -> [String] {
        try list(key).map { node throws(FieldError) in
            guard case .string(let value) = node.value, !value.isEmpty else {
                throw FieldError(line: node.line, message: "field \"\(key)\" must hold non-empty strings, found \(node.typeName)")
            }
            return value
        }
    }

    func objects(_ key: String) throws(FieldError) -> [RecordReader] {
        try list(key).map { node throws(FieldError) in try RecordReader(node) }
    }

    private func list(_ key: String) throws(FieldError) -> [JSONNode] {
        guard let node = field(key) else { return [] }
        guard case .array(let elements) = node.value else {
            throw FieldError(line: node.line, message: "field \"\(key)\" must be an array, found \(node.typeName)")
        }
        return elements
    }

    func date(_ key: String) throws(FieldError) -> EDTFDate? {
        guard let text = try optionalString(key) else { return nil }
        do {
            return try EDTFDate.parse(text)
        } catch {
            throw FieldError(line: fields[key]!.line, message: "field \"\(key)\": \"\(text)\" is not an EDTF date (levels 0 and 1): \(error.reason)")
        }
    }

    func enumeration<Value: RawRepresentable & CaseIterable>(_ key: String) throws(FieldError) -> Value where Value.RawValue == String {
        let text = try string(key)
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw FieldError(line: fields[key]!.line, message: "field \"\(key)\": unknown value \"\(text)\" (expected one of \(allowed))")
        }
        return value
    }

    func links() throws(FieldError) -> [Link] {
        try objects("links").map { link throws(FieldError) in
            let value = Link(to: try link.string("to"), role: try link.enumeration("role"))
            try link.finish()
            return value
        }
    }

    func citations() throws(FieldError) -> [Citation] {
        try objects("citations").map { citation throws(FieldError) in
            let value = Citation(source: try citation.string("source"), quote: try citation.string("quote"))
            try citation.finish()
            return value
        }
    }

    /// Fails on the first field no reader asked for: a misspelt field must not be silently ignored.
    func finish() throws(FieldError) {
        if let unknown = order.first(where: { !used.keys.contains($0) }) {
            throw FieldError(line: fields[unknown]!.line, message: "unknown field \"\(unknown)\"")
        }
    }
}
