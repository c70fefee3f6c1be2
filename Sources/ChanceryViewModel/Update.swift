import Foundation
import ChanceryModel
import TerminalUI

/// Something that happened, which the browser reacts to.
public enum Action: Hashable, Sendable {
    /// The browser opened: load what the panes show.
    case started
    /// The user pressed a key (a resize arrives as a key too).
    case keyPressed(Key)
    /// A window of a pane's list arrived, or could not be read.
    case pageLoaded(Pane, request: Int, Result<EntityPage, ReadFailure>)
    /// A detail arrived (nil when no such entity), or could not be read.
    case detailLoaded(request: Int, Result<EntityDetail?, ReadFailure>)
    /// A row was picked directly (by a pointer, or a benchmark placing the selection), not by moving to it.
    case selected(row: Int, in: Pane)
    /// A record was asked for by its id, from outside the panes (a test walking every record): its detail opens.
    case opened(id: String)
}

/// Why a read failed, as a message for the status line.
public struct ReadFailure: Error, Hashable, Sendable {
    /// The message.
    public var message: String
    /// True when a newer read superseded it: not an error to show, and asked again if still needed.
    public var wasInterrupted: Bool

    /// A failure with `message`.
    public init(message: String, wasInterrupted: Bool = false) {
        self.message = message
        self.wasInterrupted = wasInterrupted
    }

    init(_ error: any Error) {
        self.init(message: "\(error)", wasInterrupted: error is QueryInterrupted)
    }
}

/// A read the shell runs against the store and answers with an action.
public enum Effect: Hashable, Sendable {
    /// Read a window of a pane's list.
    case loadPage(Pane, request: Int, filter: EntityFilter, offset: Int, limit: Int)
    /// Read the detail of an entity.
    case loadDetail(request: Int, id: String)

    /// The action that answers the read with `failure`, without reading (a read superseded before it ran).
    public func answer(with failure: ReadFailure) -> Action {
        switch self {
        case .loadPage(let pane, let request, _, _, _): .pageLoaded(pane, request: request, .failure(failure))
        case .loadDetail(let request, _): .detailLoaded(request: request, .failure(failure))
        }
    }

    /// Runs the read and returns the action that answers it.
    public func perform(using queries: some EntityQueries) -> Action {
        switch self {
        case .loadPage(let pane, let request, let filter, let offset, let limit):
            return .pageLoaded(pane, request: request, Result { try queries.page(filter, offset: offset, limit: limit) }
                .mapError(ReadFailure.init))
        case .loadDetail(let request, let id):
            return .detailLoaded(request: request, Result { try queries.detail(id: id) }
                .mapError(ReadFailure.init))
        }
    }
}

extension BrowserState {
    /// Applies `action` and returns the reads it calls for. Pure: no I/O happens here.
    public mutating func send(_ action: Action) -> [Effect] {
        wantsRedraw = false
        layOutDetail()
        switch action {
        case .started:
            break
        case .keyPressed(let key):
            message = nil
            handle(key)
        case .selected(let row, let pane):
            focus(pane)
            move(to: row)
        case .opened(let id):
            openDetail(of: id)
        case .pageLoaded(let pane, let request, let result):
            guard let pending = self[pane].pending, pending.id == request else { break }
            switch result {
            case .success(let page): self[pane].receive(page, for: pending)
            case .failure(let failure):
                self[pane].pending = nil
                if !failure.wasInterrupted { message = StatusMessage(text: failure.message, isError: true) }
            }
        case .detailLoaded(let request, let result):
            guard detail?.pending == request else { break }
            detail?.pending = nil
            switch result {
            case .success(let loaded):
                detail?.detail = loaded
                detail?.isMissing = loaded == nil
            case .failure(let failure):
                if failure.wasInterrupted { break }
                detail?.isMissing = true
                message = StatusMessage(text: failure.message, isError: true)
            }
        }
        layOutDetail()
        return reconcile()
    }

    // MARK: Keys

    private mutating func handle(_ key: Key) {
        if case .resize(let width, let height) = key {
            resize(width: width, height: height)
            layOutDetail()
            if var current = detail, let (document, rows) = detailDocument, let line = document.lineOfLink(current.selectedLink) {
                // The text reflows at the new width: bring the selected link back on screen.
                current.scroll = ListView.offsetKeepingVisible(selected: line, offset: current.scroll, height: rows)
                detail = current
            }
            keepDetailSelectionOnScreen()
            wantsRedraw = true
            return
        }
        if input != nil { return edit(with: key) }
        guard let command = KeyBindings.command(for: key) else { return }
        if showsHelp {
            if [.help, .close, .quit].contains(command) { showsHelp = false }
            return
        }
        run(command)
    }

    private mutating func run(_ command: Command) {
        switch command {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .top: move(to: 0)
        case .bottom: move(to: Int.max)
        case .pageDown: move(by: pageSize)
        case .pageUp: move(by: -pageSize)
        case .halfPageDown: move(by: max(1, pageSize / 2))
        case .halfPageUp: move(by: -max(1, pageSize / 2))
        case .nextPane: focus(Pane(rawValue: (currentPane.rawValue + 1) % Pane.allCases.count)!)
        case .previousPane: focus(Pane(rawValue: (currentPane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!)
        case .focusTimeline: focus(.timeline)
        case .focusOrganizations: focus(.organizations)
        case .focusVisits: focus(.visits)
        case .open: open()
        case .back: goBack()
        case .forward: goForward()
        case .filter:
            guard case .pane(let pane) = focus else { return }
            let text = self[pane].filter.text
            input = InputState(purpose: .filter(pane), text: text, cursor: text.count, before: navigationEntry)
        case .dateRange:
            guard case .pane(let pane) = focus else { return }
            guard pane.kind.isDated else {
                message = StatusMessage(text: "\(pane.title) have no dates", isError: true)
                return
            }
            let text = Self.rangeText(self[pane].filter)
            input = InputState(purpose: .dateRange(pane), text: text, cursor: text.count, before: navigationEntry)
        case .nextKind: cycleCategory(by: 1)
        case .previousKind: cycleCategory(by: -1)
        case .narrow: narrowToSelectedOrganization()
        case .clearNarrowing: navigate { $0.setNarrowing(nil) }
        case .close: close()
        case .help: showsHelp = true
        case .redraw: wantsRedraw = true
        case .quit: shouldQuit = true
        }
    }

    /// The pane with the keys, or the one the detail was opened from.
    private var currentPane: Pane {
        if case .pane(let pane) = focus { return pane }
        return paneFocus
    }

    private var pageSize: Int {
        isDetailOpen ? layout.detailRows : layout.visibleRows(currentPane)
    }

    private mutating func focus(_ pane: Pane) {
        focus = .pane(pane)
        paneFocus = pane
    }

    // MARK: Moving

    private mutating func move(by delta: Int) {
        if isDetailOpen {
            abs(delta) == 1 ? stepThroughDetail(by: delta) : scrollDetail(by: delta)
        } else {
            move(to: self[currentPane].selected + delta)
        }
    }

    private mutating func move(to index: Int) {
        if isDetailOpen { return moveLink(to: index) }
        let pane = currentPane
        let last = max(0, (self[pane].total ?? 1) - 1)
        let target = min(max(0, index), last)
        guard target != self[pane].selected else { return }
        self[pane].selected = target
        self[pane].scroll = ListView.offsetKeepingVisible(selected: target, offset: self[pane].scroll,
                                                          height: layout.visibleRows(pane))
    }

    /// The open detail's document as laid out on screen, with the rows it has.
    private var detailDocument: (document: DetailDocument, rows: Int)? {
        guard let document = detail?.document else { return nil }
        return (document, layout.detailRows)
    }

    /// Lays the detail's record out for the detail pane's width, when it is loaded and not laid out for that width.
    private mutating func layOutDetail() {
        guard var current = detail, let loaded = current.detail else {
            detail?.document = nil
            return
        }
        guard current.document?.width != layout.detailColumns else { return }
        current.document = DetailDocument(loaded, width: layout.detailColumns)
        detail = current
    }

    /// Goes to the first (`index` 0) or last (`Int.max`) line of the detail, selecting its first or last link.
    private mutating func moveLink(to index: Int) {
        guard var current = detail, let (document, rows) = detailDocument else { return }
        let bottom = max(0, document.lines.count - rows)
        current.scroll = index == 0 ? 0 : bottom
        if !document.linkLines.isEmpty { current.selectedLink = index == 0 ? 0 : document.linkLines.count - 1 }
        detail = current
    }

    /// j/k in the detail, as a web browser does: to the next (previous) link when it is on screen, else the text
    /// scrolls a line, so that every line of the detail can be reached, text after the last link included.
    private mutating func stepThroughDetail(by step: Int) {
        guard var current = detail, let (document, rows) = detailDocument else { return }
        let bottom = max(0, document.lines.count - rows)
        let next = current.selectedLink + step
        if let line = document.lineOfLink(next), line >= current.scroll, line < current.scroll + rows {
            current.selectedLink = next
        } else if let line = document.lineOfLink(next), step > 0 ? current.scroll == bottom : current.scroll == 0 {
            // At the end of the text the next link is on screen already; just in case, bring it in.
            current.selectedLink = next
            current.scroll = ListView.offsetKeepingVisible(selected: line, offset: current.scroll, height: rows)
        } else {
            current.scroll = min(max(0, current.scroll + step), bottom)
        }
        detail = current
        keepDetailSelectionOnScreen()
    }

    /// PgDn/PgUp and Ctrl-d/Ctrl-u in the detail: the text scrolls by `delta` lines, and the selection follows.
    private mutating func scrollDetail(by delta: Int) {
        guard var current = detail, let (document, rows) = detailDocument else { return }
        current.scroll = min(max(0, current.scroll + delta), max(0, document.lines.count - rows))
        detail = current
        keepDetailSelectionOnScreen()
    }

    /// Moves the selection to the nearest link on screen when the selected one has left it (by scrolling or a resize).
    mutating func keepDetailSelectionOnScreen() {
        guard var current = detail, let (document, rows) = detailDocument else { return }
        current.scroll = min(current.scroll, max(0, document.lines.count - rows))
        let onScreen = document.linkLines.indices.filter {
            document.linkLines[$0] >= current.scroll && document.linkLines[$0] < current.scroll + rows
        }
        if let first = onScreen.first, let last = onScreen.last, !onScreen.contains(current.selectedLink) {
            current.selectedLink = current.selectedLink < first ? first : last
        }
        detail = current
    }

    // MARK: Navigating

    private mutating func open() {
        let target: String?
        if isDetailOpen {
            guard let current = detail, let (document, rows) = detailDocument,
                  let line = document.lineOfLink(current.selectedLink), line >= current.scroll, line < current.scroll + rows else { return }
            target = document.lines[line].target
        } else {
            target = self[currentPane].selectedRow?.id
        }
        guard let target else { return }
        openDetail(of: target)
    }

    /// Opens the detail of `id` at its top, as a step that back undoes.
    private mutating func openDetail(of id: String) {
        navigate {
            $0.focus = .detail
            if $0.detail?.id != id { $0.detail = DetailState(id: id) }
            $0.detail?.selectedLink = 0
            $0.detail?.scroll = 0
        }
    }

    private mutating func close() {
        if isDetailOpen {
            navigate {
                $0.focus = .pane($0.paneFocus)
                if $0.layout.mode != .wide { $0.detail = nil }
            }
        } else {
            // One filter at a time, as a step back undoes: words, then dates, then kind, then the narrowing.
            var filter = self[currentPane].filter
            if !filter.text.isEmpty {
                filter.text = ""
            } else if filter.since != nil || filter.until != nil {
                (filter.since, filter.until) = (nil, nil)
            } else if !filter.categories.isEmpty {
                filter.categories = []
            } else if narrowing != nil {
                return navigate { $0.setNarrowing(nil) }
            } else {
                return
            }
            let pane = currentPane
            navigate { $0.setFilter(filter, of: pane) }
        }
    }

    /// Records the current view for back, then changes it.
    private mutating func navigate(_ change: (inout BrowserState) -> Void) {
        let before = navigationEntry
        change(&self)
        guard navigationEntry != before else { return }
        backStack.append(before)
        forwardStack.removeAll()
    }

    private mutating func goBack() {
        guard let entry = backStack.popLast() else { return }
        forwardStack.append(navigationEntry)
        restore(entry)
    }

    private mutating func goForward() {
        guard let entry = forwardStack.popLast() else { return }
        backStack.append(navigationEntry)
        restore(entry)
    }

    // MARK: Filters

    /// Narrows Timeline and Visits to the organization selected in Organizations, or whose detail is open.
    private mutating func narrowToSelectedOrganization() {
        if isDetailOpen, let shown = detail?.detail?.summary, shown.kind == .organization {
            navigate { $0.setNarrowing(shown) }
        } else if !isDetailOpen, currentPane == .organizations, let organization = self[.organizations].selectedRow {
            navigate { $0.setNarrowing(organization) }
        } else {
            message = StatusMessage(text: "n narrows to an organization: select one in Organizations or open its detail", isError: true)
        }
    }

    private mutating func setNarrowing(_ organization: EntitySummary?) {
        guard narrowing?.id != organization?.id else { return }
        narrowing = organization
        for pane in [Pane.timeline, .visits] {
            var filter = self[pane].filter
            filter.linkedTo = organization.map { [$0.id] } ?? []
            self[pane].setFilter(filter)
        }
    }

    /// Changes a pane's filter.
    private mutating func setFilter(_ filter: EntityFilter, of pane: Pane) {
        self[pane].setFilter(filter)
    }

    private mutating func cycleCategory(by step: Int) {
        let pane = currentPane
        let categories = pane.categories
        guard !isDetailOpen, !categories.isEmpty else { return }
        var filter = self[pane].filter
        // Position -1 is "every kind".
        let position = filter.categories.first.flatMap { categories.firstIndex(of: $0) } ?? -1
        let next = (position + 1 + step + categories.count + 1) % (categories.count + 1) - 1
        filter.categories = next < 0 ? [] : [categories[next]]
        navigate { $0.setFilter(filter, of: pane) }
    }

    private static func rangeText(_ filter: EntityFilter) -> String {
        switch (filter.since, filter.until) {
        case (nil, nil): ""
        case (let since?, let until?) where since == until: since.edtf
        case (let since, let until): "\(since?.edtf ?? "..")/\(until?.edtf ?? "..")"
        }
    }

    /// Reads `text` as a date range: EDTF (`1993`, `1990/2000`, `2000/..`), or a date as the screens show it
    /// (`May 2024`, `25 Jan 1993`, `Spring 2001`, `1990s`, `c. 1993`), or two of them joined by `–`, ` to ` or, between
    /// years, `-` (`2018–2019`, `2018-2019`, `7–14 Sep 2018`, `1992–present`); "" clears the range. Throws the reason.
    static func parseRange(_ text: String) throws(EDTFError) -> (since: EDTFDate?, until: EDTFDate?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return (nil, nil) }
        if let date = EDTFDate(trimmed) {
            return (date.lowerBound, date.upperBound)
        }
        let parts: [String]
        if trimmed.contains("–") {
            parts = trimmed.components(separatedBy: "–")
        } else if trimmed.contains(" to ") {
            parts = trimmed.components(separatedBy: " to ")
        } else if trimmed.count == 9, trimmed.split(separator: "-").map(\.count) == [4, 4] {
            parts = trimmed.components(separatedBy: "-")
        } else {
            parts = [trimmed]
        }
        let cleaned = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        if cleaned.count == 1, let date = shownDate(cleaned[0]) { return (date.lowerBound, date.upperBound) }
        if cleaned.count == 2, let end = ["present", "now", ".."].contains(cleaned[1].lowercased()) ? nil as EDTFDate? : shownDate(cleaned[1]) {
            // The start may leave out what the end gives: "7–14 Sep 2018", "Jan–Mar 2019".
            let endWords = cleaned[1].split(separator: " ")
            let start = (0...endWords.count).lazy.compactMap { borrowed in
                shownDate(([Substring(cleaned[0])] + endWords.suffix(borrowed)).joined(separator: " "))
            }.first
            if let start, start.firstDayKey <= end.endKey { return (start.lowerBound, end.upperBound) }
            if let start { throw EDTFError("the range ends (\(cleaned[1])) before it starts (\(start.display))") }
        } else if cleaned.count == 2, ["present", "now", ".."].contains(cleaned[1].lowercased()), let start = shownDate(cleaned[0]) {
            return (start.lowerBound, nil)
        }
        if trimmed.allSatisfy({ $0.isNumber || "-/.XSY?~%T:+Z".contains($0) }), case .failure(let error) = Result(catching: { () throws(EDTFError) in try EDTFDate.parse(trimmed) }) {
            throw error
        }
        throw EDTFError("not a date: try 1993, May 2024, 25 Jan 1993, 2018–2019 or 2000/..")
    }

    /// A date written as the screens show it (`25 Jan 1993`, `May 2024`, `Spring 2001`, `1990s`, `c. 1993`), or in EDTF.
    private static func shownDate(_ text: String) -> EDTFDate? {
        if let date = EDTFDate(text) { return date }
        var words = text.split(separator: " ").map(String.init)
        var qualifier = ""
        if words.first?.lowercased() == "c." {
            words.removeFirst()
            qualifier = "~"
        }
        guard let yearText = words.last else { return nil }
        var year = yearText
        if year.hasSuffix("s"), year.count == 5, year.dropLast().hasSuffix("0") { year = String(year.dropLast(2)) + "X" }
        guard year.count == 4 else { return nil }
        switch words.count {
        case 1: return EDTFDate(year + qualifier)
        case 2:
            if let season = ["spring", "summer", "autumn", "winter"].firstIndex(of: words[0].lowercased()) {
                return EDTFDate("\(year)-\(21 + season)")
            }
            guard let month = monthNumber(words[0]) else { return nil }
            return EDTFDate(String(format: "%@-%02d%@", year, month, qualifier))
        case 3:
            guard let month = monthNumber(words[1]), let day = Int(words[0]) else { return nil }
            return EDTFDate(String(format: "%@-%02d-%02d%@", year, month, day, qualifier))
        default:
            return nil
        }
    }

    /// 1–12 for a month's name or its first three letters, in English, any case.
    private static func monthNumber(_ word: String) -> Int? {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"]
        let lowered = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard lowered.count >= 3 else { return nil }
        return names.firstIndex { $0 == lowered || $0.hasPrefix(lowered) && lowered.count == 3 }.map { $0 + 1 }
    }

    // MARK: Input

    /// Applies a key to the line being typed. The cursor counts Characters; a typed scalar that joins the
    /// Character before it (a combining accent, a skin tone, the second half of a flag) leaves the cursor after
    /// the joined Character, and every edit ends with the cursor clamped to the text.
    private mutating func edit(with key: Key) {
        guard var line = input else { return }
        var characters = Array(line.text)
        line.cursor = min(max(0, line.cursor), characters.count)
        line.notice = nil
        if case .character(let character) = key {
            guard characters.count < InputState.maximumLength,
                  line.text.unicodeScalars.count < 4 * InputState.maximumLength else {
                line.notice = "at most \(InputState.maximumLength) characters"
                input = line
                return
            }
            let before = String(characters[..<line.cursor]) + String(character)
            characters = Array(before + String(characters[line.cursor...]))
            line.cursor = before.count
        } else if key == .control("c") {
            // Ctrl-C quits from anywhere, as the terminal's interrupt does.
            shouldQuit = true
            return
        } else {
            switch KeyBindings.editCommand(for: key) {
            case .deleteBackward?:
                guard line.cursor > 0 else { break }
                characters.remove(at: line.cursor - 1)
                line.cursor -= 1
            case .deleteForward?:
                if line.cursor < characters.count { characters.remove(at: line.cursor) }
            case .left?: line.cursor = max(0, line.cursor - 1)
            case .right?: line.cursor = min(characters.count, line.cursor + 1)
            case .start?: line.cursor = 0
            case .end?: line.cursor = characters.count
            case .deleteToStart?:
                characters.removeSubrange(0..<line.cursor)
                line.cursor = 0
            case .cancel?:
                // Cancels what was typed: the words go back to what they were when the line opened.
                if case .filter(let pane) = line.purpose, let before = line.before?.panes[pane.rawValue].filter.text {
                    applyWords(before, to: pane)
                }
                input = nil
                return
            case .submit?:
                return submit(line)
            case nil:
                // Any other key does nothing here: no command acts while a line is being typed.
                input = line
                return
            }
        }
        line.text = String(characters)
        // Characters put side by side may join into one (a removed letter between two regional indicators).
        line.cursor = min(line.cursor, line.text.count)
        let changed = line.text != input?.text
        input = line
        if changed, case .filter(let pane) = line.purpose { applyWords(line.text, to: pane) }
    }

    private mutating func applyWords(_ text: String, to pane: Pane) {
        var filter = self[pane].filter
        filter.text = text
        setFilter(filter, of: pane)
    }

    private mutating func submit(_ line: InputState) {
        switch line.purpose {
        case .filter:
            input = nil
        case .dateRange(let pane):
            let range: (since: EDTFDate?, until: EDTFDate?)
            do {
                range = try Self.parseRange(line.text)
            } catch {
                // The line stays open, with the reason beside it.
                input?.notice = error.reason
                return
            }
            var filter = self[pane].filter
            filter.since = range.since
            filter.until = range.until
            setFilter(filter, of: pane)
            input = nil
        }
        // The filters as they were when the line opened are one step back.
        if let before = line.before, before != navigationEntry {
            backStack.append(before)
            forwardStack.removeAll()
        }
    }

    // MARK: Reads

    /// Asks for what the screen needs and does not have: each pane's visible window, and the detail shown.
    private mutating func reconcile() -> [Effect] {
        var effects: [Effect] = []
        let layout = self.layout
        for pane in Pane.allCases {
            let rows = layout.visibleRows(pane)
            var state = self[pane]
            if let total = state.total {
                state.selected = min(state.selected, max(0, total - 1))
                state.scroll = min(state.scroll, max(0, total - rows))
                state.scroll = ListView.offsetKeepingVisible(selected: state.selected, offset: state.scroll, height: rows)
            }
            let visible = state.scroll..<(state.scroll + rows)
            let covered = state.pending.map { $0.filter == state.filter && $0.offset <= visible.lowerBound
                && $0.offset + $0.limit >= visible.upperBound } ?? false
            if !state.hasRows(visible) && !covered {
                let offset = max(0, state.scroll - rows)
                let request = PageRequest(id: takeRequestID(), filter: state.filter, offset: offset, limit: rows * 3)
                state.pending = request
                effects.append(.loadPage(pane, request: request.id, filter: request.filter, offset: request.offset, limit: request.limit))
            }
            self[pane] = state
        }
        if !isDetailOpen {
            if layout.mode != .wide {
                detail = nil
            } else if let id = self[paneFocus].selectedRow?.id {
                if detail?.id != id { detail = DetailState(id: id) }
            } else if self[paneFocus].total == 0 {
                detail = nil
            }
            // Otherwise the selected row is still loading: keep the last preview meanwhile.
        }
        if var current = detail, current.detail == nil, !current.isMissing, current.pending == nil {
            let request = takeRequestID()
            current.pending = request
            detail = current
            effects.append(.loadDetail(request: request, id: current.id))
        }
        return effects
    }
}

extension EntityFilter {
    /// True when words, dates or kinds are set (narrowing to an organization aside).
    public var hasOwnConditions: Bool {
        !text.isEmpty || since != nil || until != nil || !categories.isEmpty
    }
}
