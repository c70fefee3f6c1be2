import ChanceryModel
import ChanceryTestSupport
import CustomDump
@testable import ChanceryViewModel
import Testing

/// The panes feature alone: its state, its actions and the reads it asks for, asserted whole.
@Suite struct PanesFeature {
    private let queries = Fixture.queries

    /// A Timeline pane of `rows` rows with its first window read and answered.
    private func loadedTimeline(rows: Int) throws -> PaneState {
        var pane = PaneState(kind: .event)
        let asked = pane.reconcile(rows: rows, nextID: { 1 })
        let request = try #require(asked)
        _ = pane.reduce(.pageLoaded(request: 1, .success(try queries.page(request.filter, offset: request.offset, limit: request.limit))), rows: rows)
        return pane
    }

    @Test func aPaneAsksForThreeScreensAroundWhatItShowsAndTakesOnlyItsOwnAnswer() throws {
        var pane = PaneState(kind: .event)
        let asked = pane.reconcile(rows: 2, nextID: { 7 })
        let request = try #require(asked)
        expectNoDifference(request, PageRequest(id: 7, filter: EntityFilter(kind: .event), offset: 0, limit: 6))
        #expect(pane.reconcile(rows: 2, nextID: { 8 }) == nil, "a window asked for is not asked again")

        let page = try queries.page(request.filter, offset: 0, limit: 6)
        var stale = pane
        _ = stale.reduce(.pageLoaded(request: 6, .success(page)), rows: 2)
        expectNoDifference(stale, pane, "an answer to another request changes nothing")

        _ = pane.reduce(.pageLoaded(request: 7, .success(page)), rows: 2)
        var expected = PaneState(kind: .event)
        expected.loaded = page
        expected.loadedFilter = EntityFilter(kind: .event)
        expected.unfilteredTotal = 4
        expectNoDifference(pane, expected)
        #expect(pane.total == 4)
    }

    @Test func movingClampsToTheListAndScrollsToKeepTheSelectionVisible() throws {
        var pane = try loadedTimeline(rows: 2)
        var expected = pane
        _ = pane.reduce(.moved(by: 3), rows: 2)
        expected.selected = 3
        expected.scroll = 2
        expectNoDifference(pane, expected)
        _ = pane.reduce(.moved(by: 10), rows: 2)
        expectNoDifference(pane, expected, "the last row is as far as it goes")
        _ = pane.reduce(.movedTo(row: -5), rows: 2)
        expected.selected = 0
        expected.scroll = 0
        expectNoDifference(pane, expected)
    }

    @Test func aNewFilterGoesBackToTheTopAndAsksForItsRows() throws {
        var pane = try loadedTimeline(rows: 2)
        _ = pane.reduce(.moved(by: 2), rows: 2)
        let filter = EntityFilter(kind: .event, linkedTo: ["org-iap"])
        _ = pane.reduce(.filterChanged(filter), rows: 2)
        #expect(pane.selected == 0 && pane.scroll == 0 && pane.filter == filter)
        #expect(pane.total == nil, "the rows of the old filter are not this filter's")
        let asked = pane.reconcile(rows: 2, nextID: { 2 })
        let request = try #require(asked)
        #expect(request.filter == filter)
    }

    @Test func aFailedReadIsReportedAndAnInterruptedOneIsNot() throws {
        var pane = PaneState(kind: .event)
        _ = pane.reconcile(rows: 2, nextID: { 1 })
        var interrupted = pane
        #expect(interrupted.reduce(.pageLoaded(request: 1, .failure(ReadFailure(message: "superseded", wasInterrupted: true))), rows: 2) == nil)
        #expect(interrupted.pending == nil, "asked again at the next reconcile")
        let message = pane.reduce(.pageLoaded(request: 1, .failure(ReadFailure(message: "disk I/O error"))), rows: 2)
        expectNoDifference(message, StatusMessage(text: "disk I/O error", isError: true))
    }
}

/// The narrowing feature: an explicit state, applied to the filters of Timeline and Visits only.
@Suite struct NarrowingFeature {
    @Test func pinningSetsTheLinkConditionAndOffTakesItAway() {
        let filter = EntityFilter(kind: .event, text: "baku", linkedTo: ["org-unicef"])
        expectNoDifference(Narrowing.pinned(Fixture.iap).applied(to: filter),
                           EntityFilter(kind: .event, text: "baku", linkedTo: ["org-iap"]))
        expectNoDifference(Narrowing.off.applied(to: filter), EntityFilter(kind: .event, text: "baku"))
        #expect(Narrowing.pinned(Fixture.iap).organization == Fixture.iap)
        #expect(Narrowing.off.organization == nil)
        #expect(Narrowing.narrowedPanes == [.timeline, .visits])
    }
}

/// The history feature: steps recorded, undone and redone.
@Suite struct HistoryFeature {
    private func entry(_ focus: Focus) -> NavigationEntry {
        NavigationEntry(panes: [], focus: focus, paneFocus: .timeline, narrowing: .off, detail: nil)
    }

    @Test func aStepIsRecordedOnlyWhenSomethingChangedAndANewStepForgetsForward() {
        var history = History()
        history.record(from: entry(.detail), to: entry(.detail))
        expectNoDifference(history, History())
        history.record(from: entry(.pane(.timeline)), to: entry(.detail))
        expectNoDifference(history.goBack(from: entry(.detail)), entry(.pane(.timeline)))
        expectNoDifference(history, History(back: [], forward: [entry(.detail)]))
        expectNoDifference(history.goForward(from: entry(.pane(.timeline))), entry(.detail))
        expectNoDifference(history, History(back: [entry(.pane(.timeline))], forward: []))
        _ = history.goBack(from: entry(.detail))
        history.record(from: entry(.pane(.timeline)), to: entry(.pane(.visits)))
        expectNoDifference(history, History(back: [entry(.pane(.timeline))], forward: []))
        #expect(history.goForward(from: entry(.pane(.visits))) == nil)
    }
}
