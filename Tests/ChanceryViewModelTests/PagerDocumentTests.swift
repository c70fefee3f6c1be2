@testable import ChanceryViewModel
import TerminalUI
import Testing

/// A source's text laid out for the pager: wrapped within the width, nothing lost, the quote found across line breaks.
@Suite struct PagerDocumentTests {
    let text = "Title line\n\nThe first  sentence. The quoted part\nruns over a line break. After it.\n"

    @Test(arguments: [10, 13, 20, 80])
    func linesFitTheWidthAndKeepEveryWordInOrder(width: Int) {
        let document = PagerDocument(text: text, quote: "", width: width)
        #expect(document.lines.allSatisfy { $0.text.displayWidth <= width })
        #expect(document.lines.flatMap { $0.text.split(separator: " ") } == text.split(whereSeparator: \.isWhitespace))
        #expect(document.lines.contains { $0.text.isEmpty }, "a blank line stays")
        #expect(document.quoteLines == nil)
    }

    @Test func theQuoteIsFoundWhateverTheSpacesAndLineBreaksBetweenItsWords() throws {
        let document = PagerDocument(text: text, quote: "The quoted part runs over a line  break.", width: 80)
        let lines = try #require(document.quoteLines)
        #expect(lines == 2...3)
        let marked = document.lines[lines].map { line in String(Array(line.text)[line.quote!]) }
        #expect(marked == ["The quoted part", "runs over a line break."])
        #expect(document.lines[0].quote == nil && document.lines[4].quote == nil)
    }

    @Test func aWordWiderThanTheLineIsCutNotLost() {
        let document = PagerDocument(text: "Supercalifragilistic word", quote: "", width: 6)
        #expect(document.lines.map(\.text) == ["Superc", "alifra", "gilist", "ic", "word"])
    }

    @Test func aQuoteTheTextDoesNotHoldIsNotMarked() {
        #expect(PagerDocument(text: text, quote: "not in the text", width: 80).quoteLines == nil)
    }
}
