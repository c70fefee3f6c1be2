/// A run of text painted in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The text, sanitised when drawn.
    public var text: String
    /// How the text is painted.
    public var style: Style

    /// A span of `text` painted with `style`.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A plain span from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the span takes when drawn.
    public var displayWidth: Int { text.displayWidth }
}

/// One row of text made of styled spans.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The spans, drawn left to right.
    public var spans: [Span]

    /// A line made of `spans`.
    public init(spans: [Span]) {
        self.spans = spans
    }

    /// A line of one span.
    public init(_ text: String, style: Style = .plain) {
        self.spans = [Span(text, style: style)]
    }

    /// A plain line from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the line takes when drawn.
    public var displayWidth: Int { spans.reduce(0) { $0 + $1.displayWidth } }

    /// The line's sanitised glyphs, each with its span's style.
    var styledGlyphs: some Sequence<StyledGlyph> {
        spans.lazy.flatMap { Glyphs($0.text).styled($0.style) }
    }
}

/// A glyph with the style it is painted in.
struct StyledGlyph {
    let glyph: Glyph
    let style: Style

    init(_ glyph: Glyph, _ style: Style) {
        self.glyph = glyph
        self.style = style
    }
}

/// The glyphs that fit in `width` columns: all of them when they fit, otherwise the longest prefix
/// that leaves one column for an ellipsis, then the ellipsis in the style of the first glyph cut.
func fitted(_ glyphs: some Sequence<StyledGlyph>, width: Int) -> [StyledGlyph] {
    guard width > 0 else { return [] }
    var result: [StyledGlyph] = []
    var used = 0
    var keptBeforeEllipsis = 0
    for item in glyphs {
        used += item.glyph.width
        if used > width {
            let cutStyle = keptBeforeEllipsis < result.count ? result[keptBeforeEllipsis].style : item.style
            result.removeSubrange(keptBeforeEllipsis...)
            result.append(StyledGlyph(.ellipsis, cutStyle))
            return result
        }
        result.append(item)
        if used < width { keptBeforeEllipsis = result.count }
    }
    return result
}
