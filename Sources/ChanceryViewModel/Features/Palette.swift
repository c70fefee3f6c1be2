import ChanceryModel
import TerminalUI

/// One suggestion of the command palette.
public enum PaletteItem: Hashable, Sendable {
    /// A command of the key table, with its keys.
    case command(Command, summary: String, keys: String)
    /// A palette verb that takes an argument (`save NAME`).
    case verb(String, usage: String)
    /// A saved view, which Enter opens.
    case view(String)
    /// A record, whose detail Enter opens.
    case entity(EntitySummary)

    /// What the suggestion reads as.
    public var label: String {
        switch self {
        case .command(_, let summary, _): summary
        case .verb(let verb, let usage): "\(verb) \(usage)"
        case .view(let name): "view \(name)"
        case .entity(let record): record.displayName
        }
    }

    /// What stands at its right: the keys, the kind, or what a verb does.
    public var hint: String {
        switch self {
        case .command(_, _, let keys): keys
        case .verb: "command"
        case .view: "saved view"
        case .entity(let record): record.kind.rawValue
        }
    }
}

/// The command palette (`:`): the line's words matched against the commands of the key table, the verbs (`save`,
/// `view`, `delete`, `brief`), the saved views and every record by name (read from the store as the words change).
public struct PaletteState: Hashable, Sendable {
    /// The suggestions for the words typed, best first.
    public internal(set) var items: [PaletteItem] = []
    /// The highlighted suggestion.
    public internal(set) var selected = 0
    /// The records the words name, once read.
    var found: [EntitySummary] = []
    /// The read of records under way, if any.
    var pending: Int?

    /// The verbs the palette takes, with what their argument is.
    static let verbs: [(verb: String, usage: String)] = [
        ("save", "NAME — save this view"), ("view", "NAME — open a saved view"),
        ("delete", "NAME — delete a saved view"), ("brief", "FILE — write a briefing of the marks (.md or .html)"),
        ("trail", "FILE — save this session's keys as a script"),
    ]

    /// The most suggestions kept.
    static let limit = 30

    /// Recomputes the suggestions for `text`, from the bindings in force, the verbs, `views` and the records found.
    mutating func suggest(for text: String, views: [String], bindings: KeyMap) {
        let commands = bindings.table.filter { !$0.modes.isDisjoint(with: [.panes, .detail]) && $0.command != .openPalette }
        var seen: Set<Command> = []
        var items: [PaletteItem] = PaletteState.verbs.map { .verb($0.verb, usage: $0.usage) } + views.sorted().map(PaletteItem.view)
        for binding in commands where seen.insert(binding.command).inserted {
            items.append(.command(binding.command, summary: binding.summary, keys: binding.keys.map(KeyNotation.name).joined(separator: " ")))
        }
        // Best score first (a record's name as good as a command's words), commands before records within a score,
        // each in its own order; records found by other text than their names last.
        let scored = items.compactMap { item in Self.score(text, against: item.label).map { (item, $0) } }
            + found.map { record in (PaletteItem.entity(record), Self.score(text, against: record.displayName) ?? -1) }
        self.items = Array(scored.enumerated().sorted { ($0.element.1, $1.offset) > ($1.element.1, $0.offset) }
            .map(\.element.0).prefix(Self.limit))
        selected = min(selected, max(0, self.items.count - 1))
    }

    /// How well `text` matches `label`, or nil when it does not: the label's first words start with the words (3),
    /// every word the start of one of the label's words (2), or the letters in order (1); an empty line matches
    /// everything (0).
    static func score(_ text: String, against label: String) -> Int? {
        let words = SearchFolding.words(text)
        guard !words.isEmpty else { return 0 }
        let labelWords = SearchFolding.words(label)
        if words.count <= labelWords.count, zip(words, labelWords).allSatisfy({ $1.hasPrefix($0) }) { return 3 }
        if words.allSatisfy({ word in labelWords.contains { $0.hasPrefix(word) } }) { return 2 }
        var letters = labelWords.joined()[...]
        for letter in words.joined() {
            guard let found = letters.firstIndex(of: letter) else { return nil }
            letters = letters[letters.index(after: found)...]
        }
        return 1
    }
}

extension BrowserState {
    /// `:`: the palette's line opens, with every suggestion.
    mutating func openPalette() {
        palette = PaletteState()
        trailLengthBeforePalette = max(0, trail.count - 1)  // the ':' that opened it is not part of the trail
        palette?.suggest(for: "", views: Array(workingSet.views.keys), bindings: bindings)
        openLine(for: .palette, text: "")
    }

    /// The palette's words changed: the suggestions follow, and the records they name are asked for.
    mutating func paletteTextChanged(_ text: String) {
        palette?.found = []
        palette?.selected = 0
        palette?.suggest(for: text, views: Array(workingSet.views.keys), bindings: bindings)
        let query = SearchQuery(text)
        guard query.hasSearchableTerm, !PaletteState.verbs.contains(where: { text.hasPrefix($0.verb + " ") }) else {
            palette?.pending = nil
            return
        }
        let request = takeRequestID()
        palette?.pending = request
        outbox.append(.searchRecords(request: request, words: text))
    }

    /// The records the palette's words name arrived.
    mutating func paletteFound(_ result: Result<[EntitySummary], ReadFailure>, request: Int) {
        guard var current = palette, current.pending == request, let line = input else { return }
        current.pending = nil
        if case .success(let records) = result { current.found = records }
        current.suggest(for: line.text, views: Array(workingSet.views.keys), bindings: bindings)
        palette = current
    }

    /// Up, Down: another suggestion is highlighted.
    mutating func moveSuggestion(by step: Int) {
        guard let current = palette, !current.items.isEmpty else { return }
        palette?.selected = (current.selected + step + current.items.count) % current.items.count
    }

    /// Tab: the highlighted suggestion's words take the line (a verb leaves room for its argument).
    mutating func takeSuggestion() {
        guard let item = palette.flatMap({ $0.items.indices.contains($0.selected) ? $0.items[$0.selected] : nil }) else { return }
        let text = switch item {
        case .verb(let verb, _): verb + " "
        case .view(let name): "view " + name
        default: item.label
        }
        input?.replace(with: text)
        paletteTextChanged(text)
    }

    /// Enter on the palette: a verb with its argument runs, else the highlighted suggestion does.
    mutating func runPalette(_ text: String) {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if let verb = words.first, PaletteState.verbs.contains(where: { $0.verb == verb }) {
            let argument = words.count > 1 ? String(words[1].drop { $0 == " " }) : ""
            guard !argument.isEmpty else {
                input?.notice = verb == "brief" || verb == "trail" ? "type a file name: \(verb) \(verb).\(verb == "brief" ? "md" : "keys")"
                    : "type a name: \(verb) baku-2018"
                return
            }
            closePalette()
            switch verb {
            case "save": saveView(named: argument)
            case "view": openView(named: argument)
            case "delete": deleteView(named: argument)
            case "trail": writeTrail(to: argument)
            default: writeBriefing(to: argument)
            }
            return
        }
        guard let item = palette.flatMap({ $0.items.indices.contains($0.selected) ? $0.items[$0.selected] : nil }) else {
            input?.notice = "nothing matches: try save, view, brief or a name"
            return
        }
        switch item {
        case .verb(let verb, _):
            input?.replace(with: verb + " ")
            paletteTextChanged(verb + " ")
        case .view(let name):
            closePalette()
            openView(named: name)
        case .entity(let record):
            closePalette()
            openDetail(of: record.id)
        case .command(let command, _, _):
            closePalette()
            run(command)
        }
    }

    /// The line and the suggestions go.
    mutating func closePalette() {
        input = nil
        palette = nil
    }

    /// `:brief FILE`: a briefing of the marked records is written to a new file.
    mutating func writeBriefing(to path: String) {
        guard !workingSet.marks.isEmpty else {
            return report(StatusMessage(text: "Nothing marked to brief: m marks a record", isError: true))
        }
        outbox.append(.writeBriefing(workingSet, path: path))
        report(StatusMessage(text: "Writing a briefing of \(workingSet.marks.count) marked records to \(path)…", isError: false))
    }
}
