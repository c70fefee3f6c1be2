/// The one table of key names, read both ways: key scripts and the help write keys with `script` names
/// (`<PgDn>`), ncurses reports them by `curses` name (`KEY_NPAGE`) or by byte, tmux sends them by `tmux` name
/// (`NPage`). The script parser, the printer, the ncurses key mapping and the tmux test driver all read it.
public enum KeyNotation {
    /// One named key and what each side calls it.
    public struct Entry: Sendable {
        /// The key.
        public let key: Key
        /// Its names in key scripts, the first the one printed (matched without regard to case).
        public let script: [String]
        /// The name tmux's `send-keys` takes for it.
        public let tmux: String
        /// The names ncurses' `keyname()` gives the function-key codes that mean it.
        public let curses: [String]
        /// The bytes a terminal sends for it without a function-key code.
        public let bytes: [UInt32]
    }

    /// Every key with a name; any other printable character names itself, and `<C-x>` is Ctrl plus a letter.
    public static let entries: [Entry] = [
        Entry(key: .enter, script: ["Enter", "CR"], tmux: "Enter", curses: ["KEY_ENTER"], bytes: [10, 13]),
        Entry(key: .tab, script: ["Tab"], tmux: "Tab", curses: [], bytes: [9]),
        Entry(key: .backTab, script: ["S-Tab"], tmux: "BTab", curses: ["KEY_BTAB"], bytes: []),
        Entry(key: .escape, script: ["Esc"], tmux: "Escape", curses: [], bytes: [27]),
        Entry(key: .backspace, script: ["BS"], tmux: "BSpace", curses: ["KEY_BACKSPACE"], bytes: [8, 127]),
        Entry(key: .delete, script: ["Del"], tmux: "DC", curses: ["KEY_DC"], bytes: []),
        Entry(key: .up, script: ["Up"], tmux: "Up", curses: ["KEY_UP"], bytes: []),
        Entry(key: .down, script: ["Down"], tmux: "Down", curses: ["KEY_DOWN"], bytes: []),
        Entry(key: .left, script: ["Left"], tmux: "Left", curses: ["KEY_LEFT"], bytes: []),
        Entry(key: .right, script: ["Right"], tmux: "Right", curses: ["KEY_RIGHT"], bytes: []),
        Entry(key: .pageUp, script: ["PgUp"], tmux: "PPage", curses: ["KEY_PPAGE"], bytes: []),
        Entry(key: .pageDown, script: ["PgDn"], tmux: "NPage", curses: ["KEY_NPAGE"], bytes: []),
        Entry(key: .home, script: ["Home"], tmux: "Home", curses: ["KEY_HOME"], bytes: []),
        Entry(key: .end, script: ["End"], tmux: "End", curses: ["KEY_END"], bytes: []),
        Entry(key: .character(" "), script: ["Space"], tmux: "Space", curses: [], bytes: []),
        Entry(key: .character("<"), script: ["lt"], tmux: "<", curses: [], bytes: []),
    ]

    private static let entriesByKey: [Key: Entry] = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    private static let keysByScriptName: [String: Key] = Dictionary(
        entries.flatMap { entry in entry.script.map { ($0.lowercased(), entry.key) } }, uniquingKeysWith: { first, _ in first })
    private static let keysByByte: [UInt32: Key] = Dictionary(
        entries.flatMap { entry in entry.bytes.map { ($0, entry.key) } }, uniquingKeysWith: { first, _ in first })
    private static let keysByCursesName: [String: Key] = Dictionary(
        entries.flatMap { entry in entry.curses.map { ($0, entry.key) } }, uniquingKeysWith: { first, _ in first })

    /// The key a script writes as `<name>` (any case), nil for a name not in the table.
    public static func key(named name: String) -> Key? {
        let lowered = name.lowercased()
        if let key = keysByScriptName[lowered] { return key }
        if lowered.count == 3, lowered.hasPrefix("c-"), let letter = lowered.last, letter.isASCII, letter.isLetter {
            return .control(letter)
        }
        return nil
    }

    /// A key as scripts and the help write it: `j`, `<Enter>`, `<C-d>`.
    public static func name(of key: Key) -> String {
        if let entry = entriesByKey[key] { return "<\(entry.script[0])>" }
        switch key {
        case .character(let character): return String(character)
        case .control(let letter): return "<C-\(letter)>"
        default: preconditionFailure("every named key is in KeyNotation.entries")
        }
    }

    /// The `tmux send-keys` argument for a key other than a plain character (sent with `-l`).
    public static func tmuxName(of key: Key) -> String {
        if let entry = entriesByKey[key] { return entry.tmux }
        switch key {
        case .character(let character): return String(character)
        case .control(let letter): return "C-\(letter)"
        default: preconditionFailure("every named key is in KeyNotation.entries")
        }
    }

    /// The key for an ncurses function-key code's `keyname()` (`KEY_NPAGE`), nil for one the browser has no use for.
    public static func key(cursesName: String) -> Key? {
        keysByCursesName[cursesName]
    }

    /// The key for a character code read from the terminal: a named byte (Enter, Tab, Esc, Backspace), Ctrl plus a
    /// letter, or a printable character; nil for other control codes.
    public static func key(code: UInt32) -> Key? {
        if let key = keysByByte[code] { return key }
        switch code {
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0..<32, 127..<160: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }
}
