import ChanceryViewModel
import TerminalUI

/// The browser's colours and attributes, chosen to read on dark and light backgrounds alike
/// (no background colours but the selection; the backend drops colours under NO_COLOR).
enum Theme {
    static let border = Style(dim: true)
    static let focusedBorder = Style(foreground: .cyan, bold: true)
    static let selection = Style(reverse: true)
    static let inactiveSelection = Style(underline: true)
    static let date = Style(foreground: .yellow)
    static let category = Style(foreground: .magenta)
    static let acronym = Style(foreground: .cyan, bold: true)
    static let count = Style(dim: true)
    /// The mark sign of a marked row.
    static let mark = Style(foreground: .green, bold: true)
    static let placeholder = Style(dim: true)
    static let appName = Style(bold: true)
    static let chip = Style(foreground: .black, background: .cyan)
    static let status = Style(reverse: true)
    static let error = Style(foreground: .red, bold: true)
    static let keyName = Style(foreground: .cyan, bold: true)
    static let helpHeading = Style(bold: true, underline: true)
    /// The quote a citation takes, in its source's text.
    static let quoteInText = Style(foreground: .green, bold: true, reverse: true)
    /// The histogram's bars: what lies within a year.
    static let histogramBar = Style(foreground: .cyan)
    /// The histogram's shades: what may fall in a year.
    static let histogramShade = Style(dim: true)
    /// A word of the / filter in a source's text, found by n and N.
    static let matchInText = Style(foreground: .yellow, bold: true, reverse: true)

    /// The style of a detail text role.
    static func style(_ role: TextRole) -> Style {
        switch role {
        case .title: Style(bold: true)
        case .meta: Style(dim: true)
        case .label: Style(bold: true)
        case .body: .plain
        case .heading: Style(foreground: .yellow, bold: true)
        case .link: Style(foreground: .cyan)
        case .linkRole: Style(dim: true)
        case .quote: Style(foreground: .green)
        case .source: Style(bold: true)
        case .note: Style(dim: true)
        }
    }
}
