import ChanceryModel
import TerminalUI

/// What a line of input is for.
public enum InputPurpose: Hashable, Sendable {
    /// The words filter of a pane, applied as typed.
    case filter(Pane)
    /// The same words in every pane at once, applied as typed: matches of every kind, counted in each title.
    case filterEveryPane

    /// The panes whose words the line sets.
    var filteredPanes: [Pane] {
        switch self {
        case .filter(let pane): [pane]
        case .filterEveryPane: Pane.allCases
        case .dateRange, .writeList, .pairWith, .note, .palette: []
        }
    }
    /// The date range of a pane, applied on Enter.
    case dateRange(Pane)
    /// The name of a file to write a pane's list to, on Enter.
    case writeList(Pane)
    /// The name of the country to pair this one with, on Enter: its ledger opens.
    case pairWith(EntitySummary)
    /// The analyst's note on a record, saved on Enter (empty removes it).
    case note(EntitySummary)
    /// The command palette's words: a command, a verb and its argument, a saved view or a record's name.
    case palette
}

/// What a key did to the line being typed, for the browser to act on.
enum InputOutcome: Hashable, Sendable {
    /// The line changed, or its cursor moved; `textChanged` when its text is different.
    case edited(textChanged: Bool)
    /// Esc: the line is dropped, and what it changed goes back.
    case cancelled
    /// Enter: the line is to be applied.
    case submitted
    /// Ctrl-C: the user quits.
    case quit
    /// Up or Down: another suggestion of the palette, this many away.
    case suggestion(Int)
    /// Tab: the highlighted suggestion takes the line.
    case tookSuggestion
}

/// A line being typed, with its cursor (in characters).
public struct InputState: Hashable, Sendable {
    /// The most characters a line takes: a longer paste is cut there, and the line says so.
    public static let maximumLength = 256

    /// What it is for.
    public let purpose: InputPurpose
    /// The text typed.
    public internal(set) var text: String
    /// The cursor's position, in Characters (grapheme clusters) of `text`: from 0 to `text.count`.
    public internal(set) var cursor: Int
    /// A remark shown beside the line until the next key (why a key or the line was refused).
    public internal(set) var notice: String? = nil
    /// The view when the line opened: Esc goes back to it, and Enter records it as the step back undoes.
    let before: NavigationEntry

    /// A line for `purpose` holding `text`, the cursor at its end.
    init(purpose: InputPurpose, text: String, before: NavigationEntry) {
        self.purpose = purpose
        self.text = text
        cursor = text.count
        self.before = before
    }

    /// The text without the spaces around it: a file name or a country's name as typed.
    var trimmedText: String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// Replaces the text, the cursor at its end.
    mutating func replace(with text: String) {
        self.text = text
        cursor = text.count
        notice = nil
    }

    /// Applies a key. The cursor counts Characters; a typed scalar that joins the Character before it (a combining
    /// accent, a skin tone, the second half of a flag) leaves the cursor after the joined Character, and every edit
    /// ends with the cursor clamped to the text. Keys not bound in the input mode do nothing: no command acts here.
    mutating func edit(with key: Key, bindings: KeyMap = .standard) -> InputOutcome {
        var characters = Array(text)
        cursor = min(max(0, cursor), characters.count)
        notice = nil
        if case .character(let character) = key {
            guard characters.count < Self.maximumLength, text.unicodeScalars.count < 4 * Self.maximumLength else {
                notice = "at most \(Self.maximumLength) characters"
                return .edited(textChanged: false)
            }
            let before = String(characters[..<cursor]) + String(character)
            characters = Array(before + String(characters[cursor...]))
            cursor = before.count
        } else {
            switch bindings.command(for: key, in: .input) {
            case .deleteBackward?:
                guard cursor > 0 else { break }
                characters.remove(at: cursor - 1)
                cursor -= 1
            case .deleteForward?:
                if cursor < characters.count { characters.remove(at: cursor) }
            case .cursorLeft?: cursor = max(0, cursor - 1)
            case .cursorRight?: cursor = min(characters.count, cursor + 1)
            case .cursorToStart?: cursor = 0
            case .cursorToEnd?: cursor = characters.count
            case .deleteToStart?:
                characters.removeSubrange(0..<cursor)
                cursor = 0
            case .cancelLine?: return .cancelled
            case .previousSuggestion?: return .suggestion(-1)
            case .nextSuggestion?: return .suggestion(1)
            case .takeSuggestion?: return .tookSuggestion
            case .submitLine?: return .submitted
            case .quit?: return .quit
            default: return .edited(textChanged: false)
            }
        }
        let old = text
        text = String(characters)
        // Characters put side by side may join into one (a removed letter between two regional indicators).
        cursor = min(cursor, text.count)
        return .edited(textChanged: text != old)
    }
}
