extension ScreenBuffer {
    /// Writes sanitised `text` from column `x` of row `y`, inside `clip` (the whole buffer when nil); returns the columns advanced, up to the clip's right edge.
    ///
    /// A wide grapheme cut by an edge of the clip is drawn as a space instead of being split.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        draw(Glyphs(text).styled(style), x: x, y: y, clip: clip ?? area)
    }

    /// Writes a line of styled spans from column `x` of row `y`, inside `clip`; returns the columns advanced, up to the clip's right edge.
    @discardableResult
    public mutating func write(_ line: Line, x: Int, y: Int, clip: Rect? = nil) -> Int {
        draw(line.styledGlyphs, x: x, y: y, clip: clip ?? area)
    }

    /// Blanks every cell of `rect` and paints it with `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let rect = rect.intersection(area)
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX {
                put(.space, style: style, x: x, y: y)
            }
        }
    }

    /// Repaints every cell of `rect` with `style`, keeping the graphemes.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let rect = rect.intersection(area)
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX {
                cells[y * width + x].style = style
            }
        }
    }

    /// Draws glyphs from column `x` of row `y` inside `clip`; returns the columns advanced, up to the clip's right edge.
    @discardableResult
    mutating func draw(_ glyphs: some Sequence<StyledGlyph>, x: Int, y: Int, clip: Rect) -> Int {
        let clip = clip.intersection(area)
        guard y >= clip.y, y < clip.maxY else { return 0 }
        var column = x
        for item in glyphs {
            guard column < clip.maxX else { break }
            let end = column + item.glyph.width
            if column >= clip.x && end <= clip.maxX {
                put(item.glyph, style: item.style, x: column, y: y)
            } else {
                for visible in stride(from: max(column, clip.x), to: min(end, clip.maxX), by: 1) {
                    put(.space, style: item.style, x: visible, y: y)
                }
            }
            column = end
        }
        return max(0, min(column, clip.maxX) - x)
    }

    /// Stores a glyph at a column and row that lie inside the buffer (both columns of a wide glyph),
    /// blanking the other half of any wide grapheme it overwrites.
    mutating func put(_ glyph: Glyph, style: Style, x: Int, y: Int) {
        let index = y * width + x
        breakWideGrapheme(at: index, x: x)
        if glyph.width == 2 {
            breakWideGrapheme(at: index + 1, x: x + 1)
            cells[index + 1] = Cell(grapheme: "", style: style)
        }
        cells[index] = Cell(grapheme: glyph.grapheme, style: style)
    }

    /// Before cell `index` (at column `x`) is overwritten, turns the other half of the wide grapheme it belongs to into a space.
    private mutating func breakWideGrapheme(at index: Int, x: Int) {
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1].grapheme = " " }
        } else if x + 1 < width && cells[index + 1].isContinuation {
            cells[index + 1].grapheme = " "
        }
    }
}
