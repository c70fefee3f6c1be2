import ChanceryModel
import ChanceryViewModel
import TerminalUI

/// The year histogram above the Timeline: solid bars for what lies within a year (or decade), a shaded row for what
/// is dated more loosely and may fall there, the years beneath, and the undated counted in the border.
enum HistogramView {
    static func render(_ state: BrowserState, area: Rect, into buffer: inout ScreenBuffer) {
        let focused = state.isHistogramFocused
        let inner = Rect(x: area.x + 1, y: area.y + 1, width: max(0, area.width - 2), height: max(0, area.height - 2))
        guard let columns = state.histogram.columns(width: inner.width) else {
            let block = Block(title: "0 Years", isFocused: focused, style: Theme.border, focusedStyle: Theme.focusedBorder)
            _ = buffer.write("Reading…", x: block.render(into: &buffer, area: area).x + 1, y: inner.y, style: Theme.placeholder, clip: inner)
            return
        }
        let cursor = state.histogram.cursor(in: columns)
        let block = Block(title: title(columns, cursor: cursor, focused: focused), isFocused: focused, style: Theme.border,
                          focusedStyle: Theme.focusedBorder)
        let drawn = block.render(into: &buffer, area: area)
        guard !drawn.isEmpty else { return }
        guard !columns.columns.isEmpty else {
            _ = buffer.write("No dated events in this list", x: drawn.x + 1, y: drawn.y, style: Theme.placeholder, clip: drawn)
            return
        }
        // Columns widen (up to three cells) to use the room a short span leaves.
        let columnWidth = min(3, max(1, drawn.width / columns.columns.count))
        let first = columns.firstShown(width: drawn.width / columnWidth, cursor: cursor)
        let shown = Array(columns.columns[first...].prefix(drawn.width / columnWidth))
        let chart = ColumnChart(bars: shown.map(\.within), shades: shown.map(\.possibly),
                                marked: focused ? cursor.map { $0 - first } : nil, barStyle: Theme.histogramBar,
                                shadeStyle: Theme.histogramShade, markStyle: Theme.selection, columnWidth: columnWidth)
        chart.render(into: &buffer, area: Rect(x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height - 1))
        renderLabels(shown, columns: columns, columnWidth: columnWidth,
                     area: Rect(x: drawn.x, y: drawn.maxY - 1, width: drawn.width, height: 1), into: &buffer)
    }

    /// The legend, or (focused) the cursor's column and its counts.
    private static func title(_ columns: HistogramColumns, cursor: Int?, focused: Bool) -> String {
        let undated = columns.undated > 0 ? " · \(columns.undated) undated" : ""
        guard focused, let cursor else {
            return "0 Years: █ within a \(columns.unit == .year ? "year" : "decade") · ░ may fall there\(undated)"
        }
        let column = columns.columns[cursor]
        return "0 \(columns.label(of: column)): \(column.within) within, \(column.possibly) may fall there · Enter filters"
    }

    /// Years under their columns, round ones first (every 10 columns, then 5, then any), as many as fit with a space
    /// between them.
    private static func renderLabels(_ shown: [HistogramColumns.Column], columns: HistogramColumns, columnWidth: Int,
                                     area: Rect, into buffer: inout ScreenBuffer) {
        var taken = [Bool](repeating: false, count: area.width + 1)
        let size = columns.unit.rawValue
        for step in [size * 10, size * 5, size] {
            for (index, column) in shown.enumerated() where column.year % step == 0 {
                let label = columns.label(of: column)
                let offset = index * columnWidth, end = offset + label.count
                guard end <= area.width, !taken[max(0, offset - 1)...min(area.width, end)].contains(true) else { continue }
                for index in offset..<end { taken[index] = true }
                buffer.write(label, x: area.x + offset, y: area.y, style: Theme.date, clip: area)
            }
        }
    }
}
