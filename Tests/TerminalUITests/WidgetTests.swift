import Testing
import TerminalUI

@Suite("Widgets")
struct WidgetTests {
    @Test func blockDrawsABorderWithItsTitleAndReturnsTheInside() {
        var buffer = ScreenBuffer(width: 10, height: 4)
        let inner = Block(title: "Title").render(into: &buffer, area: buffer.area)
        #expect(inner == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(buffer.plainText() == """
            ┌ Title ─┐
            │        │
            │        │
            └────────┘
            """)
    }

    @Test func blockTitleIsTruncatedAndFocusChangesTheStyle() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        Block(title: "A very long title", isFocused: true).render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText().split(separator: "\n").first == "┌ A ver… ┐")
        #expect(buffer.styleText() == "BBBBBBBBBB\nB........B\nBBBBBBBBBB")
    }

    @Test func aColumnChartDrawsEighthBlocksOverShadesAndNeverDrawsOneAsNothing() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        ColumnChart(bars: [16, 8, 1, 0, 3], shades: [0, 1, 2, 3, 0], marked: 1, barStyle: .plain, shadeStyle: .plain,
                    markStyle: Style(reverse: true)).render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == """
            █    
            ██▁ ▃
             ░▒▓ 
            """)
        #expect(buffer.styleText().split(separator: "\n").map { $0.dropFirst().prefix(1) } == ["R", "R", "R"], "the marked column")
        var wide = ScreenBuffer(width: 6, height: 2)
        ColumnChart(bars: [1, 2], shades: [], marked: nil, barStyle: .plain, shadeStyle: .plain, markStyle: .plain, columnWidth: 3)
            .render(into: &wide, area: wide.area)
        #expect(wide.plainText() == "   ███\n██████", "each column three cells wide; no shade row")
    }

    @Test func offsetKeepingVisibleMovesAsLittleAsPossible() {
        #expect(ListView.offsetKeepingVisible(selected: 4, offset: 0, height: 3) == 2)
        #expect(ListView.offsetKeepingVisible(selected: 3, offset: 2, height: 3) == 2)
        #expect(ListView.offsetKeepingVisible(selected: 1, offset: 2, height: 3) == 1)
        #expect(ListView.offsetKeepingVisible(selected: 9, offset: 0, height: 10) == 0)
        #expect(ListView.offsetKeepingVisible(selected: 10, offset: 0, height: 10) == 1)
    }

    @Test func listScrollsToKeepTheSelectionVisibleAndReversesIt() {
        let rows = (0..<10).map { Line("item \($0)") }
        var buffer = ScreenBuffer(width: 8, height: 3)
        let offset = ListView.offsetKeepingVisible(selected: 4, offset: 0, height: buffer.height)
        ListView(rows: rows, selected: 4, offset: offset).render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "item 2  \nitem 3  \nitem 4  ")
        #expect(buffer.styleText() == "........\n........\nRRRRRRRR")
    }

    @Test func listRowsAreStyledSpansTruncatedToTheWidth() {
        var buffer = ScreenBuffer(width: 6, height: 3)
        let row = Line(spans: [Span("ab", style: Style(bold: true)), Span("cdefgh")])
        ListView(rows: [row, "x"]).render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "abcde…\nx     \n      ")
        #expect(buffer.styleText() == "BB....\n......\n......")
    }

    @Test func anApartColumnCutsInTheMiddleOnlyTheRowsThatWouldReadAlike() {
        let table = Table(columns: [TableColumn("Title", width: .fixed(30), truncation: .apart)],
                          rows: [["Cooperation agreement signed with the prosecution of Austria"],
                                 ["Cooperation agreement signed with the prosecution of Bulgaria"],
                                 ["A short title"],
                                 ["Another long title that does not fit in thirty columns"]],
                          showsHeader: false)
        var buffer = ScreenBuffer(width: 30, height: 4)
        table.render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == """
            Cooperation agreeme…of Austria\nCooperation agreem…of Bulgaria\nA short title                 \nAnother long title that does …
            """)
    }

    @Test func tableAlignsAndTruncatesColumnsUnderAHeader() {
        let table = Table(
            columns: [TableColumn("Name", width: .proportional(1)),
                      TableColumn("Year", width: .fixed(4), alignment: .right),
                      TableColumn("C", width: .fixed(3), alignment: .center)],
            rows: [["Treaty of Gulistan", "1813", "x"], ["Kars", "921"], ["Türkmənçay", Span("1828", style: Style(foreground: .red))]],
            selected: 1)
        var buffer = ScreenBuffer(width: 19, height: 5)
        table.render(into: &buffer, area: buffer.area)
        #expect(table.visibleRowCount(in: buffer.area) == 4)
        #expect(buffer.plainText() == """
            Name       Year  C 
            Treaty of… 1813  x 
            Kars        921    
            Türkmənçay 1828    
                               
            """)
        #expect(buffer.styleText() == """
            BBBBBBBBBBBBBBBBBBB
            ...................
            RRRRRRRRRRRRRRRRRRR
            ...........1111....
            ...................
            """)
    }

    @Test func tableWithoutHeaderScrollsByOffset() {
        let table = Table(columns: [TableColumn("N", width: .proportional(1))],
                          rows: (0..<5).map { [Span("row \($0)")] }, showsHeader: false, offset: 3)
        var buffer = ScreenBuffer(width: 5, height: 3)
        table.render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "row 3\nrow 4\n     ")
    }

    @Test func paragraphWrapsAtSpacesByDisplayWidth() {
        let paragraph = Paragraph("the quick brown fox jumps")
        var buffer = ScreenBuffer(width: 10, height: 3)
        #expect(paragraph.render(into: &buffer, area: buffer.area) == 3)
        #expect(buffer.plainText() == "the quick \nbrown fox \njumps     ")
    }

    @Test func paragraphLinesAreSanitisedPlainText() {
        #expect(Paragraph("Gülüstan   treaty\u{1B}[0m signed\n\nin 1813").lines(width: 9)
                == ["Gülüstan", "treaty␛[0", "m signed", "", "in 1813"])
    }

    @Test func paragraphHardBreaksLongWordsAndWideText() {
        #expect(Paragraph("abcdefghijkl").lineCount(width: 5) == 3)
        var buffer = ScreenBuffer(width: 5, height: 3)
        Paragraph("漢字漢字漢").render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "漢字 \n漢字 \n漢   ")
        #expect(Paragraph("anything").lineCount(width: 0) == 0)
    }

    @Test func paragraphSplitsOnNewlinesAndScrolls() {
        let paragraph = Paragraph(spans: [Span("one\n"), Span("two three", style: Style(dim: true)), Span("\n\nfour")],
                                  scrollOffset: 1)
        #expect(paragraph.lineCount(width: 5) == 5)
        var buffer = ScreenBuffer(width: 5, height: 3)
        paragraph.render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "two  \nthree\n     ")
        #expect(buffer.styleText() == "DDD..\nDDDDD\n.....")
    }

    @Test func statusLinePutsTextAtBothEnds() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        StatusLine(left: "NORMAL", right: "3/10").render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "NORMAL          3/10")
        #expect(buffer.styleText() == String(repeating: "R", count: 20))
    }

    @Test func statusLineTruncatesTheLeftTextFirst() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        StatusLine(left: "abcdefgh", right: "1/2", style: .plain).render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "abc… 1/2")
    }

    @Test func inputLineReturnsTheCursorCell() {
        var buffer = ScreenBuffer(width: 12, height: 2)
        let cursor = InputLine(prompt: "> ", text: "hello", cursor: 5).render(into: &buffer, area: Rect(x: 0, y: 1, width: 12, height: 1))
        #expect(buffer.plainText() == "            \n> hello     ")
        #expect(cursor?.x == 7 && cursor?.y == 1)
    }

    @Test func inputLineScrollsSidewaysToKeepTheCursorInView() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let atEnd = InputLine(prompt: "> ", text: "abcdefgh", cursor: 8).render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "> fgh ")
        #expect(atEnd?.x == 5)
        let inside = InputLine(prompt: "> ", text: "abcdefgh", cursor: 2).render(into: &buffer, area: buffer.area)
        #expect(buffer.plainText() == "> abcd")
        #expect(inside?.x == 4)
    }

    @Test func inputLineCountsWideGraphemesInTheCursorColumn() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        let cursor = InputLine(text: "漢字ab", cursor: 2).render(into: &buffer, area: buffer.area)
        #expect(cursor?.x == 4)
        #expect(InputLine(text: "x", cursor: 0).render(into: &buffer, area: Rect(x: 0, y: 0, width: 0, height: 1)) == nil)
    }

    @Test func overlayClearsACentredBoxAndReturnsItsInside() {
        var buffer = ScreenBuffer(width: 12, height: 5)
        for y in 0..<5 { buffer.write(String(repeating: "#", count: 12), x: 0, y: y) }
        let inner = Overlay(width: 8, height: 3, block: Block(title: "Hi")).render(into: &buffer, area: buffer.area)
        #expect(inner == Rect(x: 3, y: 2, width: 6, height: 1))
        #expect(buffer.plainText() == """
            ############
            ##┌ Hi ──┐##
            ##│      │##
            ##└──────┘##
            ############
            """)
    }
}
