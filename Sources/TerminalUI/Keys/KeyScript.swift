/// One step of a key script: a key press, or a change of terminal size.
public enum ScriptStep: Hashable, Sendable {
    /// Press this key.
    case key(Key)
    /// Resize the terminal to this many columns and rows.
    case resize(width: Int, height: Int)
    /// Click or turn the wheel at a cell.
    case mouse(MouseEvent)
}

/// Why a key script could not be read; `description` names the offending text and where it is.
public struct KeyScriptError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A message such as "unknown key <Foo> at column 7".
    public let description: String
}

/// Reads key scripts in vim notation: plain characters type themselves, `<Name>` names a key.
///
/// Names, case-insensitive, are those of `KeyNotation` (`<Enter>`, `<PgDn>`, `<lt>` for a literal "<", `<C-x>` for
/// Ctrl plus any letter), `<Resize 80x24>` for a terminal resize, and `<Click 10,5>`, `<WheelUp 10,5>`,
/// `<WheelDown 10,5>` for the mouse at column 10, row 5 (from 0).
public enum KeyScript {
    /// The steps of a one-line script; throws `KeyScriptError` on an unknown or malformed `<...>`, a lone "<" or a control character.
    public static func parse(_ text: String) throws -> [ScriptStep] {
        try parse(text, location: { "column \($0)" })
    }

    /// The steps of a script file: each line trimmed, blank lines and lines starting with "#" skipped, the rest read in order.
    public static func parseFile(_ text: String) throws -> [ScriptStep] {
        var steps: [ScriptStep] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = trimmed(line)
            guard let first = content.first, first != "#" else { continue }
            steps += try parse(String(content), location: { "line \(number + 1), column \($0)" })
        }
        return steps
    }

    /// `line` without leading and trailing whitespace.
    private static func trimmed(_ line: Substring) -> Substring {
        guard let first = line.firstIndex(where: { !$0.isWhitespace }),
              let last = line.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return line[first...last]
    }

    /// The steps of `text`; `location` describes a 1-based column for error messages.
    private static func parse(_ text: String, location: (Int) -> String) throws -> [ScriptStep] {
        let characters = Array(text)
        var steps: [ScriptStep] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character == "<" {
                guard let close = characters[index...].firstIndex(of: ">") else {
                    throw KeyScriptError(description: "lone '<' at \(location(column)) (write <lt> for a literal '<')")
                }
                let name = String(characters[(index + 1)..<close])
                guard let step = try step(named: name, at: location(column)) else {
                    throw KeyScriptError(description: "unknown key <\(name)> at \(location(column))")
                }
                steps.append(step)
                index = close + 1
            } else if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw KeyScriptError(description: "control character \(character.debugDescription) at \(location(column)); name the key instead, as in <Enter>")
            } else {
                steps.append(.key(.character(character)))
                index += 1
            }
        }
        return steps
    }

    /// The step a `<name>` stands for, nil for an unknown name; throws for a malformed `<Resize ...>` or `<Click ...>`.
    private static func step(named name: String, at location: String) throws -> ScriptStep? {
        if let key = KeyNotation.key(named: name) { return .key(key) }
        let lowered = name.lowercased()
        for (kind, shown) in mouseNames where lowered.hasPrefix(shown.lowercased() + " ") {
            let cell = lowered.dropFirst(shown.count + 1).split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            guard cell.count == 2, let x = cell[0], let y = cell[1], (0..<maximumSize).contains(x), (0..<maximumSize).contains(y) else {
                throw KeyScriptError(description: "malformed <\(name)> at \(location): expected <\(shown) X,Y> with X and Y from 0")
            }
            return .mouse(MouseEvent(kind, x: x, y: y))
        }
        guard lowered.hasPrefix("resize ") else { return nil }
        guard let size = parseSize(String(lowered.dropFirst("resize ".count))) else {
            throw KeyScriptError(description: "malformed <\(name)> at \(location): expected <Resize WxH> with W and H from 1 to \(maximumSize)")
        }
        return .resize(width: size.width, height: size.height)
    }

    /// A step as a script writes it: `j`, `<Enter>`, `<C-d>`, `<Resize 80x24>`; `parse` reads it back.
    public static func name(of step: ScriptStep) -> String {
        switch step {
        case .key(let key): KeyNotation.name(of: key)
        case .resize(let width, let height): "<Resize \(width)x\(height)>"
        case .mouse(let event): "<\(mouseNames.first { $0.kind == event.kind }!.name) \(event.x),\(event.y)>"
        }
    }

    /// How a script names what the mouse does.
    private static let mouseNames: [(kind: MouseEvent.Kind, name: String)] = [(.click, "Click"), (.wheelUp, "WheelUp"), (.wheelDown, "WheelDown")]

    /// The largest width or height a `<Resize WxH>` (or `snapshot --size`) may ask for; a screen buffer of Int.max
    /// columns cannot be made.
    public static let maximumSize = 10_000

    /// `WIDTHxHEIGHT` (`x` or `X`), both from 1 to `maximumSize`: the one size parser of key scripts and `--size`.
    public static func parseSize(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...maximumSize).contains(width), (1...maximumSize).contains(height) else { return nil }
        return (width, height)
    }
}
