/// A vertical list of one-line rows with an optional selected row; selection and scroll offset are kept by the caller.
public struct ListView: Hashable, Sendable {
    /// The rows, each truncated with "…" to the area's width.
    public var rows: [Line]
    /// Index of the selected row, or nil for none.
    public var selected: Int?
    /// Index of the row shown at the top of the area.
    public var offset: Int
    /// Base style of the whole area, under each span's own style.
    public var style: Style
    /// Style laid over the selected row (reverse by default).
    public var selectionStyle: Style

    /// A list of `rows` showing `selected` highlighted, scrolled so that row `offset` is at the top.
    public init(rows: [Line], selected: Int? = nil, offset: Int = 0,
                style: Style = .plain, selectionStyle: Style = Style(reverse: true)) {
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.style = style
        self.selectionStyle = selectionStyle
    }

    /// Clears `area` and draws the visible rows into it.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        for y in area.y..<area.maxY {
            let index = max(0, offset) + y - area.y
            let row = Rect(x: area.x, y: y, width: area.width, height: 1)
            if index < rows.count {
                drawRow(rows[index].styledGlyphs, style: style, overlay: index == selected ? selectionStyle : .plain,
                        into: &buffer, area: row)
            } else {
                buffer.fill(row, style: style)
            }
        }
    }

    /// The top-row offset that keeps row `selected` inside a window of `height` rows, moving `offset` as little as possible.
    public static func offsetKeepingVisible(selected: Int, offset: Int, height: Int) -> Int {
        let height = max(1, height)
        if selected < offset { return max(0, selected) }
        if selected >= offset + height { return selected - height + 1 }
        return max(0, offset)
    }
}

/// Draws `glyphs` on a one-row `area`, truncated with "…", each in `style` patched with its own style, then with `overlay`;
/// the rest of the row is blanked in `style` patched with `overlay`.
func drawRow(_ glyphs: some Sequence<StyledGlyph>, style: Style, overlay: Style, into buffer: inout ScreenBuffer, area: Rect) {
    let styled = glyphs.lazy.map { StyledGlyph($0.glyph, style.patched(with: $0.style).patched(with: overlay)) }
    let used = buffer.draw(fitted(styled, width: area.width), x: area.x, y: area.y, clip: area)
    buffer.fill(area.inset(left: used), style: style.patched(with: overlay))
}
