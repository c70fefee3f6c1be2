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
    /// Timeline, Organizations and Visits, in `Pane` order.
    public let panes: [Rect]
    /// The detail: beside the panes when wide, over them when compact.
    public let detail: Rect

    /// The layout for a terminal of `width` × `height`; of Organizations and Visits, which share a row, the one
    /// named by `widening` (the focused one) takes three fifths of it, so that it is never narrower than at 80 columns.
    public init(width: Int, height: Int, widening: Pane? = nil) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            mode = .tooSmall
            header = Rect(x: 0, y: 0, width: 0, height: 0)
            status = header
            panes = [header, header, header]
            detail = header
            return
        }
        header = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = screen.inset(top: 1, bottom: 1)
        let listArea: Rect
        if width >= Self.wideWidth && height >= Self.wideHeight {
            mode = .wide
            let columns = body.splitIntoColumns([.proportional(11), .proportional(9)])
            listArea = columns[0]
            detail = columns[1]
        } else {
            mode = .compact
            listArea = body
            detail = body
        }
        let rows = listArea.splitIntoRows([.proportional(11), .proportional(9)])
        let shares: [LayoutSize] = switch widening {
        case .organizations: [.proportional(3), .proportional(2)]
        case .visits: [.proportional(2), .proportional(3)]
        case .timeline, nil: [.proportional(1), .proportional(1)]
        }
        let lower = rows[1].splitIntoColumns(shares)
        panes = [rows[0], lower[0], lower[1]]
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
