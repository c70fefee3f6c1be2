import PropertyBased
import Testing
import TerminalUI

/// Troublesome pieces of text: escape sequences, controls, bidi overrides, zero-width and wide graphemes.
private let fragments: [String] = [
    "\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{1B}", "\u{0}", "\u{7F}", "\u{85}", "\u{9B}", "\t", "\n", "\r\n", "\r",
    "\u{202E}", "\u{2066}", "\u{200F}", "\u{061C}", "\u{2028}", "\u{200B}", "\u{200D}", "\u{AD}", "\u{FEFF}",
    "\u{301}", "\u{FE0F}", "\u{FE0E}", "\u{1160}", "\u{093E}", "e\u{301}", "漢", "字", "한", "ｗ", "👍", "👍🏽",
    "\u{2764}\u{FE0F}", "👨\u{200D}👩\u{200D}👧", "🇦🇿", "🇦", "ə", "Ə", "ı", "…", " ", "  ", "a", "word",
]

/// Strings mixing those fragments with random scalars from the whole of Unicode.
private let messyStrings = Gen.int(in: 0...0x5FFFF).map { number -> String in
    switch number % 3 {
    case 0: fragments[number / 3 % fragments.count]
    case 1: String(Unicode.Scalar(UInt32(number / 3 % 0x300))!)
    default: Unicode.Scalar(UInt32(number / 3)).map(String.init) ?? "\u{FFFD}"
    }
}.array(of: 0...30).map { $0.joined() }

/// True when no cell holds a control or bidi scalar and every wide grapheme is followed by exactly one continuation.
private func isWellFormed(_ buffer: ScreenBuffer) -> Bool {
    for y in 0..<buffer.height {
        var x = 0
        while x < buffer.width {
            let cell = buffer[x, y]
            guard !cell.isContinuation, !containsUnsafeScalar(cell.grapheme) else { return false }
            let width = cell.grapheme.displayWidth
            guard width == 1 || (width == 2 && x + 1 < buffer.width && buffer[x + 1, y].isContinuation) else { return false }
            x += width
        }
    }
    return true
}

private func containsUnsafeScalar(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
        scalar.properties.generalCategory == .control || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}

@Suite("Properties")
struct PropertyTests {
    @Test func writingNeverTouchesCellsOutsideTheArea() async {
        await propertyCheck(count: 300, input: messyStrings, Gen.int(in: -4...20), Gen.int(in: 0...16), Gen.int(in: 0...8)) {
            text, x, left, width in
            var buffer = ScreenBuffer(width: 16, height: 3)
            for y in 0..<3 { buffer.write(String(repeating: "#", count: 16), x: 0, y: y) }
            let area = Rect(x: left, y: 1, width: width, height: 1)
            let used = buffer.write(text, x: x, y: 1, style: Style(bold: true), clip: area)
            for y in 0..<3 {
                for column in 0..<16 where !area.contains(x: column, y: y) {
                    #expect(buffer[column, y] == Cell(grapheme: "#"))
                }
            }
            #expect(used >= 0 && x + used <= max(x, area.maxX))
            #expect(isWellFormed(buffer))
        }
    }

    @Test func widgetsStayInsideTheirArea() async {
        await propertyCheck(count: 200, input: messyStrings, Gen.int(in: 0...12), Gen.int(in: 0...5)) { text, width, height in
            var buffer = ScreenBuffer(width: 14, height: 7)
            for y in 0..<7 { buffer.write(String(repeating: "#", count: 14), x: 0, y: y) }
            let area = Rect(x: 1, y: 1, width: width, height: height)
            let inner = Block(title: text).render(into: &buffer, area: area)
            Paragraph(text).render(into: &buffer, area: inner)
            for y in 0..<7 {
                for column in 0..<14 where !area.contains(x: column, y: y) {
                    #expect(buffer[column, y] == Cell(grapheme: "#"))
                }
            }
            #expect(isWellFormed(buffer))
        }
    }

    @Test func truncationNeverExceedsTheWidth() async {
        await propertyCheck(count: 300, input: messyStrings, Gen.int(in: 0...30)) { text, width in
            let truncated = text.truncated(toWidth: width)
            #expect(truncated.displayWidth <= width)
            if text.displayWidth <= width {
                #expect(truncated == text.sanitized())
            } else if width > 0 {
                #expect(truncated.hasSuffix("…"))
            }
        }
    }

    @Test func middleTruncationNeverExceedsTheWidthAndKeepsBothEnds() async {
        await propertyCheck(count: 300, input: messyStrings, Gen.int(in: 0...40)) { text, width in
            let truncated = text.truncated(toWidth: width, truncation: .middle)
            let sanitized = text.sanitized()
            #expect(truncated.displayWidth <= width)
            if text.displayWidth <= width {
                #expect(truncated == sanitized)
            } else if width >= 24 {
                // Compared by scalars: a spacing mark drawn in a cell of its own may join the "…" as a string.
                let scalars = Array(truncated.unicodeScalars), whole = Array(sanitized.unicodeScalars)
                let cut = scalars.indices.contains { index in
                    scalars[index] == "…" && whole.starts(with: scalars[..<index])
                        && whole.reversed().starts(with: scalars[(index + 1)...].reversed())
                }
                #expect(cut, "\(truncated) is a start of \(sanitized), an ellipsis and an end of it")
                #expect(truncated.displayWidth >= width - width / 4 - 2, "the start gives up at most a quarter at a word boundary")
            }
        }
    }

    @Test func sanitisedTextHasNoControlCharacters() async {
        await propertyCheck(count: 300, input: messyStrings) { text in
            let sanitized = text.sanitized()
            #expect(!containsUnsafeScalar(sanitized))
            #expect(sanitized.sanitized() == sanitized)
        }
    }
}
