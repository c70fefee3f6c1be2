import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryViewModel
import TerminalUI

/// `chancery show ID`: one entity with all its links, both ways, and its citations.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one entity with its links in both directions and its citations.")

    @Argument(help: "The id of an event, organization, visit, meeting, person, place, document or source.")
    var id: String

    @Option(name: .long, help: "Wrap text at this many columns.")
    var width = 100

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        guard let detail = try store.detail(id: id) else {
            throw StoreErrorMessage("no entity has the id \"\(id)\"; `chancery list KIND` shows the ids")
        }
        // The same lines the browser's detail shows, with each link's id after it for scripts.
        let document = DetailDocument(detail, width: max(20, width))
        for line in document.lines {
            let text = line.spans.map(\.text).joined() + (line.target.map { "  [\($0)]" } ?? "")
            try StandardOutput.line(text.sanitized().trimmingTrailingSpaces())
        }
    }
}
