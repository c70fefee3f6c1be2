/// A key press, or a change of terminal size, as the interface receives it.
public enum Key: Hashable, Sendable {
    /// A printable character typed.
    case character(Character)
    /// A control chord, Ctrl plus a lowercase letter (`ctrl("d")` for Ctrl-D).
    case control(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}
