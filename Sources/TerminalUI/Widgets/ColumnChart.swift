/// Vertical bars of eighth blocks (▁▂▃▄▅▆▇█), one a column, over a row of shades (░▒▓) for a second, looser quantity
/// of the same columns; one column may be marked.
public struct ColumnChart: Hashable, Sendable {
    /// The height of each bar, in any unit: the highest fills the rows given to the bars.
    public var bars: [Int]
    /// The quantity shaded under each bar (light to dark as it nears the highest); empty draws no shade row.
    public var shades: [Int]
    /// The column marked with `markStyle`, if any.
    public var marked: Int?
    /// The style of the bars.
    public var barStyle: Style
    /// The style of the shades.
    public var shadeStyle: Style
    /// The style of the marked column.
    public var markStyle: Style
    /// How many cells wide each column is.
    public var columnWidth: Int

    /// A chart of `bars` over `shades`, each column `columnWidth` cells wide.
    public init(bars: [Int], shades: [Int], marked: Int?, barStyle: Style, shadeStyle: Style, markStyle: Style,
                columnWidth: Int = 1) {
        self.columnWidth = max(1, columnWidth)
        self.bars = bars
        self.shades = shades
        self.marked = marked
        self.barStyle = barStyle
        self.shadeStyle = shadeStyle
        self.markStyle = markStyle
    }

    private static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    private static let shadeLevels: [Character] = ["░", "▒", "▓"]

    /// Draws the bars in all rows of `area` but the last, which holds the shades (when there are any); a column
    /// past the area's width is not drawn. A bar of at least one shows at least an eighth; a shade of at least one, ░.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let barRows = shades.isEmpty ? area.height : area.height - 1
        guard barRows > 0, area.width > 0 else { return }
        let highest = max(1, bars.max() ?? 0), highestShade = max(1, shades.max() ?? 0)
        for (column, value) in bars.prefix(area.width / columnWidth).enumerated() {
            let style = column == marked ? markStyle : barStyle
            // Eighths of the whole height, rounded up so that one event is never drawn as nothing.
            var eighthsLeft = value == 0 ? 0 : max(1, (value * barRows * 8 + highest - 1) / highest)
            for row in stride(from: area.y + barRows - 1, through: area.y, by: -1) {
                let cell = Self.eighths[min(8, eighthsLeft)]
                eighthsLeft = max(0, eighthsLeft - 8)
                buffer.write(String(repeating: cell, count: columnWidth), x: area.x + column * columnWidth, y: row, style: style,
                             clip: area)
            }
        }
        guard !shades.isEmpty else { return }
        for (column, value) in shades.prefix(area.width / columnWidth).enumerated() {
            let level = value == 0 ? nil : min(2, (value * 3 - 1) / highestShade)
            let cell = String(repeating: level.map { Self.shadeLevels[$0] } ?? " ", count: columnWidth)
            buffer.write(cell, x: area.x + column * columnWidth, y: area.maxY - 1,
                         style: column == marked ? markStyle : shadeStyle, clip: area)
        }
    }
}
