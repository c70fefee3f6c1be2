/// The event table `chancery import` reads and `chancery export --format csv` writes: one event a row,
/// its organizations, people, places and countries as `;`-separated names or ids, and one citation.
public enum EventTable {
    /// The columns, in the order export writes them.
    public static let columns = ["id", "date", "kind", "title", "summary", "organizations", "people", "places",
                                 "countries", "source", "quote"]
    /// The columns every file must have; the others may be left out.
    public static let requiredColumns = ["id", "kind", "title"]
    /// What separates the names or ids in a list cell.
    public static let listSeparator: Character = ";"

    /// The events of `dataset` as CSV with a header: list cells hold ids, places split into cities or
    /// regions and countries, and the first citation gives source and quote. Other links (to documents
    /// or events) and roles are not in the table.
    public static func csv(_ dataset: Dataset) -> String {
        let countries = Set(dataset.places.filter { $0.kind == .country }.map(\.id))
        var output: [UInt8] = []
        CSVWriter.appendLine(columns, to: &output)
        for event in dataset.events {
            func ids(_ kind: EntityKind, _ keep: (String) -> Bool = { _ in true }) -> [String] {
                event.links.map(\.to).filter { EntityKind(id: $0) == kind && keep($0) }
            }
            CSVWriter.appendLine(cells(id: event.id, date: event.date, kind: event.kind, title: event.title, summary: event.summary,
                                       organizations: ids(.organization), people: ids(.person),
                                       places: ids(.place) { !countries.contains($0) }, countries: ids(.place) { countries.contains($0) },
                                       citation: event.citations.first), to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One row's cells, in `columns` order.
    public static func cells(id: String, date: EDTFDate?, kind: EventKind, title: String, summary: String,
                             organizations: [String], people: [String], places: [String], countries: [String],
                             citation: Citation?) -> [String] {
        let separator = String(listSeparator)
        return [id, date?.edtf ?? "", kind.rawValue, title, summary,
                organizations.joined(separator: separator), people.joined(separator: separator),
                places.joined(separator: separator), countries.joined(separator: separator),
                citation?.source ?? "", citation?.quote ?? ""]
    }
}

/// Why a header or a row of the event table cannot be read.
public struct EventTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// Where each column of the event table sits in one file, as its header record names them.
public struct EventTableHeader: Hashable, Sendable {
    /// For each of `EventTable.columns`, its field index in a record, or nil when the file leaves it out.
    private let positions: [Int?]
    /// How many fields every record of the file has.
    public let fieldCount: Int

    /// The header from the fields of a file's first record; fails on an unknown, repeated or missing column.
    public init(_ fields: [String]) throws(EventTableError) {
        var positions = [Int?](repeating: nil, count: EventTable.columns.count)
        for (index, field) in fields.enumerated() {
            let name = field.trimmedOfSpaces
            guard let column = EventTable.columns.firstIndex(of: name) else {
                throw EventTableError("unknown column \"\(name)\" (the columns are \(EventTable.columns.joined(separator: ", ")))")
            }
            guard positions[column] == nil else { throw EventTableError("column \"\(name)\" appears twice") }
            positions[column] = index
        }
        let missing = EventTable.requiredColumns.filter { positions[EventTable.columns.firstIndex(of: $0)!] == nil }
        guard missing.isEmpty else { throw EventTableError("missing column(s) \(missing.joined(separator: ", "))") }
        self.positions = positions
        fieldCount = fields.count
    }

    /// The cell in `fields` of the column at `column` in `EventTable.columns`, or "" when the file leaves it out.
    func cell(_ column: Int, in fields: [String]) -> String {
        positions[column].map { fields[$0] } ?? ""
    }
}

/// One row of the event table, checked: a well-formed `event-` id, an EDTF date or none, a known kind and a title.
/// The lists hold names or ids as written; which entities they mean is up to the store that imports them.
public struct EventTableRow: Hashable, Sendable {
    /// `event-…` id.
    public var id: String
    /// When, or nil for an undated event (an empty cell).
    public var date: EDTFDate?
    /// What happened.
    public var kind: EventKind
    /// Short title.
    public var title: String
    /// What happened, in a sentence or more; may be empty.
    public var summary: String
    /// Organization names or ids.
    public var organizations: [String]
    /// Person names or ids.
    public var people: [String]
    /// Place names or ids (cities, regions).
    public var places: [String]
    /// Country names or place ids.
    public var countries: [String]
    /// The source and quote, when the row gives them.
    public var citation: Citation?

    /// The row held in `fields`, read by `header`; fails saying what is wrong.
    public init(_ fields: [String], header: EventTableHeader) throws(EventTableError) {
        guard fields.count == header.fieldCount else {
            throw EventTableError("expected \(header.fieldCount) fields as in the header, found \(fields.count)")
        }
        func cell(_ column: Int) -> String { header.cell(column, in: fields) }
        func list(_ column: Int) -> [String] {
            let text = cell(column)
            guard !text.isEmpty else { return [] }
            return text.split(separator: EventTable.listSeparator).map { String($0).trimmedOfSpaces }.filter { !$0.isEmpty }
        }
        id = cell(0).trimmedOfSpaces
        guard !id.isEmpty else { throw EventTableError("missing id") }
        guard EntityKind(id: id) == .event, Dataset.isWellFormedID(id) else {
            throw EventTableError("id \"\(id)\" must start with \"event-\" and hold only lowercase letters, digits and '-'")
        }
        let dateText = cell(1).trimmedOfSpaces
        if dateText.isEmpty {
            date = nil
        } else if let parsed = EDTFDate(dateText) {
            date = parsed
        } else {
            throw EventTableError("date \"\(dateText)\" is not an EDTF date (such as 1993, 1993-01, 1993-01-25 or 2000/..)")
        }
        let kindText = cell(2).trimmedOfSpaces
        guard let kind = EventKind(rawValue: kindText) else {
            let allowed = EventKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw EventTableError(kindText.isEmpty ? "missing kind (one of \(allowed))" : "unknown kind \"\(kindText)\" (expected one of \(allowed))")
        }
        self.kind = kind
        title = cell(3)
        guard !title.trimmedOfSpaces.isEmpty else { throw EventTableError("missing title") }
        summary = cell(4)
        organizations = list(5)
        people = list(6)
        places = list(7)
        countries = list(8)
        let source = cell(9).trimmedOfSpaces, quote = cell(10)
        switch (source.isEmpty, quote.trimmedOfSpaces.isEmpty) {
        case (true, true): citation = nil
        case (false, false): citation = Citation(source: source, quote: quote)
        case (true, false): throw EventTableError("a quote needs its source")
        case (false, true): throw EventTableError("a source needs its quote")
        }
    }
}

extension String {
    /// The string without spaces, tabs and line breaks at either end; cheap when there are none.
    var trimmedOfSpaces: String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = bytes.lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
