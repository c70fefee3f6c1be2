import Testing
import TerminalUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect("hello, world".displayWidth == 12)
        #expect(Character("a").displayWidth == 1)
        #expect("".displayWidth == 0)
    }

    @Test(arguments: ["ə", "ş", "ğ", "ı", "Ə", "ç", "ö", "ü", "İ"] as [Character])
    func azerbaijaniLettersAreOneColumn(letter: Character) {
        #expect(letter.displayWidth == 1)
    }

    @Test func azerbaijaniWordsCountOneColumnPerLetter() {
        #expect("Azərbaycan".displayWidth == 10)
        #expect("Gülüstan müqaviləsi".displayWidth == 19)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect("漢字".displayWidth == 4)
        #expect(Character("漢").displayWidth == 2)
        #expect("ＡＢ".displayWidth == 4)
        #expect("、。".displayWidth == 4)
    }

    @Test func hangulIsTwoColumnsPrecomposedOrNot() {
        #expect("한국어".displayWidth == 6)
        let decomposed: Character = "\u{1100}\u{1161}\u{11A8}"
        #expect(decomposed.displayWidth == 2)
    }

    @Test func emojiArePerGraphemeWidths() {
        #expect(Character("👍").displayWidth == 2)
        #expect(Character("👍🏽").displayWidth == 2)
        #expect(Character("\u{2764}\u{FE0F}").displayWidth == 2)  // ❤️ with VS16
        #expect(Character("\u{2764}").displayWidth == 1)  // ❤ defaults to text presentation
        #expect(Character("👨\u{200D}👩\u{200D}👧").displayWidth == 2)
        #expect(Character("🇦🇿").displayWidth == 2)
        #expect(Character("1\u{FE0F}\u{20E3}").displayWidth == 2)  // keycap 1️⃣
        #expect("👨\u{200D}👩\u{200D}👧 ok".displayWidth == 5)
    }

    @Test func textPresentationSelectorNarrowsEmoji() {
        #expect(Character("\u{231A}").displayWidth == 2)  // ⌚ has emoji presentation
        #expect(Character("\u{231A}\u{FE0E}").displayWidth == 1)
        #expect(Character("\u{263A}\u{FE0E}").displayWidth == 1)
    }

    @Test func combiningMarksTakeNoColumnInsideAGrapheme() {
        #expect(Character("e\u{301}").displayWidth == 1)
        #expect("Cafe\u{301}".displayWidth == 4)
        #expect(Character("a\u{200D}").displayWidth == 1)
    }

    @Test func loneInvisibleGraphemesStillTakeAColumn() {
        #expect(Character("\u{301}").displayWidth == 1)
        #expect(Character("\u{200B}").displayWidth == 1)
        #expect(Character("\u{1B}").displayWidth == 1)
    }
}
