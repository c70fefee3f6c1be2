import ChanceryModel

/// The columns of the year histogram for a width: a year or a decade each, with what lies within it and what may fall
/// there. Computed from a `DateSpread` alone, so that the update (moving the cursor) and the screen read one value.
public struct HistogramColumns: Hashable, Sendable {
    /// How many years a column covers.
    public enum Unit: Int, Hashable, Sendable {
        case year = 1
        case decade = 10
    }

    /// One column.
    public struct Column: Hashable, Sendable {
        /// Its first year.
        public var year: Int
        /// How many lie wholly within its years (known to the year, season, month or day).
        public var within: Int
        /// How many are dated more loosely (a decade, an interval, an open period) in a way that may fall in its years.
        public var possibly: Int
    }

    /// The unit of the columns.
    public let unit: Unit
    /// Every column from the first year any date names to the last, in order.
    public let columns: [Column]
    /// How many have no date.
    public let undated: Int

    /// The columns of `spread` at `unit`, or the finest unit whose columns fit `width` when none is asked for.
    public init(_ spread: DateSpread, width: Int, unit asked: Unit?) {
        undated = spread.undated
        guard let (low, high) = spread.namedYears.map({ ($0.lowerBound, $0.upperBound) }) else {
            unit = asked ?? .year
            columns = []
            return
        }
        let unit = asked ?? (high - low + 1 <= width ? .year : .decade)
        let size = unit.rawValue
        let first = Self.start(of: low, size: size)
        var columns = stride(from: first, through: high, by: size).map { Column(year: $0, within: 0, possibly: 0) }
        for (year, count) in spread.withinYear { columns[(Self.start(of: year, size: size) - first) / size].within += count }
        for (years, count) in spread.spanning {
            // An open start may lie before any column, an open end after any.
            let from = max(0, ((years.first.map { Self.start(of: $0, size: size) } ?? first) - first) / size)
            let to = min(columns.count - 1, ((years.last ?? high) - first) / size)
            guard from <= to else { continue }
            for index in from...to { columns[index].possibly += count }
        }
        self.unit = unit
        self.columns = columns
    }

    /// The first year of the column holding `year`.
    static func start(of year: Int, size: Int) -> Int {
        year >= 0 ? year / size * size : -((-year + size - 1) / size * size)
    }

    /// The index of the column holding `year`, if any.
    public func index(of year: Int) -> Int? {
        guard let first = columns.first?.year else { return nil }
        let index = (Self.start(of: year, size: unit.rawValue) - first) / unit.rawValue
        return columns.indices.contains(index) ? index : nil
    }

    /// The first of the `width` columns shown, so that the column `cursor` is among them.
    public func firstShown(width: Int, cursor: Int?) -> Int {
        guard columns.count > width, let cursor else { return max(0, columns.count - width) }
        return min(max(0, cursor - width / 2), columns.count - width)
    }

    /// The years a column covers, as the date filter reads them (`2018`, `2010/2019`).
    public func dateText(of column: Column) -> String {
        unit == .year ? "\(column.year)" : "\(column.year)/\(column.year + 9)"
    }

    /// A column's years as the screens show them (`2018`, `2010s`).
    public func label(of column: Column) -> String {
        unit == .year ? "\(column.year)" : "\(column.year)s"
    }
}
