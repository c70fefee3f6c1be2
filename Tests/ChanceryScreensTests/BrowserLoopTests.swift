import ChanceryModel
import ChanceryScreens
import ChanceryTestSupport
import ChanceryViewModel
import Foundation
import TerminalUI
import Testing

/// A terminal for tests: hands out scripted inputs, then nothing; keeps every frame drawn as text; can raise a quit
/// signal after a number of reads. Like a person, it types the next key only when the browser waits for one (its
/// reads done and its frame drawn); a paste hands every input out at once.
final class ScriptedTerminal: TerminalBackend {
    private(set) var size: (width: Int, height: Int)
    private var inputs: [TerminalInput]
    private let isPaste: Bool
    private let signal: (afterReads: Int, number: Int32)?
    private var reads = 0
    /// Each frame drawn, as plain text.
    private(set) var frames: [String] = []
    /// How many scripted inputs were never read.
    var unreadInputs: Int { inputs.count }
    /// How many times the screen was to be repainted from scratch.
    private(set) var invalidations = 0

    init(width: Int, height: Int, inputs: [TerminalInput], isPaste: Bool = false, signal: (afterReads: Int, number: Int32)? = nil) {
        size = (width, height)
        self.inputs = inputs
        self.isPaste = isPaste
        self.signal = signal
    }

    /// A terminal typing (or pasting) the steps of a key script.
    convenience init(width: Int, height: Int, keys: String, isPaste: Bool = false) throws {
        self.init(width: width, height: height, inputs: try KeyScript.parse(keys).map { step in
            switch step {
            case .key(let key): .key(key)
            case .resize(let width, let height): .resize(width: width, height: height)
            case .mouse(let event): .mouse(event)
            }
        }, isPaste: isPaste)
    }

    var pendingQuitSignal: Int32? {
        guard let signal, reads >= signal.afterReads else { return nil }
        return signal.number
    }

    func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        frames.append(buffer.plainText())
    }

    func invalidate() {
        invalidations += 1
    }

    /// What the browser put on the clipboard, in order.
    var copied: [String] = []

    func copyToClipboard(_ text: String) {
        copied.append(text)
    }

    /// How many times the terminal was given to another program.
    private(set) var timesOutside = 0

    func runOutside<T>(_ body: () -> T) -> T {
        timesOutside += 1
        defer { invalidations += 1 }
        return body()
    }

    func nextInput(timeoutMilliseconds: Int32) -> TerminalInput {
        reads += 1
        guard !inputs.isEmpty, isPaste || timeoutMilliseconds < 0 else {
            // A short wait while reads are under way; none once the input is over.
            if timeoutMilliseconds > 0 { Thread.sleep(forTimeInterval: 0.001) }
            return .nothing
        }
        let input = inputs.removeFirst()
        if case .resize(let width, let height) = input { size = (width, height) }
        return input
    }
}

/// The run loop, driven by a scripted terminal over the bundled store: keys in, frames out, resizes, the end of
/// the input and signals, without a real terminal.
@Suite struct BrowserLoopTests {
    /// The screen `chancery snapshot` renders for `keys`, to compare with the loop's last frame.
    private func snapshot(width: Int, height: Int, keys: String) throws -> String {
        var session = BrowserSession(width: width, height: height, queries: TestStore.bundled)
        session.play(try KeyScript.parse(keys))
        return BrowserScreen.render(session.state).buffer.plainText()
    }

    @Test func theLastFrameIsTheScreenTheKeysLeadTo() throws {
        let keys = "jj<Enter>jj2/council<Enter>"
        let terminal = try ScriptedTerminal(width: 80, height: 24, keys: keys)
        let ending = BrowserLoop.run(on: terminal, queries: TestStore.bundled)
        #expect(ending == .inputEnded)
        #expect(terminal.frames.count >= 8, "a frame for each key")
        let expected = try snapshot(width: 80, height: 24, keys: keys)
        #expect(terminal.frames.last == expected)
    }

    /// Keys typed ahead used to act before what they act on was read: `<Enter>G` pasted (or sent by tmux at once)
    /// opened the detail and lost the G, stopping at 20/23. Each key now waits for the read of what it acts on.
    @Test(arguments: ["<Enter>G<PgDn><PgDn>", "/baku<Enter>j<Enter>G", "d2018<Enter>G<Enter>jjjj", "3jj<Enter>G<Resize 120x40>k"])
    func keysTypedAheadActAsIfTypedOneByOne(keys: String) throws {
        let terminal = try ScriptedTerminal(width: 80, height: 24, keys: keys, isPaste: true)
        #expect(BrowserLoop.run(on: terminal, queries: TestStore.bundled) == .inputEnded)
        let expected = try snapshot(width: 80, height: 24, keys: keys)
        #expect(terminal.frames.last == expected)
    }

    @Test func yGivesTheSelectedCitationToTheTerminalsClipboard() throws {
        let keys = "<Enter>G<Enter>y"
        let terminal = try ScriptedTerminal(width: 80, height: 24, keys: keys, isPaste: true)
        #expect(BrowserLoop.run(on: terminal, queries: TestStore.bundled) == .inputEnded)
        var session = BrowserSession(width: 80, height: 24, queries: TestStore.bundled)
        session.play(try KeyScript.parse(keys))
        let copied = try #require(session.clipboard)
        #expect(terminal.copied == [copied])
        #expect(copied.hasPrefix("“There are documented facts") && copied.hasSuffix("— Fight Against Terrorism [src-004]"))
        #expect(terminal.frames.last == (try snapshot(width: 80, height: 24, keys: keys)))
    }

    @Test func aResizeRedrawsAtTheNewSizeFromScratch() throws {
        let terminal = try ScriptedTerminal(width: 120, height: 40, keys: "jjj<Enter><Resize 80x24>")
        _ = BrowserLoop.run(on: terminal, queries: TestStore.bundled)
        let last = try #require(terminal.frames.last)
        #expect(last.split(separator: "\n").count == 24)
        #expect(last.split(separator: "\n").allSatisfy { $0.count == 80 })
        #expect(last == (try snapshot(width: 120, height: 40, keys: "jjj<Enter><Resize 80x24>")))
        #expect(terminal.invalidations == 1, "a resize repaints every cell once")
    }

    @Test func quittingEndsTheLoopAtOnceAndTheRestOfTheInputIsNotRead() throws {
        let terminal = try ScriptedTerminal(width: 80, height: 24, keys: "jq" + String(repeating: "j", count: 50))
        #expect(BrowserLoop.run(on: terminal, queries: TestStore.bundled) == .quit)
        #expect(terminal.unreadInputs == 50)
    }

    @Test func aQuitSignalEndsTheLoopWithItsNumber() throws {
        let terminal = ScriptedTerminal(width: 80, height: 24, inputs: [.key(.character("j"))], signal: (afterReads: 1, number: 15))
        #expect(BrowserLoop.run(on: terminal, queries: TestStore.bundled) == .signal(15))
    }

    @Test func unboundKeysAreIgnoredHoweverManyAndTheEndOfInputIsNoticed() throws {
        let terminal = ScriptedTerminal(width: 80, height: 24, inputs: Array(repeating: .unboundKey, count: 5_000) + [.key(.character("j"))],
                                        isPaste: true)
        #expect(BrowserLoop.run(on: terminal, queries: TestStore.bundled) == .inputEnded)
        #expect(terminal.frames.last == (try snapshot(width: 80, height: 24, keys: "j")), "the key after them still acts")
    }

    @Test func aFaultAfterAFrameComesOutOfTheLoop() throws {
        struct Fault: Error {}
        let terminal = try ScriptedTerminal(width: 80, height: 24, keys: "j")
        #expect(throws: Fault.self) { try BrowserLoop.run(on: terminal, queries: TestStore.bundled, afterFrame: { throw Fault() }) }
        #expect(terminal.frames.count == 1)
    }
}
