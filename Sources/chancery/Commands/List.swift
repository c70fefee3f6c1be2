import ArgumentParser
import ChanceryModel
import ChanceryStore
import TerminalUI

/// `chancery list`: an aligned plain-text table of one kind of entity, for scripts and pipes.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an aligned table of events, organizations, visits, people, places or documents.")

    @Argument(help: "events, organizations, visits, people, places, documents or sources.")
    var kind: ListedKind

    @OptionGroup var filters: FilterOptions

    @Option(name: .long, help: "The order: \(ListOrder.allCases.map(\.rawValue).joined(separator: ", ")) (default: oldestFirst for dated kinds, byName for the others).")
    var sort: ListOrder?

    @Option(name: .long, help: "text (an aligned table), csv, json (an array of objects) or ndjson (an object a line); CSV and JSON give dates as EDTF and as shown.")
    var format: ListFormat = .text

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        var filter = try filters.filter(for: kind.entityKind, in: store)
        if let sort { filter.order = sort }
        guard format == .text else {
            var writer = ListWriter(kind: kind.entityKind, format: format)
            try StandardOutput.write(bytes: writer.opening)
            try store.forEach(filter) { row in try StandardOutput.write(bytes: writer.row(row)) }
            return try StandardOutput.write(bytes: writer.closing)
        }
        let columns = ListColumn.columns(for: kind.entityKind).filter { $0.header != nil }
        var table = TextTable(header: columns.compactMap(\.header))
        try store.forEach(filter) { row in try table.add(columns.map { $0.value(row)?.text ?? "" }) }
        try table.finish()
    }
}

extension ListFormat: ExpressibleByArgument {}

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
