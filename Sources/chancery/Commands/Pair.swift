import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryViewModel
import TerminalUI

/// `chancery pair`: the ledger of two countries — visits each way, agreements between them, meetings, first and last
/// contact.
struct Pair: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what two countries did with each other: visits each way, agreements, meetings, first and last contact.")

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The first country's place id (such as place-azerbaijan).")
    var first: String

    @Argument(help: "The second country's place id.")
    var second: String

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        guard let ledger = try store.pairLedger(first, second) else {
            var countries: [String] = []
            try store.forEach(EntityFilter(kind: .place, categories: [PlaceKind.country.rawValue])) { countries.append($0.id) }
            let unknown = countries.contains(first) ? second : first
            throw Suggestions.unknown(unknown, for: "a country", among: countries)
        }
        let span = ledger.contactSpan
        switch format {
        case .json:
            func object(_ row: EntitySummary) -> String {
                "{\"id\":\(JSONText.quoted(row.id)),\"date\":\(row.date.map { JSONText.quoted($0.edtf) } ?? "null"),"
                    + "\"dateShown\":\(JSONText.quoted(row.date.display)),\"title\":\(JSONText.quoted(row.displayName)),"
                    + "\"context\":\(JSONText.quoted(row.context))}"
            }
            var fields = ["\"first\":\(JSONText.quoted(ledger.first.id))", "\"second\":\(JSONText.quoted(ledger.second.id))",
                          "\"firstContact\":\(span.map { JSONText.quoted($0.first.edtf) } ?? "null")",
                          "\"lastContact\":\(span.map { JSONText.quoted($0.last.edtf) } ?? "null")"]
            fields += ledger.sections.map { "\"\($0.key)\":[" + $0.rows.map(object).joined(separator: ",") + "]" }
            try StandardOutput.line("{" + fields.joined(separator: ",") + "}")
        case .text:
            try StandardOutput.line("\(ledger.first.name) — \(ledger.second.name)".sanitized())
            try StandardOutput.line(ledger.contactLine)
            for section in ledger.sections {
                try StandardOutput.line("")
                try StandardOutput.line("\(section.heading) (\(section.rows.count))".sanitized())
                var table = TextTable(header: ["  DATE", "TITLE", "WHO → WHERE", "ID"])
                for row in section.rows { try table.add(["  " + row.date.display, row.displayName, row.context, row.id]) }
                if !section.rows.isEmpty { try table.finish() }
            }
        }
    }
}
