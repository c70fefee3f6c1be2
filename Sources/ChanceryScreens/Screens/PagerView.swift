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
                ? "The store holds no text for \(pager.citation.sourceID) (imported sources carry none). Esc goes back."
                : "Reading \(pager.citation.sourceID)…"
            _ = buffer.write(text, x: inner.x + 1, y: inner.y, style: Theme.placeholder, clip: inner)
            return
        }
        for (offset, line) in document.lines.dropFirst(pager.scroll).prefix(inner.height).enumerated() {
            let characters = Array(line.text)
            let spans: [Span] = line.quote.map { quote in
                [Span(String(characters[..<quote.lowerBound])),
                 Span(String(characters[quote]), style: Theme.quoteInText),
                 Span(String(characters[quote.upperBound...]))]
            } ?? [Span(line.text)]
            _ = buffer.write(Line(spans: spans), x: inner.x, y: inner.y + offset, clip: inner)
        }
        let position = "\(min(document.lines.count, pager.scroll + inner.height))/\(document.lines.count)"
        _ = buffer.write(" \(position) ", x: area.maxX - position.count - 3, y: area.maxY - 1, style: Theme.border)
    }
}
