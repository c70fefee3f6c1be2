import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryViewModel
import TerminalUI

/// `chancery facets`: how many of a filtered list have each year, kind, organization, place, country, person or source.
struct Facets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count a filtered list by year, kind, organization, place, country, person or source.",
        discussion: """
            Most first (years in year order, or with --sort value). A year counts what lies wholly within it, and \
            `possibly` what may fall in it (as --overlapping would keep). An entity linked to a value twice counts once.
            """)

    /// The orders of the rows.
    enum Sort: String, ExpressibleByArgument, CaseIterable {
        case count, value
    }

    @Option(name: .long, help: "year, kind, organization, place, country, person, source, cameo (the CAMEO root code of machine-coded events) or quad (their quad class).")
    var by: Facet

    @Option(name: .long, help: "Which entities: events, organizations, visits, people, places, documents or sources.")
    var type: ListedKind = .events

    @OptionGroup var filters: FilterOptions

    @Option(name: .long, help: "count (most first; years in year order) or value.")
    var sort: Sort?

    @Option(name: .long, help: "text (with a bar), csv or json (an array of objects with value, count and, for years, possibly).")
    var format: ListFormat = .text

    @OptionGroup var locations: LocationOptions

    func run() throws {
        guard format != .ndjson else { throw ValidationError("--format: text, csv or json") }
        let store = try locations.openStore()
        let rows = FacetCount.ordered(try store.facets(filters.filter(for: type.entityKind, in: store), by: by), facet: by,
                                      byValue: (sort ?? (by == .year ? .value : .count)) == .value)
        let columns = ["value"] + (by.namesEntities ? ["id"] : []) + ["count"] + (by == .year ? ["possibly"] : [])
        let cells = rows.map { row in
            [row.value] + (by.namesEntities ? [row.id ?? ""] : []) + [String(row.count)] + (row.possibly.map { [String($0)] } ?? [])
        }
        switch format {
        case .csv:
            try StandardOutput.write(bytes: CSVWriter.line(columns))
            for row in cells { try StandardOutput.write(bytes: CSVWriter.line(row)) }
        case .json:
            try StandardOutput.write(bytes: FacetJSON.array(rows, withIDs: by.namesEntities))
        case .text, .ndjson:
            let highest = FacetCount.highest(in: rows)
            var table = TextTable(header: columns.map { $0.uppercased() } + [""])
            for (row, cellsOfRow) in zip(rows, cells) {
                let (solid, shaded) = row.barCells(width: 30, highest: highest)
                // A code is shown with its name as the browser shows it ("04 consult"); CSV and JSON keep the code.
                let shownCells = [by == .cameo || by == .quad ? by.label(of: row.value) : row.value] + cellsOfRow.dropFirst()
                try table.add(shownCells + [String(repeating: "█", count: solid) + String(repeating: "░", count: shaded)])
            }
            try table.finish()
        }
    }
}

extension Facet: ExpressibleByArgument {
    /// Whether the values are entities, with ids.
    var namesEntities: Bool { ![.year, .kind, .cameo, .quad].contains(self) }
}

/// The JSON of `chancery facets`.
enum FacetJSON {
    /// An array of `{"value", "id"?, "count", "possibly"?}` objects, one a line.
    static func array(_ rows: [FacetCount], withIDs: Bool) -> [UInt8] {
        let objects = rows.map { row in
            var fields = ["\"value\":" + JSONText.quoted(row.value)]
            if withIDs { fields.append("\"id\":" + (row.id.map(JSONText.quoted) ?? "null")) }
            fields.append("\"count\":\(row.count)")
            if let possibly = row.possibly { fields.append("\"possibly\":\(possibly)") }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return Array((objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n").utf8)
    }
}
