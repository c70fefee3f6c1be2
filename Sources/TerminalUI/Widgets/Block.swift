/// A box-drawn border (─│┌┐└┘) with an optional title in its top edge.
public struct Block: Hashable, Sendable {
    /// Text shown in the top border, truncated to fit; nil for none.
    public var title: String?
    /// True when the block has the keyboard focus, so it is drawn with `focusedStyle`.
    public var isFocused: Bool
    /// Style of the border and title when not focused.
    public var style: Style
    /// Style of the border and title when focused.
    public var focusedStyle: Style

    /// A block; by default untitled, unfocused, plain, and bold when focused.
    public init(title: String? = nil, isFocused: Bool = false, style: Style = .plain, focusedStyle: Style = Style(bold: true)) {
        self.title = title
        self.isFocused = isFocused
        self.style = style
        self.focusedStyle = focusedStyle
    }

    /// The area inside the border drawn around `area`.
    public static func innerArea(of area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Draws the border along the edges of `area` and returns the area inside it; draws nothing when `area` is under 2×2.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        let inner = Self.innerArea(of: area)
        guard area.width >= 2, area.height >= 2 else { return inner }
        let style = isFocused ? focusedStyle : self.style
        func draw(_ grapheme: String, x: Int, y: Int, count: Int = 1) {
            let glyph = StyledGlyph(Glyph(grapheme: grapheme, width: 1), style)
            buffer.draw(repeatElement(glyph, count: count), x: x, y: y, clip: area)
        }
        draw("┌", x: area.x, y: area.y)
        draw("─", x: area.x + 1, y: area.y, count: area.width - 2)
        draw("┐", x: area.maxX - 1, y: area.y)
        for y in inner.y..<inner.maxY {
            draw("│", x: area.x, y: y)
            draw("│", x: area.maxX - 1, y: y)
        }
        draw("└", x: area.x, y: area.maxY - 1)
        draw("─", x: area.x + 1, y: area.maxY - 1, count: area.width - 2)
        draw("┘", x: area.maxX - 1, y: area.maxY - 1)
        if let title {
            let glyphs = fitted(Glyphs(title).styled(style), width: area.width - 4)
            if !glyphs.isEmpty {
                let space = StyledGlyph(.space, style)
                buffer.draw([space] + glyphs + [space], x: area.x + 1, y: area.y, clip: area)
            }
        }
        return inner
    }
}
