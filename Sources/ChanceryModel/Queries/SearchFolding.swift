import Foundation

/// Folds text for searching: lowercase, diacritics removed, and letters with no decomposition
/// mapped to their plain Latin look-alikes, so `baki` finds `Bakı` and `heydar` finds `Heydər`.
public enum SearchFolding {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        // ASCII text only needs lowercasing; Foundation's folding costs far more, which tells on large imports.
        var hasCapitals = false
        for byte in text.utf8 {
            if byte >= 0x80 { return foldingUnicode(text) }
            if (0x41...0x5A).contains(byte) { hasCapitals = true }
        }
        guard hasCapitals else { return text }
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            for (index, byte) in text.utf8.enumerated() {
                buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            }
            return text.utf8.count
        }
    }

    /// Foundation's folding, then the letters it leaves alone, for text beyond ASCII.
    private static func foldingUnicode(_ text: String) -> String {
        // A soft hyphen marks where a word may break: it is no part of the word, and the index would split there.
        let text = text.contains("\u{AD}") ? text.replacingOccurrences(of: "\u{AD}", with: "") : text
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { $0.value > 0x7F }) else { return folded }
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if let replacement = letterReplacements[scalar] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The words of a user's query, folded; punctuation separates words. Each word once: a word that another
    /// begins with is left out, since every entity with the longer word has it too ("rep republic rep" asks for
    /// "republic" alone), so a pasted text costs one term per distinct word.
    public static func words(_ query: String) -> [String] {
        let all = fold(query).split { !($0.isLetter || $0.isNumber) }.map(String.init)
        // In sorted order, a word that begins another begins the one right after it.
        let sorted = Set(all).sorted()
        var implied = Set<String>()
        for (word, next) in zip(sorted, sorted.dropFirst()) where next.hasPrefix(word) { implied.insert(word) }
        var seen = Set<String>()
        return all.filter { !implied.contains($0) && seen.insert($0).inserted }
    }

    private static let letterReplacements: [Unicode.Scalar: String] = [
        "ı": "i", "ə": "e", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
    ]
}
