import CNcurses
import Synchronization
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the interactive terminal could not be opened.
public enum TerminalError: Error, CustomStringConvertible {
    /// Standard input or standard output is not a terminal.
    case notATerminal
    /// The terminal type (TERM) is unknown or cannot position the cursor.
    case unusableTerminal(type: String)

    /// A message for the user, naming the non-interactive alternatives where they help.
    public var description: String {
        switch self {
        case .notATerminal:
            "chancery's browser needs an interactive terminal on standard input and output; "
                + "use `chancery snapshot` or `chancery list` for non-interactive output."
        case .unusableTerminal(let type):
            (type.isEmpty ? "TERM is not set; " : "the terminal type \"\(type)\" is unknown or cannot position the cursor; ")
                + "set TERM to a full-screen terminal such as xterm-256color, "
                + "or use `chancery snapshot` or `chancery list`."
        }
    }
}

/// The full-screen terminal, driven by ncurses: copies screen buffers out and reads keys.
public final class NcursesTerminal: TerminalBackend {
    /// The quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received since opening, or 0; written by the signal handler.
    private static let quitSignal = Atomic<Int32>(0)
    /// SIGQUIT (Ctrl-\\) is one of them: left to the Swift runtime, it would print a crash report over the screen
    /// and hold the terminal; caught, it quits like SIGTERM, with the terminal given back.
    private static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals the browser must receive even when whoever started it blocked them (a blocked mask is inherited
    /// across exec: a test runner's worker thread, some launchers): quitting, resizing, suspending, resuming.
    private static let neededSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT]

    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private let usesColour: Bool
    private var colourPairs: [Int: Int16] = [:]
    private let previousActions: [(signal: Int32, action: sigaction)]
    private let previousMask: sigset_t

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, usesColour: Bool,
                 previousActions: [(signal: Int32, action: sigaction)], previousMask: sigset_t) {
        self.screen = screen
        self.window = window
        self.usesColour = usesColour
        self.previousActions = previousActions
        self.previousMask = previousMask
    }

    deinit { close() }

    /// Takes over the terminal (alternate screen, raw keys, hidden cursor); throws `TerminalError` when there is none.
    public static func open(mouse: Bool = false) throws -> NcursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        if let ctype = setlocale(LC_CTYPE, nil), ["C", "POSIX"].contains(String(cString: ctype)) {
            setlocale(LC_CTYPE, "C.UTF-8")  // no locale configured: still decode and measure UTF-8
        }
        var previousMask = unblockNeededSignals()
        // Installed before newterm, so ncurses keeps these instead of its own exit-on-signal handlers.
        quitSignal.store(0, ordering: .relaxed)
        let previousActions = quitSignals.map { signal in
            var previous = sigaction()
            chancery_catch_signal(signal, { NcursesTerminal.quitSignal.store($0, ordering: .relaxed) }, &previous)
            return (signal: signal, action: previous)
        }
        let unusable = TerminalError.unusableTerminal(type: getenv("TERM").map { String(cString: $0) } ?? "")
        guard let screen = chancery_newterm() else {
            restore(previousActions, mask: &previousMask)
            throw unusable
        }
        guard chancery_can_address_cursor(), let window = chancery_stdscr() else {
            endwin()
            delscreen(screen)
            restore(previousActions, mask: &previousMask)
            throw unusable
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        if mouse { chancery_enable_mouse() }
        let noColour = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let usesColour = !noColour && has_colors() && start_color() == OK && use_default_colors() == OK
        return NcursesTerminal(screen: screen, window: window, usesColour: usesColour, previousActions: previousActions,
                               previousMask: previousMask)
    }

    /// Opens the terminal, runs `body` with it, and always restores the terminal afterwards, even when `body` throws.
    public static func withTerminal<T>(mouse: Bool = false, _ body: (NcursesTerminal) throws -> T) throws -> T {
        let terminal = try open(mouse: mouse)
        defer { terminal.close() }
        return try body(terminal)
    }

    /// Gives the terminal back to the shell (normal screen, cooked keys, visible cursor); safe to call twice,
    /// but nothing else may be called afterwards.
    public func close() {
        guard let screen else { return }
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        var mask = previousMask
        Self.restore(previousActions, mask: &mask)
    }

    /// Unblocks `neededSignals` for this thread (signals sent to the process go to a thread that does not block
    /// them; the other threads, Dispatch's, block them all); returns the mask as it was.
    private static func unblockNeededSignals() -> sigset_t {
        var needed = sigset_t()
        sigemptyset(&needed)
        for signal in neededSignals { sigaddset(&needed, signal) }
        var previous = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &needed, &previous)
        return previous
    }

    private static func restore(_ actions: [(signal: Int32, action: sigaction)], mask: inout sigset_t) {
        for (signal, action) in actions { withUnsafePointer(to: action) { _ = sigaction(signal, $0, nil) } }
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    /// The quit signal received since opening (SIGINT, SIGTERM, SIGHUP or SIGQUIT), or nil; exit with 128 plus it.
    public var pendingQuitSignal: Int32? {
        let signal = Self.quitSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The screen's size in columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Leaves curses mode for `body` (the program it runs has the terminal) and comes back to a full repaint; an
    /// interrupt typed to that program (Ctrl-C in the editor) does not quit the browser.
    public func runOutside<T>(_ body: () -> T) -> T {
        let before = Self.quitSignal.load(ordering: .relaxed)
        def_prog_mode()
        endwin()
        let result = body()
        reset_prog_mode()
        if before == 0, Self.quitSignal.load(ordering: .relaxed) == SIGINT { Self.quitSignal.store(0, ordering: .relaxed) }
        invalidate()
        return result
    }

    /// Forces the next `draw` to repaint every cell, for when the screen may have been garbled.
    public func invalidate() {
        clearok(chancery_curscr(), true)
    }

    /// Shows `buffer` (what fits of it), sending only the changes, with the cursor at `cursor` or hidden when nil.
    public func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        let (width, height) = size
        werase(window)
        for y in 0..<min(buffer.height, height) {
            for x in 0..<min(buffer.width, width) where !buffer[x, y].isContinuation {
                let cell = buffer[x, y]
                let columns = buffer[x + 1, y].isContinuation ? 2 : 1
                put(cell, glyph: glyph(cell.grapheme, columns: x + columns <= width ? columns : 1), x: x, y: y)
            }
        }
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            wnoutrefresh(window)
            doupdate()
            curs_set(1)
        } else {
            curs_set(0)
            wnoutrefresh(window)
            doupdate()
        }
    }

    /// Writes the OSC 52 sequence for `text` between frames, straight to the terminal (each frame ends flushed; the
    /// sequence moves no cursor and draws nothing).
    public func copyToClipboard(_ text: String) {
        var bytes = Array(ClipboardSequence.osc52(text).utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written > 0 { bytes = bytes.dropFirst(written) } else if errno != EINTR { return }
        }
    }

    /// The next input, waiting at most `timeoutMilliseconds` (-1: forever).
    public func nextInput(timeoutMilliseconds: Int32) -> TerminalInput {
        guard pendingQuitSignal == nil else { return .nothing }
        wtimeout(window, timeoutMilliseconds)
        var input: wint_t = 0
        switch wget_wch(window, &input) {
        case KEY_CODE_YES:
            if Int32(input) == KEY_RESIZE { return .resize(width: size.width, height: size.height) }
            if Int32(input) == KEY_MOUSE {
                var x: Int32 = 0, y: Int32 = 0
                switch chancery_read_mouse(&x, &y) {
                case 1: return .mouse(MouseEvent(.click, x: Int(x), y: Int(y)))
                case 2: return .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y)))
                case 3: return .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y)))
                default: return .unboundKey
                }
            }
            return keyname(Int32(input)).flatMap { KeyNotation.key(cursesName: String(cString: $0)) }.map(TerminalInput.key) ?? .unboundKey
        case OK: return KeyNotation.key(code: UInt32(input)).map(TerminalInput.key) ?? .unboundKey
        default: return .nothing
        }
    }

    /// The wide characters (NUL-ended) to draw a grapheme in `columns` columns. When the C library measures it
    /// otherwise, it is drawn one column wide, as its first scalar alone ("❤️" as "❤") or as "�", and the second
    /// column stays blank, so that ncurses' idea of the cursor stays in step with the terminal's.
    private func glyph(_ grapheme: String, columns: Int) -> [wchar_t] {
        let scalars = grapheme.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        let base = scalars.first ?? 0x20
        if wcwidth(base) == columns { return scalars + [0] }
        return [wcwidth(base) == 1 ? base : 0xFFFD, 0]
    }

    private func put(_ cell: Cell, glyph: [wchar_t], x: Int, y: Int) {
        let style = cell.style  // monochrome keeps bold, reverse and underline only
        let attributes = chancery_attributes(style.bold, usesColour && style.dim, style.reverse, style.underline)
        var character = cchar_t()
        setcchar(&character, glyph, attributes, colourPair(style), nil)
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    /// The colour pair for a style's colours, allocated on first use; 0 (default colours) in monochrome.
    private func colourPair(_ style: Style) -> Int16 {
        guard usesColour, style.foreground != nil || style.background != nil else { return 0 }
        let foreground = Int16(style.foreground?.rawValue ?? -1)
        let background = Int16(style.background?.rawValue ?? -1)
        let key = Int(foreground + 1) * 9 + Int(background + 1)
        if let pair = colourPairs[key] { return pair }
        let pair = Int16(colourPairs.count + 1)
        guard Int32(pair) < chancery_color_pairs(), init_pair(pair, foreground, background) == OK else { return 0 }
        colourPairs[key] = pair
        return pair
    }
}
