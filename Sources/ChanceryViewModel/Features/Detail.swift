import ChanceryModel
import TerminalUI

/// The room the detail's text has on screen: its columns and lines inside the border.
struct DetailViewport: Hashable, Sendable {
    var columns: Int
    var rows: Int
}

/// What happens to the detail.
enum DetailAction: Hashable, Sendable {
    /// Its record arrived (nil when there is no such entity), or could not be read.
    case loaded(request: Int, Result<EntityDetail?, ReadFailure>)
    /// The ledger of its two countries arrived (nil when either is not a country), or could not be read.
    case ledgerLoaded(request: Int, Result<PairLedger?, ReadFailure>)
    /// j/k: to the next (previous) link when it is on screen, else the text scrolls a line.
    case stepped(by: Int)
    /// PgDn/PgUp, Ctrl-d/Ctrl-u: the text scrolls by this many lines, and the selection follows.
    case scrolled(by: Int)
    /// g or G: the first or last line, with the first or last link.
    case wentToEnd(top: Bool)
    /// The viewport changed (a resize, or a detail put back by back/forward): the text reflows and the selected link
    /// comes back on screen.
    case viewportChanged
}

/// The detail of one entity: its record once loaded, laid out for the pane, which link is selected and the scroll.
public struct DetailState: Hashable, Sendable {
    /// The entity shown; with `pairedWith`, the first country of the ledger.
    public let id: String
    /// The other country, when the detail is the ledger of `id` and it rather than `id`'s record.
    public let pairedWith: String?
    /// Its record, once loaded.
    public internal(set) var detail: EntityDetail?
    /// The ledger of the two countries, once loaded.
    public internal(set) var ledger: PairLedger?
    /// The analyst's mark on the record, if marked.
    public internal(set) var mark: WorkingSet.Mark?
    /// The analyst's note on it, if any.
    public internal(set) var note: WorkingSet.Note?
    /// True when the store has no such entity.
    public internal(set) var isMissing = false
    /// Index of the selected link among the detail's selectable lines.
    public internal(set) var selectedLink = 0
    /// Index of the top visible line.
    public internal(set) var scroll = 0
    /// The record laid out for the detail pane's width, computed once here so that the update and the screen read
    /// the same lines; laid out again when the width changes.
    public internal(set) var document: DetailDocument?
    /// The read under way, if any.
    var pending: Int?

    init(id: String, pairedWith: String? = nil) {
        self.id = id
        self.pairedWith = pairedWith
    }

    /// True once what it shows (record or ledger) has arrived.
    public var isLoaded: Bool { detail != nil || ledger != nil }

    /// Applies `action` in `viewport`; returns the error to show, if any.
    mutating func reduce(_ action: DetailAction, in viewport: DetailViewport) -> StatusMessage? {
        var message: StatusMessage?
        switch action {
        case .loaded(let request, let result):
            message = receive(result, of: request, into: \.detail)
            layOut(columns: viewport.columns)
        case .ledgerLoaded(let request, let result):
            message = receive(result, of: request, into: \.ledger)
            layOut(columns: viewport.columns)
        case .stepped(let delta):
            layOut(columns: viewport.columns)
            stepThrough(by: delta, rows: viewport.rows)
        case .scrolled(let delta):
            layOut(columns: viewport.columns)
            scrollText(to: scroll + delta, rows: viewport.rows)
        case .wentToEnd(let top):
            layOut(columns: viewport.columns)
            guard let document else { break }
            scrollText(to: top ? 0 : document.lines.count, rows: viewport.rows)
            if !document.linkLines.isEmpty { selectedLink = top ? 0 : document.linkLines.count - 1 }
        case .viewportChanged:
            layOut(columns: viewport.columns)
            if let line = document?.lineOfLink(selectedLink) {
                scroll = ListView.offsetKeepingVisible(selected: line, offset: scroll, height: viewport.rows)
            }
            scrollText(to: scroll, rows: viewport.rows)
        }
        return message
    }

    /// The target of the selected link, when it is on screen in `viewport`.
    func selectedTarget(in viewport: DetailViewport) -> DetailTarget? {
        guard let document, let line = document.lineOfLink(selectedLink), line >= scroll, line < scroll + viewport.rows else { return nil }
        return document.lines[line].target
    }

    /// The detail as back and forward restore it: the read under way is forgotten, and asked again if still needed.
    var restored: DetailState {
        var detail = self
        detail.pending = nil
        return detail
    }

    /// The detail at its top, first link selected.
    var atTop: DetailState {
        var detail = self
        detail.selectedLink = 0
        detail.scroll = 0
        return detail
    }

    /// Shows `mark` and `note` (the analyst's), laying the record out again for `columns` when they changed.
    mutating func annotate(mark: WorkingSet.Mark?, note: WorkingSet.Note?, columns: Int) {
        guard mark != self.mark || note != self.note else { return }
        (self.mark, self.note) = (mark, note)
        document = nil
        layOut(columns: columns)
    }

    /// Keeps what the read `request` (if it is the one awaited) brought; an error is returned to show.
    private mutating func receive<Content>(_ result: Result<Content?, ReadFailure>, of request: Int,
                                           into content: WritableKeyPath<DetailState, Content?>) -> StatusMessage? {
        guard pending == request else { return nil }
        pending = nil
        switch result {
        case .success(let loaded):
            self[keyPath: content] = loaded
            isMissing = loaded == nil
        case .failure(let failure):
            guard !failure.wasInterrupted else { return nil }
            isMissing = true
            return StatusMessage(text: failure.message, isError: true)
        }
        return nil
    }

    /// Lays the record out for `columns` when it is loaded and not laid out for them.
    private mutating func layOut(columns: Int) {
        guard document?.width != columns || !isLoaded else { return }
        if let detail {
            document = DetailDocument(detail, width: columns, mark: mark, note: note)
        } else if let ledger {
            document = DetailDocument(ledger, width: columns)
        } else {
            document = nil
        }
    }

    private func bottom(rows: Int) -> Int {
        max(0, (document?.lines.count ?? 0) - rows)
    }

    /// As a web browser does: to the next (previous) link when it is on screen, else the text scrolls a line, so
    /// that every line can be reached, text after the last link included.
    private mutating func stepThrough(by step: Int, rows: Int) {
        guard let document else { return }
        let next = selectedLink + step
        if let line = document.lineOfLink(next), line >= scroll, line < scroll + rows {
            selectedLink = next
        } else if let line = document.lineOfLink(next), step > 0 ? scroll == bottom(rows: rows) : scroll == 0 {
            // At the end of the text the next link is on screen already; just in case, bring it in.
            selectedLink = next
            scroll = ListView.offsetKeepingVisible(selected: line, offset: scroll, height: rows)
        } else {
            scrollText(to: scroll + step, rows: rows)
        }
    }

    /// Scrolls to `line` (clamped), and moves the selection to the nearest link on screen when it has left it.
    private mutating func scrollText(to line: Int, rows: Int) {
        scroll = min(max(0, line), bottom(rows: rows))
        guard let document else { return }
        let onScreen = document.linkLines.indices.filter {
            document.linkLines[$0] >= scroll && document.linkLines[$0] < scroll + rows
        }
        if let first = onScreen.first, let last = onScreen.last, !onScreen.contains(selectedLink) {
            selectedLink = selectedLink < first ? first : last
        }
    }
}
