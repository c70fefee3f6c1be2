import ChanceryViewModel
import TerminalUI

/// The command palette's suggestions, a box over the panes just above the line being typed: each suggestion with its
/// keys, kind or use at its right, the highlighted one marked.
enum PaletteView {
    static func render(_ palette: PaletteState, area: Rect, into buffer: inout ScreenBuffer) {
        let title = "\(palette.items.count) suggestion\(palette.items.count == 1 ? "" : "s") · ↑↓ Tab Enter Esc"
        let height = min(area.height, max(3, min(palette.items.count, 12) + 2))
        let box = Overlay(width: min(area.width, max(50, area.width * 3 / 4)), height: height,
                          block: Block(title: title, isFocused: true, focusedStyle: Theme.focusedBorder))
        // At the bottom of the area, over the line it completes.
        let inner = box.render(into: &buffer, area: Rect(x: area.x, y: area.maxY - height, width: area.width, height: height))
        guard !inner.isEmpty else { return }
        guard !palette.items.isEmpty else {
            _ = buffer.write("Nothing matches: save NAME, view NAME, brief FILE, a command or a name", x: inner.x + 1, y: inner.y,
                             style: Theme.placeholder, clip: inner)
            return
        }
        let top = ListView.offsetKeepingVisible(selected: palette.selected, offset: 0, height: inner.height)
        for (offset, item) in palette.items.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            let hint = item.hint.truncated(toWidth: max(1, inner.width / 3))
            let labelWidth = max(1, inner.width - hint.displayWidth - 3)
            let line = Line(spans: [Span(" " + item.label.truncated(toWidth: labelWidth)), " "])
            _ = buffer.write(line, x: inner.x, y: y, clip: inner)
            _ = buffer.write(Line(spans: [Span(hint, style: Theme.count)]), x: inner.maxX - hint.displayWidth - 1, y: y, clip: inner)
            if top + offset == palette.selected {
                buffer.setStyle(Theme.selection, in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            }
        }
    }
}
