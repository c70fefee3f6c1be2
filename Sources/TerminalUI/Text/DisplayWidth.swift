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

/// Terminal column widths of Unicode scalars and grapheme clusters, from tables generated from the Unicode Character
/// Database (`WidthTables`, its version in `WidthTables.unicodeVersion`), without libc.
///
/// A terminal lays text out scalar by scalar (wcwidth): a Devanagari or Thai vowel sign that takes a column of its
/// own, or a halfwidth katakana sound mark, gets its own column even inside a grapheme cluster. So a cluster is
/// drawn in cells, one per scalar that takes columns, with the marks that take none riding on the cell before
/// them. An emoji cluster (a pictographic base, a flag, a keycap, a presentation selector) is drawn as one
/// glyph whose width its base decides.
enum DisplayWidth {
    /// Columns a scalar takes on its own: 0 for controls, marks, format characters and Hangul vowel/final jamo;
    /// 2 for East Asian Wide and Fullwidth; else 1.
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 || value == 0xAD { return 0 }
        if value < 0x300 { return 1 }
        if WidthTables.contains(WidthTables.zeroWidth, value) { return 0 }
        return WidthTables.contains(WidthTables.wide, value) ? 2 : 1
    }

    /// Whether `character` is drawn as one emoji: an Extended_Pictographic base, a regional-indicator flag, or an
    /// Emoji base with a presentation selector or a keycap mark.
    static func isEmojiCluster(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if WidthTables.contains(WidthTables.extendedPictographic, first.value) || (0x1F1E6...0x1F1FF).contains(first.value) {
            return true
        }
        return WidthTables.contains(WidthTables.emoji, first.value)
            && scalars.contains { $0.value == 0xFE0F || $0.value == 0xFE0E || $0.value == 0x20E3 }
    }

    /// Columns an emoji cluster takes: its base decides, VS16 (U+FE0F) widens it to 2 and VS15 (U+FE0E) narrows it to 1.
    static func emojiWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        let base = scalars.first!
        let isEmoji = WidthTables.contains(WidthTables.emoji, base.value)
        if isEmoji && scalars.contains(where: { $0.value == 0xFE0E }) { return 1 }
        if isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        // Regional indicators have emoji presentation, though their East Asian Width is neutral.
        if (0x1F1E6...0x1F1FF).contains(base.value) { return 2 }
        return max(1, scalarWidth(base))
    }

    /// True for tag characters (U+E0000–U+E007F), which belong only in an emoji tag sequence (a subdivision flag).
    static func isTag(_ scalar: Unicode.Scalar) -> Bool {
        (0xE0000...0xE007F).contains(scalar.value)
    }

    /// Whether `character` is a valid emoji tag sequence: U+1F3F4, tags, and U+E007F CANCEL TAG at its end.
    static func isTagSequence(_ character: Character) -> Bool {
        let scalars = Array(character.unicodeScalars)
        return scalars.first?.value == 0x1F3F4 && scalars.last?.value == 0xE007F && scalars.dropFirst().allSatisfy(isTag)
    }
}
