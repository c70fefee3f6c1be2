import ChanceryModel
import ChanceryViewModel
import TerminalUI

/// The facet view, a box over the panes: each value of the facet with its count and a bar (for years, the bar's
/// shaded rest is what may fall in the year), the selected row marked.
enum FacetsView {
    static func render(_ view: FacetsState, area: Rect, into buffer: inout ScreenBuffer) {
        let order = view.byValue ? "by value" : "most first"
        let title = "\(view.pane.title) by \(view.facet.title), \(order) · Tab facet · s order · Enter filters · Esc"
        let rows = view.rows ?? []
        let box = Overlay(width: min(area.width, max(50, area.width * 3 / 4)), height: min(area.height, max(5, rows.count + 2)),
                          block: Block(title: title, isFocused: true, focusedStyle: Theme.focusedBorder))
        let inner = box.render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        guard view.rows != nil else {
            _ = buffer.write("Counting…", x: inner.x + 1, y: inner.y, style: Theme.placeholder, clip: inner)
            return
        }
        guard !rows.isEmpty else {
            _ = buffer.write("No \(view.facet.title) to count in this list", x: inner.x + 1, y: inner.y,
                             style: Theme.placeholder, clip: inner)
            return
        }
        let countWidth = rows.map { String($0.count).count + ($0.possibly.map { " (\($0))".count } ?? 0) }.max() ?? 1
        let barWidth = max(4, inner.width / 4)
        let valueWidth = max(1, inner.width - countWidth - barWidth - 4)
        let highest = FacetCount.highest(in: rows)
        let top = ListView.offsetKeepingVisible(selected: view.selected, offset: 0, height: inner.height)
        for (offset, row) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            let count = String(row.count) + (row.possibly.map { " (\($0))" } ?? "")
            let (solid, shaded) = row.barCells(width: barWidth, highest: highest)
            let line = Line(spans: [
                Span(" " + value(view.facet.label(of: row.value),
                                 width: valueWidth) + " "),
                Span(String(repeating: " ", count: countWidth - count.count) + count, style: Theme.count), " ",
                Span(String(repeating: "█", count: solid), style: Theme.histogramBar),
                Span(String(repeating: "░", count: shaded), style: Theme.histogramShade),
            ])
            _ = buffer.write(line, x: inner.x, y: y, clip: inner)
            if top + offset == view.selected { buffer.setStyle(Theme.selection, in: Rect(x: inner.x, y: y, width: inner.width, height: 1)) }
        }
    }

    /// `text` cut or padded to exactly `width` columns.
    private static func value(_ text: String, width: Int) -> String {
        let cut = text.truncated(toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - cut.displayWidth))
    }
}
