/// What one read of the keyboard gave.
public enum TerminalInput: Hashable, Sendable {
    /// A key the interface has a name for.
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// A mouse button or wheel, at a cell.
    case mouse(MouseEvent)
    /// A key it has no name for (F1, Insert, a stray control code): to be ignored, however many arrive.
    case unboundKey
    /// Nothing: the wait ran out, a quit signal arrived, or the input is gone.
    case nothing
}

/// The terminal as a run loop sees it: a size, frames drawn from screen buffers, keys read with a timeout and the
/// quit signals caught. The ncurses terminal is one; tests drive the loop with a scripted one.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// The number of a quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) caught since the terminal opened, if any.
    var pendingQuitSignal: Int32? { get }
    /// Shows `buffer`, with the cursor at `cursor` or hidden.
    func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?)
    /// Makes the next `draw` repaint every cell, for a screen something else has written over.
    func invalidate()
    /// The next input, waiting at most `timeoutMilliseconds` (-1: until there is one).
    func nextInput(timeoutMilliseconds: Int32) -> TerminalInput
    /// Asks the terminal to put `text` on the system clipboard (OSC 52); a terminal that does not take it ignores it.
    func copyToClipboard(_ text: String)
    /// Gives the terminal back to the shell while `body` runs (an editor), then takes it again, to be repainted.
    func runOutside<T>(_ body: () -> T) -> T
}

/// What the mouse did, and at which cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    /// A press of the first button, or a turn of the wheel.
    public enum Kind: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    /// What it did.
    public var kind: Kind
    /// The column.
    public var x: Int
    /// The row.
    public var y: Int

    /// `kind` at column `x`, row `y`.
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
