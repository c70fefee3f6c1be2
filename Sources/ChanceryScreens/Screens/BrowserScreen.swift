import ChanceryModel
import ChanceryViewModel
import TerminalUI

/// Renders the browser's state into a screen buffer; the only place that decides how things look.
public enum BrowserScreen {
    /// The screen for `state`, and where the cursor goes when a line is being typed.
    public static func render(_ state: BrowserState) -> (buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        let layout = state.layout
        guard layout.mode != .tooSmall else {
            renderTooSmall(state, into: &buffer)
            return (buffer, nil)
        }
        renderHeader(state, area: layout.header, into: &buffer)
        if layout.mode == .wide || !state.isDetailOpen {
            for pane in Pane.allCases {
                renderPane(pane, state: state, area: layout.panes[pane.rawValue], into: &buffer)
            }
            if let area = layout.histogram { HistogramView.render(state, area: area, into: &buffer) }
        }
        if let pager = state.pager {
            PagerView.render(pager, area: layout.detail, into: &buffer)
        } else if layout.mode == .wide || state.isDetailOpen {
            renderDetail(state, area: layout.detail, into: &buffer)
        }
        // Between the header and the status line, over the panes.
        let overlay = Rect(x: 0, y: layout.header.maxY, width: state.width, height: layout.status.y - layout.header.maxY)
        if let facets = state.facets { FacetsView.render(facets, area: overlay, into: &buffer) }
        if let palette = state.palette { PaletteView.render(palette, area: overlay, into: &buffer) }
        let cursor = renderStatus(state, area: layout.status, into: &buffer)
        if state.showsHelp { HelpOverlay.render(into: &buffer, area: buffer.area, scroll: state.helpScroll, bindings: state.bindings) }
        return (buffer, state.showsHelp ? nil : cursor)
    }

    private static func renderTooSmall(_ state: BrowserState, into buffer: inout ScreenBuffer) {
        let lines = ["Terminal too small: \(state.width)×\(state.height)",
                     "Chancery needs at least \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight).",
                     "Enlarge the window, or press q to quit."]
        let top = max(0, (state.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (state.width - line.displayWidth) / 2)
            _ = buffer.write(line.truncated(toWidth: state.width), x: x, y: top + index, style: index == 0 ? Style(bold: true) : .plain)
        }
    }

    // MARK: Header

    private static func renderHeader(_ state: BrowserState, area: Rect, into buffer: inout ScreenBuffer) {
        var spans: [Span] = [Span(" Chancery ", style: Theme.appName)]
        if let organization = state.narrowing.organization {
            let bodies = state.narrowing.includesSubBodies ? "+ sub-bodies" : "alone"
            // The name gives way first, so that what the narrowing keeps and the keys stay in view.
            let name = (organization.acronym ?? organization.name).truncated(toWidth: max(12, area.width / 3))
            spans += [" ", Span(" ◆ \(name) \(bodies) · x clears ", style: Theme.chip)]
        }
        let pane: Pane = state.paneFocus
        let filter = state[pane].filter
        var conditions: [String] = []
        if !filter.text.isEmpty { conditions.append("words “\(filter.text)”") }
        if filter.since != nil || filter.until != nil {
            // Which meaning the range has, and how many the other would give (D switches).
            let other = state[pane].otherDateMatchTotal.map { " · D: \($0) \(filter.dateMatch.toggled.rawValue)" } ?? ""
            conditions.append("\(filter.dateMatch.rawValue) \(rangeLabel(filter))\(other)")
        }
        if let category = filter.categories.first { conditions.append("kind \(Facet.kind.label(of: category))") }
        conditions += filter.cameoRoots.map { "CAMEO \(Facet.cameo.label(of: $0))" }
        conditions += filter.quadClasses.map { "quad class \(Facet.quad.label(of: String($0.rawValue)))" }
        conditions += state[pane].chosenLinks.map { "\($0.facet.rawValue) \($0.name)" }
        if state[pane].marksOnly { conditions.append("marked only") }
        if !conditions.isEmpty {
            spans += [" ", Span(" \(pane.title): \(conditions.joined(separator: ", ")) · Esc clears ", style: Theme.chip)]
        }
        let right = Line(spans: [Span("? help ", style: Style(dim: true))])
        _ = buffer.write(Line(spans: spans), x: area.x, y: area.y, clip: Rect(x: area.x, y: area.y, width: area.width - right.displayWidth - 1, height: 1))
        _ = buffer.write(right, x: area.maxX - right.displayWidth, y: area.y)
    }

    private static func rangeLabel(_ filter: EntityFilter) -> String {
        switch (filter.since, filter.until) {
        case (let since?, let until?) where since == until: since.display
        case (let since?, nil): "from \(since.display)"
        case (nil, let until?): "until \(until.display)"
        case (let since?, let until?): "\(since.display) – \(until.display)"
        case (nil, nil): ""
        }
    }

    // MARK: Panes

    private static func renderPane(_ pane: Pane, state: BrowserState, area: Rect, into buffer: inout ScreenBuffer) {
        let paneState = state[pane]
        let focused = state.focus == .pane(pane)
        let counts: String
        // While the list is being counted, as many as are known and a plus.
        if let known = paneState.knownRows {
            let total = paneState.total.map(String.init) ?? "\(known)+"
            counts = paneState.filter.hasOwnConditions || !paneState.filter.linkedTo.isEmpty
                ? "\(total)/\(paneState.unfilteredTotal.map(String.init) ?? "?")" : total
        } else {
            counts = "…"
        }
        // The order is named once it is not the standard one, or when the pane has the keys (s changes it).
        let order = paneState.filter.order
        let sorted = focused || order != .standard(for: pane.kind) ? " · \(order.label(for: pane.kind))" : ""
        let block = Block(title: "\(pane.rawValue + 1) \(pane.title) \(counts)\(sorted)", isFocused: focused,
                          style: Theme.border, focusedStyle: Theme.focusedBorder)
        let inner = block.render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        if paneState.total == 0 {
            _ = buffer.write(emptyMessage(paneState, narrowing: state.narrowing.organization).truncated(toWidth: inner.width - 1), x: inner.x + 1, y: inner.y, style: Theme.placeholder, clip: inner)
            return
        }
        let visible = paneState.scroll..<(paneState.scroll + inner.height)
        let memberSince = showsMemberSince(paneState.filter, width: inner.width)
            && visible.contains { paneState.row(at: $0)?.memberSince != nil }
        let rows: [[Span]] = visible.compactMap { index in
            guard paneState.knownRows.map({ index < $0 }) ?? (index == paneState.scroll) else { return nil }
            guard let row = paneState.row(at: index) else { return [Span("…", style: Theme.placeholder)] }
            return cells(row, pane: pane, sideways: paneState.sideways, showsMemberSince: memberSince)
        }
        var tableColumns = columns(pane, fitting: rows, sideways: paneState.sideways, showsMemberSince: memberSince)
        var tableRows = rows
        // A column for the mark sign, once the analyst has marked something.
        if !state.workingSet.marks.isEmpty {
            tableColumns.insert(TableColumn("", width: .fixed(1)), at: 0)
            tableRows = zip(visible, rows).map { index, cells in
                let marked = paneState.row(at: index).map { state.workingSet.isMarked($0.id) } ?? false
                return [Span(marked ? "*" : " ", style: Theme.mark)] + cells
            }
        }
        let selection = focused && !state.isDetailOpen ? Theme.selection : Theme.inactiveSelection
        Table(columns: tableColumns, rows: tableRows, showsHeader: false, selected: paneState.selected - paneState.scroll,
              selectionStyle: selection).render(into: &buffer, area: inner)
    }

    private static func emptyMessage(_ pane: PaneState, narrowing: EntitySummary?) -> String {
        let filter = pane.filter
        if pane.marksOnly && filter.onlyIDs?.isEmpty != false { return "No marked \(filter.kind.plural) — m marks one, M lists all" }
        if filter.hasOwnConditions || !pane.chosenLinks.isEmpty { return "No matches — Esc clears the filter" }
        if let narrowing, !filter.linkedTo.isEmpty { return "Nothing linked to \(narrowing.acronym ?? narrowing.name) — x clears" }
        return "Nothing here"
    }

    /// A pane's columns; the date, kind and count columns are as wide as their widest cell among `rows` (the rows on
    /// screen), so that no date loses its year and the title keeps the rest, cut at its end, or in its middle where
    /// titles on screen would otherwise read alike.
    /// Organizations show when their first membership began once the pane is wide enough, or sorted by it (and only
    /// when a row on screen has one).
    private static func showsMemberSince(_ filter: EntityFilter, width: Int) -> Bool {
        filter.kind == .organization && (width >= 44 || filter.order == .byMemberSince)
    }

    /// Scrolled sideways, the text is cut at its end, its start being already out of view.
    private static func columns(_ pane: Pane, fitting rows: [[Span]], sideways: Int, showsMemberSince: Bool) -> [TableColumn] {
        func widest(_ column: Int, atLeast minimum: Int) -> LayoutSize {
            .fixed(rows.reduce(minimum) { widest, row in row.count > column ? max(widest, row[column].text.displayWidth) : widest })
        }
        let text = TableColumn(pane == .organizations ? "Name" : "Title", width: .proportional(1),
                               truncation: sideways > 0 ? .end : .apart)
        return switch pane {
        case .timeline: [TableColumn("Date", width: widest(0, atLeast: 4)), TableColumn("Kind", width: widest(1, atLeast: 4)), text]
        case .organizations where showsMemberSince:
            [text, TableColumn("Since", width: widest(1, atLeast: 0)), TableColumn("Events", width: widest(2, atLeast: 1), alignment: .right)]
        case .organizations: [text, TableColumn("Events", width: widest(1, atLeast: 1), alignment: .right)]
        case .sources: [text, TableColumn("Events", width: widest(1, atLeast: 1), alignment: .right)]
        case .visits: [TableColumn("Date", width: widest(0, atLeast: 4)), text]
        }
    }

    /// A row's cells; its text column without the `sideways` columns scrolled out of view ("…" marks the cut).
    private static func cells(_ row: EntitySummary, pane: Pane, sideways: Int, showsMemberSince: Bool) -> [Span] {
        let text = Span(sideways > 0 ? "…" + row.listedText.droppingLeadingColumns(sideways + 1) : row.listedText)
        return switch pane {
        case .timeline:
            [Span(row.date.display, style: Theme.date),
             Span(EventKind(rawValue: row.category)?.label ?? row.category, style: Theme.category), text]
        case .organizations where showsMemberSince:
            [text, Span(row.memberSince?.label ?? "", style: Theme.date), Span(String(row.linkedEventCount), style: Theme.count)]
        case .organizations: [text, Span(String(row.linkedEventCount), style: Theme.count)]
        case .sources: [text, Span(String(row.linkedEventCount), style: Theme.count)]
        case .visits: [Span(row.date.display, style: Theme.date), text]
        }
    }

    // MARK: Detail

    private static func renderDetail(_ state: BrowserState, area: Rect, into buffer: inout ScreenBuffer) {
        let title = state.detail?.ledger != nil ? "Pair ledger" : state.detail?.detail.map { "Detail · \($0.summary.kind.rawValue)" } ?? "Detail"
        let block = Block(title: title, isFocused: state.isDetailOpen, style: Theme.border, focusedStyle: Theme.focusedBorder)
        let inner = block.render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        guard let current = state.detail else {
            _ = buffer.write("Select an item to see it here; Enter opens it.", x: inner.x + 1, y: inner.y, style: Theme.placeholder, clip: inner)
            return
        }
        // Laid out by the view-model for this pane's width; the same lines its keys move through.
        guard let document = current.document else {
            let subject = current.pairedWith.map { "the ledger of \(current.id) and \($0)" } ?? current.id
            let missing = current.pairedWith == nil ? "No entity has the id \(current.id)" : "\(subject) are not two countries"
            let text = current.isMissing ? missing : "Loading \(subject)…"
            _ = buffer.write(text, x: inner.x + 1, y: inner.y, style: Theme.placeholder, clip: inner)
            return
        }
        let selectedLine = state.isDetailOpen ? document.lineOfLink(current.selectedLink) : nil
        for (offset, line) in document.lines.dropFirst(current.scroll).prefix(inner.height).enumerated() {
            let index = current.scroll + offset
            let spans = line.spans.map { Span($0.text, style: Theme.style($0.role)) }
            let y = inner.y + offset
            _ = buffer.write(Line(spans: spans), x: inner.x, y: y, clip: inner)
            if index == selectedLine {
                buffer.setStyle(Theme.selection, in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            }
        }
        if document.lines.count > inner.height {
            let position = "\(min(document.lines.count, current.scroll + inner.height))/\(document.lines.count)"
            _ = buffer.write(" \(position) ", x: area.maxX - position.count - 3, y: area.maxY - 1, style: Theme.border)
        }
    }

    // MARK: Status

    private static func renderStatus(_ state: BrowserState, area: Rect, into buffer: inout ScreenBuffer) -> (x: Int, y: Int)? {
        if let input = state.input {
            let prompt: String
            switch input.purpose {
            case .filter(let pane): prompt = "/\(pane.title): "
            case .filterEveryPane: prompt = "/every pane: "
            case .writeList(let pane): prompt = "Write \(pane.title) (.csv, .json, .ndjson) to: "
            case .pairWith(let country): prompt = "Pair \(country.name) with the country: "
            case .palette: prompt = ":"
            case .note(let record): prompt = "Note on \(record.displayName.truncated(toWidth: max(8, area.width / 3))) (empty removes): "
            case .dateRange(let pane): prompt = "Dates in \(pane.title) (1993, 1990/2000, 2000/..; empty clears): "
            }
            buffer.fill(area)
            var field = area
            if let notice = input.notice {
                let shown = Line(spans: [Span(" \(notice) ", style: Theme.error)])
                let width = min(shown.displayWidth, area.width * 2 / 3)
                _ = buffer.write(shown, x: area.maxX - width, y: area.y, clip: Rect(x: area.maxX - width, y: area.y, width: width, height: 1))
                field = Rect(x: area.x, y: area.y, width: area.width - width, height: area.height)
            }
            return InputLine(prompt: prompt, text: input.text, cursor: input.cursor).render(into: &buffer, area: field)
        }
        let left: Line
        if let message = state.message {
            left = Line(spans: [Span(" " + message.text, style: message.isError ? Theme.error : .plain)])
        } else {
            // The keys in force, so a remapped key shows as it is.
            let keys = state.bindings
            let hint: String
            if state.facets != nil {
                hint = keys.hint([([.moveDown, .moveUp], "value"), ([.nextFacet], "facet"), ([.toggleFacetOrder], "by count or value"),
                                  ([.open], "filter"), ([.close], "close")], in: .facets)
            } else if state.isHistogramFocused {
                hint = keys.hint([([.scrollLeft, .scrollRight], "year"), ([.open], "filter Timeline"), ([.zoomIn, .zoomOut], "year or decade"),
                                  ([.close], "back"), ([.toggleHistogram], "hide")], in: .histogram)
            } else if state.pager != nil {
                hint = keys.hint([([.moveDown, .moveUp], "scroll"), ([.pageDown], "page"), ([.copy], "copy the citation"),
                                  ([.closePager], "back to the detail")], in: .pager)
            } else if state.isDetailOpen {
                hint = keys.hint([([.moveDown, .moveUp], "link"), ([.open], "follow"), ([.copy], "copy"), ([.back], "back"),
                                  ([.close], "close"), ([.help], "help")], in: .detail)
            } else {
                hint = keys.hint([([.moveDown, .moveUp], "move"), ([.open], "open"), ([.nextPane], "pane"), ([.filter], "filter"),
                                  ([.dateRange], "dates"), ([.nextKind], "kind"), ([.help], "help")], in: .panes)
            }
            left = Line(" " + hint)
        }
        let history = state.backDepth + state.forwardDepth > 0 ? "◀ \(state.backDepth) ▶ \(state.forwardDepth) " : ""
        StatusLine(left: left, right: Line(history), style: Theme.status).render(into: &buffer, area: area)
        return nil
    }
}
