import ArgumentParser
import ChanceryModel
import TerminalUI

/// `chancery show ID`: one entity with all its links, both ways, and its citations.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one entity with its links in both directions and its citations.")

    @Argument(help: "The id of an event, organization, visit, meeting, person, place, document or source.")
    var id: String

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        guard let detail = try store.detail(id: id) else {
            throw StoreErrorMessage("no entity has the id \"\(id)\"; `chancery list KIND` shows the ids")
        }
        print(Self.text(detail).sanitizedLines(), terminator: "")
    }

    /// The detail as plain text: heading, facts, links grouped by kind, meetings, citations.
    static func text(_ detail: EntityDetail, indent: String = "") -> String {
        let summary = detail.summary
        var lines = ["\(summary.acronym.map { "\($0) — " } ?? "")\(summary.name)", "\(summary.kind.rawValue) \(summary.id) · \(summary.category)"]
        if summary.kind.isDated { lines.append("Date: \(summary.date.display)" + (summary.date?.edtf).map { " (\($0))" }.orEmpty) }
        if let note = detail.dateNote { lines.append("Date note: \(note)") }
        if let text = detail.text { lines += ["", text] }
        lines += detail.fields.map { "\($0.label): \($0.value)" }
        for kind in EntityKind.allCases {
            let group = detail.links.filter { $0.entity.kind == kind && !($0.role == .meeting && $0.direction == .outbound) }
            guard !group.isEmpty else { continue }
            lines += ["", "\(kind.plural.capitalized) (\(group.count)):"]
            lines += group.map { link in
                let arrow = link.direction == .outbound ? "→" : "←"
                return "  \(arrow) \(link.role.rawValue): \(link.entity.listLabel)  [\(link.entity.id)]"
            }
        }
        for meeting in detail.meetings {
            lines += ["", "Meeting:"]
            lines += text(meeting, indent: "  ").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        if !detail.citations.isEmpty {
            lines += ["", "Citations:"]
            lines += detail.citations.map { "  \($0.sourceTitle) [\($0.sourceID)]: “\($0.quote)”" }
        }
        return lines.map { indent + $0 }.joined(separator: "\n") + "\n"
    }
}

extension EntitySummary {
    /// How a linked entity reads in a list: date first for dated kinds, acronym and name for organizations.
    var listLabel: String {
        switch kind {
        case .organization: acronym.map { "\($0) — \(name)" } ?? name
        case .event, .visit, .meeting, .document: "\(date.display) · \(name)"
        default: name
        }
    }
}

extension Optional where Wrapped == String {
    /// The string, or "" when nil.
    var orEmpty: String { self ?? "" }
}

extension String {
    /// Each line sanitised, so no control character from the data reaches the terminal.
    func sanitizedLines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { String($0).sanitized() }.joined(separator: "\n")
    }
}
