import TerminalUI

/// The help overlay laid out for a terminal size: the binding table's rows (a heading per section) in one column or
/// two, and how far it can scroll when even two columns do not fit. The update and the screen read this one value.
public struct HelpLayout: Hashable, Sendable {
    /// One row of the help: a section's heading (no keys) or a binding's keys and what they do.
    public struct Entry: Hashable, Sendable {
        /// The keys as the help names them ("<Down> j"); empty for a heading.
        public var keys: String
        /// What they do, or the heading.
        public var summary: String
    }

    /// Every row, column after column.
    public let entries: [Entry]
    /// One column, or two.
    public let columnCount: Int
    /// Rows in each column (the last may have fewer).
    public let rowsPerColumn: Int
    /// The overlay's size, border included.
    public let width: Int, height: Int
    /// Blank lines above and below the rows inside the border: 1, or 0 when the screen needs them for rows.
    public let padding: Int

    /// The layout of `bindings` on a terminal of `width` × `height` (the bottom line left for the status).
    public init(width screenWidth: Int, height screenHeight: Int, bindings: KeyMap = .standard) {
        var entries = bindings.sections.filter { $0.bindings.allSatisfy { $0.modes != [.help] } }.flatMap { section in
            [Entry(keys: "", summary: section.heading + ":")] + section.bindings.map { binding in
                Entry(keys: binding.keys.map(KeyNotation.name(of:)).joined(separator: " "), summary: binding.summary)
            }
        }
        let entryWidth = (entries.map(\.keys.displayWidth).max() ?? 0) + 2 + (entries.map(\.summary.displayWidth).max() ?? 0)
        columnCount = entries.count + 4 <= screenHeight ? 1 : 2
        var rows = (entries.count + columnCount - 1) / columnCount
        // A section is not split between the columns, so that no key stands under another section's heading: the
        // second column starts at the heading of the section the split would cut, the first padded with blank rows.
        if columnCount == 2, entries.indices.contains(rows), !entries[rows].keys.isEmpty,
           let heading = entries[..<rows].lastIndex(where: { $0.keys.isEmpty }), heading > 0 {
            rows = max(rows, entries.count - heading)
            entries.insert(contentsOf: Array(repeating: Entry(keys: "", summary: ""), count: rows - heading), at: heading)
        }
        self.entries = entries
        rowsPerColumn = rows
        padding = rowsPerColumn + 4 <= screenHeight - 1 ? 1 : 0
        width = min(screenWidth, columnCount * entryWidth + (columnCount - 1) * Self.gap + 4)
        height = max(0, min(screenHeight - 1, rowsPerColumn + 2 + 2 * padding))
    }

    /// Columns between the two columns.
    public static let gap = 2

    /// Rows of each column in view at once.
    public var visibleRows: Int { max(1, height - 2 - 2 * padding) }

    /// The furthest the rows can scroll: 0 when they all fit.
    public var maxScroll: Int { max(0, rowsPerColumn - visibleRows) }
}
