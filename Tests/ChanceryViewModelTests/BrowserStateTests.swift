import Foundation
import ChanceryModel
import ChanceryTestSupport
import ChanceryViewModel
import TerminalUI
import Testing

/// A session over the bundled data, driven by key scripts.
private func session(width: Int = 120, height: Int = 40, keys: String = "") throws -> BrowserSession {
    var session = BrowserSession(width: width, height: height, queries: TestStore.bundled)
    try session.press(keys)
    return session
}

extension BrowserSession {
    mutating func press(_ keys: String) throws {
        play(try KeyScript.parse(keys))
    }
}

private let dataset = TestStore.dataset

@Suite struct StartingAndMoving {
    @Test func panesLoadTheirTotalsAndFirstRows() throws {
        let state = try session().state
        #expect(state[.timeline].total == dataset.events.count)
        #expect(state[.organizations].total == dataset.organizations.count)
        #expect(state[.visits].total == dataset.visits.count)
        #expect(state[.timeline].selectedRow != nil)
        #expect(state.focus == .pane(.timeline))
        // The wide layout previews the selection.
        #expect(state.detail?.id == state[.timeline].selectedRow?.id)
        #expect(state.detail?.detail != nil)
    }

    @Test func movingKeepsTheSelectionVisibleAndInRange() throws {
        var browser = try session(width: 80, height: 24)
        let rows = browser.state.layout.visibleRows(.timeline)
        try browser.press("jjj")
        #expect(browser.state[.timeline].selected == 3)
        try browser.press("<PgDn>")
        #expect(browser.state[.timeline].selected == 3 + rows)
        #expect(browser.state[.timeline].scroll <= 3 + rows && 3 + rows < browser.state[.timeline].scroll + rows)
        try browser.press("G")
        #expect(browser.state[.timeline].selected == dataset.events.count - 1)
        #expect(browser.state[.timeline].selectedRow != nil)
        try browser.press("j")
        #expect(browser.state[.timeline].selected == dataset.events.count - 1)
        try browser.press("g")
        #expect(browser.state[.timeline].selected == 0)
        #expect(browser.state[.timeline].scroll == 0)
        try browser.press("k<C-d>")
        #expect(browser.state[.timeline].selected == rows / 2)
    }

    @Test func resizeKeepsTheSelection() throws {
        var browser = try session(keys: "jjjjjjjjjjjjjjjjjjjj")
        try browser.press("<Resize 80x24>")
        let state = browser.state
        #expect(state.layout.mode == .compact)
        #expect(state[.timeline].selected == 20)
        let rows = state.layout.visibleRows(.timeline)
        #expect((state[.timeline].scroll..<state[.timeline].scroll + rows).contains(20))
        try browser.press("<Resize 50x10>")
        #expect(browser.state.layout.mode == .tooSmall)
        #expect(browser.state[.timeline].selected == 20)
    }

    @Test func tabAndDigitsMoveFocus() throws {
        var browser = try session(keys: "<Tab>")
        #expect(browser.state.focus == .pane(.organizations))
        try browser.press("<S-Tab><S-Tab>")
        #expect(browser.state.focus == .pane(.sources))
        try browser.press("<S-Tab>")
        #expect(browser.state.focus == .pane(.visits))
        try browser.press("1")
        #expect(browser.state.focus == .pane(.timeline))
    }
}

@Suite struct CrossLinking {
    /// Events linking to `id`, counted from the JSON files.
    private func eventCount(linkedTo id: String) -> Int {
        dataset.events.filter { $0.links.contains { $0.to == id } }.count
    }

    @Test func nNarrowsTimelineAndVisitsToTheSelectedOrganization() throws {
        var browser = try session(keys: "2/status women<Enter>jkn")
        let state = browser.state
        #expect(state.narrowing.organization?.id == "org-un-csw")
        #expect(state[.timeline].filter.linkedTo == ["org-un-csw"])
        #expect(state[.timeline].total == eventCount(linkedTo: "org-un-csw"))
        #expect(state[.visits].filter.linkedTo == ["org-un-csw"])
        try browser.press("x")
        #expect(browser.state.narrowing == .off)
        #expect(browser.state[.timeline].total == dataset.events.count)
        try browser.press("<Enter>n")
        #expect(browser.state.narrowing.organization?.id == "org-un-csw", "n in an organization's detail narrows to it")
    }

    /// Passing through Organizations used to narrow everything: Tab Tab Tab left Visits empty under "◆ Al-Qaeda".
    @Test func movingThroughOrganizationsNarrowsNothing() throws {
        let browser = try session(keys: "<Tab><Tab><Tab>2jjj/ifrc<Enter>3")
        #expect(browser.state.narrowing == .off)
        #expect(browser.state[.visits].total == dataset.visits.count)
        #expect(browser.state[.timeline].total == dataset.events.count)
        var timeline = try session(keys: "1n")
        #expect(timeline.state.narrowing == .off)
        #expect(timeline.state.message?.text.contains("select one in Organizations") == true, "n elsewhere says what it needs")
        try timeline.press("j")
        #expect(timeline.state.message == nil)
    }

    @Test func enterOpensAndFollowsLinksAndHistoryGoesBothWays() throws {
        var browser = try session(keys: "jjjjj")
        let opened = try #require(browser.state[.timeline].selectedRow?.id)
        try browser.press("<Enter>")
        #expect(browser.state.isDetailOpen)
        #expect(browser.state.detail?.id == opened)
        let links = try #require(browser.state.detail?.detail?.links)
        try #require(!links.isEmpty)
        try browser.press("<Enter>")
        let followed = browser.state.detail?.id
        #expect(followed != opened)
        #expect(links.contains { $0.entity.id == followed })
        #expect(browser.state.detail?.detail?.links.contains { $0.entity.id == opened } == true, "the link back exists")
        try browser.press("[")
        #expect(browser.state.detail?.id == opened)
        try browser.press("]")
        #expect(browser.state.detail?.id == followed)
        try browser.press("<BS><Esc>")
        #expect(!browser.state.isDetailOpen)
        #expect(browser.state[.timeline].selected == 5)
    }

    @Test func backRestoresSelectionScrollAndFilter() throws {
        var browser = try session(width: 80, height: 24, keys: "/azerbaijan<Enter>jjjjjjjjjjjj")
        let before = browser.state[.timeline]
        try browser.press("<Enter><Enter>")
        #expect(browser.state.isDetailOpen)
        try browser.press("[[")
        let after = browser.state[.timeline]
        #expect(!browser.state.isDetailOpen)
        #expect(after.selected == before.selected && after.scroll == before.scroll && after.filter == before.filter)
        #expect(browser.state.forwardDepth == 2)
    }

    @Test func everyVisitOpensWithItsMeetings() throws {
        var browser = try session(keys: "3")
        for index in 0..<dataset.visits.count {
            try browser.press("<Enter>")
            let detail = try #require(browser.state.detail?.detail)
            let visit = try #require(dataset.visits.first { $0.id == detail.summary.id })
            #expect(detail.meetings.map(\.summary.id) == visit.meetings.map(\.id))
            try browser.press("<Esc>j")
            #expect(browser.state[.visits].selected == min(index + 1, dataset.visits.count - 1))
        }
    }
}

@Suite struct Filtering {
    @Test func wordsFilterIncrementallyIgnoringCaseAndDiacritics() throws {
        var browser = try session(keys: "/TAJİK")
        let state = browser.state
        #expect(state.input != nil)
        let total = try #require(state[.timeline].total)
        #expect(total > 0 && total < dataset.events.count)
        try browser.press("istan dushanbe")
        #expect((browser.state[.timeline].total ?? 0) <= total)
        try browser.press("<Esc>")
        #expect(browser.state.input == nil)
        #expect(browser.state[.timeline].filter.text.isEmpty)
        #expect(browser.state[.timeline].total == dataset.events.count)
    }

    @Test func aFilterWithNoMatchesIsEmptyNotBroken() throws {
        let state = try session(keys: "/zzzzqqq<Enter>").state
        #expect(state[.timeline].total == 0)
        #expect(state.input == nil)
        #expect(state.detail == nil)
    }

    @Test func dateRangeKeepsWhatLiesWithinOrWithDOverlapsAndRejectsNonsense() throws {
        var browser = try session(keys: "d1993<Enter>")
        let filter = browser.state[.timeline].filter
        #expect(filter.since == EDTFDate("1993") && filter.until == EDTFDate("1993") && filter.dateMatch == .within)
        let within = dataset.events.filter { event in
            guard let date = event.date else { return false }
            return date.firstDayKey >= 1993_01_01 && date.endKey <= 1993_12_31
        }.count
        let overlapping = dataset.events.filter { event in
            guard let date = event.date else { return false }
            return date.firstDayKey <= 1993_12_31 && date.endKey >= 1993_01_01
        }.count
        #expect(within < overlapping)
        #expect(browser.state[.timeline].total == within)
        #expect(browser.state[.timeline].otherDateMatchTotal == overlapping, "the chip offers the other count")
        try browser.press("D")
        #expect(browser.state[.timeline].filter.dateMatch == .overlapping && browser.state[.timeline].total == overlapping)
        #expect(browser.state[.timeline].otherDateMatchTotal == within)
        try browser.press("[")
        #expect(browser.state[.timeline].filter.dateMatch == .within, "back undoes the switch")
        try browser.press("D<Esc>")
        #expect(browser.state[.timeline].filter == EntityFilter(kind: .event), "Esc drops the dates and their meaning")
        try browser.press("D")
        #expect(browser.state.message?.text.contains("set one with d") == true)
        try browser.press("d<C-u>19x3<Enter>")
        #expect(browser.state.input?.notice?.contains("not a date") == true, "the reason is shown beside the line")
        #expect(browser.state.input != nil)
        try browser.press("<C-u>2000/..<Enter>")
        #expect(browser.state[.timeline].filter.since == EDTFDate("2000") && browser.state[.timeline].filter.until == nil)
        try browser.press("<Esc>")
        #expect(!browser.state[.timeline].filter.hasOwnConditions)
    }

    @Test func kindFilterCyclesThroughKindsAndBack() throws {
        var browser = try session(keys: "t")
        #expect(browser.state[.timeline].filter.categories == [EventKind.allCases[0].rawValue])
        #expect(browser.state[.timeline].total == dataset.events.filter { $0.kind == EventKind.allCases[0] }.count)
        try browser.press("T")
        #expect(browser.state[.timeline].filter.categories.isEmpty)
        try browser.press("T")
        // Backwards from "every kind": the last kind the data has (the machine-coded kinds it lacks are not offered).
        let lastPresent = EventKind.allCases.last { kind in dataset.events.contains { $0.kind == kind } }
        #expect(browser.state[.timeline].filter.categories == [lastPresent!.rawValue])
    }
}

@Suite struct KeysAndEffects {
    @Test func helpSwallowsKeysUntilClosedAndQQuits() throws {
        var browser = try session(keys: "?j")
        #expect(browser.state.showsHelp)
        #expect(browser.state[.timeline].selected == 0)
        try browser.press("<Esc>q")
        #expect(!browser.state.showsHelp)
        #expect(browser.state.shouldQuit)
    }

    @Test func typingQInAFilterTypesIt() throws {
        let state = try session(keys: "/q").state
        #expect(!state.shouldQuit)
        #expect(state[.timeline].filter.text == "q")
    }

    @Test func staleAnswersAreIgnored() throws {
        var state = BrowserState(width: 100, height: 30)
        let effects = state.send(.started)
        #expect(effects.count == 9)
        #expect(effects.suffix(5) == [.loadCategories(.timeline), .loadCategories(.organizations), .loadCategories(.sources),
                                      .loadCodedKinds, .readWorkingSet],
                "the kinds the store holds, whether any is machine-coded, and the analyst's marks and notes")
        guard case .loadPage(let pane, let request, _, _, _, _) = effects[0] else { Issue.record("expected a page read"); return }
        let page = EntityPage(rows: [EntitySummary(id: "event-x", kind: .event, category: "other", name: "X")], offset: 0, total: 1, unfilteredTotal: 1)
        _ = state.send(.pageLoaded(pane, request: request + 100, .success(page)))
        #expect(state[pane].total == nil)
        _ = state.send(.pageLoaded(pane, request: request, .success(page)))
        #expect(state[pane].total == 1)
    }

    @Test func rowsThatComeWithoutTheirCountAreShownAndTheCountIsAskedAfter() throws {
        var state = BrowserState(width: 100, height: 30)
        let effects = state.send(.started)
        guard case .loadPage(let pane, let request, let filter, _, let limit, _) = effects[0] else { Issue.record("expected a page read"); return }
        let rows = (0..<limit).map { EntitySummary(id: "event-\($0)", kind: .event, category: "other", name: "Event \($0)") }
        let uncounted = EntityPage(rows: rows, offset: 0, total: limit, isCounted: false, unfilteredTotal: 1_000)
        let asked = state.send(.pageLoaded(pane, request: request, .success(uncounted)))
        #expect(asked.contains(.countRows(pane, request: request, filter: filter)), "the count is asked once the rows are in")
        #expect(state[pane].total == nil && state[pane].knownRows == limit && state[pane].selectedRow?.id == "event-0")
        #expect(!state.send(.keyPressed(.character("j"))).contains { if case .countRows = $0 { true } else { false } },
                "asked once")
        #expect(state[pane].selected == 1, "the rows move before the count comes")
        // G before the count: the last row known, then the end once counted.
        _ = state.send(.keyPressed(.character("G")))
        #expect(state[pane].selected == limit - 1)
        _ = state.send(.rowsCounted(pane, request: request + 100, .success(500)))
        #expect(state[pane].total == nil, "a stale count is ignored")
        _ = state.send(.rowsCounted(pane, request: request, .success(500)))
        #expect(state[pane].total == 500 && state[pane].selected == 499)
    }

    /// Tab pressed twice before the first facet's counts arrive: those counts are dropped, not shown under the facet
    /// the view has moved on to, and that facet's counts are asked for.
    @Test func aFacetsCountsArrivingAfterTheViewMovedOnAreDropped() throws {
        var state = BrowserState(width: 120, height: 40)
        _ = state.send(.started)
        func facetRead(_ effects: [Effect]) -> (request: Int, facet: Facet)? {
            effects.lazy.compactMap { if case .loadFacets(let request, _, let facet) = $0 { (request, facet) } else { nil } }.first
        }
        let first = try #require(facetRead(state.send(.keyPressed(.character("f")))))
        let second = try #require(facetRead(state.send(.keyPressed(.tab))))
        let third = try #require(facetRead(state.send(.keyPressed(.tab))), "asked although the second read has not answered")
        #expect(Set([first.facet, second.facet, third.facet]).count == 3 && state.facets?.facet == third.facet)
        let stale = [FacetCount(value: "Stale", id: "org-x", count: 9)]
        _ = state.send(.facetsLoaded(request: second.request, .success(stale)))
        #expect(state.facets?.rows == nil, "the second facet's counts are not the third's")
        let counts = [FacetCount(value: "Azerbaijan", id: "place-azerbaijan", count: 102)]
        _ = state.send(.facetsLoaded(request: third.request, .success(counts)))
        #expect(state.facets?.rows == counts)
    }

    @Test func anInterruptedCountIsAskedAgain() throws {
        var state = BrowserState(width: 100, height: 30)
        guard case .loadPage(let pane, let request, let filter, _, let limit, _) = state.send(.started)[0] else { Issue.record("expected a page read"); return }
        let rows = (0..<limit).map { EntitySummary(id: "event-\($0)", kind: .event, category: "other", name: "Event \($0)") }
        _ = state.send(.pageLoaded(pane, request: request, .success(EntityPage(rows: rows, offset: 0, total: limit, isCounted: false, unfilteredTotal: 1_000))))
        let again = state.send(.rowsCounted(pane, request: request, .failure(ReadFailure(message: "interrupted", wasInterrupted: true))))
        #expect(again.contains(.countRows(pane, request: request, filter: filter)))
    }

    @Test func readmeListsTheKeysOfTheBindingTable() throws {
        let readme = try String(contentsOf: TestStore.dataDirectory.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(KeyBindings.markdown()), "run `chancery keys` and paste its table into README.md")
    }

    @Test func theInputModeDrivesTheLine() throws {
        #expect(KeyBindings.markdown().contains("A line being typed:\n\n| Keys | Action |\n|---|---|\n| `<Left>` | Cursor left |"))
        #expect(KeyBindings.markdown().contains("| `<Home>` `<C-a>` | Cursor to the start |"))
        var browser = try session(keys: "/abc<C-a>x<C-e>y<Left><BS>")
        #expect(browser.state.input?.text == "xaby")
        try browser.press("<Home><Del><C-u>")
        #expect(browser.state.input?.text == "aby")
    }

    /// Keys typed into a line are text or edits, never commands: `q`, `?`, `2`, `[` and unbound keys do not act.
    @Test func keysTypedIntoALineNeverActAsCommands() throws {
        let browser = try session(keys: "/q?2[<Tab><PgDn>x")
        #expect(browser.state.input?.text == "q?2[x")
        #expect(!browser.state.shouldQuit && !browser.state.showsHelp)
        #expect(browser.state.focus == .pane(.timeline) && browser.state[.timeline].selected == 0)
    }

    @Test func bindingTableCoversEveryCommandAndNoKeyTwiceInAMode() {
        #expect(Set(KeyBindings.table.map(\.command)) == Set(Command.allCases))
        for mode in KeyMode.allCases {
            let keys = KeyBindings.table.filter { $0.modes.contains(mode) }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key bound twice in \(mode)")
            #expect(!keys.isEmpty, "\(mode) has no keys")
        }
        #expect(KeyMap.standard.command(for: .character("j"), in: .panes) == .moveDown)
        #expect(KeyMap.standard.command(for: .character("j"), in: .input) == nil, "j is typed into a line")
        #expect(KeyMap.standard.command(for: .control("u"), in: .detail) == .halfPageUp)
        #expect(KeyMap.standard.command(for: .control("u"), in: .input) == .deleteToStart)
        #expect(KeyMap.standard.command(for: .escape, in: .help) == .closeHelp)
        #expect(KeyBindings.markdown().contains("| `<Enter>` | Open item / follow link |"))
    }
}

/// Every line of every detail can be reached: text after the last link (topics, citations) used to be out of reach.
@Suite struct ReachingEveryLineOfADetail {
    /// Every record of the bundled data, meetings included.
    private static let ids: [String] = dataset.sources.map(\.id) + dataset.organizations.map(\.id) + dataset.people.map(\.id)
        + dataset.places.map(\.id) + dataset.documents.map(\.id) + dataset.events.map(\.id) + dataset.visits.map(\.id)
        + dataset.visits.flatMap { $0.meetings.map(\.id) }

    /// Whether the last line of the open detail is on screen.
    private func showsTheLastLine(_ state: BrowserState) throws -> Bool {
        let current = try #require(state.detail)
        let loaded = try #require(current.detail, "\(current.id) loaded")
        let lines = DetailDocument(loaded, width: state.layout.detailColumns).lines.count
        return current.scroll + state.layout.detailRows >= lines
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func gReachesTheLastCitationOfEveryRecord(width: Int, height: Int) throws {
        var browser = BrowserSession(width: width, height: height, queries: TestStore.bundled)
        for id in Self.ids {
            browser.send(.opened(id: id))
            try browser.press("G")
            #expect(try showsTheLastLine(browser.state), "\(id) at \(width)x\(height)")
        }
    }

    @Test func jAloneWalksDownToTheLastLineAndPgUpBackToTheFirst() throws {
        var browser = BrowserSession(width: 80, height: 24, queries: TestStore.bundled)
        for id in Self.ids {
            browser.send(.opened(id: id))
            let loaded = try #require(browser.state.detail?.detail)
            let document = DetailDocument(loaded, width: browser.state.layout.detailColumns)
            let lines = document.lines.count
            // Each press selects the next link on screen or scrolls a line.
            for _ in 0..<(lines + document.linkLines.count) { browser.send(.keyPressed(.down)) }
            #expect(try showsTheLastLine(browser.state), "\(id): j reaches the end")
            for _ in 0..<(lines / max(1, browser.state.layout.detailRows) + 1) { browser.send(.keyPressed(.pageUp)) }
            #expect(browser.state.detail?.scroll == 0, "\(id): PgUp reaches the top")
        }
    }

    /// The laid-out document lives in the state, for the width the detail pane has, so keys and screen agree.
    @Test func theDetailIsLaidOutOnceForThePanesWidth() throws {
        var browser = BrowserSession(width: 120, height: 40, queries: TestStore.bundled)
        browser.send(.opened(id: "visit-2024-05-az-pg-tajikistan"))
        #expect(browser.state.detail?.document?.width == browser.state.layout.detailColumns)
        try browser.press("<Resize 80x24>")
        #expect(browser.state.detail?.document?.width == browser.state.layout.detailColumns)
        #expect(browser.state.detail?.document?.width == 78)
    }

    @Test func theSelectedLinkStaysOnScreenAfterAResize() throws {
        var browser = BrowserSession(width: 120, height: 40, queries: TestStore.bundled)
        browser.send(.opened(id: "visit-2024-05-az-pg-tajikistan"))
        try browser.press("jjjjjjjjjjjj<Resize 80x24>")
        let state = browser.state
        let current = try #require(state.detail)
        let document = DetailDocument(try #require(current.detail), width: state.layout.detailColumns)
        let line = try #require(document.lineOfLink(current.selectedLink))
        #expect(line >= current.scroll && line < current.scroll + state.layout.detailRows)
    }
}

/// Issue 9's filters: Esc cancels what is typed, then takes off one filter at a time, each a step back undoes;
/// the date line says what is wrong and takes the dates as the screens show them.
@Suite struct FiltersAsSteps {
    @Test func escCancelsTheLineBeingTypedAndKeepsTheFilterBefore() throws {
        let browser = try session(keys: "/iap<Enter>/xyz<Esc>")
        #expect(browser.state[.timeline].filter.text == "iap")
        #expect(browser.state.input == nil)
    }

    @Test func escTakesOffOneFilterAtATimeAndBackPutsItBack() throws {
        var browser = try session(keys: "/iap<Enter>d2000/..<Enter>t")
        let all = browser.state[.timeline].filter
        #expect(!all.text.isEmpty && all.since != nil && !all.categories.isEmpty)
        try browser.press("<Esc>")
        #expect(browser.state[.timeline].filter.text.isEmpty && browser.state[.timeline].filter.since != nil)
        try browser.press("<Esc>")
        #expect(browser.state[.timeline].filter.since == nil && !browser.state[.timeline].filter.categories.isEmpty)
        try browser.press("<Esc>")
        #expect(!browser.state[.timeline].filter.hasOwnConditions)
        try browser.press("[[[")
        #expect(browser.state[.timeline].filter == all, "back undoes each Esc")
        try browser.press("[")
        #expect(browser.state[.timeline].filter.categories.isEmpty && browser.state[.timeline].filter.since != nil, "and each filter set")
    }

    @Test(arguments: [("May 2024", "2024-05", "2024-05"), ("25 Jan 1993", "1993-01-25", "1993-01-25"), ("2018–2019", "2018", "2019"),
                      ("2018-2019", "2018", "2019"), ("7–14 Sep 2018", "2018-09-07", "2018-09-14"), ("1992–present", "1992", nil),
                      ("Spring 2001", "2001-21", "2001-21"), ("1990s", "199X", "199X")] as [(String, String, String?)])
    func theDateLineTakesTheFormsTheScreensShow(text: String, since: String, until: String?) throws {
        let browser = try session(keys: "d\(text)<Enter>")
        #expect(browser.state.input == nil, "\(text) was taken")
        #expect(browser.state[.timeline].filter.since == EDTFDate(since))
        #expect(browser.state[.timeline].filter.until == until.flatMap(EDTFDate.init))
    }

    @Test(arguments: [("foo", "not a date"), ("2001-13", "month 13 does not exist"), ("2019–2018", "ends (2018) before it starts")])
    func aBadDateSaysWhyBesideTheLine(text: String, reason: String) throws {
        let browser = try session(keys: "d\(text)<Enter>")
        #expect(browser.state.input?.notice?.contains(reason) == true, "\(String(describing: browser.state.input?.notice))")
    }
}

/// The bundled store, counting the list reads asked of it.
private final class CountingQueries: EntityQueries, @unchecked Sendable {
    private let base: any EntityQueries = TestStore.bundled
    private let lock = NSLock()
    private var pageReads = 0
    var pages: Int { lock.withLock { pageReads } }

    func page(_ filter: EntityFilter, offset: Int, limit: Int) throws -> EntityPage {
        lock.withLock { pageReads += 1 }
        return try base.page(filter, offset: offset, limit: limit)
    }
    func window(_ filter: EntityFilter, offset: Int, limit: Int, after: String?) throws -> EntityPage {
        lock.withLock { pageReads += 1 }
        return try base.window(filter, offset: offset, limit: limit, after: after)
    }
    func count(_ filter: EntityFilter) throws -> Int { try base.count(filter) }
    func detail(id: String) throws -> EntityDetail? { try base.detail(id: id) }
    func dateSpread(_ filter: EntityFilter) throws -> DateSpread { try base.dateSpread(filter) }
    func facets(_ filter: EntityFilter, by facet: Facet) throws -> [FacetCount] { try base.facets(filter, by: facet) }
    func categories(of kind: EntityKind) throws -> [String] { try base.categories(of: kind) }
    func codedKinds() throws -> Set<EntityKind> { try base.codedKinds() }
    func sourceText(id: String) throws -> String? { try base.sourceText(id: id) }
    func pairLedger(_ first: String, _ second: String) throws -> PairLedger? { try base.pairLedger(first, second) }
    func contentFingerprint() throws -> String { try base.contentFingerprint() }
    func interrupt() {}
}

@Suite struct TypingAhead {
    @Test func aWordTypedReadsTheListsOnceNotOnceALetterAndEndsOnTheSameScreen() throws {
        let counting = CountingQueries()
        var played = BrowserSession(width: 120, height: 40, queries: counting)
        let before = counting.pages
        try played.press("/tajikistan")
        let readsForTheWord = counting.pages - before
        // Key by key, each letter's reads run before the next letter.
        var typed = BrowserSession(width: 120, height: 40, queries: TestStore.bundled)
        for key in try KeyScript.parse("/tajikistan") { typed.play([key]) }
        #expect(played.state == typed.state)
        let keyByKey = CountingQueries()
        var slow = BrowserSession(width: 120, height: 40, queries: keyByKey)
        let slowBefore = keyByKey.pages
        for key in try KeyScript.parse("/tajikistan") { slow.play([key]) }
        #expect(readsForTheWord * 5 <= keyByKey.pages - slowBefore, "\(readsForTheWord) reads for the word, \(keyByKey.pages - slowBefore) key by key")
        // A key that acts on what the lists hold (Enter opens the selected row) gets the reads run first.
        try played.press("<Enter><Enter>")
        try typed.press("<Enter><Enter>")
        #expect(played.state.detail?.detail?.summary.id != nil)
        #expect(played.state == typed.state)
    }
}
