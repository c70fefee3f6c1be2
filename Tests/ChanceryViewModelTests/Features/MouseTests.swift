import ChanceryModel
import ChanceryTestSupport
@testable import ChanceryViewModel
import TerminalUI
import Testing

/// Clicks and the wheel, at cells worked out from the layout, over the in-memory fixture.
@Suite struct MouseTests {
    private func click(_ session: inout BrowserSession, row: Int, in area: Rect) {
        session.send(.mouse(MouseEvent(.click, x: area.x + 2, y: area.y + 1 + row)))
    }

    @Test func aClickSelectsARowAndFocusesItsListAndTheWheelMovesTheSelection() throws {
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries)
        // The focused list is widened, so each click reads the layout of the moment.
        click(&session, row: 2, in: session.state.layout.panes[Pane.timeline.rawValue])
        #expect(session.state.focus == .pane(.timeline) && session.state[.timeline].selected == 2)
        click(&session, row: 1, in: session.state.layout.panes[Pane.organizations.rawValue])
        #expect(session.state.focus == .pane(.organizations) && session.state[.organizations].selected == 1)
        click(&session, row: 4, in: session.state.layout.panes[Pane.visits.rawValue])
        #expect(session.state.focus == .pane(.visits) && session.state[.visits].selected == 0, "below the last row: focus only")
        let timeline = session.state.layout.panes[Pane.timeline.rawValue]
        session.send(.mouse(MouseEvent(.wheelDown, x: timeline.x + 3, y: timeline.y + 2)))
        #expect(session.state[.timeline].selected == 3 && session.state.focus == .pane(.visits), "the wheel scrolls what is under it")
        session.send(.mouse(MouseEvent(.click, x: timeline.x, y: timeline.y + 2)))
        #expect(session.state.focus == .pane(.visits), "a border is not a row")
    }

    @Test func aClickOnALinkOfTheDetailFollowsIt() throws {
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries)
        session.play(try KeyScript.parse("jj<Enter>"))
        let document = try #require(session.state.detail?.document)
        let line = try #require(document.linkLines.first)
        let target = try #require(document.lines[line].target)
        click(&session, row: line, in: session.state.layout.detail)
        #expect(session.state.detail?.id == target.id && session.state.backDepth == 2)
        click(&session, row: 0, in: session.state.layout.detail)
        #expect(session.state.detail?.id == target.id, "a line that is not a link does nothing")
    }

    @Test func inTheWideLayoutAClickOnThePreviewGivesItTheKeys() throws {
        var session = BrowserSession(width: 120, height: 40, queries: Fixture.queries)
        click(&session, row: 3, in: session.state.layout.detail)
        #expect(session.state.isDetailOpen)
        session.send(.mouse(MouseEvent(.wheelDown, x: session.state.layout.detail.x + 2, y: session.state.layout.detail.y + 2)))
        #expect(session.state.isDetailOpen)
    }

    @Test func whileALineIsTypedTheMouseDoesNothing() throws {
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries)
        session.play(try KeyScript.parse("/ba"))
        click(&session, row: 2, in: session.state.layout.panes[0])
        #expect(session.state[.timeline].selected == 0 && session.state.input?.text == "ba")
    }
}
