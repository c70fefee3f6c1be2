/// The size of one part of a split: a fixed number of cells, or a weighted share of what the fixed parts leave.
public enum LayoutSize: Hashable, Sendable {
    /// Exactly this many cells (fewer when the total runs out).
    case fixed(Int)
    /// A share of the remaining cells proportional to this weight.
    case proportional(Int)

    /// Cell counts for `sizes` within `total` cells: fixed parts first, in order, then the rest
    /// shared out by weight, rounding leftovers to the earliest proportional parts.
    public static func resolve(_ sizes: [LayoutSize], total: Int) -> [Int] {
        var remaining = max(0, total)
        var counts = sizes.map { size -> Int in
            guard case .fixed(let count) = size else { return 0 }
            let granted = min(max(0, count), remaining)
            remaining -= granted
            return granted
        }
        let weights = sizes.map { size -> Int in
            guard case .proportional(let weight) = size else { return 0 }
            return max(0, weight)
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return counts }
        var leftover = remaining
        for index in counts.indices where weights[index] > 0 {
            counts[index] = remaining * weights[index] / totalWeight
            leftover -= counts[index]
        }
        for index in counts.indices where weights[index] > 0 && leftover > 0 {
            counts[index] += 1
            leftover -= 1
        }
        return counts
    }
}

extension Rect {
    /// The overlap of two rectangles; empty when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// True when the cell at column `x`, row `y` lies inside.
    public func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < maxX && y >= self.y && y < maxY
    }

    /// The rectangle shrunk by the given margins.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The rectangle shrunk by `margin` on every side.
    public func inset(by margin: Int) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    /// A rectangle of at most the given size, centred inside this one.
    public func centered(width: Int, height: Int) -> Rect {
        let width = min(max(0, width), self.width)
        let height = min(max(0, height), self.height)
        return Rect(x: x + (self.width - width) / 2, y: y + (self.height - height) / 2, width: width, height: height)
    }

    /// Side-by-side parts, left to right, with `spacing` columns between neighbours.
    public func splitIntoColumns(_ sizes: [LayoutSize], spacing: Int = 0) -> [Rect] {
        var left = x
        return LayoutSize.resolve(sizes, total: width - spacing * max(0, sizes.count - 1)).map { columns in
            defer { left += columns + spacing }
            return Rect(x: left, y: y, width: columns, height: height)
        }
    }

    /// Stacked parts, top to bottom, with `spacing` rows between neighbours.
    public func splitIntoRows(_ sizes: [LayoutSize], spacing: Int = 0) -> [Rect] {
        var top = y
        return LayoutSize.resolve(sizes, total: height - spacing * max(0, sizes.count - 1)).map { rows in
            defer { top += rows + spacing }
            return Rect(x: x, y: top, width: width, height: rows)
        }
    }
}

extension Style {
    /// This style with `other` laid over it: its colours replace these where set, its attributes add to these.
    public func patched(with other: Style) -> Style {
        Style(foreground: other.foreground ?? foreground, background: other.background ?? background,
              bold: bold || other.bold, reverse: reverse || other.reverse,
              underline: underline || other.underline, dim: dim || other.dim)
    }
}
