import ChanceryModel
import ChanceryTestSupport
import Foundation
@testable import ChanceryViewModel
import TerminalUI
import Testing

/// The command palette and saved views, over the in-memory fixture.
@Suite struct PaletteAndViewsTests {
    private func browser(_ keeper: MemoryWorkingSetKeeper = MemoryWorkingSetKeeper(), keys: String = "") throws -> BrowserSession {
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries, keeper: keeper)
        session.play(try KeyScript.parse(keys))
        return session
    }

    @Test func theWordsRankCommandsAndRecordsAndEnterRunsTheHighlightedOne() throws {
        var session = try browser(keys: ":")
        #expect(session.state.palette?.items.count == PaletteState.limit && session.state.keyMode == .input)
        session.play(try KeyScript.parse("sort"))
        #expect(session.state.palette?.items.first?.label == "Sort by the next order")
        session.play(try KeyScript.parse("<Enter>"))
        #expect(session.state.palette == nil && session.state.input == nil)
        #expect(session.state[.timeline].filter.order == .newestFirst, "it ran as s would")

        session.play(try KeyScript.parse(":dushanbe"))
        #expect(session.state.palette?.items.first == .entity(Fixture.records.first { $0.summary.id == "visit-2024-dushanbe" }!.summary))
        session.play(try KeyScript.parse("<Enter>"))
        #expect(session.state.detail?.id == "visit-2024-dushanbe" && session.state.isDetailOpen, "a record's detail opens")

        session.play(try KeyScript.parse(":mark"))
        #expect(session.state.palette?.items.first?.label == "Mark or unmark it", "a label starting with the words first")
        session.play(try KeyScript.parse("<C-u>mrk"))
        #expect(session.state.palette?.items.contains { $0.label == "Mark or unmark it" } == true, "letters in order match too")
        session.play(try KeyScript.parse("<Down><Up><Up>"))
        #expect(session.state.palette?.selected == (session.state.palette?.items.count ?? 0) - 1, "Up from the top wraps")
        session.play(try KeyScript.parse("<Esc>"))
        #expect(session.state.palette == nil && session.state.input == nil)
    }

    @Test func saveThenViewRestoresFiltersSortNarrowingAndFocusAsOneStep() throws {
        let keeper = MemoryWorkingSetKeeper()
        var session = try browser(keeper, keys: "/baku<Enter>s2n3")
        let saved = session.state
        session.play(try KeyScript.parse(":save baku<Enter>"))
        #expect(try keeper.load().workingSet.views["baku"]?.fields["timeline.text"] == "baku")
        session.play(try KeyScript.parse("x1<Esc>"))
        #expect(session.state[.timeline].filter.text.isEmpty && session.state.narrowing == .off)
        session.play(try KeyScript.parse(":view baku<Enter>"))
        for pane in Pane.allCases { #expect(session.state[pane].filter == saved[pane].filter, "\(pane)") }
        #expect(session.state.narrowing.organization?.id == saved.narrowing.organization?.id && session.state.paneFocus == .visits)
        session.play(try KeyScript.parse("["))
        #expect(session.state[.timeline].filter.text.isEmpty && session.state.narrowing == .off, "a step back undoes it")

        session.play(try KeyScript.parse(":view nope<Enter>"))
        #expect(session.state.message?.text == "No view named “nope”; saved: baku")
        session.play(try KeyScript.parse(":save<Enter>"))
        #expect(session.state.input?.notice == "type a name: save baku-2018", "a verb needs its argument")
        session.play(try KeyScript.parse("<Esc>:delete baku<Enter>"))
        #expect(try keeper.load().workingSet.views.isEmpty)
    }

    @Test func aViewAskedForBeforeTheWorkingSetIsReadOpensOnceItIs() throws {
        var state = BrowserState(width: 80, height: 24)
        _ = state.send(.started)
        _ = state.send(.viewRequested("countries"))
        #expect(state.viewAwaitingWorkingSet == "countries")
        var workingSet = WorkingSet()
        workingSet.apply(.saveView(name: "countries", fields: ["focus": "visits", "visits.order": "newestFirst"]), at: "")
        _ = state.send(.workingSetRead(.success(KeptWorkingSet(workingSet: workingSet))))
        #expect(state.paneFocus == .visits && state[.visits].filter.order == .newestFirst)
    }

    @Test func aViewKeepsTheCodedFactsFiltersAndOrders() throws {
        var state = BrowserState(width: 80, height: 24)
        _ = state.send(.started)
        var workingSet = WorkingSet()
        workingSet.apply(.saveView(name: "conflict", fields: ["timeline.cameo": "19,20", "timeline.quad": "4", "timeline.order": "byGoldstein"]),
                         at: "")
        _ = state.send(.workingSetRead(.success(KeptWorkingSet(workingSet: workingSet))))
        _ = state.send(.viewRequested("conflict"))
        #expect(state[.timeline].filter.cameoRoots == ["19", "20"])
        #expect(state[.timeline].filter.quadClasses == [.materialConflict])
        #expect(state[.timeline].filter.order == .byGoldstein)
        // And saved again, the same fields.
        let fields = SavedViewFields.fields(of: state)
        #expect(fields["timeline.cameo"] == "19,20" && fields["timeline.quad"] == "4" && fields["timeline.order"] == "byGoldstein")
        workingSet.apply(.saveView(name: "bad", fields: ["timeline.quad": "5"]), at: "")
        let session = try browser(MemoryWorkingSetKeeper(workingSet), keys: ":view bad<Enter>")
        #expect(session.state.message?.text == "the view “bad” has a bad “timeline.quad”: 5")
    }

    @Test func aHandEditedViewThatCannotBeReadSaysWhichField() throws {
        var workingSet = WorkingSet()
        workingSet.apply(.saveView(name: "bad", fields: ["timeline.since": "199X-13"]), at: "")
        var session = try browser(MemoryWorkingSetKeeper(workingSet), keys: ":view bad<Enter>")
        #expect(session.state.message?.text == "the view “bad” has a bad “timeline.since”: 199X-13")
        session.play(try KeyScript.parse("j"))
        #expect(session.state[.timeline].selected == 1, "the browser goes on")
    }

    @Test func briefFromThePaletteWritesTheMarkedRecordsToANewFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-brief-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var session = try browser(keys: "mjjm:brief \(path)<Enter>")
        #expect(session.state.message?.text == "Wrote a briefing of 2 records to \(path)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Briefing: 2 marked records") && text.contains("[^1]: “Quote 1 about"))
        session.play(try KeyScript.parse(":brief \(path)<Enter>"))
        #expect(session.state.message?.text.hasPrefix("Not written: \(path) exists") == true, "never over a file")
    }
}

/// `:trail FILE`: the session's keys as a script that replays to the same screen.
@Suite struct TrailTests {
    @Test func theTrailHoldsTheKeysBeforeThePaletteAndReplaysToTheSameScreen() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-trail-\(UUID().uuidString).keys").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let keys = "jj<Enter>j<Esc>/baku<Enter><Resize 90x30>s<Click 3,4><WheelDown 40,20>"
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries)
        session.play(try KeyScript.parse(keys + ":trail \(path)<Enter>"))
        #expect(session.state.message?.text.hasPrefix("Wrote a trail of \(try KeyScript.parse(keys).count) keys") == true,
                "\(String(describing: session.state.message))")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let header = Trail.header(of: text)
        #expect(header.fingerprint == (try Fixture.queries.contentFingerprint()) && header.size?.width == 80 && header.size?.height == 24)
        #expect(try KeyScript.parseFile(text) == KeyScript.parse(keys), "the palette's own keys are not in it")

        var replay = BrowserSession(width: 80, height: 24, queries: Fixture.queries)
        replay.play(try KeyScript.parseFile(text))
        var original = BrowserSession(width: 80, height: 24, queries: Fixture.queries)
        original.play(try KeyScript.parse(keys))
        #expect(replay.state.navigationEntry == original.state.navigationEntry && replay.state.width == 90)
    }
}
