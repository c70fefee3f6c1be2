import Foundation

/// Folds text for searching: lowercase, diacritics removed, and letters with no decomposition
/// mapped to their plain Latin look-alikes, so `baki` finds `Bakı` and `heydar` finds `Heydər`.
public enum SearchFolding {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        // ASCII text only needs lowercasing, and so does text whose other characters are general punctuation (— “ ” ’ …),
        // which folding leaves as it is; Foundation's folding costs far more, which tells on large imports.
        if text.utf8.contains(where: { $0 >= 0x80 }),
           !text.unicodeScalars.allSatisfy({ $0.isASCII || (0x2000...0x206F).contains($0.value) }) {
            return foldingUnicode(text)
        }
        guard text.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return text }
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

    /// The folded words of `text`, in order: punctuation and spaces separate words.
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private static let letterReplacements: [Unicode.Scalar: String] = [
        "ı": "i", "ə": "e", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
    ]
}
