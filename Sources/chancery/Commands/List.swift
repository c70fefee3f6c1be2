import ArgumentParser
import ChanceryModel
import ChanceryStore
import TerminalUI

/// `chancery list`: an aligned plain-text table of one kind of entity, for scripts and pipes.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an aligned table of events, organizations, visits, people, places or documents.")

    @Argument(help: "events, organizations, visits, people, places, documents or sources.")
    var kind: ListedKind

    @Option(name: .long, help: "Words that must all occur (case and diacritics ignored).")
    var text: String?

    @Option(name: .long, help: "Only what is dated wholly from this EDTF date on (with --overlapping: may be).")
    var since: String?

    @Option(name: .long, help: "Only what is dated wholly up to this EDTF date (with --overlapping: may be).")
    var until: String?

    @Flag(name: .long, help: "Keep what may fall in the --since/--until range, not only what lies wholly within it.")
    var overlapping = false

    @Option(name: .customLong("org"), help: "Only what is linked to this organization id.")
    var organization: String?

    @Option(name: .long, help: "Only what is linked to this person id.")
    var person: String?

    @Option(name: .long, help: "Only what is linked to this place id.")
    var place: String?

    @Option(name: .long, help: "Only what is linked to this country (a place id) or a place inside it.")
    var country: String?

    @Option(name: .customLong("kind"), help: "Only this category, as stored or as the screens show it (an event kind such as agreement or membership, an organization kind, ...).")
    var category: String?

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let category = try category.map { try kind.entityKind.category(named: $0, option: "--kind") }
        let filter = EntityFilter(
            kind: kind.entityKind, text: text ?? "",
            // An interval given to --since counts from its start, one given to --until up to its end ("../1995": no start).
            since: try since.flatMap { try parseDate($0, option: "--since").lowerBound },
            until: try until.flatMap { try parseDate($0, option: "--until").upperBound },
            dateMatch: overlapping ? .overlapping : .within,
            categories: category.map { [$0] } ?? [],
            linkedTo: [organization, person, place].compactMap { $0 }, country: country)
        let store = try locations.openStore()
        // A misspelt id would list nothing, as if nothing were linked to it.
        for (id, kind, option) in [(organization, EntityKind.organization, "--org"), (person, .person, "--person"),
                                   (place, .place, "--place"), (country, .place, "--country")] {
            if let id { try store.requireEntity(id, of: kind, option: option) }
        }
        var table = TextTable(header: Self.header(kind.entityKind))
        try store.forEach(filter) { row in try table.add(Self.cells(row)) }
        try table.finish()
    }

    private static func header(_ kind: EntityKind) -> [String] {
        switch kind {
        case .event: ["ID", "DATE", "KIND", "TITLE", "ORGANIZATIONS"]
        case .visit: ["ID", "DATE", "WHO → WHERE", "TITLE"]
        case .organization: ["ID", "ACRONYM", "NAME", "KIND", "EVENTS"]
        case .document: ["ID", "DATE", "KIND", "TITLE", "SYMBOLS"]
        default: ["ID", "NAME", "KIND", "CONTEXT"]
        }
    }

    private static func cells(_ row: EntitySummary) -> [String] {
        switch row.kind {
        case .event: [row.id, row.date.display, row.category, row.name, row.context]
        case .visit: [row.id, row.date.display, row.context, row.name]
        case .organization: [row.id, row.acronym ?? "", row.name, row.category, String(row.linkedEventCount)]
        case .document: [row.id, row.date.display, row.category, row.name, row.context]
        default: [row.id, row.name, row.category, row.context]
        }
    }
}

/// Parses an EDTF date given to an option, or fails naming the option.
func parseDate(_ text: String, option: String) throws -> EDTFDate {
    do {
        return try EDTFDate.parse(text)
    } catch {
        throw ValidationError("\(option): \"\(text)\" is not an EDTF date (such as 1993, 1993-01 or 1993-01-25): \(error.reason)")
    }
}

/// A plain-text table aligned by display width, with control characters made visible, written as it goes:
/// the columns take the widths of the header and the first `measuredRows` rows, which are held until then;
/// a wider cell later on pushes the rest of its row along rather than being cut. Columns are separated by
/// two spaces and the last one is not padded.
struct TextTable {
    /// How many rows set the column widths.
    static let measuredRows = 1_000
    private var held: [[String]]
    private var widths: [Int]?

    /// A table under `header`.
    init(header: [String]) {
        held = [header.map { $0.sanitized() }]
    }

    /// Adds a row, writing it out once the widths are known.
    mutating func add(_ cells: [String]) throws {
        let row = cells.map { $0.sanitized() }
        if let widths { return try Self.write(row, widths) }
        held.append(row)
        if held.count > Self.measuredRows { try finish() }
    }

    /// Writes out the rows still held.
    mutating func finish() throws {
        let widths = self.widths ?? held.reduce(into: Array(repeating: 0, count: held[0].count)) { widths, row in
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.displayWidth) }
        }
        self.widths = widths
        for row in held { try Self.write(row, widths) }
        held = []
    }

    private static func write(_ row: [String], _ widths: [Int]) throws {
        try StandardOutput.line(row.enumerated().map { column, cell in
            column == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[column] - cell.displayWidth))
        }.joined(separator: "  ").trimmingTrailingSpaces())
    }
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
