import Foundation
import ChanceryModel
import TerminalUI

/// What a piece of detail text is, so the screens can style it.
public enum TextRole: Hashable, Sendable {
    case title, meta, label, body, heading, link, linkRole, quote, source, note
}

/// A run of detail text with its role.
public struct DetailSpan: Hashable, Sendable {
    /// The text.
    public var text: String
    /// What it is.
    public var role: TextRole
}

/// Where Enter on a selectable line of a detail leads.
public enum DetailTarget: Hashable, Sendable {
    /// The detail of the entity with this id.
    case entity(String)
    /// The text of the citation's source, at its quote.
    case citation(CitationDetail)

    /// The id the line names: the entity's, or the cited source's.
    public var id: String {
        switch self {
        case .entity(let id): id
        case .citation(let citation): citation.sourceID
        }
    }
}

/// One line of a detail, wrapped to the detail's width; a selectable line says where it leads.
public struct DetailLine: Hashable, Sendable {
    /// The line's runs of text.
    public var spans: [DetailSpan]
    /// Where Enter leads from this line, if it is selectable.
    public var target: DetailTarget?
}

/// A detail laid out as lines for a width: heading, facts, text, links grouped by kind, meetings, citations.
public struct DetailDocument: Hashable, Sendable {
    /// Every line, top to bottom.
    public private(set) var lines: [DetailLine] = []
    /// Indices in `lines` of the lines that link somewhere, in order.
    public private(set) var linkLines: [Int] = []
    /// The width, in columns, the lines are laid out for.
    public let width: Int

    /// Lays out `detail` for `width` columns, with the analyst's mark and note on it, if any.
    public init(_ detail: EntityDetail, width: Int, mark: WorkingSet.Mark? = nil, note: WorkingSet.Note? = nil) {
        self.width = width
        let summary = detail.summary
        add(summary.acronym.map { "\($0) — \(summary.name)" } ?? summary.displayName, .title, width: width)
        let category = EventKind(rawValue: summary.category)?.label ?? summary.category
        let kinds = category == summary.kind.rawValue ? [category] : [summary.kind.rawValue, category]
        // The id goes on a line of its own when the three do not fit, so no separator is left hanging.
        let meta = (kinds + [summary.id]).joined(separator: " · ")
        if meta.displayWidth <= width {
            add(meta, .meta, width: width)
        } else {
            add(kinds.joined(separator: " · "), .meta, width: width)
            add(summary.id, .meta, width: width)
        }
        if mark != nil || note != nil {
            // The analyst's own, apart from the record's facts; a note is shown through the sanitiser.
            add(mark == nil ? "Your note (a edits it):" : "* Marked (m unmarks)" + (note == nil ? "" : " · your note (a edits it):"),
                .note, width: width)
            // A long note written in the editor keeps its lines.
            for line in note?.text.split(separator: "\n", omittingEmptySubsequences: false) ?? [] {
                add("  " + String(line).sanitized(), .note, width: width, indent: 2)
            }
        }
        if summary.kind.isDated {
            add(label: "Date", summary.date.display + (summary.date.map { "  (\($0.edtf))" } ?? ""), width: width)
        }
        if let note = detail.dateNote { add(label: "Date note", note, width: width, role: .note) }
        for field in detail.fields { add(label: field.kind.label, field.displayValue, width: width) }
        if summary.kind == .organization, let since = Self.memberSince(detail) {
            add(label: "Member since", since, width: width)
        }
        if summary.kind == .source {
            // A source's own text, from its top (no quote to find).
            linkLines.append(lines.count)
            lines.append(DetailLine(spans: [DetailSpan(text: "  → ", role: .linkRole), DetailSpan(text: "Read the text", role: .link)],
                                    target: .citation(CitationDetail(sourceID: summary.id, sourceTitle: summary.name, quote: ""))))
        }
        if let text = detail.text {
            blank()
            add(text, .body, width: width)
        }
        let shownLinks = Self.merged(detail.links.filter { !($0.role == .meeting && $0.direction == .outbound) })
        for kind in EntityKind.allCases {
            let group = shownLinks.filter { $0.entity.kind == kind }
            guard !group.isEmpty else { continue }
            blank()
            let inboundShown = detail.links.filter { $0.direction == .inbound && $0.entity.kind == kind }.count
            let inboundHidden = (detail.inboundLinkCounts[kind] ?? 0) - inboundShown
            let heading = "\(kind.plural.capitalized) (\(group.count))"
            add(inboundHidden > 0 ? heading + " — and \(inboundHidden) more links to it, not shown" : heading, .heading, width: width)
            addLinks(group, width: width)
        }
        if !detail.memberships.isEmpty {
            blank()
            let heading = summary.kind == .organization ? "Members, by when they joined" : "Memberships, by when they began"
            add("\(heading) (\(detail.memberships.count))", .heading, width: width)
            for link in LinkLine.ledger(detail.memberships, joined: summary.kind != .organization, width: width) { addLink(link) }
        }
        if !detail.meetings.isEmpty {
            blank()
            add("Meetings (\(detail.meetings.count))", .heading, width: width)
            let links = LinkLine.all(detail.meetings.map { ($0.summary, [.meeting], .outbound) }, width: width)
            for (meeting, link) in zip(detail.meetings, links) {
                addLink(link)
                for field in meeting.fields { add(label: "    " + field.kind.label, field.displayValue, width: width) }
            }
        }
        if !detail.citations.isEmpty {
            blank()
            add("Citations (\(detail.citations.count))", .heading, width: width)
            for citation in detail.citations {
                // The source's title is selectable: Enter opens its text at the quote.
                let prefix = "  → "
                linkLines.append(lines.count)
                lines.append(DetailLine(spans: [DetailSpan(text: prefix, role: .linkRole),
                                                DetailSpan(text: citation.sourceTitle.truncated(toWidth: max(1, width - prefix.count)),
                                                           role: .source)],
                                        target: .citation(citation)))
                if citation.quote.isEmpty {
                    add("    " + Citation.noQuoteNote, .note, width: width, indent: 4)
                } else {
                    add("    “\(citation.quote)”", .quote, width: width, indent: 5)
                }
            }
        }
    }

    /// Lays out the ledger of two countries for `width` columns: both countries (Enter opens them), the first and last
    /// contact, then each section's records in date order, each a line that Enter opens.
    public init(_ ledger: PairLedger, width: Int) {
        self.width = width
        add("\(ledger.first.name) — \(ledger.second.name)", .title, width: width)
        add("pair ledger · \(ledger.first.id) · \(ledger.second.id)", .meta, width: width)
        add(ledger.contactLine, .body, width: width)
        blank()
        add("Countries (2)", .heading, width: width)
        addLinks([ledger.first, ledger.second].map { ($0, [], .outbound) }, width: width)
        for section in ledger.sections {
            blank()
            add("\(section.heading) (\(section.rows.count))", .heading, width: width)
            if section.rows.isEmpty { add("  none in the store", .meta, width: width) }
            addLinks(section.rows.map { ($0, [], .outbound) }, width: width)
        }
    }

    /// The line index of the `index`-th link, if there is one.
    public func lineOfLink(_ index: Int) -> Int? {
        linkLines.indices.contains(index) ? linkLines[index] : nil
    }

    private mutating func blank() {
        lines.append(DetailLine(spans: [], target: nil))
    }

    private mutating func add(_ text: String, _ role: TextRole, width: Int, indent: Int = 0) {
        for piece in Self.wrap(text, width: width, indent: indent) {
            lines.append(DetailLine(spans: [DetailSpan(text: piece, role: role)], target: nil))
        }
    }

    private mutating func add(label: String, _ value: String, width: Int, role: TextRole = .body) {
        let pieces = Self.wrap("\(label): \(value)", width: width, indent: label.count + 2)
        for (index, piece) in pieces.enumerated() {
            let spans = index == 0
                ? [DetailSpan(text: label + ":", role: .label), DetailSpan(text: String(piece.dropFirst(label.count + 1)), role: role)]
                : [DetailSpan(text: piece, role: role)]
            lines.append(DetailLine(spans: spans, target: nil))
        }
    }

    /// When the first membership of an organization began, and by which event: the earliest dated membership event
    /// naming it (in any role but `member`, the one joining), else an undated one.
    static func memberSince(_ detail: EntityDetail) -> String? {
        let events = detail.links.filter {
            $0.direction == .inbound && $0.entity.kind == .event && $0.entity.category == "membership" && $0.role != .member
        }.map(\.entity)
        guard let first = events.min(by: { ($0.date?.firstDayKey ?? .max) < ($1.date?.firstDayKey ?? .max) }) else { return nil }
        return "\(first.date.map(\.display) ?? "undated") — \(first.displayName)"
    }

    /// Links to the same entity in the same direction, as one line listing every role, in first-seen order.
    private static func merged(_ links: [LinkedEntity]) -> [(entity: EntitySummary, roles: [LinkRole], direction: LinkDirection)] {
        var result: [(entity: EntitySummary, roles: [LinkRole], direction: LinkDirection)] = []
        var positions: [String: Int] = [:]
        for link in links {
            let key = "\(link.direction.rawValue) \(link.entity.id)"
            if let position = positions[key] {
                if !result[position].roles.contains(link.role) { result[position].roles.append(link.role) }
            } else {
                positions[key] = result.count
                result.append((link.entity, [link.role], link.direction))
            }
        }
        return result
    }

    private mutating func addLinks(_ links: [(entity: EntitySummary, roles: [LinkRole], direction: LinkDirection)], width: Int) {
        for link in LinkLine.all(links, width: width) { addLink(link) }
    }

    private mutating func addLink(_ link: LinkLine) {
        linkLines.append(lines.count)
        lines.append(DetailLine(spans: [DetailSpan(text: link.prefix, role: .linkRole), DetailSpan(text: link.label, role: .link),
                                        DetailSpan(text: link.suffix, role: .linkRole)],
                                target: .entity(link.target)))
    }

    /// Word-wraps `text` to `width` columns with a hanging indent: its first `indent` characters (a label, a quote
    /// mark, spaces) stay on the first line, and what follows them is wrapped to the columns after them, continuation
    /// lines starting with `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        let head = String(text.prefix(indent))
        let lines = Paragraph(String(text.dropFirst(indent))).lines(width: max(1, width - indent))
        guard let first = lines.first else { return [head] }
        return [head + first] + lines.dropFirst().map { String(repeating: " ", count: indent) + $0 }
    }
}

/// One link's line in a detail: arrow, label and roles. One line a link: the label gives way (with an ellipsis at its
/// end, or in its middle where two labels of a group would otherwise read alike) so the role stays visible. An
/// outbound role is the target's in this record ("→ IAP  subject"); an inbound one is this entity's in the linking
/// record, so it reads "as …" ("← ECO Cultural Institute  as parent": this is its parent).
private struct LinkLine {
    var prefix: String
    var label: String
    var suffix: String
    var target: String

    /// The lines of a group of links, each cut to fit `width`.
    static func all(_ links: [(entity: EntitySummary, roles: [LinkRole], direction: LinkDirection)], width: Int) -> [LinkLine] {
        let parts = links.map { link in
            let roleList = link.roles.map(\.rawValue).joined(separator: ", ")
            return (prefix: "  \(link.direction == .outbound ? "→" : "←") ",
                    label: label(of: link.entity),
                    suffix: roleList.isEmpty ? "" : "  " + (link.direction == .inbound ? "as " + roleList : roleList))
        }
        let labels = truncatedApart(parts.map(\.label),
                                    widths: parts.map { max(1, width - $0.prefix.displayWidth - $0.suffix.displayWidth) })
        return zip(zip(parts, labels), links).map { pair, link in
            LinkLine(prefix: pair.0.prefix, label: pair.1, suffix: pair.0.suffix, target: link.entity.id)
        }
    }

    /// The lines of a memberships ledger: the event's date (or "undated") and the other party, which Enter opens.
    static func ledger(_ entries: [MembershipEntry], joined: Bool, width: Int) -> [LinkLine] {
        let suffix = joined ? "  joined" : "  member"
        let labels = truncatedApart(entries.map { "\($0.event.date.display) · \(label(of: $0.party))" },
                                    widths: entries.map { _ in max(1, width - 4 - suffix.displayWidth) })
        return zip(entries, labels).map { entry, label in
            LinkLine(prefix: "  → ", label: label, suffix: suffix, target: entry.party.id)
        }
    }

    private static func label(of entity: EntitySummary) -> String {
        switch entity.kind {
        case .organization: entity.acronym.map { "\($0) — \(entity.name)" } ?? entity.name
        case .event, .visit, .meeting, .document: "\(entity.date.display) · \(entity.displayName)"
        default: entity.name
        }
    }
}
