extension Character {
    /// Columns this grapheme takes when drawn (1 or 2), after sanitising; never 0.
    public var displayWidth: Int { Glyph.classify(self).width }
}

extension StringProtocol {
    /// Columns this text takes when drawn, grapheme by grapheme, after sanitising.
    public var displayWidth: Int {
        var total = 0
        for character in self { total += character.displayWidth }
        return total
    }
}

/// Terminal column widths of Unicode scalars and grapheme clusters, computed without libc.
enum DisplayWidth {
    /// Columns a grapheme takes as it stands: its first visible scalar decides,
    /// VS16 (U+FE0F) widens an emoji to 2 and VS15 (U+FE0E) narrows it to 1; 0 when nothing in it is visible.
    static func graphemeWidth(_ character: Character) -> Int {
        var base: Unicode.Scalar?
        var baseWidth = 0
        var hasEmojiSelector = false
        var hasTextSelector = false
        for scalar in character.unicodeScalars {
            switch scalar.value {
            case 0xFE0F: hasEmojiSelector = true
            case 0xFE0E: hasTextSelector = true
            default:
                if base == nil {
                    let width = scalarWidth(scalar)
                    if width > 0 { base = scalar; baseWidth = width }
                }
            }
        }
        guard let base else { return 0 }
        if hasTextSelector && base.properties.isEmoji { return 1 }
        if hasEmojiSelector && base.properties.isEmoji { return 2 }
        return baseWidth
    }

    /// Columns a scalar takes on its own: 0 for controls, marks, format characters and
    /// Hangul vowel/final jamo; 2 for East Asian wide/fullwidth and emoji-presentation scalars; else 1.
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if isEastAsianWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// True for scalars in the East Asian Wide/Fullwidth ranges that are not emoji.
    static func isEastAsianWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = eastAsianWideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = eastAsianWideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, sorted, unassigned gaps merged;
    /// emoji are left out because `isEmojiPresentation` covers them.
    private static let eastAsianWideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x3247,    // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed CJK
        0x3250...0x4DBF,    // enclosed CJK, CJK compatibility, CJK extension A
        0x4E00...0xA4C6,    // CJK unified ideographs, Yi
        0xA960...0xA97C,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6B,    // CJK compatibility forms, small form variants
        0xFF01...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x1B2FB,  // Tangut, Khitan, Nushu, Kana supplement and extensions
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x3FFFD,  // CJK extensions B onwards, planes 2 and 3
    ]
}
