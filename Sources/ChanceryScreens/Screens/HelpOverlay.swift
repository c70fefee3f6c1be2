import ChanceryViewModel
import TerminalUI

/// The help overlay: the key-binding table, a section per mode (the help's own keys are in its title), in one column
/// or two, centred.
enum HelpOverlay {
    static func render(into buffer: inout ScreenBuffer, area: Rect) {
        let entries = KeyBindings.sections.filter { $0.bindings.allSatisfy { $0.modes != [.help] } }.flatMap { section in
            [(keys: "", summary: section.heading + ":")] + section.bindings.map { binding in
                (keys: binding.keys.map(KeyNotation.name(of:)).joined(separator: " "), summary: binding.summary)
            }
        }
        let keyWidth = entries.map(\.keys.displayWidth).max() ?? 0
        let entryWidth = keyWidth + 2 + (entries.map(\.summary.displayWidth).max() ?? 0)
        let fitsOneColumn = entries.count + 4 <= area.height
        let columnCount = fitsOneColumn ? 1 : 2
        let rowsPerColumn = (entries.count + columnCount - 1) / columnCount
        let gap = 2
        let width = min(area.width, columnCount * entryWidth + (columnCount - 1) * gap + 4)
        let height = min(area.height - 1, rowsPerColumn + 4)
        let inner = Overlay(width: width, height: height, block: Block(title: "Keys · ? or Esc closes", isFocused: true,
                                                                        focusedStyle: Theme.focusedBorder))
            .render(into: &buffer, area: area)
        let columnWidth = (inner.width - 2 - (columnCount - 1) * gap) / columnCount
        for (index, entry) in entries.enumerated() {
            let column = index / rowsPerColumn, row = index % rowsPerColumn
            // Each column's keys are as wide as its widest, so that its summaries keep all the room they can.
            let columnKeys = entries[(column * rowsPerColumn)..<min(entries.count, (column + 1) * rowsPerColumn)]
            let keysWidth = columnKeys.map(\.keys.displayWidth).max() ?? 0
            let x = inner.x + 1 + column * (columnWidth + gap)
            let y = inner.y + 1 + row
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
