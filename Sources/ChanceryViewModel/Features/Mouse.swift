import TerminalUI

extension BrowserState {
    /// The mouse: a click on a list's row selects it and focuses the list; a click in the detail focuses it, and on a
    /// link follows it; the wheel moves the selection in a list, or scrolls the detail or a source's text, under the
    /// pointer. While a line is typed, the help or the counts show, the mouse does nothing.
    mutating func handleMouse(_ event: MouseEvent) {
        guard input == nil, !showsHelp, facets == nil else { return }
        let step = event.kind == .wheelUp ? -3 : 3
        if pager != nil {
            if event.kind != .click { reducePager(.scrolled(by: step)) }
            return
        }
        let layout = self.layout
        guard layout.mode != .tooSmall else { return }
        if layout.mode == .wide || isDetailOpen, let row = Self.row(of: event, inside: layout.detail) {
            return detailMouse(event, line: row, step: step)
        }
        guard layout.mode == .wide || !isDetailOpen else { return }
        for pane in Pane.allCases {
            guard let row = Self.row(of: event, inside: layout.panes[pane.rawValue]) else { continue }
            switch event.kind {
            case .click:
                let index = self[pane].scroll + row
                guard index < self[pane].knownRows ?? 0 else { return focusPane(pane) }
                focusPane(pane)
                reduce(pane, .movedTo(row: index))
            case .wheelUp, .wheelDown:
                reduce(pane, .moved(by: step))
            }
            return
        }
    }

    private mutating func focusPane(_ pane: Pane) {
        isHistogramFocused = false
        focus(pane)
    }

    private mutating func detailMouse(_ event: MouseEvent, line row: Int, step: Int) {
        guard let current = detail else { return }
        guard event.kind == .click else { return reduceDetail(.scrolled(by: step)) }
        if !isDetailOpen {
            // The preview of the wide layout: the click gives it the keys, as Enter on the row would.
            isHistogramFocused = false
            return open()
        }
        guard let document = current.document, let link = document.linkLines.firstIndex(of: current.scroll + row) else { return }
        detail?.selectedLink = link
        open()
    }

    /// The row of `event` inside the border of `area`, if it falls there.
    private static func row(of event: MouseEvent, inside area: Rect) -> Int? {
        guard event.x > area.x, event.x < area.maxX - 1, event.y > area.y, event.y < area.maxY - 1 else { return nil }
        return event.y - area.y - 1
    }
}
