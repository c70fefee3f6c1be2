import ChanceryModel
import TerminalUI

/// The four list panes.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case timeline, organizations, visits, sources

    /// The pane's title.
    public var title: String {
        switch self {
        case .timeline: "Timeline"
        case .organizations: "Organizations"
        case .visits: "Visits"
        case .sources: "Sources"
        }
    }

    /// The kind of entity it lists.
    public var kind: EntityKind {
        switch self {
        case .timeline: .event
        case .organizations: .organization
        case .visits: .visit
        case .sources: .source
        }
    }

    /// The categories its kind can have, in the order the kind filter cycles through them ("every kind" aside).
    var categories: [String] {
        switch self {
        case .timeline: EventKind.allCases.map(\.rawValue)
        case .organizations: OrganizationKind.allCases.map(\.rawValue)
        case .visits: []
        case .sources: SourceKind.allCases.map(\.rawValue)
        }
    }

    /// The orders `s` cycles through, the standard one first; with `coded` (the pane's kind has machine-coded
    /// entities in the store), the orders by their coded facts too.
    func orders(coded: Bool) -> [ListOrder] {
        let codedOrders: [ListOrder] = coded ? [.byGoldstein, .byMentions, .byTone] : []
        return switch self {
        case .timeline: [.oldestFirst, .newestFirst, .byName, .byKind] + codedOrders
        case .organizations: [.byName, .byLinkedEvents, .byMemberSince]
        case .visits: [.oldestFirst, .newestFirst, .byName] + codedOrders
        case .sources: [.byName, .byLinkedEvents]
        }
    }

    /// The pane `step` places after this one, round the three.
    func advanced(by step: Int) -> Pane {
        let count = Pane.allCases.count
        return Pane(rawValue: ((rawValue + step) % count + count) % count)!
    }
}

/// A read of a window of a pane's list, waiting for its answer.
struct PageRequest: Hashable, Sendable {
    var id: Int
    var filter: EntityFilter
    var offset: Int
    var limit: Int
    /// The id of the row just before `offset`, when it is loaded for this filter: the store may seek past it.
    var after: String?
}

/// Rows that came without their count: the read that brought them, and whether their count is asked.
struct UncountedRows: Hashable, Sendable {
    var request: Int
    var isAsked = false
}

/// What happens to one list pane.
enum PaneAction: Hashable, Sendable {
    /// The selection moved by this many rows.
    case moved(by: Int)
    /// The selection went to this row (clamped to the list).
    case movedTo(row: Int)
    /// The pane lists something else now, from the top.
    case filterChanged(EntityFilter)
    /// A window of the list arrived, or could not be read.
    case pageLoaded(request: Int, Result<EntityPage, ReadFailure>)
    /// The count of the list arrived, or could not be read.
    case counted(request: Int, Result<Int, ReadFailure>)
    /// The titles were scrolled sideways by this many columns (left when negative).
    case scrolledSideways(by: Int)
}

/// A value picked in the facet view that the list must link to: a place, person or source (in `linkedTo`), or a
/// country (in `countries`, which takes in the places inside it).
public struct ChosenLink: Hashable, Sendable {
    /// Which facet it was picked in.
    public var facet: Facet
    /// The linked entity's id.
    public var id: String
    /// Its name, as the facet view showed it.
    public var name: String

    /// `filter` keeping, besides what it keeps, only what links to this entity.
    func added(to filter: EntityFilter) -> EntityFilter {
        var filter = filter
        if facet == .country { filter.countries.append(id) } else { filter.linkedTo.append(id) }
        return filter
    }

    /// `filter` without this link's condition.
    func removed(from filter: EntityFilter) -> EntityFilter {
        var filter = filter
        if facet == .country { filter.countries.removeAll { $0 == id } } else { filter.linkedTo.removeAll { $0 == id } }
        return filter
    }
}

/// One list pane: its filter, the window of rows loaded, the selection and the scroll position.
public struct PaneState: Hashable, Sendable {
    /// What the pane lists.
    public internal(set) var filter: EntityFilter
    /// The rows loaded, for `loadedFilter`.
    public internal(set) var loaded: EntityPage?
    var loadedFilter: EntityFilter?
    var pending: PageRequest?
    /// When the rows came without their count: the id of the read that brought them, which the count is asked under
    /// (so that whether a store counts at once or later changes no other read's id), and whether it is asked yet.
    var uncounted: UncountedRows?
    /// True when the end was asked for (`G`) before the list was counted: the selection goes there once it is.
    var goesToEndWhenCounted = false
    /// How many entities the pane lists with no filter at all, once known.
    public internal(set) var unfilteredTotal: Int?
    /// The categories its entities have in the store, once read: the kind filter offers only these.
    public internal(set) var presentCategories: Set<String>?
    /// Index of the selected row in the whole list.
    public internal(set) var selected = 0
    /// Index of the top visible row.
    public internal(set) var scroll = 0
    /// Columns of the title (or name) column scrolled out of view on the left, to read the end of long titles.
    public internal(set) var sideways = 0
    /// The places, countries, people and sources the list must link to, chosen in the facet view in this order
    /// (their conditions are in `filter`; these keep their names for the header).
    public internal(set) var chosenLinks: [ChosenLink] = []
    /// True when the pane lists only the marked records (`M`).
    public internal(set) var marksOnly = false

    /// How far `h`/`l` (or the arrows) scroll the titles.
    static let sidewaysStep = 10

    init(kind: EntityKind) {
        filter = EntityFilter(kind: kind)
    }

    /// How many rows match the filter, once counted.
    public var total: Int? { loadedFilter == filter && loaded?.isCounted == true ? loaded?.total : nil }

    /// How many rows the list is known to hold: all of them once counted, else those up to the end of the rows loaded.
    public var knownRows: Int? { loadedFilter == filter ? loaded?.total : nil }

    /// With a date range, how many rows the other date match would give, once known.
    public var otherDateMatchTotal: Int? { loadedFilter == filter ? loaded?.otherDateMatchTotal : nil }

    /// The row at `index` in the whole list, if it is loaded.
    public func row(at index: Int) -> EntitySummary? {
        guard loadedFilter == filter, let loaded, index >= loaded.offset, index < loaded.offset + loaded.rows.count else { return nil }
        return loaded.rows[index - loaded.offset]
    }

    /// The selected row, if loaded.
    public var selectedRow: EntitySummary? { row(at: selected) }

    /// True when the rows `range` (clamped to the list) are loaded for the current filter.
    func hasRows(_ range: Range<Int>) -> Bool {
        guard let knownRows else { return false }
        let wanted = range.clamped(to: 0..<knownRows)
        return wanted.isEmpty || (row(at: wanted.lowerBound) != nil && row(at: wanted.upperBound - 1) != nil)
    }

    /// Applies `action` for a pane showing `rows` rows; returns the error to show, if any.
    mutating func reduce(_ action: PaneAction, rows: Int) -> StatusMessage? {
        switch action {
        case .moved(let delta):
            goesToEndWhenCounted = false
            move(to: selected + delta, rows: rows)
        case .movedTo(let row):
            goesToEndWhenCounted = row == Int.max && total == nil
            move(to: row, rows: rows)
        case .filterChanged(let filter):
            guard filter != self.filter else { break }
            self.filter = filter
            uncounted = nil
            goesToEndWhenCounted = false
            selected = 0
            scroll = 0
            sideways = 0
        case .pageLoaded(let request, let result):
            guard let pending, pending.id == request else { break }
            self.pending = nil
            switch result {
            case .success(var page):
                // A count that came meanwhile stays.
                if !page.isCounted, loadedFilter == pending.filter, let loaded, loaded.isCounted { page.total = loaded.total; page.isCounted = true }
                uncounted = page.isCounted ? nil : UncountedRows(request: request)
                loaded = page
                loadedFilter = pending.filter
                unfilteredTotal = page.unfilteredTotal
            case .failure(let failure):
                if !failure.wasInterrupted { return StatusMessage(text: failure.message, isError: true) }
            }
        case .counted(let request, let result):
            guard let asked = uncounted, asked.request == request, asked.isAsked else { break }
            uncounted = nil
            switch result {
            case .success(let total):
                loaded?.total = total
                loaded?.isCounted = true
                if goesToEndWhenCounted {
                    goesToEndWhenCounted = false
                    move(to: total - 1, rows: rows)
                }
            case .failure(let failure):
                // An interrupted count is asked again.
                if failure.wasInterrupted { uncounted = UncountedRows(request: request) } else { return StatusMessage(text: failure.message, isError: true) }
            }
        case .scrolledSideways(let columns):
            // No further than leaves a step of the longest text loaded in view.
            let longest = loaded?.rows.map { $0.listedText.displayWidth }.max() ?? 0
            sideways = min(max(0, sideways + columns), max(0, longest - Self.sidewaysStep))
        }
        return nil
    }

    private mutating func move(to index: Int, rows: Int) {
        let target = min(max(0, index), max(0, (knownRows ?? 1) - 1))
        guard target != selected else { return }
        selected = target
        scroll = ListView.offsetKeepingVisible(selected: target, offset: scroll, height: rows)
    }

    /// Keeps the selection and scroll inside the list and on screen for `rows` rows, and returns the read of the
    /// visible window when it is neither loaded nor asked for (it is then pending, with the id `nextID` gives).
    mutating func reconcile(rows: Int, nextID: () -> Int) -> PageRequest? {
        if let knownRows {
            selected = min(selected, max(0, knownRows - 1))
            scroll = min(scroll, max(0, knownRows - rows))
            scroll = ListView.offsetKeepingVisible(selected: selected, offset: scroll, height: rows)
        }
        let visible = scroll..<(scroll + rows)
        let covered = pending.map { $0.filter == filter && $0.offset <= visible.lowerBound && $0.offset + $0.limit >= visible.upperBound } ?? false
        guard !hasRows(visible) && !covered else { return nil }
        let offset = max(0, scroll - rows)
        let request = PageRequest(id: nextID(), filter: filter, offset: offset, limit: rows * 3,
                                  after: offset > 0 ? row(at: offset - 1)?.id : nil)
        pending = request
        return request
    }

    /// The id of a count to ask for, when the rows loaded for the filter came without theirs and it is not asked yet.
    mutating func countRequest() -> Int? {
        guard loadedFilter == filter, let request = uncounted?.request, uncounted?.isAsked == false else { return nil }
        uncounted?.isAsked = true
        return request
    }

    /// The pane as back and forward restore it: the reads under way are forgotten, and asked again if still needed.
    var restored: PaneState {
        var pane = self
        pane.pending = nil
        pane.uncounted?.isAsked = false
        return pane
    }
}
