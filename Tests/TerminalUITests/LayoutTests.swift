import Testing
import TerminalUI

@Suite("Layout")
struct LayoutTests {
    @Test func fixedPartsComeFirstThenWeightedShares() {
        #expect(LayoutSize.resolve([.fixed(10), .proportional(1), .proportional(2)], total: 40) == [10, 10, 20])
        #expect(LayoutSize.resolve([.proportional(1), .proportional(1), .proportional(1)], total: 11) == [4, 4, 3])
        #expect(LayoutSize.resolve([.fixed(8), .fixed(8), .proportional(1)], total: 10) == [8, 2, 0])
        #expect(LayoutSize.resolve([.fixed(3)], total: 10) == [3])
    }

    @Test func splitIntoColumnsLeavesSpacing() {
        let parts = Rect(x: 2, y: 1, width: 21, height: 5).splitIntoColumns([.fixed(5), .proportional(1)], spacing: 1)
        #expect(parts == [Rect(x: 2, y: 1, width: 5, height: 5), Rect(x: 8, y: 1, width: 15, height: 5)])
    }

    @Test func splitIntoRowsStacksParts() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 10).splitIntoRows([.fixed(1), .proportional(1), .fixed(1)])
        #expect(parts.map(\.y) == [0, 1, 9])
        #expect(parts.map(\.height) == [1, 8, 1])
    }

    @Test func insetIntersectionAndCentering() {
        let area = Rect(x: 0, y: 0, width: 10, height: 6)
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 4))
        #expect(area.inset(left: 3) == Rect(x: 3, y: 0, width: 7, height: 6))
        #expect(area.inset(by: 4).isEmpty)
        #expect(area.intersection(Rect(x: 8, y: 4, width: 5, height: 5)) == Rect(x: 8, y: 4, width: 2, height: 2))
        #expect(area.intersection(Rect(x: 20, y: 0, width: 5, height: 5)).isEmpty)
        #expect(area.centered(width: 4, height: 2) == Rect(x: 3, y: 2, width: 4, height: 2))
        #expect(area.centered(width: 40, height: 2) == Rect(x: 0, y: 2, width: 10, height: 2))
        #expect(area.contains(x: 9, y: 5) && !area.contains(x: 10, y: 5))
    }

    @Test func patchedStyleLaysColoursAndAttributesOver() {
        let base = Style(foreground: .red, background: .blue, bold: true)
        let patched = base.patched(with: Style(foreground: .green, reverse: true))
        #expect(patched == Style(foreground: .green, background: .blue, bold: true, reverse: true))
    }
}
