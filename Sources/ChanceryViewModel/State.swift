import ChanceryModel
import TerminalUI

/// The three list panes.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case timeline, organizations, visits

    /// The pane's title.
    public var title: String {
        switch self {
        case .timeline: "Timeline"
        case .organizations: "Organizations"
        case .visits: "Visits"
        }
    }

    /// The kind of entity it lists.
    public var kind: EntityKind {
        switch self {
        case .timeline: .event
        case .organizations: .organization
        case .visits: .visit
        }
    }

    /// The categories its kind filter cycles through.
    var categories: [String] {
        switch self {
        case .timeline: EventKind.allCases.map(\.rawValue)
        case .organizations: OrganizationKind.allCases.map(\.rawValue)
        case .visits: []
        }
    }
}

/// Where the keys go.
public enum Focus: Hashable, Sendable {
    /// A list pane.
    case pane(Pane)
    /// The open detail.
    case detail
}

/// A read of a window of a pane's list, waiting for its answer.
struct PageRequest: Hashable, Sendable {
    var id: Int
    var filter: EntityFilter
    var offset: Int
    var limit: Int
}

/// One list pane: its filter, the window of rows loaded, the selection and the scroll position.
public struct PaneState: Hashable, Sendable {
    /// What the pane lists.
    public var filter: EntityFilter
    /// The rows loaded, for `loadedFilter`.
    public private(set) var loaded: EntityPage?
    private var loadedFilter: EntityFilter?
    var pending: PageRequest?
    /// How many entities the pane lists with no filter at all, once known.
    public private(set) var unfilteredTotal: Int?
    /// Index of the selected row in the whole list.
    public var selected = 0
    /// Index of the top visible row.
    public var scroll = 0

    init(kind: EntityKind) {
        filter = EntityFilter(kind: kind)
    }

    /// How many rows match the filter, once known.
    public var total: Int? { loadedFilter == filter ? loaded?.total : nil }

    /// The row at `index` in the whole list, if it is loaded.
    public func row(at index: Int) -> EntitySummary? {
        guard loadedFilter == filter, let loaded, index >= loaded.offset, index < loaded.offset + loaded.rows.count else { return nil }
        return loaded.rows[index - loaded.offset]
    }

    /// The selected row, if loaded.
    public var selectedRow: EntitySummary? { row(at: selected) }

    /// True when the rows `range` (clamped to the list) are loaded for the current filter.
    func hasRows(_ range: Range<Int>) -> Bool {
        guard let total else { return false }
        let wanted = range.clamped(to: 0..<total)
        return wanted.isEmpty || (row(at: wanted.lowerBound) != nil && row(at: wanted.upperBound - 1) != nil)
    }

    mutating func receive(_ page: EntityPage, for request: PageRequest) {
        loaded = page
        loadedFilter = request.filter
        pending = nil
        unfilteredTotal = page.unfilteredTotal
    }

    /// Changes the filter and goes back to the top.
    mutating func setFilter(_ filter: EntityFilter) {
        guard filter != self.filter else { return }
        self.filter = filter
        selected = 0
        scroll = 0
    }
}

/// The detail of one entity: its record once loaded, and which link is selected.
public struct DetailState: Hashable, Sendable {
    /// The entity shown.
    public var id: String
    /// Its record, once loaded.
    public var detail: EntityDetail?
    /// True when the store has no such entity.
    public var isMissing = false
    /// Index of the selected link among the detail's selectable lines.
    public var selectedLink = 0
    /// Index of the top visible line.
    public var scroll = 0
    /// The record laid out for the detail pane's width, kept here so that the update and the screen read the same
    /// lines (`BrowserState.send` lays it out again when the width changes).
    public internal(set) var document: DetailDocument?
    var pending: Int?

    init(id: String) {
        self.id = id
    }
}

/// What a line of input is for.
public enum InputPurpose: Hashable, Sendable {
    /// The words filter of a pane, applied as typed.
    case filter(Pane)
    /// The date range of a pane, applied on Enter.
    case dateRange(Pane)
}

/// A line being typed, with its cursor (in characters).
public struct InputState: Hashable, Sendable {
    /// The most characters a line takes: a longer paste is cut there, and the line says so.
    public static let maximumLength = 256

    /// What it is for.
    public var purpose: InputPurpose
    /// The text typed.
    public var text: String
    /// The cursor's position, in Characters (grapheme clusters) of `text`: from 0 to `text.count`.
    public var cursor: Int
    /// A remark shown beside the line until the next key (why a key was refused).
    public var notice: String? = nil
    /// The view when the line opened: Esc goes back to it, and Enter records it as the step back undoes.
    var before: NavigationEntry? = nil
}

/// A message on the status line until the next key.
public struct StatusMessage: Hashable, Sendable {
    /// The text.
    public var text: String
    /// True for an error.
    public var isError: Bool
}

/// What back and forward restore: everything the user navigated, not the transient bits.
struct NavigationEntry: Hashable, Sendable {
    var panes: [PaneState]
    var focus: Focus
    var paneFocus: Pane
    var narrowing: EntitySummary?
    var detail: DetailState?
}

/// The whole state of the browser.
public struct BrowserState: Hashable, Sendable {
    /// Terminal width in columns.
    public private(set) var width: Int
    /// Terminal height in rows.
    public private(set) var height: Int
    /// Timeline, Organizations and Visits, in `Pane` order.
    public internal(set) var panes: [PaneState] = Pane.allCases.map { PaneState(kind: $0.kind) }
    /// Where the keys go.
    public internal(set) var focus: Focus = .pane(.timeline)
    /// The pane focused last, where closing the detail returns.
    public internal(set) var paneFocus: Pane = .timeline
    /// The organization that Timeline and Visits are narrowed to.
    public internal(set) var narrowing: EntitySummary?
    /// The open detail, or the preview of the selection in the wide layout.
    public internal(set) var detail: DetailState?
    /// The line being typed, if any.
    public internal(set) var input: InputState?
    /// True while the help overlay shows.
    public internal(set) var showsHelp = false
    /// A message for the status line.
    public internal(set) var message: StatusMessage?
    /// True once the user asked to quit.
    public internal(set) var shouldQuit = false
    /// True when the screen should be repainted from scratch.
    public internal(set) var wantsRedraw = false
    var backStack: [NavigationEntry] = []
    var forwardStack: [NavigationEntry] = []

    var nextRequestID = 1

    /// A browser for a terminal of `width` × `height`, nothing loaded yet.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Where everything goes at the current size.
    public var layout: ScreenLayout { ScreenLayout(width: width, height: height) }

    /// The state of one pane.
    public subscript(pane: Pane) -> PaneState {
        get { panes[pane.rawValue] }
        set { panes[pane.rawValue] = newValue }
    }

    /// True when the detail has the keys.
    public var isDetailOpen: Bool { focus == .detail }

    /// How many views back can return to.
    public var backDepth: Int { backStack.count }
    /// How many views forward can return to.
    public var forwardDepth: Int { forwardStack.count }

    mutating func resize(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
    }

    mutating func takeRequestID() -> Int {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    var navigationEntry: NavigationEntry {
        NavigationEntry(panes: panes, focus: focus, paneFocus: paneFocus, narrowing: narrowing, detail: detail)
    }

    /// Puts back a navigation entry; reads that were under way then are asked again if still needed.
    mutating func restore(_ entry: NavigationEntry) {
        panes = entry.panes.map { pane in
            var pane = pane
            pane.pending = nil
            return pane
        }
        focus = entry.focus
        paneFocus = entry.paneFocus
        narrowing = entry.narrowing
        detail = entry.detail
        detail?.pending = nil
    }
}
