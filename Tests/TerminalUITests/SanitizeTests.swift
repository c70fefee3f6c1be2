import Testing
import TerminalUI

@Suite("Sanitising")
struct SanitizeTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect("\u{1B}[31mred\u{1B}[0m".sanitized() == "␛[31mred␛[0m")
        #expect("\u{1B}]0;pwned\u{07}".sanitized() == "␛]0;pwned␇")
        #expect("\u{1B}[2J\u{1B}[H".sanitized() == "␛[2J␛[H")
    }

    @Test func c0ControlsBecomeControlPictures() {
        #expect("a\u{0}b".sanitized() == "a␀b")
        #expect("tab\there".sanitized() == "tab␉here")
        #expect("one\ntwo\rthree".sanitized() == "one␊two␍three")
        #expect("dos\r\nline".sanitized() == "dos␊line")
        #expect("\u{08}\u{1F}".sanitized() == "␈␟")
    }

    @Test func deleteBecomesItsPicture() {
        #expect("a\u{7F}b".sanitized() == "a␡b")
    }

    @Test func c1ControlsBecomeReplacementCharacters() {
        #expect("a\u{9B}31mb".sanitized() == "a\u{FFFD}31mb")
        #expect("\u{80}\u{85}\u{9F}".sanitized() == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test(arguments: ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                      "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}"])
    func bidiControlsBecomeReplacementCharacters(control: String) {
        #expect("abc\(control)def".sanitized() == "abc\u{FFFD}def")
    }

    @Test func loneZeroWidthCharactersDoNotHide() {
        #expect("\u{301}abc".sanitized() == "\u{25CC}\u{301}abc")
        #expect("a\u{200B}b".sanitized() == "a\u{FFFD}b")
        #expect("\u{200D}x".sanitized() == "\u{FFFD}x")
        #expect("co\u{AD}op".sanitized() == "co-op")
    }

    @Test func printableTextIsUnchanged() {
        for text in ["plain ASCII", "Azərbaycan Respublikası", "漢字 한국어", "👨\u{200D}👩\u{200D}👧 🇦🇿 ❤\u{FE0F}", "e\u{301}"] {
            #expect(text.sanitized() == text)
        }
    }

    @Test func drawingSanitisesEveryCell() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.write("\u{1B}[1mX\u{9B}\u{202E}\t", x: 0, y: 0)
        #expect(buffer.plainText() == "␛[1mX\u{FFFD}\u{FFFD}␉    ")
    }
}
