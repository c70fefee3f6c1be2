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

/// The narrowest width cut in the middle: below it, each end would be too short to read.
let middleCutMinimumWidth = 24

/// How text wider than its place is shortened.
public enum Truncation: Hashable, Sendable {
    /// Keep the start and end it with "…".
    case end
    /// Keep the start and the end with "…" between, so that texts differing only at their end stay apart.
    case middle
    /// Among several texts (a table's column, a list of links): at the end, but in the middle for those that would
    /// then read like another one.
    case apart
}

/// The glyphs that fit in `width` columns, shortened as `truncation` says (`.apart` alone is `.end`).
func fitted(_ glyphs: some Sequence<StyledGlyph>, width: Int, truncation: Truncation) -> [StyledGlyph] {
    switch truncation {
    case .end, .apart: fitted(glyphs, width: width)
    case .middle: fittedKeepingEnd(Array(glyphs), width: width)
    }
}

/// Which of `texts`, each cut at its end to its width in `widths`, would read exactly like another one so cut: those
/// are the ones to cut in the middle instead.
func alikeWhenCutAtTheEnd(_ texts: [String], widths: [Int]) -> Set<Int> {
    var seen: [String: [Int]] = [:]
    for (index, (text, width)) in zip(texts, widths).enumerated() where text.displayWidth > width {
        seen[text.truncated(toWidth: width), default: []].append(index)
    }
    return Set(seen.values.filter { $0.count > 1 }.joined())
}

/// Each of `texts` cut to its width in `widths` as `.apart` says: at its end, unless that makes it read like
/// another one, then in its middle.
public func truncatedApart(_ texts: [String], widths: [Int]) -> [String] {
    let alike = alikeWhenCutAtTheEnd(texts, widths: widths)
    return zip(texts, widths).enumerated().map { index, pair in
        pair.0.truncated(toWidth: pair.1, truncation: alike.contains(index) ? .middle : .end)
    }
}

/// The glyphs that fit in `width` columns: all of them when they fit, otherwise about half the columns from the end
/// (from a word's start) and as much of the start as then fits (to a word's end), with "…" between. The end starts at
/// a word when that gives up at most half its columns (they go to the start), the start ends at one when that gives
/// up at most a quarter of its own. Below `middleCutMinimumWidth`
/// the two ends would be too short to read, and the end is cut instead.
func fittedKeepingEnd(_ glyphs: [StyledGlyph], width: Int) -> [StyledGlyph] {
    let total = glyphs.reduce(0) { $0 + $1.glyph.width }
    guard total > width else { return glyphs }
    guard width >= middleCutMinimumWidth else { return fitted(glyphs, width: width) }
    let room = width - 1
    func isSpace(_ index: Int) -> Bool { glyphs[index].glyph.grapheme == " " }

    // The tail: glyphs[tailStart...], at most half the room.
    var tailStart = glyphs.count
    var tailWidth = 0
    while tailStart > 0, tailWidth + glyphs[tailStart - 1].glyph.width <= room / 2 {
        tailStart -= 1
        tailWidth += glyphs[tailStart].glyph.width
    }
    if tailStart > 0, !isSpace(tailStart - 1) {
        var wordStart = tailStart
        while wordStart < glyphs.count, !isSpace(wordStart) { wordStart += 1 }
        let lost = glyphs[tailStart..<min(wordStart + 1, glyphs.count)].reduce(0) { $0 + $1.glyph.width }
        if wordStart + 1 < glyphs.count, lost <= tailWidth / 2 {
            tailStart = wordStart + 1
            tailWidth -= lost
        }
    }
    while tailStart < glyphs.count, isSpace(tailStart) {
        tailWidth -= glyphs[tailStart].glyph.width
        tailStart += 1
    }

    // The head: glyphs[..<headEnd], in what the tail leaves.
    var headEnd = 0
    var headWidth = 0
    while headEnd < tailStart, headWidth + glyphs[headEnd].glyph.width <= room - tailWidth {
        headWidth += glyphs[headEnd].glyph.width
        headEnd += 1
    }
    if headEnd < tailStart, !isSpace(headEnd) {
        var wordEnd = headEnd
        while wordEnd > 0, !isSpace(wordEnd - 1) { wordEnd -= 1 }
        let lost = glyphs[wordEnd..<headEnd].reduce(0) { $0 + $1.glyph.width }
        if wordEnd > 0, lost <= headWidth / 4 { headEnd = wordEnd }
    }
    while headEnd > 0, isSpace(headEnd - 1) { headEnd -= 1 }

    let cutStyle = headEnd < glyphs.count ? glyphs[headEnd].style : glyphs[glyphs.count - 1].style
    return Array(glyphs[..<headEnd]) + [StyledGlyph(.ellipsis, cutStyle)] + Array(glyphs[tailStart...])
}
