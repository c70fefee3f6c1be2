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
    /// n or N: the next or previous line holding a word of the words filter, a third of the way down.
    case jumpedToMatch(forward: Bool)
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
    /// The folded words of the words filter when the text opened: n and N jump between the lines holding them.
    public let searchWords: [String]
    /// The lines holding a word that begins with one of `searchWords`, in order.
    public internal(set) var matchLines: [Int] = []
    /// Which of `matchLines` n or N went to last.
    public internal(set) var currentMatch: Int?

    /// The pager of `citation`'s source, whose n and N find `searchWords` (the words filter's, folded).
    init(citation: CitationDetail, searchWords: [String] = []) {
        self.citation = citation
        self.searchWords = searchWords
    }

    /// Where in `line` (a line of `document`) the words beginning with one of `searchWords` are, in Characters.
    public func matchRanges(in line: String) -> [Range<Int>] {
        guard !searchWords.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var start: Int?
        let characters = Array(line)
        for index in 0...characters.count {
            let isWordCharacter = index < characters.count && (characters[index].isLetter || characters[index].isNumber)
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let wordStart = start {
                let word = SearchFolding.fold(String(characters[wordStart..<index]))
                if searchWords.contains(where: word.hasPrefix) { ranges.append(wordStart..<index) }
                start = nil
            }
        }
        return ranges
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
        case .jumpedToMatch(let forward):
            return jumpToMatch(forward: forward, rows: viewport.rows)
        }
        return nil
    }

    private mutating func jumpToMatch(forward: Bool, rows: Int) -> StatusMessage? {
        guard document != nil else { return nil }
        let words = searchWords.joined(separator: " ")
        guard !searchWords.isEmpty else {
            return StatusMessage(text: "n and N find the words of the / filter in this text: none is typed", isError: true)
        }
        guard !matchLines.isEmpty else {
            return StatusMessage(text: "No line of this text has “\(words)”", isError: true)
        }
        // From the match last gone to, else from the top of the screen.
        let next: Int
        if let currentMatch {
            next = (currentMatch + (forward ? 1 : -1) + matchLines.count) % matchLines.count
        } else {
            next = forward ? matchLines.firstIndex { $0 >= scroll } ?? 0 : matchLines.lastIndex { $0 < scroll } ?? matchLines.count - 1
        }
        currentMatch = next
        scroll = matchLines[next] - rows / 3
        clamp(rows: rows)
        return StatusMessage(text: "Match \(next + 1) of \(matchLines.count): “\(words)”", isError: false)
    }

    private mutating func layOut(columns: Int) {
        guard let text else { return }
        guard document?.width != columns else { return }
        let document = PagerDocument(text: text, quote: citation.quote, width: columns)
        self.document = document
        matchLines = document.lines.indices.filter { !matchRanges(in: document.lines[$0].text).isEmpty }
        currentMatch = nil
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
