import TerminalUI

/// Where each part of the browser goes for a terminal size.
public struct ScreenLayout: Hashable, Sendable {
    /// How the screen is arranged.
    public enum Mode: Hashable, Sendable {
        /// Three panes and the detail beside them.
        case wide
        /// Three panes; an open detail replaces them.
        case compact
        /// Below the minimum: only a message.
        case tooSmall
    }

    /// Smallest usable size.
    public static let minimumWidth = 60, minimumHeight = 16
    /// From this size up, the detail sits beside the panes.
    public static let wideWidth = 110, wideHeight = 30

    /// The arrangement.
    public let mode: Mode
    /// The top row: title and active filters.
    public let header: Rect
    /// The bottom row: messages, key hints or the input line.
    public let status: Rect
    /// Timeline, Organizations, Visits and Sources, in `Pane` order.
    public let panes: [Rect]
    /// The detail: beside the panes (above Sources) when wide, over them when compact.
    public let detail: Rect
    /// The year histogram above the Timeline, when shown and there is room for it.
    public let histogram: Rect?

    /// Rows the histogram takes: its border, three rows of bars, the row of what may fall there, the years.
    public static let histogramHeight = 7

    /// The layout for a terminal of `width` × `height`. Wide, Organizations and Visits share the row under the
    /// Timeline, the one named by `widening` (the focused one) taking three fifths, and Sources sits under the detail;
    /// compact, the three share that row two, two and one parts, the focused one two parts more.
    public init(width: Int, height: Int, widening: Pane? = nil, showsHistogram: Bool = false) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            mode = .tooSmall
            header = Rect(x: 0, y: 0, width: 0, height: 0)
            status = header
            panes = Array(repeating: header, count: Pane.allCases.count)
            detail = header
            histogram = nil
            return
        }
        header = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = screen.inset(top: 1, bottom: 1)
        if width >= Self.wideWidth && height >= Self.wideHeight {
            // The lists on the left; on the right the detail, and Sources below it.
            mode = .wide
            let columns = body.splitIntoColumns([.proportional(11), .proportional(9)])
            let right = columns[1].splitIntoRows([.proportional(3), .proportional(1)])
            let rows = columns[0].splitIntoRows([.proportional(11), .proportional(9)])
            let lower = rows[1].splitIntoColumns(Self.shares([.organizations: 2, .visits: 2], widening: widening, by: 1))
            detail = right[0]
            (histogram, panes) = Self.histogram(over: [rows[0]] + lower + [right[1]], if: showsHistogram)
        } else {
            mode = .compact
            detail = body
            let rows = body.splitIntoRows([.proportional(11), .proportional(9)])
            (histogram, panes) = Self.histogram(over: [rows[0]] + rows[1].splitIntoColumns(
                Self.shares([.organizations: 2, .visits: 2, .sources: 1], widening: widening, by: 2)), if: showsHistogram)
        }
    }

    /// The histogram taken from the top of the Timeline's place, when asked for and the Timeline keeps three rows.
    private static func histogram(over panes: [Rect], if shown: Bool) -> (Rect?, [Rect]) {
        let timeline = panes[Pane.timeline.rawValue]
        guard shown, timeline.height >= histogramHeight + 5 else { return (nil, panes) }
        let parts = timeline.splitIntoRows([.fixed(histogramHeight), .proportional(1)])
        var panes = panes
        panes[Pane.timeline.rawValue] = parts[1]
        return (parts[0], panes)
    }

    /// Shares of a row of panes, in `Pane` order: each its `weights` part, the one named by `widening` `extra` more.
    private static func shares(_ weights: KeyValuePairs<Pane, Int>, widening: Pane?, by extra: Int) -> [LayoutSize] {
        weights.map { pane, weight in .proportional(weight + (pane == widening ? extra : 0)) }
    }

    /// The rows of a pane's list that fit inside its border.
    public func visibleRows(_ pane: Pane) -> Int {
        max(1, panes[pane.rawValue].height - 2)
    }

    /// The lines of the detail that fit inside its border.
    public var detailRows: Int { max(1, detail.height - 2) }
    /// The columns of text inside the detail's border.
    public var detailColumns: Int { max(1, detail.width - 2) }
}
