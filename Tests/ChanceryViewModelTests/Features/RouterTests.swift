import ChanceryModel
import ChanceryTestSupport
import CustomDump
@testable import ChanceryViewModel
import TerminalUI
import Testing

/// The thin router over the features, over the in-memory fixture: keys go to the current mode's bindings, each
/// change of view or filters is one step back undoes, and narrowing changes only when asked.
@Suite struct BrowserRouter {
    private func browser(width: Int = 80, height: Int = 24, keys: String = "") throws -> BrowserSession {
        var session = BrowserSession(width: width, height: height, queries: Fixture.queries)
        session.play(try KeyScript.parse(keys))
        return session
    }

    @Test func theModeFollowsWhereTheKeysGo() throws {
        #expect(try browser().state.keyMode == .panes)
        #expect(try browser(keys: "<Enter>").state.keyMode == .detail)
        #expect(try browser(keys: "?").state.keyMode == .help)
        #expect(try browser(keys: "/").state.keyMode == .input)
        #expect(try browser(keys: "<Enter>/").state.keyMode == .detail, "/ is not bound in the detail")
    }

    @Test func inTheHelpOnlyItsOwnKeysAct() throws {
        var session = try browser(keys: "?jj<Tab>d")
        #expect(session.state.showsHelp && session.state[.timeline].selected == 0 && session.state.input == nil)
        #expect(session.state.focus == .pane(.timeline))
        session.play(try KeyScript.parse("q"))
        #expect(!session.state.showsHelp && !session.state.shouldQuit, "q closes the help")
    }

    @Test func sCyclesThePanesOrdersFromTheTopAndBackUndoesEach() throws {
        var session = try browser(keys: "j")
        let oldest = session.state[.timeline].loaded!.rows.map(\.id)
        session.play(try KeyScript.parse("s"))
        #expect(session.state[.timeline].filter.order == .newestFirst)
        #expect(session.state[.timeline].selected == 0, "a new order starts from the top")
        #expect(session.state[.timeline].loaded!.rows.map(\.id) == oldest.reversed(), "the fixture has no undated event")
        session.play(try KeyScript.parse("sss"))
        #expect(session.state[.timeline].filter.order == .oldestFirst, "byName, byKind, then round to the standard")
        session.play(try KeyScript.parse("[[["))
        #expect(session.state[.timeline].filter.order == .newestFirst)

        session.play(try KeyScript.parse("2s"))
        #expect(session.state[.organizations].filter.order == .byLinkedEvents)
        let counts = session.state[.organizations].loaded!.rows.map(\.linkedEventCount)
        #expect(counts == counts.sorted(by: >) && counts.first! > counts.last!)
        #expect(session.state[.timeline].filter.order == .newestFirst, "each pane keeps its own order")
    }

    @Test func lAndHScrollTheTitlesSidewaysWithinTheLongestAndANewFilterResetsThem() throws {
        var session = try browser(keys: "hl")
        #expect(session.state[.timeline].sideways == PaneState.sidewaysStep)
        session.play(try KeyScript.parse("<Right><Right><Right><Right>"))
        let longest = session.state[.timeline].loaded!.rows.map { $0.listedText.displayWidth }.max()!
        #expect(session.state[.timeline].sideways == longest - PaneState.sidewaysStep, "no further than the longest title")
        session.play(try KeyScript.parse("<Left>"))
        #expect(session.state[.timeline].sideways == longest - 2 * PaneState.sidewaysStep)
        #expect(session.state[.organizations].sideways == 0, "each pane scrolls on its own")
        session.play(try KeyScript.parse("/baku<Enter>"))
        #expect(session.state[.timeline].sideways == 0)
    }

    @Test func theHelpScrollsWhenItDoesNotFitAndOnlyThen() throws {
        let small = HelpLayout(width: 80, height: 24)
        #expect(small.maxScroll > 0 && small.columnCount == 2)
        var session = try browser(keys: "?" + String(repeating: "j", count: small.maxScroll + 3))
        #expect(session.state.helpScroll == small.maxScroll)
        session.play(try KeyScript.parse("k"))
        #expect(session.state.helpScroll == small.maxScroll - 1)
        session.send(.resized(width: 120, height: 40))
        #expect(HelpLayout(width: 120, height: 40).maxScroll == 0 && session.state.helpScroll == 0)
        #expect(session.state.showsHelp, "j and k scroll the help; they move nothing under it")
        #expect(session.state[.timeline].selected == 0)
    }

    @Test func theFocusedOfOrganizationsAndVisitsTakesThreeFifthsOfTheirRow() {
        for (width, height) in [(80, 24), (120, 40)] {
            let even = ScreenLayout(width: width, height: height)
            let visits = ScreenLayout(width: width, height: height, widening: .visits)
            let organizations = ScreenLayout(width: width, height: height, widening: .organizations)
            #expect(even.panes[1].width - even.panes[2].width <= 1)
            #expect(visits.panes[2].width > even.panes[2].width && visits.panes[1].width < even.panes[1].width)
            #expect(abs(organizations.panes[1].width - visits.panes[2].width) <= 1)
            #expect(visits.panes[1].width + visits.panes[2].width == even.panes[1].width + even.panes[2].width)
            #expect(visits.panes[0] == even.panes[0] && visits.detail == even.detail, "\(width)×\(height)")
        }
    }

    @Test func aNarrowingTakesInSubBodiesUntilBLeavesThemOut() throws {
        // Organizations by name: the Executive Committee, the IAP (its parent), UNICEF.
        var session = try browser(keys: "b")
        #expect(session.state.message?.isError == true, "b with no narrowing says why it does nothing")
        session.play(try KeyScript.parse("2jn"))
        #expect(session.state.narrowing.includesSubBodies)
        expectNoDifference(session.state[.timeline].filter,
                           EntityFilter(kind: .event, linkedTo: [Fixture.iap.id], includesSubBodies: true))
        session.play(try KeyScript.parse("b"))
        #expect(!session.state.narrowing.includesSubBodies && !session.state[.visits].filter.includesSubBodies)
        session.play(try KeyScript.parse("["))
        #expect(session.state.narrowing.includesSubBodies, "back undoes b")
    }

    @Test func passingThroughOrganizationsNarrowsNothingAndNPinsTheSelectedOne() throws {
        var session = try browser(keys: "<Tab><Tab><Tab>")
        #expect(session.state.narrowing == .off)
        #expect(session.state[.visits].total == 2)
        // Organizations list by name: the Executive Committee, then the IAP.
        session.play(try KeyScript.parse("2jn"))
        #expect(session.state.narrowing.organization?.id == Fixture.iap.id)
        #expect(session.state[.timeline].total == 3 && session.state[.visits].total == 1)
        #expect(session.state[.organizations].filter.linkedTo.isEmpty, "Organizations are not narrowed")
        session.play(try KeyScript.parse("["))
        #expect(session.state.narrowing == .off && session.state[.timeline].total == 4, "back undoes the narrowing")
    }

    @Test func escDropsOneFilterAtATimeAndBackRestoresEach() throws {
        var session = try browser(keys: "2jn1/baku<Enter>d2018<Enter>t")
        let full = session.state[.timeline].filter
        expectNoDifference(full, EntityFilter(kind: .event, text: "baku", since: EDTFDate("2018"), until: EDTFDate("2018"),
                                              categories: ["agreementSigned"], linkedTo: ["org-iap"]))
        var filters: [EntityFilter] = [full]
        for _ in 0..<4 {
            session.play(try KeyScript.parse("<Esc>"))
            filters.append(session.state[.timeline].filter)
        }
        expectNoDifference(filters.map(\.text), ["baku", "", "", "", ""])
        expectNoDifference(filters.map { $0.since == nil }, [false, false, true, true, true])
        expectNoDifference(filters.map(\.categories), [["agreementSigned"], ["agreementSigned"], ["agreementSigned"], [], []])
        expectNoDifference(filters.map(\.linkedTo), [["org-iap"], ["org-iap"], ["org-iap"], ["org-iap"], []])
        for expected in filters.reversed().dropFirst() {
            session.play(try KeyScript.parse("["))
            expectNoDifference(session.state[.timeline].filter, expected)
        }
    }

    /// The kind cycle offered kinds no record has, and `t` did nothing in Visits.
    @Test func theKindCycleOffersOnlyTheKindsTheStoreHolds() throws {
        var session = try browser()
        var seen: [[String]] = []
        for _ in 0..<5 {
            session.play(try KeyScript.parse("t"))
            seen.append(session.state[.timeline].filter.categories)
        }
        expectNoDifference(seen, [["agreementSigned"], ["membership"], ["meeting"], ["other"], []])
        session.play(try KeyScript.parse("3t"))
        #expect(session.state.message?.text == "Visits have no kinds to filter by")
    }

    @Test func escInALineCancelsItAndPutsTheWordsBack() throws {
        var session = try browser(keys: "/baku<Enter>/xyz")
        #expect(session.state[.timeline].filter.text == "bakuxyz")
        session.play(try KeyScript.parse("<Esc>"))
        #expect(session.state.input == nil && session.state[.timeline].filter.text == "baku")
        #expect(session.state.backDepth == 1, "only the applied line is a step")
    }

    @Test func aResizeIsAnActionThatReflowsTheDetailAndKeepsItsSelectionOnScreen() throws {
        var session = try browser(width: 120, height: 40, keys: "jj<Enter>j")
        let link = try #require(session.state.detail?.selectedLink)
        session.send(.resized(width: 80, height: 24))
        let state = session.state
        let detail = try #require(state.detail)
        #expect(detail.document?.width == state.layout.detailColumns)
        #expect(detail.selectedLink == link)
        let line = try #require(detail.document?.lineOfLink(link))
        #expect(line >= detail.scroll && line < detail.scroll + state.layout.detailRows)
        #expect(state.wantsRedraw)
    }
}
