/// One of the eight ANSI colours a cell can be painted with.
public enum TerminalColor: Int, Hashable, Sendable, CaseIterable {
    /// ANSI colour 0, black.
    case black
    /// ANSI colour 1, red.
    case red
    /// ANSI colour 2, green.
    case green
    /// ANSI colour 3, yellow.
    case yellow
    /// ANSI colour 4, blue.
    case blue
    /// ANSI colour 5, magenta.
    case magenta
    /// ANSI colour 6, cyan.
    case cyan
    /// ANSI colour 7, white.
    case white
}

/// How a cell is painted: colours (nil means the terminal's default) and attributes.
public struct Style: Hashable, Sendable {
    /// Foreground colour, or nil for the terminal's default.
    public var foreground: TerminalColor?
    /// Background colour, or nil for the terminal's default.
    public var background: TerminalColor?
    /// Bold (bright) text.
    public var bold: Bool
    /// Foreground and background swapped.
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool
    /// Dimmed text.
    public var dim: Bool

    /// A style; every part defaults to plain.
    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()
}

/// One column of the screen.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, already sanitised; "" marks the right half of a wide grapheme.
    public var grapheme: String
    /// How it is painted.
    public var style: Style

    /// A cell holding `grapheme` painted with `style`.
    public init(grapheme: String, style: Style = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    /// A blank cell.
    public static let blank = Cell(grapheme: " ")
    /// True for the right half of a two-column grapheme, which the terminal fills itself.
    public var isContinuation: Bool { grapheme.isEmpty }
}

/// A rectangle of cells, in columns and rows from the top-left corner.
public struct Rect: Hashable, Sendable {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Width in columns.
    public var width: Int
    /// Height in rows.
    public var height: Int

    /// A rectangle; negative sizes are clamped to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the right-most column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
}

/// The screen as a plain grid of cells: widgets draw into it, the terminal backend copies it out.
public struct ScreenBuffer: Hashable, Sendable {
    /// Width in columns.
    public let width: Int
    /// Height in rows.
    public let height: Int
    /// Cells row by row.
    public internal(set) var cells: [Cell]

    /// A blank buffer of the given size.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a column and row; reads outside the buffer give a blank cell, writes there are dropped. Only
    /// TerminalUI writes cells (through the sanitising drawing methods), so no unsanitised text reaches a cell.
    public internal(set) subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }
}
