import Foundation

/// The event table `chancery import` reads and `chancery export --format csv` writes: one event a row. For people
/// and spreadsheets, its organizations, people, places and countries as `;`-separated names, and its first citation
/// as source and quote; for a lossless round trip, `links` (every link with its role and its target's name and
/// category) and `citations` (every citation with its source's title) as JSON arrays. When `links` or `citations`
/// is filled, import reads it and the readable columns it stands for are left aside.
public enum EventTable {
    /// The columns, in the order export writes them.
    public static let columns = ["id", "date", "dateNote", "kind", "title", "summary", "organizations", "people", "places",
                                 "countries", "source", "quote", "links", "citations"]
    /// Each column's place in `columns`.
    static let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    /// The columns every file must have; the others may be left out.
    public static let requiredColumns = ["id", "kind", "title"]
    /// What separates the names or ids in a list cell.
    public static let listSeparator: Character = ";"

    /// One row's cells, in `columns` order, for an event given by names (as generated data is): the lists hold names
    /// and the one citation its source and quote; `links` and `citations` stay empty.
    public static func cells(id: String, date: EDTFDate?, kind: EventKind, title: String, summary: String,
                             organizations: [String], people: [String], places: [String], countries: [String],
                             citation: Citation?) -> [String] {
        let separator = String(listSeparator)
        return [id, date?.edtf ?? "", "", kind.rawValue, title, summary,
                organizations.joined(separator: separator), people.joined(separator: separator),
                places.joined(separator: separator), countries.joined(separator: separator),
                citation?.source ?? "", citation?.quote ?? "", "", ""]
    }
}

/// A link as the `links` column holds it: the target's id and the link's role, with the target's name and category
/// (organization, place, document or source kind), so that a store without the target can make it.
public struct TabledLink: Codable, Hashable, Sendable {
    /// The target's id.
    public var to: String
    /// The link's role (`LinkRole` raw value).
    public var role: String
    /// The target's name or title.
    public var name: String?
    /// The target's kind within its entity kind, such as `country` for a place.
    public var category: String?

    /// A link to `to` in `role`, naming its target.
    public init(to: String, role: String, name: String?, category: String?) {
        self.to = to
        self.role = role
        self.name = name
        self.category = category
    }
}

/// A citation as the `citations` column holds it, with its source's title and kind.
public struct TabledCitation: Codable, Hashable, Sendable {
    /// The source's id.
    public var source: String
    /// The verbatim quote.
    public var quote: String
    /// The source's title.
    public var title: String?
    /// The source's kind (`SourceKind` raw value).
    public var category: String?

    /// A citation of `quote` from `source`, naming the source.
    public init(source: String, quote: String, title: String?, category: String?) {
        self.source = source
        self.quote = quote
        self.title = title
        self.category = category
    }
}

/// An event with everything the event table carries, as export writes it from the data or from a store.
public struct TabledEvent: Hashable, Sendable, Encodable {
    /// `event-…` id.
    public var id: String
    /// When, or nil.
    public var date: EDTFDate?
    /// How the date was worked out, when it was.
    public var dateNote: String?
    /// What happened.
    public var kind: EventKind
    /// Short title.
    public var title: String
    /// What happened, in a sentence or more.
    public var summary: String
    /// Every link, in order.
    public var links: [TabledLink]
    /// Every citation, in order.
    public var citations: [TabledCitation]

    /// An event with every field given.
    public init(id: String, date: EDTFDate?, dateNote: String?, kind: EventKind, title: String, summary: String,
                links: [TabledLink], citations: [TabledCitation]) {
        self.id = id
        self.date = date
        self.dateNote = dateNote
        self.kind = kind
        self.title = title
        self.summary = summary
        self.links = links
        self.citations = citations
    }

    /// The events of `dataset`, in file order, with the names and categories of what they link to and cite.
    public static func all(in dataset: Dataset) -> [TabledEvent] {
        var targets: [String: (name: String, category: String?)] = [:]
        for source in dataset.sources { targets[source.id] = (source.title, source.kind.rawValue) }
        for organization in dataset.organizations { targets[organization.id] = (organization.name, organization.kind.rawValue) }
        for person in dataset.people { targets[person.id] = (person.name, nil) }
        for place in dataset.places { targets[place.id] = (place.name, place.kind.rawValue) }
        for document in dataset.documents { targets[document.id] = (document.title, document.kind.rawValue) }
        for event in dataset.events { targets[event.id] = (event.title, nil) }
        return dataset.events.map { event in
            TabledEvent(id: event.id, date: event.date, dateNote: event.dateNote, kind: event.kind, title: event.title,
                        summary: event.summary,
                        links: event.links.map { TabledLink(to: $0.to, role: $0.role.rawValue, name: targets[$0.to]?.name,
                                                            category: targets[$0.to]?.category) },
                        citations: event.citations.map { TabledCitation(source: $0.source, quote: $0.quote,
                                                                        title: targets[$0.source]?.name,
                                                                        category: targets[$0.source]?.category) })
        }
    }

    /// The row's cells, in `EventTable.columns` order.
    public var cells: [String] {
        func names(_ keep: (TabledLink) -> Bool) -> String {
            links.filter(keep).map { $0.name ?? $0.to }.joined(separator: String(EventTable.listSeparator))
        }
        func isPlace(_ link: TabledLink) -> Bool { EntityKind(id: link.to) == .place }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ values: [T]) -> String {
            values.isEmpty ? "" : String(decoding: (try? encoder.encode(values)) ?? Data(), as: UTF8.self)
        }
        return [id, date?.edtf ?? "", dateNote ?? "", kind.rawValue, title, summary,
                names { EntityKind(id: $0.to) == .organization }, names { EntityKind(id: $0.to) == .person },
                names { isPlace($0) && $0.category != PlaceKind.country.rawValue },
                names { isPlace($0) && $0.category == PlaceKind.country.rawValue },
                citations.first?.source ?? "", citations.first?.quote ?? "", json(links), json(citations)]
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

    /// The cell in `fields` of the column `name` (one of `EventTable.columns`), or "" when the file leaves it out.
    func cell(named name: String, in fields: [String]) -> String {
        EventTable.columnIndex[name].flatMap { positions[$0] }.map { fields[$0] } ?? ""
    }
}

/// One row of the event table, checked: a well-formed `event-` id, an EDTF date or none, a known kind and a title.
/// The lists hold names or ids as written; which entities they mean is up to the store that imports them.
public struct EventTableRow: Hashable, Sendable {
    /// `event-…` id.
    public var id: String
    /// When, or nil for an undated event (an empty cell).
    public var date: EDTFDate?
    /// How the date was worked out, or nil.
    public var dateNote: String?
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
    /// Every link with its role, when the `links` cell is filled (the four lists above are then left aside).
    public var links: [TabledLink]?
    /// Every citation, from the `citations` cell, else the one of `source` and `quote`.
    public var citations: [TabledCitation]

    /// The row held in `fields`, read by `header`; fails saying what is wrong.
    public init(_ fields: [String], header: EventTableHeader) throws(EventTableError) {
        guard fields.count == header.fieldCount else {
            throw EventTableError("expected \(header.fieldCount) fields as in the header, found \(fields.count)")
        }
        func cell(_ name: String) -> String { SpreadsheetSafety.restored(header.cell(named: name, in: fields)) }
        func list(_ name: String) -> [String] {
            let text = cell(name)
            guard !text.isEmpty else { return [] }
            return text.split(separator: EventTable.listSeparator).map { String($0).trimmedOfSpaces }.filter { !$0.isEmpty }
        }
        func decoded<T: Decodable>(_ name: String, as type: [T].Type) throws(EventTableError) -> [T]? {
            let text = cell(name).trimmedOfSpaces
            guard !text.isEmpty else { return nil }
            do {
                return try JSONDecoder().decode(type, from: Data(text.utf8))
            } catch {
                throw EventTableError("\(name): not a JSON array of \(name) as `chancery export --format csv` writes it")
            }
        }
        id = cell("id").trimmedOfSpaces
        guard !id.isEmpty else { throw EventTableError("missing id") }
        guard EntityKind(id: id) == .event, Dataset.isWellFormedID(id) else {
            throw EventTableError("id \"\(id)\" must start with \"event-\" (or \"gdelt-\", a GDELT event's) and hold only lowercase letters, digits and '-'")
        }
        let dateText = cell("date").trimmedOfSpaces
        if dateText.isEmpty {
            date = nil
        } else {
            do {
                date = try EDTFDate.parse(dateText)
            } catch {
                throw EventTableError("date \"\(dateText)\" is not an EDTF date (such as 1993, 1993-01, 1993-01-25 or 2000/..): \(error.reason)")
            }
        }
        let note = cell("dateNote")
        dateNote = note.trimmedOfSpaces.isEmpty ? nil : note
        let kindText = cell("kind").trimmedOfSpaces
        guard let kind = EventKind(rawValue: kindText) else {
            let allowed = EventKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw EventTableError(kindText.isEmpty ? "missing kind (one of \(allowed))" : "unknown kind \"\(kindText)\" (expected one of \(allowed))")
        }
        self.kind = kind
        title = cell("title")
        guard !title.trimmedOfSpaces.isEmpty else { throw EventTableError("missing title") }
        summary = cell("summary")
        organizations = list("organizations")
        people = list("people")
        places = list("places")
        countries = list("countries")
        links = try decoded("links", as: [TabledLink].self)
        for link in links ?? [] where LinkRole(rawValue: link.role) == nil || EntityKind(id: link.to) == nil || !Dataset.isWellFormedID(link.to) {
            throw EventTableError("links: \"\(link.to)\" as \"\(link.role)\" is not a link to an entity id in a known role")
        }
        // A category left out is the user's to leave out (import makes an `other` organization, a `city`, ...);
        // one given must be a kind of its entity, or a misspelt "regional" would silently become `other`.
        for link in links ?? [] { try Self.check(link.category, of: link.to, in: "links") }
        if let all = try decoded("citations", as: [TabledCitation].self) {
            for citation in all where EntityKind(id: citation.source) != .source || !Dataset.isWellFormedID(citation.source) {
                throw EventTableError("citations: \"\(citation.source)\" is not a source id (src-…)")
            }
            for citation in all { try Self.check(citation.category, of: citation.source, in: "citations") }
            citations = all
        } else {
            let source = cell("source").trimmedOfSpaces, quote = cell("quote")
            switch (source.isEmpty, quote.trimmedOfSpaces.isEmpty) {
            case (true, true): citations = []
            case (false, false): citations = [TabledCitation(source: source, quote: quote, title: nil, category: nil)]
            case (true, false): throw EventTableError("a quote needs its source")
            case (false, true): throw EventTableError("a source needs its quote")
            }
        }
    }

    /// Fails when `category`, given in the `cell` column for the entity `id`, is not a kind of that entity
    /// (an organization, place, document or source kind); the category of other entities is not read.
    private static func check(_ category: String?, of id: String, in cell: String) throws(EventTableError) {
        let allowed: [String]
        switch EntityKind(id: id) {
        case .organization?: allowed = OrganizationKind.allCases.map(\.rawValue)
        case .place?: allowed = PlaceKind.allCases.map(\.rawValue)
        case .document?: allowed = DocumentKind.allCases.map(\.rawValue)
        case .source?: allowed = SourceKind.allCases.map(\.rawValue)
        default: return
        }
        guard let category, !allowed.contains(category) else { return }
        throw EventTableError("\(cell): \"\(id)\" has the category \"\(category)\", not one of \(allowed.joined(separator: ", "))")
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
