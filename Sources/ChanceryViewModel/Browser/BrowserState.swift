import ChanceryModel
import TerminalUI

/// Where the keys go.
public enum Focus: Hashable, Sendable {
    /// A list pane.
    case pane(Pane)
    /// The open detail.
    case detail
}

/// A message on the status line until the next key.
public struct StatusMessage: Hashable, Sendable {
    /// The text.
    public var text: String
    /// True for an error.
    public var isError: Bool
}

/// The whole state of the browser: the state of each feature (panes, detail, input, narrowing, history), where the
/// keys go and the terminal's size. `send` (Browser.swift) routes each action to the features.
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
    /// The organization Timeline and Visits are narrowed to, if any.
    public internal(set) var narrowing: Narrowing = .off
    /// The open detail, or the preview of the selection in the wide layout.
    public internal(set) var detail: DetailState?
    /// The line being typed, if any.
    public internal(set) var input: InputState?
    /// True while the help overlay shows.
    public internal(set) var showsHelp = false
    /// The text of a cited source, when one is open (over the detail).
    public internal(set) var pager: PagerState?
    /// The year histogram above the Timeline.
    public internal(set) var histogram = HistogramState()
    /// The facet view of a pane's list, when open.
    public internal(set) var facets: FacetsState?
    /// The kinds the store has machine-coded entities of (GDELT's): their panes offer the coded orders and facets.
    public internal(set) var codedKinds: Set<EntityKind> = []
    /// The key bindings in force: the defaults, or those of the user's configuration.
    public let bindings: KeyMap
    /// The analyst's marks and notes, as last read or saved (a change shows at once, before it is saved).
    public internal(set) var workingSet = WorkingSet()
    /// Every key pressed and resize since the browser opened, for `:trail FILE`.
    public internal(set) var trail: [ScriptStep] = []
    /// How many steps of the trail came before the palette's line opened (its own keys are not part of the trail).
    var trailLengthBeforePalette = 0
    /// The size the browser opened at, where a trail starts.
    let openedWidth: Int, openedHeight: Int
    /// The saved view to open once the working set is read, if one was asked for before.
    var viewAwaitingWorkingSet: String?
    /// True once the working set has been read.
    var hasReadWorkingSet = false
    /// The command palette's suggestions, while its line is open.
    public internal(set) var palette: PaletteState?
    /// The other country of a pair being looked for, if any.
    var pairSearch: PairSearch?
    /// True when the histogram has the keys.
    public internal(set) var isHistogramFocused = false
    /// What the user asked the shell for (a copy to the clipboard, a list written to a file), sent with the next effects.
    var outbox: [Effect] = []
    /// Rows the help is scrolled by, when it does not fit (kept within `HelpLayout.maxScroll`).
    public internal(set) var helpScroll = 0
    /// A message for the status line.
    public internal(set) var message: StatusMessage?
    /// True once the user asked to quit.
    public internal(set) var shouldQuit = false
    /// True when the screen should be repainted from scratch.
    public internal(set) var wantsRedraw = false
    /// The views back and forward return to.
    var history = History()
    var nextRequestID = 1

    /// A browser for a terminal of `width` × `height` with `bindings`, nothing loaded yet; `notice` (a configuration
    /// that was not taken, say) shows on the status line until the first key.
    public init(width: Int, height: Int, bindings: KeyMap = .standard, notice: String? = nil) {
        self.bindings = bindings
        message = notice.map { StatusMessage(text: $0, isError: true) }
        self.width = max(1, width)
        self.height = max(1, height)
        (openedWidth, openedHeight) = (self.width, self.height)
        helpScroll = min(helpScroll, HelpLayout(width: self.width, height: self.height, bindings: bindings).maxScroll)
    }

    /// Where everything goes at the current size.
    public var layout: ScreenLayout {
        let widening: Pane
        if case .pane(let pane) = focus { widening = pane } else { widening = paneFocus }
        return ScreenLayout(width: width, height: height, widening: widening, showsHistogram: showsHistogram)
    }

    /// Whether the histogram shows: by default when the terminal is wide, else as the user chose (H, 0).
    public var showsHistogram: Bool {
        histogram.isShown(bySize: showsHistogramBySize)
    }

    /// Whether the terminal's size alone would show the histogram.
    var showsHistogramBySize: Bool {
        width >= ScreenLayout.wideWidth && height >= ScreenLayout.wideHeight
    }

    /// The columns of room inside the histogram's border.
    var histogramWidth: Int { max(1, (layout.histogram?.width ?? width) - 2) }

    /// The state of one pane.
    public internal(set) subscript(pane: Pane) -> PaneState {
        get { panes[pane.rawValue] }
        set { panes[pane.rawValue] = newValue }
    }

    /// The bindings the next key is looked up in.
    public var keyMode: KeyMode {
        if input != nil { return .input }
        if showsHelp { return .help }
        if pager != nil { return .pager }
        if facets != nil { return .facets }
        if isHistogramFocused { return .histogram }
        return focus == .detail ? .detail : .panes
    }

    /// True while what the next key acts on is being read: the selected row of the focused pane, or the open detail
    /// (a line being typed acts on its own text), or a source's text being read. A key typed ahead then waits for it, as if typed at a person's pace.
    public var awaitsWhatKeysActOn: Bool {
        if input != nil || showsHelp { return false }
        if let pager { return pager.document == nil && !pager.isMissing }
        if isDetailOpen { return detail.map { !$0.isLoaded && !$0.isMissing } ?? false }
        let pane = self[paneFocus]
        return pane.total != 0 && pane.selectedRow == nil
    }

    /// True when the detail has the keys.
    public var isDetailOpen: Bool { focus == .detail }

    /// How many views back can return to.
    public var backDepth: Int { history.back.count }
    /// How many views forward can return to.
    public var forwardDepth: Int { history.forward.count }

    /// The room the detail's text has at the current size.
    var detailViewport: DetailViewport {
        DetailViewport(columns: layout.detailColumns, rows: layout.detailRows)
    }

    mutating func resize(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        helpScroll = min(helpScroll, HelpLayout(width: self.width, height: self.height, bindings: bindings).maxScroll)
    }

    /// What back and forward record and restore.
    var navigationEntry: NavigationEntry {
        NavigationEntry(panes: panes, focus: focus, paneFocus: paneFocus, narrowing: narrowing, detail: detail)
    }

    /// Puts back a navigation entry, laid out for the current size; reads that were under way then are asked again
    /// if still needed.
    mutating func restore(_ entry: NavigationEntry) {
        panes = entry.panes.map(\.restored)
        focus = entry.focus
        paneFocus = entry.paneFocus
        narrowing = entry.narrowing
        let viewport = detailViewport
        detail = entry.detail?.restored
        _ = detail?.reduce(.viewportChanged, in: viewport)
    }
}
