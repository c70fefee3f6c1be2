/// One row with text at the left and text at the right; the right text wins when both do not fit.
public struct StatusLine: Hashable, Sendable {
    /// Text flush with the left edge, truncated with "…" to the room the right text leaves.
    public var left: Line
    /// Text flush with the right edge, truncated with "…" to the row's width.
    public var right: Line
    /// Style of the whole row, under each span's own style.
    public var style: Style

    /// A status line, reversed by default.
    public init(left: Line, right: Line = Line(spans: []), style: Style = Style(reverse: true)) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Paints the first row of `area` and draws both texts on it.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        guard !row.isEmpty else { return }
        buffer.fill(row, style: style)
        let rightGlyphs = fitted(right.styledGlyphs.lazy.map { StyledGlyph($0.glyph, style.patched(with: $0.style)) },
                                 width: row.width)
        let rightWidth = rightGlyphs.reduce(0) { $0 + $1.glyph.width }
        let leftRoom = row.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        let leftGlyphs = fitted(left.styledGlyphs.lazy.map { StyledGlyph($0.glyph, style.patched(with: $0.style)) },
                                width: leftRoom)
        buffer.draw(leftGlyphs, x: row.x, y: row.y, clip: row)
        buffer.draw(rightGlyphs, x: row.maxX - rightWidth, y: row.y, clip: row)
    }
}
