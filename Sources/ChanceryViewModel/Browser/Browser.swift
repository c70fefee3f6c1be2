import ChanceryModel
import TerminalUI

extension BrowserState {
    /// Applies `action` and returns the reads it calls for. Pure: no I/O happens here. A thin router: keys become
    /// commands of the current mode's bindings, and each command or answer goes to the feature it concerns.
    public mutating func send(_ action: Action) -> [Effect] {
        wantsRedraw = false
        switch action {
        case .started:
            // The kind filter offers only the kinds the store holds.
            return reconcile() + Pane.allCases.filter { !$0.categories.isEmpty }.map(Effect.loadCategories)
                + [.loadCodedKinds, .readWorkingSet]
        case .keyPressed(let key):
            trail.append(.key(key))
            message = nil
            if input != nil {
                edit(with: key)
            } else if let command = bindings.command(for: key, in: keyMode) {
                run(command)
            }
        case .resized(let width, let height):
            trail.append(.resize(width: width, height: height))
            resize(width: width, height: height)
            // A histogram the new size leaves no room for gives the keys back to the Timeline.
            if layout.histogram == nil { isHistogramFocused = false }
            reduceDetail(.viewportChanged)
            reducePager(.viewportChanged)
            wantsRedraw = true
        case .noteEdited(let record, .success(let text)):
            if text == workingSet.notes[record.id]?.text ?? "" {
                report(StatusMessage(text: "The note on \(record.displayName) is unchanged", isError: false))
            } else {
                saveNote(text, on: record)
            }
        case .noteEdited(_, .failure(let failure)):
            report(StatusMessage(text: failure.message, isError: true))
        case .mouse(let event):
            trail.append(.mouse(event))
            message = nil
            handleMouse(event)
        case .selected(let row, let pane):
            focus(pane)
            reduce(pane, .movedTo(row: row))
        case .opened(let id):
            openDetail(of: id)
        case .pageLoaded(let pane, let request, let result):
            reduce(pane, .pageLoaded(request: request, result))
        case .rowsCounted(let pane, let request, let result):
            reduce(pane, .counted(request: request, result))
        case .categoriesLoaded(let pane, let result):
            switch result {
            case .success(let categories): self[pane].presentCategories = Set(categories)
            case .failure(let failure) where failure.wasInterrupted: return reconcile() + [.loadCategories(pane)]
            case .failure(let failure): report(StatusMessage(text: failure.message, isError: true))
            }
        case .codedKindsLoaded(let result):
            switch result {
            case .success(let kinds): codedKinds = kinds
            case .failure(let failure) where failure.wasInterrupted: return reconcile() + [.loadCodedKinds]
            case .failure(let failure): report(StatusMessage(text: failure.message, isError: true))
            }
        case .detailLoaded(let request, let result):
            reduceDetail(.loaded(request: request, result))
        case .sourceTextLoaded(let request, let result):
            reducePager(.loaded(request: request, result))
        case .facetsLoaded(let request, let result):
            report(facets?.reduce(.loaded(request: request, result)))
        case .dateSpreadLoaded(let request, let result):
            reduceHistogram(.loaded(request: request, result))
        case .listWritten(.success(let receipt)):
            let noun = receipt.rows == 1 ? "row" : "rows"
            report(StatusMessage(text: "Wrote \(receipt.rows) \(noun) to \(receipt.path) (\(receipt.format.rawValue.uppercased()))", isError: false))
        case .listWritten(.failure(let failure)):
            report(StatusMessage(text: "Not written: \(failure.message)", isError: true))
        case .countriesFound(let request, let result):
            openPair(found: result, request: request)
        case .pairLedgerLoaded(let request, let result):
            reduceDetail(.ledgerLoaded(request: request, result))
        case .workingSetRead(let result):
            receiveWorkingSet(result, saved: false)
        case .workingSetSaved(let result):
            receiveWorkingSet(result, saved: true)
        case .viewRequested(let name):
            if hasReadWorkingSet { openView(named: name) } else { viewAwaitingWorkingSet = name }
        case .recordsFound(let request, let result):
            paletteFound(result, request: request)
        case .briefingWritten(.success(let receipt)):
            report(StatusMessage(text: "Wrote a briefing of \(receipt.records) records to \(receipt.path)", isError: false))
        case .briefingWritten(.failure(let failure)), .trailWritten(.failure(let failure)):
            report(StatusMessage(text: "Not written: \(failure.message)", isError: true))
        case .trailWritten(.success(let receipt)):
            report(StatusMessage(text: "Wrote a trail of \(receipt.steps) keys to \(receipt.path) (chancery snapshot --script replays it)", isError: false))
        }
        return reconcile()
    }

    /// Runs `command` in the current mode, as its keys do (the palette runs commands this way too).
    mutating func run(_ command: Command) {
        if pager != nil { return runInPager(command) }
        if facets != nil { return runInFacets(command) }
        if isHistogramFocused { return runInHistogram(command) }
        switch command {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .top: moveToEnd(top: true)
        case .bottom: moveToEnd(top: false)
        case .pageDown: move(by: pageSize)
        case .pageUp: move(by: -pageSize)
        case .halfPageDown: move(by: max(1, pageSize / 2))
        case .halfPageUp: move(by: -max(1, pageSize / 2))
        case .nextPane: focus(currentPane.advanced(by: 1))
        case .previousPane: focus(currentPane.advanced(by: -1))
        case .focusTimeline: focus(.timeline)
        case .focusOrganizations: focus(.organizations)
        case .focusVisits: focus(.visits)
        case .focusSources: focus(.sources)
        case .focusHistogram: focusHistogram()
        case .showFacets: facets = FacetsState(pane: currentPane, coded: codedKinds.contains(currentPane.kind))
        case .toggleHistogram: reduceHistogram(.toggled(shownBySize: showsHistogramBySize))
        case .open: open()
        case .back: history.goBack(from: navigationEntry).map { restore($0) }
        case .forward: history.goForward(from: navigationEntry).map { restore($0) }
        case .filter: openLine(for: .filter(currentPane), text: self[currentPane].filter.text)
        case .filterEveryPane: openLine(for: .filterEveryPane, text: self[currentPane].filter.text)
        case .dateRange:
            guard currentPane.kind.isDated else {
                return report(StatusMessage(text: "\(currentPane.title) have no dates", isError: true))
            }
            openLine(for: .dateRange(currentPane), text: DateRangeText.text(of: self[currentPane].filter))
        case .writeList: openLine(for: .writeList(currentPane), text: "\(currentPane.title.lowercased()).csv")
        case .pairCountries: pairShownCountry()
        case .toggleMark: toggleMark()
        case .editNote: editNote()
        case .editNoteInEditor: editNoteInEditor()
        case .toggleMarksOnly: toggleMarksOnly()
        case .openPalette: openPalette()
        case .toggleDateMatch: toggleDateMatch()
        case .nextOrder: cycleOrder()
        case .scrollRight: reduce(currentPane, .scrolledSideways(by: PaneState.sidewaysStep))
        case .scrollLeft: reduce(currentPane, .scrolledSideways(by: -PaneState.sidewaysStep))
        case .nextKind: cycleCategory(by: 1)
        case .previousKind: cycleCategory(by: -1)
        case .narrow: narrowToSelectedOrganization()
        case .toggleSubBodies: toggleSubBodies()
        case .clearNarrowing: navigate { $0.setNarrowing(.off) }
        case .close: close()
        case .help:
            showsHelp = true
            helpScroll = 0
        case .closeHelp: showsHelp = false
        case .scrollHelpDown: helpScroll = min(helpScroll + 1, HelpLayout(width: width, height: height, bindings: bindings).maxScroll)
        case .scrollHelpUp: helpScroll = max(0, helpScroll - 1)
        case .redraw: wantsRedraw = true
        case .quit: shouldQuit = true
        case .copy: copySelection()
        case .cursorLeft, .cursorRight, .cursorToStart, .cursorToEnd, .deleteBackward, .deleteForward, .deleteToStart,
             .submitLine, .cancelLine, .previousSuggestion, .nextSuggestion, .takeSuggestion:
            break  // bound only while a line is being typed, where `edit` handles them
        case .closePager, .nextMatch, .previousMatch:
            break  // bound only while a source's text is open
        case .zoomIn, .zoomOut:
            break  // bound only while the histogram has the keys
        case .nextFacet, .previousFacet, .toggleFacetOrder:
            break  // bound only in the facet view
        }
    }

    /// The keys of a source's text: they scroll it, copy the citation, or close it back to the detail.
    private mutating func runInPager(_ command: Command) {
        let rows = detailViewport.rows
        switch command {
        case .moveDown: reducePager(.scrolled(by: 1))
        case .moveUp: reducePager(.scrolled(by: -1))
        case .pageDown: reducePager(.scrolled(by: max(1, rows - 1)))
        case .pageUp: reducePager(.scrolled(by: -max(1, rows - 1)))
        case .top: reducePager(.wentToEnd(top: true))
        case .bottom: reducePager(.wentToEnd(top: false))
        case .copy: if let citation = pager?.citation { copy(citation.clipboardText, what: "the citation") }
        case .nextMatch: reducePager(.jumpedToMatch(forward: true))
        case .previousMatch: reducePager(.jumpedToMatch(forward: false))
        case .closePager: pager = nil
        case .quit: shouldQuit = true
        default: break
        }
    }

    /// The keys of the histogram: the cursor moves along it, the zoom changes, Enter filters the Timeline to the
    /// column's years (a step back undoes) and gives it the keys, as Esc does without filtering.
    private mutating func runInHistogram(_ command: Command) {
        switch command {
        case .scrollRight: reduceHistogram(.movedCursor(by: 1))
        case .scrollLeft: reduceHistogram(.movedCursor(by: -1))
        case .zoomIn: reduceHistogram(.zoomed(.year))
        case .zoomOut: reduceHistogram(.zoomed(.decade))
        case .open: filterTimelineToHistogramCursor()
        case .close: isHistogramFocused = false
        case .toggleHistogram:
            isHistogramFocused = false
            reduceHistogram(.toggled(shownBySize: showsHistogramBySize))
        case .help:
            showsHelp = true
            helpScroll = 0
        case .quit: shouldQuit = true
        default: break
        }
    }

    /// The keys of the facet view: they move, change the facet or its order, filter the list by the selected value
    /// (closing the view; a step back undoes), or close it.
    private mutating func runInFacets(_ command: Command) {
        switch command {
        case .moveDown: report(facets?.reduce(.moved(by: 1)))
        case .moveUp: report(facets?.reduce(.moved(by: -1)))
        case .nextFacet: report(facets?.reduce(.cycledFacet(by: 1)))
        case .previousFacet: report(facets?.reduce(.cycledFacet(by: -1)))
        case .toggleFacetOrder: report(facets?.reduce(.toggledOrder))
        case .open: filterBySelectedFacet()
        case .close: facets = nil
        case .quit: shouldQuit = true
        default: break
        }
    }

    /// Enter in the facet view: a kind or a year filters the pane (within the year); a place, country, person or
    /// source keeps what links to it too, so the list holds the count shown; an organization narrows Timeline and
    /// Visits to it. The view closes; a step back undoes.
    private mutating func filterBySelectedFacet() {
        guard let view = facets, let row = view.selectedRow else { return }
        let pane = view.pane
        var filter = self[pane].filter
        var chosenLinks = self[pane].chosenLinks
        switch view.facet {
        case .kind:
            filter.categories = [row.value]
        case .cameo:
            filter.cameoRoots = [row.value]
        case .quad:
            filter.quadClasses = Int(row.value).flatMap(QuadClass.init).map { [$0] } ?? []
        case .year:
            guard let range = try? DateRangeText.parse(row.value) else { return }
            (filter.since, filter.until, filter.dateMatch) = (range.since, range.until, .within)
        case .organization:
            guard let id = row.id else { return }
            facets = nil
            let organization = EntitySummary(id: id, kind: .organization, category: "", name: row.value)
            // Alone, so that the list holds the count the view showed (b takes in its sub-bodies).
            return navigate { $0.setNarrowing(.pinned(organization, includingSubBodies: false)) }
        case .place, .country, .person, .source:
            guard let id = row.id else { return }
            let link = ChosenLink(facet: view.facet, id: id, name: row.value)
            if !chosenLinks.contains(link) {
                filter = link.added(to: filter)
                chosenLinks.append(link)
            }
        }
        facets = nil
        navigate {
            $0[pane].chosenLinks = chosenLinks
            $0.setFilter(filter, of: pane)
        }
    }

    /// `p` on a country's detail: a line for the other country's name.
    private mutating func pairShownCountry() {
        guard isDetailOpen, let shown = detail?.detail?.summary, shown.kind == .place, shown.category == PlaceKind.country.rawValue else {
            return report(StatusMessage(text: "p pairs two countries: open a country's detail first (a place link)", isError: true))
        }
        openLine(for: .pairWith(shown), text: "")
    }

    /// The countries the words after `p` match arrived: the one meant opens the ledger of the pair, as a step back
    /// undoes; otherwise the status line says why none was chosen.
    private mutating func openPair(found result: Result<[EntitySummary], ReadFailure>, request: Int) {
        guard let search = pairSearch, search.request == request else { return }
        pairSearch = nil
        switch result.flatMap(search.choose(among:)) {
        case .success(let other):
            message = nil  // "Looking for …" is answered
            navigate {
                $0.focus = .detail
                $0.detail = DetailState(id: search.country.id, pairedWith: other.id)
            }
        case .failure(let failure) where !failure.wasInterrupted:
            report(StatusMessage(text: failure.message, isError: true))
        case .failure:
            break
        }
    }

    /// 0: the histogram has the keys, shown first if hidden; the detail, if open, closes back to its pane.
    private mutating func focusHistogram() {
        if !showsHistogram { reduceHistogram(.toggled(shownBySize: showsHistogramBySize)) }
        if isDetailOpen { close() }
        focus(.timeline)
        isHistogramFocused = layout.histogram != nil
        if layout.histogram == nil {
            report(StatusMessage(text: "No room for the years above the Timeline: enlarge the window", isError: true))
        }
    }

    /// Enter on the histogram: the Timeline keeps what lies within the cursor's year or decade.
    private mutating func filterTimelineToHistogramCursor() {
        guard let columns = histogram.columns(width: histogramWidth), let cursor = histogram.cursor(in: columns),
              let range = try? DateRangeText.parse(columns.dateText(of: columns.columns[cursor])) else { return }
        var filter = self[.timeline].filter
        (filter.since, filter.until, filter.dateMatch) = (range.since, range.until, .within)
        isHistogramFocused = false
        navigate { $0.setFilter(filter, of: .timeline) }
    }

    private mutating func reduceHistogram(_ action: HistogramAction) {
        report(histogram.reduce(action, width: histogramWidth))
    }

    /// `y` in the detail: the selected citation as an analyst pastes it, or the selected link's id.
    private mutating func copySelection() {
        switch detail?.selectedTarget(in: detailViewport) {
        case .citation(let citation): copy(citation.clipboardText, what: "the citation")
        case .entity(let id): copy(id, what: "the id")
        case nil: report(StatusMessage(text: "y copies the selected citation or link: select one with j/k", isError: true))
        }
    }

    /// Puts `text` on the clipboard (the terminal's, by OSC 52) and shows it on the status line, where it can be read
    /// (and copied by hand) when the terminal does not take OSC 52.
    private mutating func copy(_ text: String, what: String) {
        outbox.append(.copyToClipboard(text))
        report(StatusMessage(text: "Copied \(what) (OSC 52): \(text)", isError: false))
    }

    mutating func reducePager(_ action: PagerAction) {
        let viewport = detailViewport
        report(pager?.reduce(action, in: viewport))
    }

    /// Shows `message` on the status line, when there is one.
    mutating func report(_ message: StatusMessage?) {
        if let message { self.message = message }
    }

    // MARK: Panes and detail

    /// The pane with the keys, or the one the detail was opened from.
    var currentPane: Pane {
        if case .pane(let pane) = focus { return pane }
        return paneFocus
    }

    private var pageSize: Int {
        isDetailOpen ? layout.detailRows : layout.visibleRows(currentPane)
    }

    mutating func focus(_ pane: Pane) {
        focus = .pane(pane)
        paneFocus = pane
    }

    mutating func reduce(_ pane: Pane, _ action: PaneAction) {
        report(self[pane].reduce(action, rows: layout.visibleRows(pane)))
    }

    mutating func reduceDetail(_ action: DetailAction) {
        let viewport = detailViewport
        report(detail?.reduce(action, in: viewport))
    }

    /// j/k step through the detail's links and lines; longer moves scroll it; in a pane they move the selection.
    private mutating func move(by delta: Int) {
        if isDetailOpen {
            reduceDetail(abs(delta) == 1 ? .stepped(by: delta) : .scrolled(by: delta))
        } else {
            reduce(currentPane, .moved(by: delta))
        }
    }

    private mutating func moveToEnd(top: Bool) {
        if isDetailOpen {
            reduceDetail(.wentToEnd(top: top))
        } else {
            reduce(currentPane, .movedTo(row: top ? 0 : Int.max))
        }
    }

    /// Enter: the detail of the selected row, or of the selected link when it is on screen.
    mutating func open() {
        let target = isDetailOpen ? detail?.selectedTarget(in: detailViewport) : self[currentPane].selectedRow.map { .entity($0.id) }
        switch target {
        case .entity(let id): openDetail(of: id)
        case .citation(let citation):
            let words = SearchQuery(self[currentPane].filter.text).required.flatMap { $0.flatMap { $0 } }
            pager = PagerState(citation: citation, searchWords: words)
        case nil: break
        }
    }

    /// Opens the detail of `id` at its top, as a step that back undoes.
    mutating func openDetail(of id: String) {
        navigate {
            $0.focus = .detail
            $0.detail = ($0.detail?.id == id ? $0.detail! : DetailState(id: id)).atTop
        }
    }

    /// Esc: closes the detail, or drops one filter of the pane (words, then dates, then kind, then marks only, then
    /// the links chosen in the facet view, last first, then the narrowing), each a step back undoes.
    private mutating func close() {
        if isDetailOpen {
            return navigate {
                $0.focus = .pane($0.paneFocus)
                if $0.layout.mode != .wide { $0.detail = nil }
            }
        }
        var filter = self[currentPane].filter
        if !filter.text.isEmpty {
            filter.text = ""
        } else if filter.since != nil || filter.until != nil {
            (filter.since, filter.until, filter.dateMatch) = (nil, nil, .within)
        } else if !filter.categories.isEmpty {
            filter.categories = []
        } else if !filter.cameoRoots.isEmpty || !filter.quadClasses.isEmpty {
            (filter.cameoRoots, filter.quadClasses) = ([], [])
        } else if self[currentPane].marksOnly {
            return toggleMarksOnly()
        } else if let link = self[currentPane].chosenLinks.last {
            let pane = currentPane
            return navigate {
                $0[pane].chosenLinks.removeLast()
                $0.setFilter(link.removed(from: filter), of: pane)
            }
        } else if narrowing != .off {
            return navigate { $0.setNarrowing(.off) }
        } else {
            return
        }
        let pane = currentPane
        navigate { $0.setFilter(filter, of: pane) }
    }

    /// Records the current view for back, then changes it.
    mutating func navigate(_ change: (inout BrowserState) -> Void) {
        let before = navigationEntry
        change(&self)
        history.record(from: before, to: navigationEntry)
    }

    // MARK: Filters and narrowing

    /// Sets a pane's filter, with the conditions the working set gives it: only the marked records when the pane
    /// shows marks only, and the records whose notes hold the words.
    mutating func setFilter(_ filter: EntityFilter, of pane: Pane) {
        reduce(pane, .filterChanged(workingSet.conditions(on: filter, marksOnly: self[pane].marksOnly)))
    }

    /// `n`: narrows Timeline and Visits to the organization selected in Organizations, or whose detail is open.
    private mutating func narrowToSelectedOrganization() {
        if isDetailOpen, let shown = detail?.detail?.summary, shown.kind == .organization {
            navigate { $0.setNarrowing(.pinned(shown)) }
        } else if !isDetailOpen, currentPane == .organizations, let organization = self[.organizations].selectedRow {
            navigate { $0.setNarrowing(.pinned(organization)) }
        } else {
            report(StatusMessage(text: "n narrows to an organization: select one in Organizations or open its detail", isError: true))
        }
    }

    /// `b`: the narrowing counts links to the organization's sub-bodies, or not; a step back undoes.
    private mutating func toggleSubBodies() {
        guard case .pinned(let organization, let including) = narrowing else {
            return report(StatusMessage(text: "b takes sub-bodies in or out of a narrowing: narrow with n first", isError: true))
        }
        navigate { $0.setNarrowing(.pinned(organization, includingSubBodies: !including)) }
    }

    private mutating func setNarrowing(_ narrowing: Narrowing) {
        guard narrowing != self.narrowing else { return }
        self.narrowing = narrowing
        for pane in Narrowing.narrowedPanes {
            setFilter(narrowing.applied(to: self[pane].filter), of: pane)
        }
    }

    /// `D`: a date filter keeps what lies wholly within its range, or what may fall in it; a step back undoes.
    private mutating func toggleDateMatch() {
        let pane = currentPane
        var filter = self[pane].filter
        guard filter.since != nil || filter.until != nil else {
            return report(StatusMessage(text: "D switches a date filter between within and overlapping: set one with d", isError: true))
        }
        filter.dateMatch = filter.dateMatch.toggled
        navigate { $0.setFilter(filter, of: pane) }
    }

    /// `s`: the pane's next order (date both ways, title, kind; name, linked events), from the top; a step back undoes.
    private mutating func cycleOrder() {
        let pane = currentPane
        var filter = self[pane].filter
        let orders = pane.orders(coded: codedKinds.contains(pane.kind))
        filter.order = orders[((orders.firstIndex(of: filter.order) ?? -1) + 1) % orders.count]
        navigate { $0.setFilter(filter, of: pane) }
    }

    private mutating func cycleCategory(by step: Int) {
        let pane = currentPane
        let present = self[pane].presentCategories
        let categories = pane.categories.filter { present?.contains($0) ?? true }
        guard !categories.isEmpty else {
            return report(StatusMessage(text: "\(pane.title) have no kinds to filter by", isError: true))
        }
        var filter = self[pane].filter
        // Position -1 is "every kind".
        let position = filter.categories.first.flatMap { categories.firstIndex(of: $0) } ?? -1
        let next = (position + 1 + step + categories.count + 1) % (categories.count + 1) - 1
        filter.categories = next < 0 ? [] : [categories[next]]
        navigate { $0.setFilter(filter, of: pane) }
    }

    // MARK: The line being typed

    /// A new id for a read whose answer must match it (the reads `reconcile` asks for take theirs in a batch).
    mutating func takeRequestID() -> Int {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    mutating func openLine(for purpose: InputPurpose, text: String) {
        input = InputState(purpose: purpose, text: text, before: navigationEntry)
    }

    /// Gives a key to the line being typed and applies what it did: words as typed, a date range on Enter.
    private mutating func edit(with key: Key) {
        guard var line = input else { return }
        let outcome = line.edit(with: key, bindings: bindings)
        input = line
        switch outcome {
        case .edited(let textChanged):
            if textChanged { for pane in line.purpose.filteredPanes { applyWords(line.text, to: pane) } }
            if textChanged, line.purpose == .palette { paletteTextChanged(line.text) }
            let query = SearchQuery(line.text)
            if !line.purpose.filteredPanes.isEmpty, !query.isEmpty, !query.hasSearchableTerm {
                input?.notice = "nothing searchable: no letter or digit"
            }
        case .cancelled:
            // The words go back to what they were when the line opened.
            for pane in line.purpose.filteredPanes { applyWords(line.before.panes[pane.rawValue].filter.text, to: pane) }
            input = nil
            palette = nil
        case .suggestion(let step):
            moveSuggestion(by: step)
        case .tookSuggestion:
            takeSuggestion()
        case .submitted:
            submit(line)
        case .quit:
            shouldQuit = true
        }
    }

    private mutating func applyWords(_ text: String, to pane: Pane) {
        var filter = self[pane].filter
        filter.text = text
        setFilter(filter, of: pane)
    }

    /// Enter: applies the line; the view when it opened becomes the step back undoes. A date range that cannot be read
    /// leaves the line open with the reason beside it.
    private mutating func submit(_ line: InputState) {
        if case .writeList(let pane) = line.purpose {
            let path = line.trimmedText
            guard !path.isEmpty else {
                input?.notice = "type a file name: .csv, .json or .ndjson"
                return
            }
            outbox.append(.writeList(filter: self[pane].filter, path: path))
            input = nil
            return report(StatusMessage(text: "Writing \(pane.title) to \(path)…", isError: false))
        }
        if line.purpose == .palette { return runPalette(line.text) }
        if case .note(let record) = line.purpose {
            input = nil
            return saveNote(line.text, on: record)
        }
        if case .pairWith(let country) = line.purpose {
            let words = line.trimmedText
            guard SearchQuery(words).hasSearchableTerm else {
                input?.notice = "type a country's name: tajik, South Korea"
                return
            }
            let request = takeRequestID()
            pairSearch = PairSearch(country: country, words: words, request: request)
            outbox.append(.findCountries(request: request, filter: PairSearch.countries(matching: words)))
            input = nil
            return report(StatusMessage(text: "Looking for “\(words)”…", isError: false))
        }
        if case .dateRange(let pane) = line.purpose {
            let range: (since: EDTFDate?, until: EDTFDate?)
            do {
                range = try DateRangeText.parse(line.text)
            } catch {
                input?.notice = error.reason
                return
            }
            var filter = self[pane].filter
            (filter.since, filter.until) = (range.since, range.until)
            setFilter(filter, of: pane)
        }
        input = nil
        history.record(from: line.before, to: navigationEntry)
    }

    // MARK: Reads

    /// Asks for what the screen needs and does not have: each pane's visible window, and the detail shown.
    private mutating func reconcile() -> [Effect] {
        var effects: [Effect] = []
        if let id = detail?.id {
            let columns = detailViewport.columns
            detail?.annotate(mark: workingSet.marks[id], note: workingSet.notes[id], columns: columns)
        }
        var nextID = nextRequestID
        let takeID = { () -> Int in
            defer { nextID += 1 }
            return nextID
        }
        for pane in Pane.allCases {
            if let request = self[pane].reconcile(rows: layout.visibleRows(pane), nextID: takeID) {
                effects.append(.loadPage(pane, request: request.id, filter: request.filter, offset: request.offset, limit: request.limit,
                                         after: request.after))
            }
            if let request = self[pane].countRequest() {
                effects.append(.countRows(pane, request: request, filter: self[pane].filter))
            }
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
        if let current = detail, !current.isLoaded, !current.isMissing, current.pending == nil {
            let request = takeID()
            detail?.pending = request
            effects.append(current.pairedWith.map { .loadPairLedger(request: request, first: current.id, second: $0) }
                           ?? .loadDetail(request: request, id: current.id))
        }
        if let view = facets, view.rows == nil, view.pending == nil {
            let request = takeID()
            facets?.pending = request
            effects.append(.loadFacets(request: request, filter: self[view.pane].filter, facet: view.facet))
        }
        if showsHistogram, let request = histogram.reconcile(filter: self[.timeline].filter, nextID: takeID) {
            effects.append(.loadDateSpread(request: request.id, filter: request.filter))
        }
        if let current = pager, current.text == nil, !current.isMissing, current.pending == nil {
            let request = takeID()
            pager?.pending = request
            effects.append(.loadSourceText(request: request, id: current.citation.sourceID))
        }
        effects += outbox
        outbox = []
        nextRequestID = nextID
        return effects
    }
}

extension EntityFilter {
    /// True when words, dates, kinds, coded facts, a country or marks only are set (links to an organization, place,
    /// person or source aside).
    public var hasOwnConditions: Bool {
        !text.isEmpty || since != nil || until != nil || !categories.isEmpty || !countries.isEmpty || onlyIDs != nil
            || !cameoRoots.isEmpty || !quadClasses.isEmpty
    }
}
