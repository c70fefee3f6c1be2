#if canImport(Glibc)
import Glibc

/// The C library's `wcwidth`, which the Glibc module does not export.
@_silgen_name("wcwidth") private func systemWidth(_ character: Int32) -> Int32
#endif
@testable import TerminalUI
import Testing

/// The generated width tables against the C library's `wcwidth`, and the clusters a terminal lays out scalar by scalar.
@Suite struct WidthTableTests {
    /// Where the tables deliberately differ from glibc's `wcwidth` (glibc 2.36 here), wherever glibc knows the code point:
    /// - U+00AD SOFT HYPHEN: 1 for glibc; 0 here, since it is no part of the text and is drawn as "-" only alone.
    /// - U+3248–324F (circled numbers on black squares, East Asian Width "Ambiguous") and U+4DC0–4DFF (Yijing
    ///   hexagrams, "Neutral" in Unicode 15.0): glibc counts them wide; the UCD 15.0 the tables come from does not.
    static let deliberateDifferences = Set<UInt32>([0xAD]).union(0x3248...0x324F).union(0x4DC0...0x4DFF)

    /// The ranges of code points in `points`, as text, for messages.
    private func describe(_ points: [UInt32]) -> String {
        var ranges: [(UInt32, UInt32)] = []
        for point in points {
            if let last = ranges.last, last.1 + 1 == point { ranges[ranges.count - 1].1 = point } else { ranges.append((point, point)) }
        }
        return ranges.prefix(40).map { $0.0 == $0.1 ? String($0.0, radix: 16) : "\(String($0.0, radix: 16))-\(String($0.1, radix: 16))" }
            .joined(separator: " ")
    }

    #if canImport(Glibc)
    @Test func everyCodePointGlibcKnowsHasItsWidthHere() throws {
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        var differing: [UInt32] = []
        var compared = 0
        for value in UInt32(0x20)...0x10FFFF where !(0xD800...0xDFFF).contains(value) {
            let theirs = Int(systemWidth(Int32(bitPattern: value)))
            guard theirs >= 0, let scalar = Unicode.Scalar(value) else { continue }
            compared += 1
            if DisplayWidth.scalarWidth(scalar) != theirs && !Self.deliberateDifferences.contains(value) { differing.append(value) }
        }
        #expect(compared > 100_000)
        #expect(differing.isEmpty, "\(differing.count) code points differ from glibc: \(describe(differing))")
    }
    #endif

    @Test func theTablesSayTheirUnicodeVersion() {
        #expect(WidthTables.unicodeVersion == "15.0.0")
    }

    /// Draws `text` into a buffer and returns the graphemes of its cells, continuations left out.
    private func cells(_ text: String) -> [String] {
        var buffer = ScreenBuffer(width: 20, height: 1)
        _ = buffer.write(text, x: 0, y: 0)
        return (0..<20).map { buffer[$0, 0] }.filter { !$0.isContinuation }.map(\.grapheme).reversed().drop { $0 == " " }.reversed()
    }

    /// Spacing vowel signs were measured as no column and never sent: "भारत" showed as "भरत".
    @Test func spacingSignsTakeACellOfTheirOwn() {
        #expect("भारत".displayWidth == 4)
        #expect(cells("भारत") == ["भ", "\u{93E}", "र", "त"])
        #expect(cells("กำ") == ["ก", "\u{E33}"], "Thai SARA AM")
        #expect(cells("ｶﾞ") == ["ｶ", "\u{FF9E}"], "halfwidth katakana voiced sound mark")
        #expect(cells("e\u{301}") == ["e\u{301}"], "a mark that takes no column rides on its letter")
        #expect("भारत".sanitized() == "भारत")
    }

    /// Tag characters after a letter were invisible text riding on it.
    @Test func tagCharactersOutsideAFlagAreShown() {
        let hidden = "a\u{E0068}\u{E0069}"
        #expect(cells(hidden) == ["a", "\u{FFFD}", "\u{FFFD}"])
        #expect(hidden.sanitized() == "a\u{FFFD}\u{FFFD}")
        let scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(cells(scotland) == [scotland], "the flag of Scotland stays whole")
        #expect(scotland.displayWidth == 2)
        #expect(scotland.sanitized() == scotland)
    }
}
