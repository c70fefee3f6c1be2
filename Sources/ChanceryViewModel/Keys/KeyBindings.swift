import TerminalUI

/// Where the keys go, each with its own bindings: a list pane, the detail, a source's text, a line being typed, the
/// help overlay.
public enum KeyMode: String, CaseIterable, Hashable, Sendable {
    case panes, detail, pager, histogram, facets, input, help
}

/// What a key asks the browser to do; one binding table maps keys to commands, mode by mode.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case moveDown, moveUp, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp
    case nextPane, previousPane, focusTimeline, focusOrganizations, focusVisits, focusSources
    case open, back, forward, narrow, toggleSubBodies, clearNarrowing, close, help, redraw, quit
    case filter, filterEveryPane, dateRange, writeList, pairCountries, toggleMark, editNote, toggleMarksOnly, openPalette, editNoteInEditor
    case previousSuggestion, nextSuggestion, takeSuggestion, toggleDateMatch, nextKind, previousKind, nextOrder, scrollRight, scrollLeft
    case cursorLeft, cursorRight, cursorToStart, cursorToEnd, deleteBackward, deleteForward, deleteToStart
    case submitLine, cancelLine
    case closeHelp, scrollHelpDown, scrollHelpUp
    case copy, closePager, nextMatch, previousMatch
    case focusHistogram, toggleHistogram, zoomIn, zoomOut
    case showFacets, nextFacet, previousFacet, toggleFacetOrder
}

/// One row of the binding table: the keys, the command they run in which modes, and the line help shows.
public struct KeyBinding: Hashable, Sendable {
    /// The keys that run the command.
    public let keys: [Key]
    /// The command.
    public let command: Command
    /// The modes in which these keys run it.
    public let modes: Set<KeyMode>
    /// What it does, for the help overlay and the README.
    public let summary: String

    init(_ keys: [Key], _ command: Command, in modes: Set<KeyMode>, _ summary: String) {
        self.keys = keys
        self.command = command
        self.modes = modes
        self.summary = summary
    }
}

/// The single key-binding table: it drives dispatch in every mode, the help overlay, `chancery keys` and the README.
/// While a line is being typed only its rows act, and any other printable character is typed.
public enum KeyBindings {
    private static let browsing: Set<KeyMode> = [.panes, .detail]

    /// Every binding, grouped by the modes it acts in, in the order help shows them.
    public static let table: [KeyBinding] = [
        KeyBinding([.down, .character("j")], .moveDown, in: browsing, "Move down"),
        KeyBinding([.up, .character("k")], .moveUp, in: browsing, "Move up"),
        KeyBinding([.character("g"), .home], .top, in: browsing, "Go to the top"),
        KeyBinding([.character("G"), .end], .bottom, in: browsing, "Go to the bottom"),
        KeyBinding([.pageDown], .pageDown, in: browsing, "Page down"),
        KeyBinding([.pageUp], .pageUp, in: browsing, "Page up"),
        KeyBinding([.control("d")], .halfPageDown, in: browsing, "Half a page down"),
        KeyBinding([.control("u")], .halfPageUp, in: browsing, "Half a page up"),
        KeyBinding([.tab], .nextPane, in: browsing, "Focus the next pane"),
        KeyBinding([.backTab], .previousPane, in: browsing, "Focus the previous pane"),
        KeyBinding([.character("1")], .focusTimeline, in: browsing, "Focus Timeline"),
        KeyBinding([.character("2")], .focusOrganizations, in: browsing, "Focus Organizations"),
        KeyBinding([.character("3")], .focusVisits, in: browsing, "Focus Visits"),
        KeyBinding([.character("4")], .focusSources, in: browsing, "Focus Sources"),
        KeyBinding([.character("0")], .focusHistogram, in: browsing, "Focus the years"),
        KeyBinding([.enter], .open, in: browsing, "Open item / follow link"),
        KeyBinding([.backspace, .character("[")], .back, in: browsing, "Back to the previous view"),
        KeyBinding([.character("]")], .forward, in: browsing, "Forward again"),
        KeyBinding([.character("m")], .toggleMark, in: browsing, "Mark or unmark it"),
        KeyBinding([.character("a")], .editNote, in: browsing, "Write a note on it"),
        KeyBinding([.character("A")], .editNoteInEditor, in: browsing, "Write it in $EDITOR"),
        KeyBinding([.character("n")], .narrow, in: browsing, "Narrow to organization"),
        KeyBinding([.character("b")], .toggleSubBodies, in: browsing, "Sub-bodies in or out"),
        KeyBinding([.character("x")], .clearNarrowing, in: browsing, "Clear the narrowing"),
        KeyBinding([.escape], .close, in: browsing, "Close, or drop a filter"),
        KeyBinding([.character(":")], .openPalette, in: browsing, "Command palette"),
        KeyBinding([.character("?")], .help, in: browsing, "Show this help"),
        KeyBinding([.control("l")], .redraw, in: browsing, "Redraw the screen"),
        KeyBinding([.character("q"), .control("c")], .quit, in: browsing, "Quit"),
        KeyBinding([.character("/")], .filter, in: [.panes], "Filter by words"),
        KeyBinding([.character("F")], .filterEveryPane, in: [.panes], "Same words, every pane"),
        KeyBinding([.character("d")], .dateRange, in: [.panes], "Filter by date: 1993"),
        KeyBinding([.character("D")], .toggleDateMatch, in: [.panes], "Within ↔ overlapping"),
        KeyBinding([.character("t")], .nextKind, in: [.panes], "Filter by the next kind"),
        KeyBinding([.character("T")], .previousKind, in: [.panes], "Kind filter, backwards"),
        KeyBinding([.character("s")], .nextOrder, in: [.panes], "Sort by the next order"),
        KeyBinding([.character("w")], .writeList, in: [.panes], "Write list to a file"),
        KeyBinding([.character("M")], .toggleMarksOnly, in: [.panes], "Only the marked, or all"),
        KeyBinding([.character("H")], .toggleHistogram, in: [.panes], "Show or hide the years"),
        KeyBinding([.character("f")], .showFacets, in: [.panes], "Count the list by facet"),
        KeyBinding([.right, .character("l")], .scrollRight, in: [.panes], "Scroll titles right"),
        KeyBinding([.left, .character("h")], .scrollLeft, in: [.panes], "Scroll titles left"),
        KeyBinding([.character("y")], .copy, in: [.detail], "Copy citation or id"),
        KeyBinding([.character("p")], .pairCountries, in: [.detail], "Pair with a country"),
        KeyBinding([.down, .character("j")], .moveDown, in: [.pager], "Line down"),
        KeyBinding([.up, .character("k")], .moveUp, in: [.pager], "Line up"),
        KeyBinding([.pageDown], .pageDown, in: [.pager], "Page down"),
        KeyBinding([.pageUp], .pageUp, in: [.pager], "Page up"),
        KeyBinding([.character("g"), .home], .top, in: [.pager], "Go to the top"),
        KeyBinding([.character("G"), .end], .bottom, in: [.pager], "Go to the bottom"),
        KeyBinding([.character("n")], .nextMatch, in: [.pager], "Next match of / words"),
        KeyBinding([.character("N")], .previousMatch, in: [.pager], "Previous match"),
        KeyBinding([.character("y")], .copy, in: [.pager], "Copy the citation"),
        KeyBinding([.escape, .character("q"), .character("[")], .closePager, in: [.pager], "Back to the detail"),
        KeyBinding([.control("c")], .quit, in: [.pager], "Quit"),
        KeyBinding([.right, .character("l")], .scrollRight, in: [.histogram], "Next year or decade"),
        KeyBinding([.left, .character("h")], .scrollLeft, in: [.histogram], "Previous one"),
        KeyBinding([.character("+"), .character("=")], .zoomIn, in: [.histogram], "A column a year"),
        KeyBinding([.character("-")], .zoomOut, in: [.histogram], "A column a decade"),
        KeyBinding([.enter], .open, in: [.histogram], "Filter Timeline to it"),
        KeyBinding([.escape, .tab, .character("1")], .close, in: [.histogram], "Back to the Timeline"),
        KeyBinding([.character("H")], .toggleHistogram, in: [.histogram], "Hide the years"),
        KeyBinding([.character("?")], .help, in: [.histogram], "Show this help"),
        KeyBinding([.character("q"), .control("c")], .quit, in: [.histogram], "Quit"),
        KeyBinding([.down, .character("j")], .moveDown, in: [.facets], "Next value"),
        KeyBinding([.up, .character("k")], .moveUp, in: [.facets], "Previous value"),
        KeyBinding([.tab, .character("f")], .nextFacet, in: [.facets], "Next facet"),
        KeyBinding([.backTab], .previousFacet, in: [.facets], "Previous facet"),
        KeyBinding([.character("s")], .toggleFacetOrder, in: [.facets], "By count or by value"),
        KeyBinding([.enter], .open, in: [.facets], "Filter the list by it"),
        KeyBinding([.escape, .character("q")], .close, in: [.facets], "Close the counts"),
        KeyBinding([.control("c")], .quit, in: [.facets], "Quit"),
        KeyBinding([.left], .cursorLeft, in: [.input], "Cursor left"),
        KeyBinding([.right], .cursorRight, in: [.input], "Cursor right"),
        KeyBinding([.home, .control("a")], .cursorToStart, in: [.input], "Cursor to the start"),
        KeyBinding([.end, .control("e")], .cursorToEnd, in: [.input], "Cursor to the end"),
        KeyBinding([.backspace], .deleteBackward, in: [.input], "Delete left of cursor"),
        KeyBinding([.delete], .deleteForward, in: [.input], "Delete at the cursor"),
        KeyBinding([.control("u")], .deleteToStart, in: [.input], "Delete to the start"),
        KeyBinding([.enter], .submitLine, in: [.input], "Apply the line"),
        KeyBinding([.escape], .cancelLine, in: [.input], "Cancel the line"),
        KeyBinding([.up], .previousSuggestion, in: [.input], "Previous suggestion (:)"),
        KeyBinding([.down], .nextSuggestion, in: [.input], "Next suggestion (:)"),
        KeyBinding([.tab], .takeSuggestion, in: [.input], "Take the suggestion (:)"),
        KeyBinding([.control("c")], .quit, in: [.input], "Quit"),
        KeyBinding([.character("?"), .escape, .character("q")], .closeHelp, in: [.help], "Close this help"),
        KeyBinding([.down, .character("j")], .scrollHelpDown, in: [.help], "Scroll down"),
        KeyBinding([.up, .character("k")], .scrollHelpUp, in: [.help], "Scroll up"),
        KeyBinding([.control("c")], .quit, in: [.help], "Quit"),
    ]

    /// What help and the README call the rows acting in exactly `modes`.
    public static func heading(for modes: Set<KeyMode>) -> String {
        switch modes {
        case browsing: "Lists and detail"
        case [.panes]: "Lists"
        case [.detail]: "Detail"
        case [.pager]: "A source's text"
        case [.histogram]: "The years (0)"
        case [.facets]: "Counts (f)"
        case [.input]: "A line being typed"
        case [.help]: "This help"
        default: KeyMode.allCases.filter(modes.contains).map(\.rawValue).joined(separator: ", ")
        }
    }

    /// The default key lists as Markdown tables, as the README shows them.
    public static func markdown() -> String {
        KeyMap.standard.markdown()
    }
}
