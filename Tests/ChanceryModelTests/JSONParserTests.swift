@testable import ChanceryModel
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func recordsLinesOfNestedValues() throws {
        let node = try parse("[\n  {\n    \"id\": \"a\"\n  },\n  {\"id\": \"b\\u00e9\\ud83d\\ude00\"}\n]")
        guard case .array(let elements) = node.value else { Issue.record("not an array"); return }
        #expect(elements.map(\.line) == [2, 5])
        guard case .object(let members) = elements[1].value, case .string(let id) = members[0].value.value else {
            Issue.record("not an object"); return
        }
        #expect(id == "bé😀")
    }

    @Test(arguments: [
        ("[1,]", 1, "unexpected character"),
        ("{\"a\" 1}", 1, "expected ':'"),
        ("[\n\"abc", 2, "unterminated string"),
        ("[\"a\u{0}\"]", 1, "NUL byte"),
        ("[\"a\u{1B}[2J\"]", 1, "control character"),
        ("[] []", 1, "after the end"),
        ("[01]", 1, "malformed number"),
        ("[\"\\ud800\"]", 1, "surrogate"),
        ("\n\n{", 3, "unexpected end of file"),
    ])
    func syntaxErrorsNameLineAndCause(_ text: String, _ line: Int, _ message: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test func invalidUTF8IsRejectedWithItsLine() {
        #expect {
            _ = try JSONParser.parse(Array("[\n\"a".utf8) + [0xFF, 0xFE] + Array("\"]".utf8))
        } throws: { error in
            (error as? JSONSyntaxError).map { $0.line == 2 && $0.message == "invalid UTF-8" } ?? false
        }
    }

    @Test func deepNestingIsRejectedNotOverflowed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect(throws: Never.self) { try parse(fine) }
    }
}
