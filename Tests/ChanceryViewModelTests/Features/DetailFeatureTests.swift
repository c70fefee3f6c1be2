import ChanceryModel
import ChanceryTestSupport
import CustomDump
@testable import ChanceryViewModel
import TerminalUI
import Testing

/// The detail feature alone: the laid-out document kept in state, browser-like stepping and scrolling, reflow.
@Suite struct DetailFeature {
    private let viewport = DetailViewport(columns: 40, rows: 8)

    /// The detail of the long Baku meeting, loaded into `viewport`.
    private func loaded(in viewport: DetailViewport) throws -> (state: DetailState, record: EntityDetail) {
        let record = try #require(try Fixture.queries.detail(id: "event-2018-baku"))
        var state = DetailState(id: record.summary.id)
        state.pending = 3
        #expect(state.reduce(.loaded(request: 3, .success(record)), in: viewport) == nil)
        return (state, record)
    }

    @Test func aLoadedRecordIsLaidOutOnceForThePaneWidth() throws {
        let (state, record) = try loaded(in: viewport)
        var expected = DetailState(id: "event-2018-baku")
        expected.detail = record
        expected.document = DetailDocument(record, width: 40)
        expectNoDifference(state, expected)
    }

    @Test func anAnswerToAnotherReadIsIgnoredAndAMissingRecordSaysSo() {
        var state = DetailState(id: "event-none")
        state.pending = 2
        _ = state.reduce(.loaded(request: 1, .success(nil)), in: viewport)
        #expect(state.pending == 2 && !state.isMissing)
        _ = state.reduce(.loaded(request: 2, .success(nil)), in: viewport)
        var expected = DetailState(id: "event-none")
        expected.isMissing = true
        expectNoDifference(state, expected)
    }

    @Test func jPastTheLastLinkScrollsLineByLineToTheLastLine() throws {
        var (state, _) = try loaded(in: viewport)
        let document = try #require(state.document)
        #expect(document.linkLines.count == 5, "two links and three citations; each citation's quote follows it")
        let bottom = document.lines.count - viewport.rows
        #expect(bottom > 5, "the record is longer than the pane")
        for _ in 0..<(document.lines.count * 2) { _ = state.reduce(.stepped(by: 1), in: viewport) }
        #expect(state.scroll == bottom, "the last line is reached")
        #expect(document.lines.suffix(viewport.rows).contains { $0.spans.map(\.text).joined().contains("Quote 3") }, "the last citation is on screen")
        for _ in 0..<(document.lines.count * 2) { _ = state.reduce(.stepped(by: -1), in: viewport) }
        #expect(state.scroll == 0 && state.selectedLink == 0)
    }

    @Test func pagingScrollsTheTextAndTheSelectionFollowsWhatIsOnScreen() throws {
        var (state, _) = try loaded(in: viewport)
        let document = try #require(state.document)
        _ = state.reduce(.scrolled(by: 8), in: viewport)
        #expect(state.scroll == 8)
        let linkOnScreen = document.linkLines.contains { $0 >= 8 && $0 < 16 }
        if !linkOnScreen { #expect(state.selectedTarget(in: viewport) == nil, "Enter follows only a link on screen") }
        _ = state.reduce(.wentToEnd(top: false), in: viewport)
        var expected = state
        expected.scroll = document.lines.count - viewport.rows
        expected.selectedLink = document.linkLines.count - 1
        expectNoDifference(state, expected)
        _ = state.reduce(.wentToEnd(top: true), in: viewport)
        #expect(state.scroll == 0 && state.selectedLink == 0)
    }

    @Test func aNarrowerViewportReflowsTheTextAndKeepsTheSelectedLinkOnScreen() throws {
        var (state, _) = try loaded(in: viewport)
        _ = state.reduce(.stepped(by: 1), in: viewport)
        let narrow = DetailViewport(columns: 16, rows: 4)
        _ = state.reduce(.viewportChanged, in: narrow)
        let document = try #require(state.document)
        #expect(document.width == 16)
        let line = try #require(document.lineOfLink(state.selectedLink))
        #expect(line >= state.scroll && line < state.scroll + narrow.rows, "the selected link is on screen")
        #expect(state.selectedTarget(in: narrow) != nil)
    }
}

/// The input feature alone: a line edited key by key, whose outcome the browser acts on.
@Suite struct InputFeature {
    private let before = NavigationEntry(panes: [], focus: .pane(.timeline), paneFocus: .timeline, narrowing: .off, detail: nil)

    @Test func editingKeysComeFromTheInputModeOfTheTable() {
        var line = InputState(purpose: .filter(.timeline), text: "bak", before: before)
        #expect(line.edit(with: .character("u")) == .edited(textChanged: true))
        #expect(line.edit(with: .control("a")) == .edited(textChanged: false))
        #expect(line.edit(with: .character("q")) == .edited(textChanged: true), "q is typed, not a command")
        var expected = InputState(purpose: .filter(.timeline), text: "qbaku", before: before)
        expected.cursor = 1
        expectNoDifference(line, expected)
        #expect(line.edit(with: .control("u")) == .edited(textChanged: true))
        #expect(line.text == "baku" && line.cursor == 0)
        #expect(line.edit(with: .pageDown) == .edited(textChanged: false), "a key not bound while typing does nothing")
        #expect(line.edit(with: .tab) == .tookSuggestion, "Tab takes the palette's suggestion (elsewhere the browser ignores it)")
        #expect(line.edit(with: .enter) == .submitted)
        #expect(line.edit(with: .escape) == .cancelled)
        #expect(line.edit(with: .control("c")) == .quit)
    }
}
