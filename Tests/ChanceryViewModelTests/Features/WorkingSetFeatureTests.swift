import ChanceryModel
import ChanceryTestSupport
@testable import ChanceryViewModel
import TerminalUI
import Testing

/// Marks and notes in the browser, over the in-memory fixture and a keeper shared by two browsers, as two terminals
/// share the analyst's file.
@Suite struct WorkingSetFeatureTests {
    private func browser(_ keeper: MemoryWorkingSetKeeper, keys: String = "") throws -> BrowserSession {
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries, keeper: keeper)
        session.play(try KeyScript.parse(keys))
        return session
    }

    @Test func mMarksTheSelectedRowOrTheOpenRecordAndSavesIt() throws {
        let keeper = MemoryWorkingSetKeeper()
        var session = try browser(keeper, keys: "jm")
        let second = try #require(session.state[.timeline].row(at: 1))
        #expect(session.state.workingSet.isMarked(second.id) && session.state.message?.text == "Marked \(second.displayName)")
        #expect(try keeper.load().workingSet.marks[second.id]?.title == second.displayName, "saved")
        session.play(try KeyScript.parse("k<Enter>m"))
        let first = try #require(session.state[.timeline].row(at: 0))
        #expect(try keeper.load().workingSet.marks.keys.sorted() == [first.id, second.id].sorted(), "from the detail, its record")
        #expect(session.state.detail?.mark != nil)
        let lines = try #require(session.state.detail?.document).lines.map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("* Marked (m unmarks)"))
        session.play(try KeyScript.parse("m"))
        #expect(!(try keeper.load().workingSet.isMarked(first.id)) && session.state.detail?.mark == nil, "m again unmarks")
    }

    @Test func aWritesANoteThatTheDetailShowsAndTheWordsFilterFinds() throws {
        let keeper = MemoryWorkingSetKeeper()
        var session = try browser(keeper, keys: "ja")
        let second = try #require(session.state[.timeline].row(at: 1))
        #expect(session.state.input?.purpose == .note(second))
        session.play(try KeyScript.parse("zanzibar"))
        session.send(.keyPressed(.character("\u{1}")))
        session.play(try KeyScript.parse("x<Enter>"))
        #expect(try keeper.load().workingSet.notes[second.id]?.text == "zanzibar\u{1}x", "kept as typed")
        session.play(try KeyScript.parse("/zanzibar"))
        #expect(session.state[.timeline].total == 1 && session.state[.timeline].row(at: 0)?.id == second.id,
                "the words are found in the note, not in the store")
        session.play(try KeyScript.parse("<Enter><Enter>"))
        let lines = try #require(session.state.detail?.document).lines.map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("Your note (a edits it):"))
        #expect(lines.contains { $0.hasPrefix("  zanzibar") && !$0.contains("\u{1}") }, "shown through the sanitiser: \(lines)")
        session.play(try KeyScript.parse("a<C-u><Enter>"))
        #expect(try keeper.load().workingSet.notes.isEmpty, "an empty line removes it")
    }

    @Test func capitalMListsOnlyTheMarkedAndEscOrBackUndoesIt() throws {
        var session = try browser(MemoryWorkingSetKeeper(), keys: "M")
        #expect(session.state[.timeline].total == 0)
        session.play(try KeyScript.parse("<Esc>jjmjm"))
        let marked = [2, 3].compactMap { session.state[.timeline].row(at: $0)?.id }
        session.play(try KeyScript.parse("M"))
        #expect(session.state[.timeline].loaded?.rows.map(\.id) == marked && session.state[.timeline].filter.hasOwnConditions,
                "\(String(describing: session.state[.timeline].loaded?.rows.map(\.id))) \(marked) \(session.state.workingSet.marks.keys)")
        session.play(try KeyScript.parse("m"))
        #expect(session.state[.timeline].total == 1, "unmarked, it leaves the list")
        session.play(try KeyScript.parse("<Esc>"))
        #expect(!session.state[.timeline].marksOnly && session.state[.timeline].total == Fixture.records.filter { $0.summary.kind == .event }.count)
        session.play(try KeyScript.parse("["))
        #expect(session.state[.timeline].marksOnly)
    }

    /// Two browsers on one keeper: each save merges with what the other saved, and the answer brings it in.
    @Test func twoBrowsersKeepEachOthersMarks() throws {
        let keeper = MemoryWorkingSetKeeper()
        var one = try browser(keeper)
        var two = try browser(keeper)
        one.play(try KeyScript.parse("m"))
        two.play(try KeyScript.parse("jm"))
        #expect(two.state.workingSet.marks.count == 2, "the other's mark came back with the save")
        #expect(try keeper.load().workingSet.marks.count == 2)
    }

    @Test func capitalAWritesTheNoteInTheEditorAndSavesWhatComesBack() throws {
        let keeper = MemoryWorkingSetKeeper()
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries, keeper: keeper,
                                     editor: { old in .success(old + "first line\nsecond line") })
        session.play(try KeyScript.parse("A"))
        let first = try #require(session.state[.timeline].row(at: 0))
        #expect(try keeper.load().workingSet.notes[first.id]?.text == "first line\nsecond line")
        session.play(try KeyScript.parse("<Enter>"))
        let lines = try #require(session.state.detail?.document).lines.map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("  first line") && lines.contains("  second line"), "each line of the note on its own")

        var failing = BrowserSession(width: 80, height: 24, queries: Fixture.queries,
                                     editor: { _ in .failure(ReadFailure(message: "the editor “vi” exited with status 1; the note is unchanged")) })
        failing.play(try KeyScript.parse("A"))
        #expect(failing.state.message?.text == "the editor “vi” exited with status 1; the note is unchanged" && failing.state.workingSet.notes.isEmpty)
        var unchanged = BrowserSession(width: 80, height: 24, queries: Fixture.queries, editor: { .success($0) })
        unchanged.play(try KeyScript.parse("A"))
        #expect(unchanged.state.message?.text.hasSuffix("is unchanged") == true && unchanged.state.workingSet.notes.isEmpty)
    }

    /// A keeper on a full disk: it reads, and no save succeeds.
    private struct FullDisk: WorkingSetKeeper {
        struct Failure: Error, CustomStringConvertible {
            var description: String { "/x/store.jsonl: cannot write the working set (No space left on device); nothing was changed" }
        }
        func load() throws -> (workingSet: WorkingSet, problems: [WorkingSet.Problem]) { (WorkingSet(), []) }
        func save(_ changes: [WorkingSet.Change]) throws -> (workingSet: WorkingSet, warning: String?) { throw Failure() }
    }

    @Test func aSaveThatFailsSaysSoAndTheScreenFollowsWhatIsKept() throws {
        let session = BrowserSession(width: 80, height: 24, queries: Fixture.queries, keeper: FullDisk())
        var marking = session
        marking.play(try KeyScript.parse("m"))
        #expect(marking.state.message?.text == "Not saved: " + FullDisk.Failure().description)
        #expect(marking.state.workingSet.marks.isEmpty, "read again: the mark that was not saved is not shown")
    }
}
