/// Where text sits inside a space wider than itself.
public enum TextAlignment: Hashable, Sendable {
    /// Flush with the left edge.
    case left
    /// Centred, any odd column going to the right.
    case center
    /// Flush with the right edge.
    case right
}

/// One column of a `Table`: its header title, width and alignment.
public struct TableColumn: Hashable, Sendable {
    /// Header text.
    public var title: String
    /// A fixed width, or a share of the width the fixed columns leave.
    public var width: LayoutSize
    /// Alignment of the header and the cells.
    public var alignment: TextAlignment
    /// Where a cell too wide for the column is cut.
    public var truncation: Truncation

    /// A column titled `title`.
    public init(_ title: String, width: LayoutSize, alignment: TextAlignment = .left, truncation: Truncation = .end) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.truncation = truncation
    }
}

/// Rows of cells in aligned columns, with an optional header row and selected row; selection and scroll offset are kept by the caller.
public struct Table: Hashable, Sendable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows; each holds one span per column (missing cells are blank), cut with "…" to the column's width.
    public var rows: [[Span]]
    /// True to draw the column titles in the first row of the area.
    public var showsHeader: Bool
    /// Index of the selected row, or nil for none.
    public var selected: Int?
    /// Index of the row shown first under the header.
    public var offset: Int
    /// Blank columns between neighbouring columns.
    public var columnSpacing: Int
    /// Base style of the whole area, under each cell's own style.
    public var style: Style
    /// Style laid over the header row.
    public var headerStyle: Style
    /// Style laid over the selected row.
    public var selectionStyle: Style

    /// A table; by default with a bold header, one column of spacing and a reversed selection.
    public init(columns: [TableColumn], rows: [[Span]], showsHeader: Bool = true, selected: Int? = nil, offset: Int = 0,
                columnSpacing: Int = 1, style: Style = .plain, headerStyle: Style = Style(bold: true),
                selectionStyle: Style = Style(reverse: true)) {
        self.columns = columns
        self.rows = rows
        self.showsHeader = showsHeader
        self.selected = selected
        self.offset = offset
        self.columnSpacing = columnSpacing
        self.style = style
        self.headerStyle = headerStyle
        self.selectionStyle = selectionStyle
    }

    /// How many data rows fit in `area` under the header; the height to give `ListView.offsetKeepingVisible`.
    public func visibleRowCount(in area: Rect) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0))
    }

    /// Clears `area` and draws the header and the visible rows into it.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let widths = LayoutSize.resolve(columns.map(\.width), total: area.width - columnSpacing * max(0, columns.count - 1))
        var y = area.y
        if showsHeader && y < area.maxY {
            drawCells(columns.map { Span($0.title) }, widths: widths, overlay: headerStyle, into: &buffer, area: area, y: y)
            y += 1
        }
        var index = max(0, offset)
        let shown = index..<min(rows.count, index + max(0, area.maxY - y))
        let cutInTheMiddle = columns.indices.map { column in
            columns[column].truncation != .apart ? [] : alikeWhenCutAtTheEnd(
                shown.map { rows[$0].count > column ? rows[$0][column].text : "" },
                widths: Array(repeating: widths[column], count: shown.count)).map { $0 + shown.lowerBound }
        }.map(Set.init)
        while y < area.maxY {
            if index < rows.count {
                drawCells(rows[index], widths: widths, overlay: index == selected ? selectionStyle : .plain,
                          middleCut: Set(columns.indices.filter { cutInTheMiddle[$0].contains(index) }),
                          into: &buffer, area: area, y: y)
            } else {
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            }
            y += 1
            index += 1
        }
    }

    /// Paints row `y` of `area` and draws one cell per column, aligned and truncated to its width (in its middle in
    /// the columns `middleCut` names).
    private func drawCells(_ cells: [Span], widths: [Int], overlay: Style, middleCut: Set<Int> = [],
                           into buffer: inout ScreenBuffer, area: Rect, y: Int) {
        let rowStyle = style.patched(with: overlay)
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
        var x = area.x
        for (index, (column, width)) in zip(columns, widths).enumerated() {
            if index < cells.count {
                let cellStyle = style.patched(with: cells[index].style).patched(with: overlay)
                let truncation = middleCut.contains(index) ? .middle : column.truncation
                let glyphs = fitted(Glyphs(cells[index].text).styled(cellStyle), width: width, truncation: truncation)
                let free = width - glyphs.reduce(0) { $0 + $1.glyph.width }
                let shift = switch column.alignment {
                case .left: 0
                case .center: free / 2
                case .right: free
                }
                buffer.draw(glyphs, x: x + shift, y: y,
                            clip: Rect(x: x, y: y, width: width, height: 1).intersection(area))
            }
            x += width + columnSpacing
        }
    }
}
