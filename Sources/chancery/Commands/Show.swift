import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryViewModel
import TerminalUI

/// `chancery show ID`: one entity with all its links, both ways, and its citations.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one entity with its links in both directions and its citations.")

    @Argument(help: "The id of an event, organization, visit, meeting, person, place, document or source, or a name (or acronym) only one of them has.")
    var id: String

    @Option(name: .long, help: "Wrap text at this many columns.")
    var width = 100

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        let detail = try Self.resolve(id, in: store)
        // The same lines the browser's detail shows, with each link's id after it for scripts.
        let document = DetailDocument(detail, width: max(20, width))
        for line in document.lines {
            let text = line.spans.map(\.text).joined() + (line.target.map { "  [\($0.id)]" } ?? "")
            try StandardOutput.line(text.sanitized().trimmingTrailingSpaces())
        }
    }

    /// The entity whose id is `text`, or else the one its name names (see `entity(named:in:)`).
    static func resolve(_ text: String, in store: ChanceryStore) throws -> EntityDetail {
        guard let detail = try store.detail(id: text) ?? store.detail(id: try entity(named: text, in: store)) else {
            throw UnknownValue(description: "no entity has the id \"\(text)\"")
        }
        return detail
    }

    /// The id of the one entity whose name or acronym is `name` (case and accents ignored), or else of the one entity
    /// whose words it matches; throws the candidates when several match, the closest ids when none does.
    private static func entity(named name: String, in store: ChanceryStore) throws -> String {
        let kinds: [EntityKind] = [.organization, .person, .place, .event, .visit, .meeting, .document, .source]
        let matches = try kinds.flatMap { try store.page(EntityFilter(kind: $0, text: name), offset: 0, limit: 20).rows }
        let folded = SearchFolding.fold(name)
        let exact = matches.filter { SearchFolding.fold($0.name) == folded || $0.acronym.map(SearchFolding.fold) == folded }
        if exact.count == 1 { return exact[0].id }
        if exact.isEmpty && matches.count == 1 { return matches[0].id }
        if !matches.isEmpty {
            let listed = (exact.isEmpty ? matches : exact).prefix(8).map { "  \($0.id)  \($0.name)" }.joined(separator: "\n")
            throw UnknownValue(description: "\"\(name)\" names more than one entity; give one of these ids:\n\(listed)")
        }
        let kind = EntityKind(id: name)
        let near = try kind.map { Suggestions.closest(to: name, among: try store.ids(of: $0)) } ?? []
        throw UnknownValue(description: "no entity has the id or name \"\(name)\""
            + (near.isEmpty ? "; `chancery list KIND` shows the ids" : "; did you mean " + near.map { "\"\($0)\"" }.joined(separator: " or ") + "?"))
    }
}
