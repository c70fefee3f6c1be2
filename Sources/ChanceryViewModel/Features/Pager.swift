import ChanceryModel

/// What happens to the pager.
enum PagerAction: Hashable, Sendable {
    /// The source's text arrived (nil when the store does not hold it), or could not be read.
    case loaded(request: Int, Result<String?, ReadFailure>)
    /// The text scrolled by this many lines.
    case scrolled(by: Int)
    /// g or G: the first or last line.
    case wentToEnd(top: Bool)
    /// The viewport changed: the text reflows, the quote's first line staying where it was.
    case viewportChanged
}

/// The text of a cited source, shown where the detail is, scrolled to the quote and marking it (from the top when
/// there is no quote: a source's text read from its detail).
public struct PagerState: Hashable, Sendable {
    /// The citation whose source is shown.
    public let citation: CitationDetail
    /// The text, once read.
    public internal(set) var text: String?
    /// True when the store holds no text for the source (or it could not be read).
    public internal(set) var isMissing = false
    /// The text laid out for the pane's width.
    public internal(set) var document: PagerDocument?
    /// Index of the top visible line.
    public internal(set) var scroll = 0
    /// The read under way, if any.
    var pending: Int?

    init(citation: CitationDetail) {
        self.citation = citation
    }

    /// Applies `action` in `viewport`; returns the message to show, if any.
    mutating func reduce(_ action: PagerAction, in viewport: DetailViewport) -> StatusMessage? {
        switch action {
        case .loaded(let request, let result):
            guard pending == request else { return nil }
            pending = nil
            switch result {
            case .success(let text?):
                self.text = text
                layOut(columns: viewport.columns)
                // The quote a third of the way down, so the sentences before it give its context.
                scroll = max(0, (document?.quoteLines?.lowerBound ?? 0) - viewport.rows / 3)
                clamp(rows: viewport.rows)
                if document?.quoteLines == nil && !citation.quote.isEmpty {
                    return StatusMessage(text: "The quote is not in this text word for word", isError: true)
                }
            case .success(nil):
                isMissing = true
            case .failure(let failure):
                guard !failure.wasInterrupted else { return nil }
                isMissing = true
                return StatusMessage(text: failure.message, isError: true)
            }
        case .scrolled(let delta):
            scroll += delta
            clamp(rows: viewport.rows)
        case .wentToEnd(let top):
            scroll = top ? 0 : Int.max / 2
            clamp(rows: viewport.rows)
        case .viewportChanged:
            let quoteWasAt = document?.quoteLines.map { $0.lowerBound - scroll }
            layOut(columns: viewport.columns)
            if let quoteWasAt, let quote = document?.quoteLines { scroll = quote.lowerBound - quoteWasAt }
            clamp(rows: viewport.rows)
        }
        return nil
    }

    private mutating func layOut(columns: Int) {
        guard let text else { return }
        if document?.width != columns { document = PagerDocument(text: text, quote: citation.quote, width: columns) }
    }

    private mutating func clamp(rows: Int) {
        scroll = min(max(0, scroll), max(0, (document?.lines.count ?? 0) - rows))
    }
}

extension CitationDetail {
    /// The citation as an analyst pastes it: the quote, then its source's title, publisher and date, and its id.
    public var clipboardText: String {
        let about = [sourceTitle, publisher, published.map(\.display)].compactMap { $0 }.joined(separator: ", ")
        return "“\(quote)” — \(about) [\(sourceID)]"
    }
}
