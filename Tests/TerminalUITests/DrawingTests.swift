import Testing
@testable import TerminalUI

@Suite("Drawing on the screen buffer")
struct DrawingTests {
    @Test func writeReturnsColumnsUsed() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        #expect(buffer.write("hello", x: 1, y: 0) == 5)
        #expect(buffer.write("漢字", x: 0, y: 1) == 4)
        #expect(buffer.plainText() == " hello    \n漢字      ")
    }

    @Test func wideGraphemeTakesACellAndAContinuation() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("漢x", x: 0, y: 0)
        #expect(buffer[0, 0].grapheme == "漢")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].grapheme == "x")
    }

    @Test func textIsClippedToTheRect() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        let pane = Rect(x: 2, y: 1, width: 3, height: 1)
        #expect(buffer.write("abcdefgh", x: 2, y: 1, clip: pane) == 3)
        #expect(buffer.write("outside", x: 2, y: 0, clip: pane) == 0)
        #expect(buffer.plainText() == "          \n  abc     \n          ")
    }

    @Test func textStartingLeftOfTheClipShowsOnlyItsVisiblePart() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("abcdef", x: -2, y: 0, clip: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(buffer.plainText() == "cdef  ")
    }

    @Test func wideGraphemeAtThePaneRightEdgeIsNotSplit() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("######", x: 0, y: 0)
        let pane = Rect(x: 0, y: 0, width: 4, height: 1)
        #expect(buffer.write("a漢字", x: 0, y: 0, clip: pane) == 4)
        #expect(buffer[1, 0].grapheme == "漢")
        #expect(buffer[3, 0].grapheme == " ")
        #expect(buffer.plainText() == "a漢 ##")
    }

    @Test func wideGraphemeAtTheBufferEdgeIsNotSplit() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.write("ab👍", x: 0, y: 0)
        #expect(buffer.plainText() == "ab ")
        #expect(!buffer.cells.contains { $0.isContinuation })
    }

    @Test func wideGraphemeCutByTheLeftEdgeBecomesASpace() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("漢b", x: -1, y: 0)
        #expect(buffer.plainText() == " b  ")
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("漢字", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.plainText() == " xy ")
        #expect(!buffer.cells.contains { $0.isContinuation })
    }

    @Test func truncationEndsWithAnEllipsis() {
        #expect("Hello, world".truncated(toWidth: 8) == "Hello, …")
        #expect("Hello".truncated(toWidth: 5) == "Hello")
        #expect("Hello".truncated(toWidth: 1) == "…")
        #expect("Hello".truncated(toWidth: 0) == "")
        #expect("漢字漢字".truncated(toWidth: 5) == "漢字…")
        #expect("漢字漢字".truncated(toWidth: 4) == "漢字漢字".truncated(toWidth: 3))
        #expect("漢字漢字".truncated(toWidth: 4) == "漢…")
        #expect("a\u{1B}b".truncated(toWidth: 3) == "a␛b")
    }

    @Test func theClipboardSequenceIsOSC52WithBase64() {
        #expect(ClipboardSequence.osc52("Baku ✓") == "\u{1B}]52;c;QmFrdSDinJM=\u{07}")
        #expect(ClipboardSequence.base64(Array("".utf8)) == "")
        #expect(ClipboardSequence.base64(Array("a".utf8)) == "YQ==" && ClipboardSequence.base64(Array("ab".utf8)) == "YWI=")
        #expect(ClipboardSequence.base64(Array("abc".utf8)) == "YWJj")
        let long = String(repeating: "é", count: ClipboardSequence.maximumBytes)
        #expect(ClipboardSequence.osc52(long).utf8.count < ClipboardSequence.maximumBytes * 4 / 3 + 16, "capped")
    }

    @Test func middleTruncationKeepsWholeWordsAtBothEnds() {
        let agreement = "Azerbaijani prosecution signs cooperation agreement with the prosecution bodies of Ukraine"
        #expect(agreement.truncated(toWidth: 38, truncation: .middle) == "Azerbaijani prosecut…bodies of Ukraine")
        #expect(agreement.truncated(toWidth: 52, truncation: .middle) == "Azerbaijani prosecution signs…bodies of Ukraine")
        #expect("Hello".truncated(toWidth: 5, truncation: .middle) == "Hello")
        #expect(String(repeating: "x", count: 40).truncated(toWidth: 25, truncation: .middle)
                == String(repeating: "x", count: 12) + "…" + String(repeating: "x", count: 12), "no word boundary: cut in the middle")
        #expect("Azerbaijan Red Crescent Society".truncated(toWidth: 20, truncation: .middle) == "Azerbaijan Red Cres…",
                "too narrow to keep both ends readably")
    }

    @Test func fillAndSetStyleCoverTheRect() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        buffer.write("abcde", x: 0, y: 1)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 2), style: Style(bold: true))
        buffer.setStyle(Style(underline: true), in: Rect(x: 3, y: 1, width: 10, height: 10))
        #expect(buffer.plainText() == "     \na  de\n     ")
        #expect(buffer.styleText() == ".BB..\n.BBUU\n...UU")
    }

    @Test func styleTextFollowsItsLegend() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        let styles = [Style.plain, Style(reverse: true), Style(bold: true), Style(underline: true), Style(dim: true),
                      Style(foreground: .red), Style(background: .blue), Style(foreground: .white, reverse: true)]
        for (x, style) in styles.enumerated() { buffer.write("x", x: x, y: 0, style: style) }
        #expect(buffer.styleText() == ".RBUD1bR")
    }

    @Test func textDumpsKeepEveryRowAtTheBufferWidth() {
        var buffer = ScreenBuffer(width: 7, height: 2)
        buffer.write("漢👍a", x: 0, y: 0, style: Style(bold: true))
        buffer.write("e\u{301}ə", x: 5, y: 1)
        let plainRows = buffer.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        let styleRows = buffer.styleText().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(plainRows == ["漢👍a  ", "     e\u{301}ə"])
        #expect(plainRows.map(\.displayWidth) == [7, 7])
        #expect(styleRows == ["BBBBB..", "......."])
    }
}
