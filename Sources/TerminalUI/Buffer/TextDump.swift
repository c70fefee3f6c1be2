extension ScreenBuffer {
    /// The screen as text: rows joined by "\n", each exactly `width` columns wide, trailing spaces kept.
    public func plainText() -> String {
        var text = ""
        text.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            if y > 0 { text += "\n" }
            for cell in cells[(y * width)..<((y + 1) * width)] {
                text += cell.grapheme
            }
        }
        return text
    }

    /// The styles as text shaped like `plainText()`, one character per cell (a wide grapheme's continuation included).
    ///
    /// Legend, the first that applies: `.` plain, `R` reverse, `B` bold, `U` underline, `D` dim,
    /// `0`–`7` foreground colour (black, red, green, yellow, blue, magenta, cyan, white),
    /// `k` `r` `g` `y` `b` `m` `c` `w` background colour only, in the same order.
    public func styleText() -> String {
        var text = ""
        text.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            if y > 0 { text += "\n" }
            for cell in cells[(y * width)..<((y + 1) * width)] {
                text.append(Self.styleCode(cell.style))
            }
        }
        return text
    }

    /// The legend character of a style, as `styleText()` documents.
    static func styleCode(_ style: Style) -> Character {
        if style.reverse { return "R" }
        if style.bold { return "B" }
        if style.underline { return "U" }
        if style.dim { return "D" }
        if let foreground = style.foreground { return foregroundCodes[foreground.rawValue] }
        if let background = style.background { return backgroundCodes[background.rawValue] }
        return "."
    }

    private static let foregroundCodes: [Character] = Array("01234567")
    private static let backgroundCodes: [Character] = Array("krgybmcw")
}
