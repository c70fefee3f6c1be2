import TerminalUI

/// The bindings in force: the default table (`KeyBindings.table`) with the keys the user's configuration gives some
/// commands in some modes. It drives dispatch, the help and `chancery keys`, as the default table does.
public struct KeyMap: Hashable, Sendable {
    /// The rows in force, in the default table's order; a row whose command was rebound in some of its modes only is
    /// split, so that each row's keys act in all its modes.
    public let table: [KeyBinding]
    private let commandsByModeAndKey: [KeyMode: [Key: Command]]

    /// The default bindings.
    public static let standard = KeyMap(table: KeyBindings.table)

    private init(table: [KeyBinding]) {
        self.table = table
        commandsByModeAndKey = Dictionary(uniqueKeysWithValues: KeyMode.allCases.map { mode in
            (mode, Dictionary(table.filter { $0.modes.contains(mode) }.flatMap { binding in binding.keys.map { ($0, binding.command) } },
                              uniquingKeysWith: { first, _ in first }))
        })
    }

    /// The command `key` runs in `mode`, if any.
    public func command(for key: Key, in mode: KeyMode) -> Command? {
        commandsByModeAndKey[mode]?[key]
    }

    /// A status-line hint in `mode`: each part's commands by their key in force ("j/k move · Enter open"), a part
    /// whose commands have no key there left out. A command shows its first key, or a character key when the first
    /// is an arrow or Backspace (so `j`, not `<Down>`).
    public func hint(_ parts: [(commands: [Command], label: String)], in mode: KeyMode) -> String {
        parts.compactMap { commands, label in
            let keys = commands.compactMap { command -> String? in
                guard let keys = table.first(where: { $0.command == command && $0.modes.contains(mode) })?.keys, let first = keys.first else { return nil }
                let navigation: Set<Key> = [.up, .down, .left, .right, .backspace]
                let shown = navigation.contains(first) ? keys.first { if case .character = $0 { true } else { false } } ?? first : first
                return String(KeyNotation.name(of: shown).trimmingPrefix("<").reversed().trimmingPrefix(">").reversed())
            }
            return keys.count == commands.count ? "\(keys.joined(separator: "/")) \(label)" : nil
        }.joined(separator: " · ")
    }

    /// The table in sections of rows acting in the same modes, in table order, the sections in the default table's
    /// order (a row split by the configuration joins its mode's section).
    public var sections: [(heading: String, bindings: [KeyBinding])] {
        var result: [(modes: Set<KeyMode>, bindings: [KeyBinding])] = []
        for binding in table {
            if let index = result.firstIndex(where: { $0.modes == binding.modes }) {
                result[index].bindings.append(binding)
            } else {
                result.append((binding.modes, [binding]))
            }
        }
        let order = KeyMap.sectionOrder
        return result.enumerated().sorted { a, b in
            (order.firstIndex(of: a.element.modes) ?? order.count, a.offset) < (order.firstIndex(of: b.element.modes) ?? order.count, b.offset)
        }.map { (KeyBindings.heading(for: $0.element.modes), $0.element.bindings) }
    }

    /// The modes of the default table's sections, in its order.
    private static let sectionOrder: [Set<KeyMode>] = KeyBindings.table.reduce(into: []) { order, binding in
        if !order.contains(binding.modes) { order.append(binding.modes) }
    }

    /// The key lists as Markdown tables, a section per mode, for the README and `chancery keys`.
    public func markdown() -> String {
        sections.map { section in
            (["\(section.heading):", "", "| Keys | Action |", "|---|---|"] + section.bindings.map { binding in
                "| " + binding.keys.map { "`\(KeyNotation.name(of: $0))`" }.joined(separator: " ") + " | \(binding.summary) |"
            }).joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// The default bindings with those of a configuration file's `text` (`file` names it in errors). The file is
    /// TOML — a table per mode, each command given one key or an array of keys in the notation of key scripts:
    ///
    ///     [panes]
    ///     moveDown = ["j", "<Down>", "<C-n>"]
    ///     toggleMark = "<Space>"
    ///
    /// The keys replace the command's default keys in that mode. An unknown mode, command or key, a line that is not
    /// of this form, or a key left running two commands in one mode is an error naming the file and the line.
    public static func configured(by text: String, file: String) throws(KeyConfigError) -> KeyMap {
        var overrides: [KeyMode: [Command: (keys: [Key], line: Int)]] = [:]
        var mode: KeyMode?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            func fail(_ message: String) -> KeyConfigError { KeyConfigError(description: "\(file):\(line): \(message)") }
            let content = Self.withoutComment(String(rawLine)).trimmingSpaces
            if content.isEmpty { continue }
            if content.hasPrefix("[") {
                guard content.hasSuffix("]") else { throw fail("a table header must end with ]") }
                let name = String(content.dropFirst().dropLast()).trimmingSpaces
                guard let named = KeyMode(rawValue: name) else {
                    throw fail("no mode “\(name)”; the modes are " + KeyMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                mode = named
                continue
            }
            guard let mode else { throw fail("a binding before any [mode] table") }
            guard let equals = content.firstIndex(of: "=") else { throw fail("expected command = \"key\" or [\"key\", …]") }
            let name = String(content[..<equals]).trimmingSpaces
            let commands = Set(KeyBindings.table.filter { $0.modes.contains(mode) }.map(\.command))
            guard let command = Command(rawValue: name), commands.contains(command) else {
                let near = Self.closest(to: name, among: commands.map(\.rawValue))
                throw fail("no command “\(name)” in \(mode.rawValue)" + (near.isEmpty ? "; `chancery keys --names` lists them" : "; did you mean \(near.joined(separator: " or "))?"))
            }
            let names: [String]
            do {
                names = try Self.strings(in: String(content[content.index(after: equals)...]).trimmingSpaces)
            } catch {
                throw fail(error.description)
            }
            guard !names.isEmpty else { throw fail("\(name) is given no key") }
            var keys: [Key] = []
            for keyName in names {
                guard let steps = try? KeyScript.parse(keyName), steps.count == 1, case .key(let key) = steps[0] else {
                    throw fail("“\(keyName)” is not one key; write j, <Down>, <C-d>, <Space> or <lt>")
                }
                keys.append(key)
            }
            overrides[mode, default: [:]][command] = (keys, line)
        }
        var table: [KeyBinding] = []
        for binding in KeyBindings.table {
            let rebound = binding.modes.filter { overrides[$0]?[binding.command] != nil }
            let kept = binding.modes.subtracting(rebound)
            if !kept.isEmpty { table.append(KeyBinding(binding.keys, binding.command, in: kept, binding.summary)) }
            for mode in KeyMode.allCases where rebound.contains(mode) {
                table.append(KeyBinding(overrides[mode]![binding.command]!.keys, binding.command, in: [mode], binding.summary))
            }
        }
        // A key the file gives may not be left running another command in the same mode.
        for (mode, commands) in overrides {
            for (command, given) in commands {
                for key in given.keys {
                    let others = table.filter { $0.modes.contains(mode) && $0.command != command && $0.keys.contains(key) }
                    if let other = others.first {
                        throw KeyConfigError(description: "\(file):\(given.line): \(KeyNotation.name(of: key)) already runs “\(other.summary)” (\(other.command.rawValue)) in \(mode.rawValue); give that command other keys too")
                    }
                }
            }
        }
        return KeyMap(table: table)
    }

    /// The names nearest to `name` (ignoring case) by edit distance, when within three edits.
    private static func closest(to name: String, among names: [String]) -> [String] {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var current = [i + 1]
                for (j, y) in b.enumerated() { current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
                previous = current
            }
            return previous[b.count]
        }
        let scored = names.map { ($0, distance(Array($0.lowercased()), Array(name.lowercased()))) }
        guard let best = scored.map(\.1).min(), best <= 3 else { return [] }
        return scored.filter { $0.1 == best }.map(\.0).sorted()
    }

    /// The line without a `#` comment outside quotes.
    private static func withoutComment(_ line: String) -> String {
        var inString = false, escaped = false
        for (offset, character) in line.enumerated() {
            if escaped { escaped = false; continue }
            if character == "\\" && inString { escaped = true; continue }
            if character == "\"" { inString.toggle() }
            if character == "#" && !inString { return String(line.prefix(offset)) }
        }
        return line
    }

    /// The basic strings of a TOML value: one (`"j"`) or an array of them (`["j", "<Down>"]`).
    private static func strings(in value: String) throws(KeyConfigError) -> [String] {
        var characters = Array(value)[...]
        let isArray = characters.first == "["
        if isArray {
            guard characters.last == "]" else { throw KeyConfigError(description: "an array must end with ]") }
            characters = characters.dropFirst().dropLast()
        }
        var strings: [String] = []
        while true {
            characters = characters.drop { $0 == " " || $0 == "\t" }
            guard let first = characters.first else { break }
            guard first == "\"" else { throw KeyConfigError(description: "expected a quoted key such as \"j\"") }
            characters = characters.dropFirst()
            var string = ""
            var closed = false
            while let character = characters.first {
                characters = characters.dropFirst()
                if character == "\"" { closed = true; break }
                if character == "\\" {
                    guard let escaped = characters.first, escaped == "\"" || escaped == "\\" else {
                        throw KeyConfigError(description: "only \\\" and \\\\ escapes are read in a key")
                    }
                    string.append(escaped)
                    characters = characters.dropFirst()
                } else {
                    string.append(character)
                }
            }
            guard closed else { throw KeyConfigError(description: "a string is not closed") }
            strings.append(string)
            characters = characters.drop { $0 == " " || $0 == "\t" }
            if characters.first == "," && isArray { characters = characters.dropFirst(); continue }
            guard characters.isEmpty else { throw KeyConfigError(description: isArray ? "keys in an array are separated by commas" : "one key, or an array of keys") }
        }
        return strings
    }
}

/// Why a key configuration file was not taken, naming the file and the line; the default bindings stay.
public struct KeyConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message.
    public var description: String
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
