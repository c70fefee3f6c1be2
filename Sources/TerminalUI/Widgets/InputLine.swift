/// A one-row text field: a prompt, then the text, scrolled sideways to keep the cursor in view.
public struct InputLine: Hashable, Sendable {
    /// Text before the field, truncated to leave at least one column for the text.
    public var prompt: String
    /// The text being edited.
    public var text: String
    /// Cursor position as a count of graphemes (Characters) of `text` before it, from 0 to `text.count`.
    public var cursor: Int
    /// Style of the row and the text.
    public var style: Style
    /// Style of the prompt.
    public var promptStyle: Style

    /// An input line; the prompt is bold by default.
    public init(prompt: String = "", text: String, cursor: Int, style: Style = .plain, promptStyle: Style = Style(bold: true)) {
        self.prompt = prompt
        self.text = text
        self.cursor = cursor
        self.style = style
        self.promptStyle = promptStyle
    }

    /// Draws the prompt and text on the first row of `area` and returns the screen cell where the terminal cursor belongs; nil when `area` is empty.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect) -> (x: Int, y: Int)? {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        guard !row.isEmpty else { return nil }
        buffer.fill(row, style: style)
        let promptGlyphs = fitted(Glyphs(prompt).styled(promptStyle), width: row.width - 1)
        let field = row.inset(left: buffer.draw(promptGlyphs, x: row.x, y: row.y, clip: row))
        let glyphs = Array(Glyphs(text).styled(style))
        let cursorIndex = min(max(0, cursor), glyphs.count)
        let cursorColumn = glyphs[..<cursorIndex].reduce(0) { $0 + $1.glyph.width }
        let cursorWidth = cursorIndex < glyphs.count ? glyphs[cursorIndex].glyph.width : 1
        let scroll = max(0, cursorColumn + min(cursorWidth, field.width) - field.width)
        buffer.draw(glyphs, x: field.x - scroll, y: field.y, clip: field)
        return (field.x + cursorColumn - scroll, field.y)
    }
}
