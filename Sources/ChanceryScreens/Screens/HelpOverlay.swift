import ChanceryViewModel
import TerminalUI

/// The help overlay: the key-binding table as `HelpLayout` lays it out, a section per mode (the help's own keys are
/// in its title), in one column or two, centred, scrolled by `scroll` rows when it does not fit.
enum HelpOverlay {
    static func render(into buffer: inout ScreenBuffer, area: Rect, scroll: Int, bindings: KeyMap) {
        let layout = HelpLayout(width: area.width, height: area.height, bindings: bindings)
        let entries = layout.entries
        let title = layout.maxScroll > 0 ? "Keys · j/k scroll · ? or Esc closes" : "Keys · ? or Esc closes"
        let inner = Overlay(width: layout.width, height: layout.height,
                            block: Block(title: title, isFocused: true, focusedStyle: Theme.focusedBorder))
            .render(into: &buffer, area: area)
        let gap = HelpLayout.gap, rowsPerColumn = layout.rowsPerColumn
        let top = min(max(0, scroll), layout.maxScroll)
        let columnWidth = (inner.width - 2 - (layout.columnCount - 1) * gap) / layout.columnCount
        for (index, entry) in entries.enumerated() {
            let column = index / rowsPerColumn, row = index % rowsPerColumn - top
            guard row >= 0, row < layout.visibleRows else { continue }
            // Each column's keys are as wide as its widest, so that its summaries keep all the room they can.
            let columnKeys = entries[(column * rowsPerColumn)..<min(entries.count, (column + 1) * rowsPerColumn)]
            let keysWidth = columnKeys.map(\.keys.displayWidth).max() ?? 0
            let x = inner.x + 1 + column * (columnWidth + gap)
            let y = inner.y + layout.padding + row
            let clip = Rect(x: x, y: y, width: columnWidth, height: 1).intersection(inner)
            if entry.keys.isEmpty {
                // A section's heading, from the column's start.
                _ = buffer.write(entry.summary.truncated(toWidth: columnWidth), x: x, y: y, style: Theme.helpHeading, clip: clip)
                continue
            }
            _ = buffer.write(entry.keys, x: x, y: y, style: Theme.keyName, clip: clip)
            _ = buffer.write(entry.summary.truncated(toWidth: max(0, columnWidth - keysWidth - 2)), x: x + keysWidth + 2, y: y, clip: clip)
        }
    }
}
