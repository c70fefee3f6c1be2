extension String {
    /// This text with every control, bidi-control and invisible grapheme replaced by a visible single-column stand-in.
    ///
    /// C0 controls become Control Pictures (ESC → ␛, tab → ␉, newline → ␊), DEL becomes ␡,
    /// C1 controls, bidi controls, line/paragraph separators and lone zero-width format characters become �,
    /// a soft hyphen becomes "-", and a combining mark with nothing to combine with is shown on a dotted circle ◌.
    public func sanitized() -> String {
        if utf8.allSatisfy(isPrintableASCII) { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if let replacement = Glyph.classify(character).replacement {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// This text sanitised, without the graphemes that start in its first `count` columns (a wide one cut in two
    /// goes whole): what is left in view of text scrolled sideways.
    public func droppingLeadingColumns(_ count: Int) -> String {
        var dropped = 0
        var result = ""
        for glyph in Glyphs(self) {
            if dropped < count {
                dropped += glyph.width
            } else {
                result += glyph.grapheme
            }
        }
        return result
    }

    /// This text sanitised and cut to at most `width` columns when it does not fit, with "…" at the end or, for
    /// `.middle`, between its start and its end.
    public func truncated(toWidth width: Int, truncation: Truncation = .end) -> String {
        var result = ""
        for glyph in fitted(Glyphs(self).styled(.plain), width: width, truncation: truncation) {
            result += glyph.glyph.grapheme
        }
        return result
    }
}

/// A sanitised grapheme ready for one cell (two for a wide one), with its width in columns.
struct Glyph {
    /// The grapheme as the cell shows it; never a control, never zero-width.
    let grapheme: String
    /// Columns taken: 1 or 2.
    let width: Int

    /// A blank.
    static let space = Glyph(grapheme: " ", width: 1)
    /// The horizontal ellipsis that ends truncated text.
    static let ellipsis = Glyph(grapheme: "…", width: 1)

    init(grapheme: String, width: Int) {
        self.grapheme = grapheme
        self.width = width
    }

    /// The glyphs a character is drawn as, one per cell (see `DisplayWidth`): one for most, one per scalar that
    /// takes columns for a cluster with spacing marks, and a stand-in for anything invisible.
    static func cells(of character: Character) -> [Glyph] {
        if let ascii = character.asciiValue {  // "\r\n" reports its "\n"
            switch ascii {
            case 0x20..<0x7F: return [printableASCII[Int(ascii) - 0x20]]
            case 0x7F: return [Glyph(grapheme: "\u{2421}", width: 1)]
            default: return [Glyph(grapheme: String(Unicode.Scalar(0x2400 + UInt32(ascii))!), width: 1)]
            }
        }
        let scalars = character.unicodeScalars
        if scalars.contains(where: isUnsafe) { return [Glyph(grapheme: "\u{FFFD}", width: 1)] }
        if character == "\u{AD}" { return [Glyph(grapheme: "-", width: 1)] }
        if DisplayWidth.isEmojiCluster(character) && (!scalars.contains(where: DisplayWidth.isTag) || DisplayWidth.isTagSequence(character)) {
            return [Glyph(grapheme: String(character), width: DisplayWidth.emojiWidth(character))]
        }
        // Scalar by scalar: each one that takes columns starts a cell, those that take none ride on the cell before;
        // a tag character (hidden text) is shown as a stand-in of its own.
        var cells: [(text: String, width: Int)] = []
        for scalar in scalars {
            let width = DisplayWidth.scalarWidth(scalar)
            if DisplayWidth.isTag(scalar) {
                cells.append(("\u{FFFD}", 1))
            } else if width > 0 || cells.isEmpty {
                cells.append((String(scalar), width))
            } else {
                cells[cells.count - 1].text.unicodeScalars.append(scalar)
            }
        }
        return cells.map { cell in
            if cell.width > 0 { return Glyph(grapheme: cell.text, width: cell.width) }
            // Nothing visible to ride on: a mark is shown on a dotted circle, anything else as a stand-in.
            let first = cell.text.unicodeScalars.first!
            switch first.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: return Glyph(grapheme: "\u{25CC}" + cell.text, width: 1)
            default: return Glyph(grapheme: "\u{FFFD}", width: 1)
            }
        }
    }

    /// The glyphs of the printable ASCII characters, space to tilde, made once.
    static let printableASCII: [Glyph] = (0x20..<0x7F).map { Glyph(grapheme: String(Unicode.Scalar(UInt8($0))), width: 1) }

    /// How a character is drawn: `replacement` is nil when it is drawn as itself; `width` counts all its cells.
    static func classify(_ character: Character) -> (replacement: String?, width: Int) {
        let cells = cells(of: character)
        let text = cells.map(\.grapheme).joined()
        return (text == String(character) ? nil : text, cells.reduce(0) { $0 + $1.width })
    }

    /// True for scalars that could move the cursor, change the terminal or reorder text:
    /// C0 and C1 controls, DEL, bidi controls, line and paragraph separators.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// The sanitised glyphs of a text; printable ASCII text is read byte by byte, skipping grapheme breaking.
struct Glyphs: Sequence, IteratorProtocol {
    /// The UTF-8 of the whole string the text belongs to, read when the text is all printable ASCII.
    private let utf8: String.UTF8View
    /// The next ASCII byte to read.
    private var position: String.Index
    /// Where the text's bytes end.
    private let end: String.Index
    /// The characters still to read, when the text is not all printable ASCII.
    private var characters: Substring.Iterator?
    /// Cells of the last character read that are still to hand out, last first.
    private var pending: [Glyph] = []

    /// The glyphs of `text`.
    init(_ text: Substring) {
        utf8 = text.base.utf8
        position = text.startIndex
        end = text.endIndex
        let isAllPrintableASCII = text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPrintableASCII) }
            ?? text.utf8.allSatisfy(isPrintableASCII)
        if !isAllPrintableASCII { characters = text.makeIterator() }
    }

    /// The glyphs of `text`.
    init(_ text: String) {
        self.init(text[...])
    }

    mutating func next() -> Glyph? {
        if characters != nil {
            if let cell = pending.popLast() { return cell }
            guard let character = characters!.next() else { return nil }
            let cells = Glyph.cells(of: character)
            if cells.count > 1 { pending = cells.dropFirst().reversed() }
            return cells[0]
        }
        guard position < end else { return nil }
        defer { position = utf8.index(after: position) }
        return Glyph.printableASCII[Int(utf8[position]) - 0x20]
    }
}

extension Sequence<Glyph> {
    /// These glyphs, each painted with `style`.
    func styled(_ style: Style) -> LazyMapSequence<Self, StyledGlyph> {
        lazy.map { StyledGlyph($0, style) }
    }
}

/// True for the UTF-8 bytes of space to tilde.
private func isPrintableASCII(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F
}
