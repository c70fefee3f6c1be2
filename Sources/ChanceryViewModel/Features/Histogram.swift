import ChanceryModel

/// What happens to the year histogram.
enum HistogramAction: Hashable, Sendable {
    /// How the Timeline's dates spread over the years arrived, or could not be read.
    case loaded(request: Int, Result<DateSpread, ReadFailure>)
    /// The cursor moved by this many columns.
    case movedCursor(by: Int)
    /// `+` or `-`: a column a year, or a decade.
    case zoomed(HistogramColumns.Unit)
    /// H: shown or hidden, whatever the terminal's size would choose.
    case toggled(shownBySize: Bool)
}

/// The year histogram above the Timeline: how the dates of what the Timeline lists spread over the years, honest about
/// how well each is known. Shown by default on a wide terminal; its cursor picks a year (or decade) to filter by.
public struct HistogramState: Hashable, Sendable {
    /// Shown or hidden by the user; nil follows the terminal's size.
    var choice: Bool?
    /// The unit asked for with `+`/`-`; nil takes the finest whose columns fit.
    public internal(set) var unit: HistogramColumns.Unit?
    /// The first year of the column under the cursor; nil puts it on the latest column.
    public internal(set) var cursorYear: Int?
    /// How the Timeline's dates spread, once read.
    public internal(set) var spread: DateSpread?
    /// The filter `spread` was read for (its order aside).
    var spreadFilter: EntityFilter?
    /// The read under way, if any.
    var pending: Int?

    /// Whether it shows, given what the terminal's size would choose.
    public func isShown(bySize: Bool) -> Bool { choice ?? bySize }

    /// The columns for `width` columns of room.
    public func columns(width: Int) -> HistogramColumns? {
        spread.map { HistogramColumns($0, width: width, unit: unit) }
    }

    /// The index of the cursor's column among `columns`: the cursor's year, else the latest column.
    public func cursor(in columns: HistogramColumns) -> Int? {
        cursorYear.flatMap(columns.index(of:)) ?? (columns.columns.isEmpty ? nil : columns.columns.count - 1)
    }

    /// Applies `action` with `width` columns of room; returns the message to show, if any.
    mutating func reduce(_ action: HistogramAction, width: Int) -> StatusMessage? {
        switch action {
        case .loaded(let request, let result):
            guard pending == request else { return nil }
            pending = nil
            switch result {
            case .success(let spread): self.spread = spread
            case .failure(let failure) where failure.wasInterrupted:
                spreadFilter = nil  // asked again, since still needed
            case .failure(let failure):
                return StatusMessage(text: failure.message, isError: true)
            }
        case .movedCursor(let delta):
            guard let columns = columns(width: width), let cursor = cursor(in: columns) else { return nil }
            cursorYear = columns.columns[min(max(0, cursor + delta), columns.columns.count - 1)].year
        case .zoomed(let unit):
            self.unit = unit
        case .toggled(let shownBySize):
            choice = !isShown(bySize: shownBySize)
        }
        return nil
    }

    /// The read `filter` (the Timeline's) calls for, if the spread shown is not its own yet.
    mutating func reconcile(filter: EntityFilter, nextID: () -> Int) -> (id: Int, filter: EntityFilter)? {
        var unordered = filter
        unordered.order = .standard(for: filter.kind)
        guard spreadFilter != unordered else { return nil }
        spreadFilter = unordered
        let id = nextID()
        pending = id
        return (id, unordered)
    }
}
