import Foundation
import ChanceryViewModel
import PropertyBased
import TerminalUI
import Testing

/// Pieces of key scripts, well-formed and not: names, broken names, controls, escapes, marks, wide and
/// multi-scalar graphemes, huge and negative sizes.
private let fragments: [String] = [
    "<", ">", "<>", "<<", ">>", "<Enter>", "<CR>", "<enter", "Enter>", "<C-", "<C-d>", "<C-D>", "<C-1>", "<C-dd>",
    "<Resize ", "<Resize 80x24>", "<resize 1x1>", "<Resize 0x1>", "<Resize -1x5>", "<Resize 99999999999999999999x1>",
    "<Resize 10000x10000>", "<Resize 10001x1>", "<Resize 9223372036854775807x2>", "<Resize 80x24x2>", "<Resize x>",
    "<lt>", "<LT>", "<Space>", "<S-Tab>", "<Esc>", "<esc>", "<Nope>", "<\u{1B}[2J>", "x", "j", "q", "80", "#", " ",
    "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{1B}]0;pwned\u{07}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{200B}",
    "é", "e", "\u{301}", "漢", "👍", "👍🏽", "🇦", "🇿", "ə",
]

/// Scripts made of those fragments.
private let scripts = Gen.int(in: 0...(fragments.count - 1)).array(of: 0...24).map { $0.map { fragments[$0] }.joined() }

/// Keys a person can script, as single graphemes that do not merge with their neighbours. ("#" is left out:
/// at the start of a line of a script file it begins a comment, so it cannot be the first key of a line.)
private let typedCharacters: [Character] = ["a", "z", "A", "0", "9", "/", "[", "]", "?", ">", "<", " ", "é", "ə", "Ə", "漢", "👍", "❤️"]
private let namedKeys: [Key] = [.enter, .tab, .backTab, .escape, .backspace, .delete, .up, .down, .left, .right,
                                .pageUp, .pageDown, .home, .end]

/// A key or a resize, from three generated numbers.
private func step(_ choice: Int, _ first: Int, _ second: Int) -> ScriptStep {
    switch choice % 4 {
    case 0: .key(.character(typedCharacters[first % typedCharacters.count]))
    case 1: .key(namedKeys[first % namedKeys.count])
    case 2: .key(.control(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(first % 26)))))
    default: .resize(width: first % KeyScript.maximumSize + 1, height: second % KeyScript.maximumSize + 1)
    }
}

/// A step in key-script notation, as the help and the README write keys.
private func name(of step: ScriptStep) -> String {
    KeyScript.name(of: step)
}

/// The 1-based column an error message names, if it names one.
private func column(in message: String) -> Int? {
    guard let range = message.range(of: "column ", options: .backwards) else { return nil }
    return Int(message[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
}

@Suite("Key script properties")
struct KeyScriptPropertyTests {
    @Test func anyTextParsesOrFailsNamingAColumnInsideIt() async {
        await propertyCheck(count: 500, input: scripts) { script in
            do {
                let steps = try KeyScript.parse(script)
                #expect(steps.count <= script.count)
                for case .resize(let width, let height) in steps {
                    // A screen of this size must be possible to make.
                    #expect((1...KeyScript.maximumSize).contains(width) && (1...KeyScript.maximumSize).contains(height))
                }
            } catch let error as KeyScriptError {
                let named = column(in: error.description)
                #expect(named.map { (1...max(1, script.count)).contains($0) } == true, "\(error.description)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func everySuccessfulParseRoundTripsThroughTheKeyNames() async {
        await propertyCheck(count: 500, input: scripts) { script in
            guard let steps = try? KeyScript.parse(script) else { return }
            let rendered = steps.map(name).joined()
            #expect((try? KeyScript.parse(rendered)) == steps, "\(script.debugDescription) → \(rendered.debugDescription)")
        }
    }

    @Test func generatedKeysRoundTrip() async {
        let choices = Gen.int(in: 0...3).array(of: 0...20)
        let numbers = Gen.int(in: 0...1_000_000).array(of: 20...20)
        await propertyCheck(count: 500, input: choices, numbers, numbers) { choices, firsts, seconds in
            let steps = choices.indices.map { step(choices[$0], firsts[$0], seconds[$0]) }
            let script = steps.map(name).joined()
            #expect((try? KeyScript.parse(script)) == steps, "\(script.debugDescription)")
            // The same keys one to a line, with comments and blank lines, read from a script file.
            let file = "# generated\n" + steps.map { "  " + name(of: $0) + "  \n\n" }.joined()
            #expect((try? KeyScript.parseFile(file)) == steps)
        }
    }

    @Test func fileErrorsNameALineAndColumnInsideTheFile() async {
        let lines = Gen.int(in: 0...(fragments.count - 1)).array(of: 0...6).array(of: 0...8)
        await propertyCheck(count: 300, input: lines) { lines in
            let file = lines.map { $0.map { fragments[$0] }.joined() }.joined(separator: "\n")
            do {
                _ = try KeyScript.parseFile(file)
            } catch let error as KeyScriptError {
                let message = error.description
                guard let range = message.range(of: "line ") else {
                    Issue.record("no line in \(message)")
                    return
                }
                let line = Int(message[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
                let lineCount = file.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
                #expect(line.map { (1...lineCount).contains($0) } == true, "\(message)")
                #expect(column(in: message).map { $0 >= 1 } == true, "\(message)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
