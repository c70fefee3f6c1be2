/// A key press as the interface receives it (a change of terminal size is not a key: see `TerminalInput.resize`).
public enum Key: Hashable, Sendable {
    /// A printable character typed.
    case character(Character)
    /// A control chord, Ctrl plus a lowercase letter (`ctrl("d")` for Ctrl-D).
    case control(Character)
    /// The Enter (Return) key.
    case enter
    /// The Tab key.
    case tab
    /// Shift-Tab.
    case backTab
    /// The Escape key.
    case escape
    /// The Backspace key.
    case backspace
    /// The Delete key.
    case delete
    /// The up arrow.
    case up
    /// The down arrow.
    case down
    /// The left arrow.
    case left
    /// The right arrow.
    case right
    /// The Page Up key.
    case pageUp
    /// The Page Down key.
    case pageDown
    /// The Home key.
    case home
    /// The End key.
    case end
}
