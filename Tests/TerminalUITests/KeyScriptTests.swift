import Testing
import TerminalUI

@Suite("Key scripts")
struct KeyScriptTests {
    @Test func plainCharactersTypeThemselves() throws {
        #expect(try KeyScript.parse("j k>") == [.key(.character("j")), .key(.character(" ")),
                                                .key(.character("k")), .key(.character(">"))])
        #expect(try KeyScript.parse("ə漢") == [.key(.character("ə")), .key(.character("漢"))])
        #expect(try KeyScript.parse("") == [])
    }

    @Test func namedKeysAreCaseInsensitive() throws {
        let steps = try KeyScript.parse("<Enter><cr><TAB><S-Tab><esc><BS><Del><Up><Down><Left><Right><PgUp><pgdn><Home><End>")
        #expect(steps == [.enter, .enter, .tab, .backTab, .escape, .backspace, .delete,
                          .up, .down, .left, .right, .pageUp, .pageDown, .home, .end].map(ScriptStep.key))
    }

    @Test func spaceLessThanAndControlChords() throws {
        #expect(try KeyScript.parse("<Space><lt><LT>") == [.key(.character(" ")), .key(.character("<")), .key(.character("<"))])
        #expect(try KeyScript.parse("<C-d><c-X>") == [.key(.control("d")), .key(.control("x"))])
    }

    @Test func resizeSteps() throws {
        #expect(try KeyScript.parse("<Resize 80x24>a<resize 1x1>") == [.resize(width: 80, height: 24), .key(.character("a")),
                                                                       .resize(width: 1, height: 1)])
    }

    @Test func mouseStepsReadAndWriteBack() throws {
        let steps = try KeyScript.parse("<Click 3,4><wheelup 0,0><WheelDown 119,39>x")
        #expect(steps == [.mouse(MouseEvent(.click, x: 3, y: 4)), .mouse(MouseEvent(.wheelUp, x: 0, y: 0)),
                          .mouse(MouseEvent(.wheelDown, x: 119, y: 39)), .key(.character("x"))])
        #expect(steps.map(KeyScript.name).joined() == "<Click 3,4><WheelUp 0,0><WheelDown 119,39>x")
    }

    @Test(arguments: [
        ("<Click 3>", "malformed <Click 3> at column 1: expected <Click X,Y> with X and Y from 0"),
        ("ab<WheelUp -1,2>", "malformed <WheelUp -1,2> at column 3"),
        ("abcdef<Foo>", "unknown key <Foo> at column 7"),
        ("<C-1>", "unknown key <C-1> at column 1"),
        ("<>", "unknown key <> at column 1"),
        ("x<Resize 0x24>", "malformed <Resize 0x24> at column 2"),
        ("<Resize 80>", "malformed <Resize 80> at column 1"),
        ("<Resize 80x>", "malformed <Resize 80x> at column 1"),
        ("<Resize axb>", "malformed <Resize axb> at column 1"),
        ("a < b", "lone '<' at column 3"),
        ("a\tb", "control character"),
    ])
    func errorsNameTheProblemAndWhereItIs(script: String, message: String) {
        #expect {
            try KeyScript.parse(script)
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test func fileSkipsBlankAndCommentLinesAndTrimsTheRest() throws {
        let file = """
            # open the first treaty
              j<Enter>  

            <Resize 100x30>
            # done
            q
            """
        #expect(try KeyScript.parseFile(file) == [.key(.character("j")), .key(.enter), .resize(width: 100, height: 30),
                                                  .key(.character("q"))])
    }

    @Test func fileErrorsNameTheLine() {
        #expect {
            try KeyScript.parseFile("# comment\njj\n  x<Nope>\n")
        } throws: { error in
            String(describing: error) == "unknown key <Nope> at line 3, column 2"
        }
    }
}
