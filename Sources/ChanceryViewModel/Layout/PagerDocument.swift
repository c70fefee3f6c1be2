import TerminalUI

/// A source's text laid out for a width, with the quote a citation takes from it found and marked: what the pager
/// shows. The quote is found whatever the line breaks and runs of spaces between its words.
public struct PagerDocument: Hashable, Sendable {
    /// One line of the text on screen.
    public struct Line: Hashable, Sendable {
        /// The text of the line.
        public var text: String
        /// The characters of `text` (offsets from its start) that belong to the quote.
        public var quote: Range<Int>?
    }

    /// Every line, top to bottom.
    public let lines: [Line]
    /// The lines the quote spans; nil when the text does not hold it.
    public let quoteLines: ClosedRange<Int>?
    /// The width, in columns, the lines are laid out for.
    public let width: Int

    /// Lays out `text` for `width` columns, marking `quote`.
    public init(text: String, quote: String, width: Int) {
        self.width = width
        let characters = Array(text)
        let found = Self.find(quote, in: characters)
        var lines: [Line] = []
        var quoteLines: ClosedRange<Int>?
        for range in Self.wrap(characters, width: max(1, width)) {
            var marked: Range<Int>?
            if let found, found.overlaps(range) {
                marked = (max(found.lowerBound, range.lowerBound) - range.lowerBound)..<(min(found.upperBound, range.upperBound) - range.lowerBound)
                quoteLines = (quoteLines?.lowerBound ?? lines.count)...lines.count
            }
            lines.append(Line(text: String(characters[range]), quote: marked))
        }
        self.lines = lines
        self.quoteLines = quoteLines
    }

    /// Where `quote` first occurs in `characters`, comparing words only (any run of whitespace matches any other).
    static func find(_ quote: String, in characters: [Character]) -> Range<Int>? {
        // The text with each run of whitespace as one space, and where each character came from.
        var folded: [Character] = []
        var origin: [Int] = []
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if folded.last != " " && !folded.isEmpty {
                    folded.append(" ")
                    origin.append(index)
                }
            } else {
                folded.append(character)
                origin.append(index)
            }
        }
        let wanted = Array(quote.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard !wanted.isEmpty, wanted.count <= folded.count else { return nil }
        for start in 0...(folded.count - wanted.count) where folded[start] == wanted[0] {
            if folded[start..<(start + wanted.count)].elementsEqual(wanted) {
                return origin[start]..<(origin[start + wanted.count - 1] + 1)
            }
        }
        return nil
    }

    /// The character ranges of `characters` word-wrapped to `width` columns: a line break ends a line, a blank line
    /// stays, a word wider than a line is cut, and the spaces where a line breaks are left out.
    static func wrap(_ characters: [Character], width: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index <= characters.count {
            let end = characters[index...].firstIndex(of: "\n") ?? characters.count
            var start = index
            if start == end { result.append(start..<start) }
            while start < end {
                var used = 0, cut = start, lastBreak: Int?
                while cut < end {
                    let columns = String(characters[cut]).displayWidth
                    if used + columns > width { break }
                    used += columns
                    cut += 1
                    if cut < end, characters[cut] == " " { lastBreak = cut }
                }
                if cut < end, let lastBreak, lastBreak > start { cut = lastBreak }
                if cut == start { cut += 1 }
                var lineEnd = cut
                while lineEnd > start, characters[lineEnd - 1] == " " { lineEnd -= 1 }
                result.append(start..<lineEnd)
                start = cut
                while start < end, characters[start] == " " { start += 1 }
            }
            index = end + 1
        }
        return result
    }
}
