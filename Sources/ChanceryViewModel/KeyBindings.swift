import TerminalUI

/// What a key asks the browser to do; one binding table maps keys to commands.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case moveDown, moveUp, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp
    case nextPane, previousPane, focusTimeline, focusOrganizations, focusVisits
    case open, back, forward, filter, dateRange, nextKind, previousKind, narrow, clearNarrowing
    case close, help, redraw, quit
}

/// What a key does in a line being typed (the `/` filter, the `d` date); any other character is typed.
public enum EditCommand: String, CaseIterable, Hashable, Sendable {
    case left, right, start, end, deleteBackward, deleteForward, deleteToStart, submit, cancel
}

/// One row of the editing table: the keys, the edit, and the line the help and the README show.
public struct EditBinding: Hashable, Sendable {
    /// The keys that make the edit.
    public let keys: [Key]
    /// The edit.
    public let command: EditCommand
    /// What it does, for the help overlay and the README.
    public let summary: String
}

/// One row of the binding table: the keys, the command, and the line the help and the README show.
public struct KeyBinding: Hashable, Sendable {
    /// The keys that run the command.
    public let keys: [Key]
    /// The command.
    public let command: Command
    /// What it does, for the help overlay and the README.
    public let summary: String
}

/// The single key-binding table: it drives dispatch, the help overlay and the key list in the README.
public enum KeyBindings {
    /// Every binding, in the order help shows them.
    public static let table: [KeyBinding] = [
        KeyBinding(keys: [.down, .character("j")], command: .moveDown, summary: "Move down"),
        KeyBinding(keys: [.up, .character("k")], command: .moveUp, summary: "Move up"),
        KeyBinding(keys: [.character("g"), .home], command: .top, summary: "Go to the top"),
        KeyBinding(keys: [.character("G"), .end], command: .bottom, summary: "Go to the bottom"),
        KeyBinding(keys: [.pageDown], command: .pageDown, summary: "Page down"),
        KeyBinding(keys: [.pageUp], command: .pageUp, summary: "Page up"),
        KeyBinding(keys: [.control("d")], command: .halfPageDown, summary: "Half a page down"),
        KeyBinding(keys: [.control("u")], command: .halfPageUp, summary: "Half a page up"),
        KeyBinding(keys: [.tab], command: .nextPane, summary: "Focus the next pane"),
        KeyBinding(keys: [.backTab], command: .previousPane, summary: "Focus the previous pane"),
        KeyBinding(keys: [.character("1")], command: .focusTimeline, summary: "Focus Timeline"),
        KeyBinding(keys: [.character("2")], command: .focusOrganizations, summary: "Focus Organizations"),
        KeyBinding(keys: [.character("3")], command: .focusVisits, summary: "Focus Visits"),
        KeyBinding(keys: [.enter], command: .open, summary: "Open item / follow link"),
        KeyBinding(keys: [.backspace, .character("[")], command: .back, summary: "Back to the previous view"),
        KeyBinding(keys: [.character("]")], command: .forward, summary: "Forward again"),
        KeyBinding(keys: [.character("/")], command: .filter, summary: "Filter the pane by words"),
        KeyBinding(keys: [.character("d")], command: .dateRange, summary: "Filter by date, e.g. 1993"),
        KeyBinding(keys: [.character("t")], command: .nextKind, summary: "Filter by the next kind"),
        KeyBinding(keys: [.character("T")], command: .previousKind, summary: "Kind filter, backwards"),
        KeyBinding(keys: [.character("n")], command: .narrow, summary: "Narrow to organization"),
        KeyBinding(keys: [.character("x")], command: .clearNarrowing, summary: "Clear the narrowing"),
        KeyBinding(keys: [.escape], command: .close, summary: "Close, or drop a filter"),
        KeyBinding(keys: [.character("?")], command: .help, summary: "Show or hide this help"),
        KeyBinding(keys: [.control("l")], command: .redraw, summary: "Redraw the screen"),
        KeyBinding(keys: [.character("q"), .control("c")], command: .quit, summary: "Quit"),
    ]

    /// The keys of a line being typed, in the order help shows them: while a line is open, only these act, and
    /// every other character is typed into it.
    public static let editing: [EditBinding] = [
        EditBinding(keys: [.left], command: .left, summary: "Cursor left"),
        EditBinding(keys: [.right], command: .right, summary: "Cursor right"),
        EditBinding(keys: [.home, .control("a")], command: .start, summary: "Cursor to the start"),
        EditBinding(keys: [.end, .control("e")], command: .end, summary: "Cursor to the end"),
        EditBinding(keys: [.backspace], command: .deleteBackward, summary: "Delete left of cursor"),
        EditBinding(keys: [.delete], command: .deleteForward, summary: "Delete at the cursor"),
        EditBinding(keys: [.control("u")], command: .deleteToStart, summary: "Delete to the start"),
        EditBinding(keys: [.enter], command: .submit, summary: "Apply the line"),
        EditBinding(keys: [.escape], command: .cancel, summary: "Cancel the line"),
    ]

    private static let editsByKey: [Key: EditCommand] = Dictionary(
        editing.flatMap { binding in binding.keys.map { ($0, binding.command) } }, uniquingKeysWith: { first, _ in first })

    /// The edit bound to `key` in a line being typed, if any.
    public static func editCommand(for key: Key) -> EditCommand? {
        editsByKey[key]
    }

    private static let commandsByKey: [Key: Command] = Dictionary(
        table.flatMap { binding in binding.keys.map { ($0, binding.command) } }, uniquingKeysWith: { first, _ in first })

    /// The command bound to `key`, if any.
    public static func command(for key: Key) -> Command? {
        commandsByKey[key]
    }

    /// A key in the notation of key scripts and the help: `j`, `<Enter>`, `<C-d>`.
    public static func name(of key: Key) -> String {
        switch key {
        case .character(" "): "<Space>"
        case .character("<"): "<lt>"
        case .character(let character): String(character)
        case .control(let letter): "<C-\(letter)>"
        case .enter: "<Enter>"
        case .tab: "<Tab>"
        case .backTab: "<S-Tab>"
        case .escape: "<Esc>"
        case .backspace: "<BS>"
        case .delete: "<Del>"
        case .up: "<Up>"
        case .down: "<Down>"
        case .left: "<Left>"
        case .right: "<Right>"
        case .pageUp: "<PgUp>"
        case .pageDown: "<PgDn>"
        case .home: "<Home>"
        case .end: "<End>"
        case .resize(let width, let height): "<Resize \(width)x\(height)>"
        }
    }

    /// The key lists as Markdown tables, for the README: the browser's keys, then those of a line being typed.
    public static func markdown() -> String {
        func rows(_ entries: [(keys: [Key], summary: String)]) -> [String] {
            entries.map { "| " + $0.keys.map { "`\(name(of: $0))`" }.joined(separator: " ") + " | \($0.summary) |" }
        }
        return (["| Keys | Action |", "|---|---|"] + rows(table.map { ($0.keys, $0.summary) })
            + ["", "While typing a filter (`/`) or a date (`d`):", "", "| Keys | Action |", "|---|---|"]
            + rows(editing.map { ($0.keys, $0.summary) })).joined(separator: "\n") + "\n"
    }
}
