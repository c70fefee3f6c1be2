/// Styled text word-wrapped to the area's width and scrolled vertically; the scroll offset is kept by the caller.
///
/// Newlines in the spans start new lines; other control characters are drawn as placeholders.
public struct Paragraph: Hashable, Sendable {
    /// The text, as styled spans that may contain newlines.
    public var spans: [Span]
    /// Index of the wrapped line shown at the top of the area.
    public var scrollOffset: Int
    /// Base style of the whole area, under each span's own style.
    public var style: Style

    /// A paragraph of styled spans.
    public init(spans: [Span], scrollOffset: Int = 0, style: Style = .plain) {
        self.spans = spans
        self.scrollOffset = scrollOffset
        self.style = style
    }

    /// A paragraph of plain text painted in `style`.
    public init(_ text: String, style: Style = .plain, scrollOffset: Int = 0) {
        self.init(spans: [Span(text)], scrollOffset: scrollOffset, style: style)
    }

    /// How many lines the text wraps to at `width` columns; 0 when `width` is not positive.
    public func lineCount(width: Int) -> Int {
        wrappedLines(width: width).count
    }

    /// The wrapped lines at `width` columns as sanitised plain text, styles dropped; empty when `width` is not positive.
    public func lines(width: Int) -> [String] {
        wrappedLines(width: width).map { line in line.reduce(into: "") { $0 += $1.glyph.grapheme } }
    }

    /// Clears `area`, draws the wrapped lines from `scrollOffset` on, and returns the total wrapped line count.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect) -> Int {
        let lines = wrappedLines(width: area.width)
        for y in area.y..<area.maxY {
            let index = max(0, scrollOffset) + y - area.y
            let used = index < lines.count ? buffer.draw(lines[index], x: area.x, y: y, clip: area) : 0
            buffer.fill(Rect(x: area.x + used, y: y, width: area.width - used, height: 1), style: style)
        }
        return lines.count
    }

    /// The text cut into lines at newlines, then word-wrapped to `width` columns.
    func wrappedLines(width: Int) -> [[StyledGlyph]] {
        guard width > 0 else { return [] }
        var lines: [[StyledGlyph]] = []
        var hardLine: [StyledGlyph] = []
        for span in spans {
            let pieces = span.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    Self.wrap(hardLine, width: width, into: &lines)
                    hardLine.removeAll(keepingCapacity: true)
                }
                hardLine += Glyphs(piece).styled(style.patched(with: span.style))
            }
        }
        Self.wrap(hardLine, width: width, into: &lines)
        return lines
    }

    /// Appends `glyphs` (one line without newlines) to `lines`, greedily wrapped at spaces to `width` columns;
    /// spaces at a wrap point are dropped and a word wider than `width` is broken between graphemes.
    private static func wrap(_ glyphs: [StyledGlyph], width: Int, into lines: inout [[StyledGlyph]]) {
        var current: [StyledGlyph] = []
        var currentWidth = 0
        var index = 0
        while index < glyphs.count {
            let spacesStart = index
            while index < glyphs.count && glyphs[index].glyph.grapheme == " " { index += 1 }
            let spaces = glyphs[spacesStart..<index]
            let wordStart = index
            var wordWidth = 0
            while index < glyphs.count && glyphs[index].glyph.grapheme != " " {
                wordWidth += glyphs[index].glyph.width
                index += 1
            }
            guard wordStart < index else { break }  // only trailing spaces were left
            let word = glyphs[wordStart..<index]
            if currentWidth + spaces.count + wordWidth <= width {
                current += spaces
                current += word
                currentWidth += spaces.count + wordWidth
                continue
            }
            if !current.isEmpty {
                lines.append(current)
                current.removeAll(keepingCapacity: true)
                currentWidth = 0
            }
            for item in word {
                if currentWidth + item.glyph.width > width && !current.isEmpty {
                    lines.append(current)
                    current.removeAll(keepingCapacity: true)
                    currentWidth = 0
                }
                current.append(item)
                currentWidth += item.glyph.width
            }
        }
        lines.append(current)
    }
}
