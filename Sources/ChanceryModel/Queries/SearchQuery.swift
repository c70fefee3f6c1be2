/// A words filter as the user types it: words that must all occur (each as a word prefix, case and diacritics
/// ignored), `"a phrase"` whose words must occur in that order side by side, `a OR b` for either, and `-word` or
/// `-"a phrase"` for what must not occur. Punctuation inside a word joins its parts into a phrase (`al-qaeda`).
public struct SearchQuery: Hashable, Sendable {
    /// Folded words that must occur side by side, in order, each as a word prefix; one word is a phrase of one.
    public typealias Phrase = [String]

    /// Terms that must all hold; each holds when one of its phrases occurs.
    public private(set) var required: [[Phrase]] = []
    /// Phrases none of which may occur.
    public private(set) var excluded: [Phrase] = []
    /// Whether the text typed holds anything but spaces.
    public let isEmpty: Bool

    /// Parses `text`. Words that begin other required words are left out (every entity with `republic` has `rep`),
    /// so a pasted text costs one term per distinct word.
    public init(_ text: String) {
        isEmpty = text.allSatisfy(\.isWhitespace)
        var pendingOr = false
        for token in Self.tokens(text) {
            if token == .or { pendingOr = !required.isEmpty; continue }
            guard case let .phrase(words, negated) = token, !words.isEmpty else { pendingOr = false; continue }
            if negated {
                excluded.append(words)
            } else if pendingOr {
                required[required.count - 1].append(words)
            } else {
                required.append([words])
            }
            pendingOr = false
        }
        required = Self.withoutImpliedWords(required)
    }

    /// Whether anything can be searched for: some required or excluded phrase has a letter or digit. False for
    /// punctuation alone, which the browser and the command line say matched nothing searchable.
    public var hasSearchableTerm: Bool { !required.isEmpty || !excluded.isEmpty }

    /// Whether text, given as its folded words in order, holds every required term and no excluded phrase.
    public func matches(words: [String]) -> Bool {
        required.allSatisfy { term in term.contains { Self.occurs($0, in: words) } }
            && !excluded.contains { Self.occurs($0, in: words) }
    }

    /// Whether `phrase` occurs in `words`: its words side by side, each a prefix of the word it meets.
    static func occurs(_ phrase: Phrase, in words: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { words[start + $0].hasPrefix(phrase[$0]) }
        }
    }

    /// A piece of the typed text: `OR`, or a phrase (a word, a quoted phrase or a word joined by punctuation).
    private enum Token: Equatable {
        case or
        case phrase([String], negated: Bool)
    }

    /// Splits `text` at spaces, keeping quoted text together; an unclosed quote runs to the end.
    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isWhitespace { index = text.index(after: index); continue }
            var negated = false
            if text[index] == "-", text.index(after: index) < text.endIndex, !text[text.index(after: index)].isWhitespace {
                negated = true
                index = text.index(after: index)
            }
            let end: String.Index
            let piece: Substring
            if text[index] == "\"" {
                let start = text.index(after: index)
                let close = text[start...].firstIndex(of: "\"") ?? text.endIndex
                piece = text[start..<close]
                end = close < text.endIndex ? text.index(after: close) : close
            } else {
                end = text[index...].firstIndex(where: \.isWhitespace) ?? text.endIndex
                piece = text[index..<end]
                if piece == "OR", !negated { tokens.append(.or); index = end; continue }
            }
            tokens.append(.phrase(SearchFolding.words(String(piece)), negated: negated))
            index = end
        }
        return tokens
    }

    /// `terms` without single-word terms that begin another single-word term.
    private static func withoutImpliedWords(_ terms: [[Phrase]]) -> [[Phrase]] {
        let singles = Set(terms.compactMap { $0.count == 1 && $0[0].count == 1 ? $0[0][0] : nil })
        // In sorted order, a word that begins another begins the one right after it.
        let sorted = singles.sorted()
        var implied = Set<String>()
        for (word, next) in zip(sorted, sorted.dropFirst()) where next.hasPrefix(word) { implied.insert(word) }
        var seen = Set<[Phrase]>()
        return terms.filter { term in
            !(term.count == 1 && term[0].count == 1 && implied.contains(term[0][0])) && seen.insert(term).inserted
        }
    }
}
