import Foundation
import ChanceryModel
import ChanceryTestSupport
@testable import ChanceryViewModel
import TerminalUI
import Testing

/// The user's key configuration: what it rebinds acts, shows in the help and `chancery keys`, and a bad file is named
/// by line while the defaults stay.
@Suite struct KeyMapTests {
    private let file = "/home/a/.config/chancery/keys.toml"

    @Test func aRebindingReplacesTheCommandsKeysInThatModeOnly() throws {
        let map = try KeyMap.configured(by: """
            # marks with the space bar in the lists
            [panes]
            toggleMark = "<Space>"   # not m
            moveDown = ["j", "<Down>", "<C-n>"]
            """, file: file)
        #expect(map.command(for: .character(" "), in: .panes) == .toggleMark)
        #expect(map.command(for: .character("m"), in: .panes) == nil, "m no longer marks in the lists")
        #expect(map.command(for: .character("m"), in: .detail) == .toggleMark, "the detail keeps its keys")
        #expect(map.command(for: .control("n"), in: .panes) == .moveDown)
        let markdown = map.markdown()
        let lists = try #require(markdown.range(of: "\nLists:\n")), detail = try #require(markdown.range(of: "\nDetail:\n"))
        let rebound = try #require(markdown.range(of: "| `j` `<Down>` `<C-n>` | Move down |"))
        #expect(lists.upperBound < rebound.lowerBound && rebound.upperBound < detail.lowerBound, "in the Lists section")
        #expect(markdown.contains("| `<Space>` | Mark or unmark it |"))
        let help = HelpLayout(width: 200, height: 200, bindings: map).entries
        #expect(help.contains { $0.keys == "j <Down> <C-n>" && $0.summary == "Move down" })

        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries, bindings: map)
        session.play(try KeyScript.parse("<C-n><Space>"))
        #expect(session.state.workingSet.isMarked(try #require(session.state[.timeline].row(at: 1)).id))
    }

    @Test(arguments: [
        ("[panes]\nmovedown = \"j\"", ":2: no command “movedown” in panes; did you mean moveDown?"),
        ("[pane]", ":1: no mode “pane”; the modes are panes, detail, pager, histogram, facets, input, help"),
        ("[panes]\nmoveDown = \"jj\"", ":2: “jj” is not one key"),
        ("\n[panes]\ntoggleMark = \"j\"", ":3: j already runs “Move down” (moveDown) in panes"),
        ("moveDown = \"j\"", ":1: a binding before any [mode] table"),
        ("[panes]\nmoveDown = [\"j\" \"k\"]", ":2: keys in an array are separated by commas"),
        ("[panes]\nmoveDown = []", ":2: moveDown is given no key"),
        ("[panes]\nmoveDown = \"j", ":2: a string is not closed"),
    ])
    func aBadFileIsNamedByLine(text: String, message: String) {
        #expect(throws: KeyConfigError.self) { try KeyMap.configured(by: text, file: file) }
        do {
            _ = try KeyMap.configured(by: text, file: file)
        } catch {
            #expect(error.description.hasPrefix(file + message), "\(error.description)")
        }
    }

    @Test func aNoticeShowsUntilTheFirstKeyAndTheDefaultsAct() throws {
        var session = BrowserSession(width: 80, height: 24, queries: Fixture.queries, notice: "keys.toml:2: bad; the default keys are in force")
        #expect(session.state.message?.text == "keys.toml:2: bad; the default keys are in force" && session.state.message?.isError == true)
        session.play(try KeyScript.parse("j"))
        #expect(session.state.message == nil && session.state[.timeline].selected == 1)
    }
}
