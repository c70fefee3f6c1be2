import ChanceryModel
import ChanceryViewModel
import TerminalUI

/// A cited source's text where the detail goes: its title and position in the border, the quote marked.
enum PagerView {
    static func render(_ pager: PagerState, area: Rect, into buffer: inout ScreenBuffer) {
        let block = Block(title: "Source · \(pager.citation.sourceTitle)", isFocused: true, style: Theme.border,
                          focusedStyle: Theme.focusedBorder)
        let inner = block.render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        guard let document = pager.document else {
            let text = pager.isMissing
                ? "The store holds no text for \(pager.citation.sourceID): imported sources carry none (the source's detail "
                    + "gives its URL, if it has one). Esc goes back."
                : "Reading \(pager.citation.sourceID)…"
            // Wrapped, so that the whole message is read at any width.
            let padded = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
            Paragraph(text, style: Theme.placeholder).render(into: &buffer, area: padded.isEmpty ? inner : padded)
            return
        }
        for (offset, line) in document.lines.dropFirst(pager.scroll).prefix(inner.height).enumerated() {
            let line = Line(spans: spans(of: line, matches: pager.matchRanges(in: line.text)))
            _ = buffer.write(line, x: inner.x, y: inner.y + offset, clip: inner)
        }
        let position = "\(min(document.lines.count, pager.scroll + inner.height))/\(document.lines.count)"
        _ = buffer.write(" \(position) ", x: area.maxX - position.count - 3, y: area.maxY - 1, style: Theme.border)
    }

    /// The line in runs of one style: the quote marked, words of the / filter marked over it.
    private static func spans(of line: PagerDocument.Line, matches: [Range<Int>]) -> [Span] {
        let characters = Array(line.text)
        guard !characters.isEmpty else { return [] }
        var styles = [Style?](repeating: nil, count: characters.count)
        if let quote = line.quote { for index in quote { styles[index] = Theme.quoteInText } }
        for match in matches { for index in match { styles[index] = Theme.matchInText } }
        var spans: [Span] = []
        var start = 0
        for index in 1...characters.count where index == characters.count || styles[index] != styles[start] {
            let text = String(characters[start..<index])
            spans.append(styles[start].map { Span(text, style: $0) } ?? Span(text))
            start = index
        }
        return spans
    }
}
