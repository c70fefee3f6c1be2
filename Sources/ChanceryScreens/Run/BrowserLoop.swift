import ChanceryModel
import ChanceryViewModel
import TerminalUI

/// The browser's run loop over any terminal: reads keys and resizes, sends them to the state, runs its reads in the
/// background and draws a frame whenever something changed. The ncurses terminal runs it for the user; tests run it
/// on a scripted terminal.
public enum BrowserLoop {
    /// Why the loop stopped.
    public enum Ending: Hashable, Sendable {
        /// The user quit.
        case quit
        /// The input is gone (a blocking read kept returning nothing).
        case inputEnded
        /// This quit signal arrived.
        case signal(Int32)
    }

    /// How many empty answers in a row from a read that was to wait for a key mean the input is gone.
    static let idleWakeupsBeforeGivingUp = 1_000
    /// The most inputs read ahead of those applied.
    static let keysPerFrame = 4_096
    /// The longest a key waits for the read of what it acts on, so that a slow or failed read never holds the keys.
    static let longestHold: Duration = .milliseconds(500)

    /// Runs the browser on `terminal` over `queries` until the user quits, the input ends or a quit signal arrives;
    /// marks and notes are kept by `keeper` (in memory unless given).
    public static func run(on terminal: some TerminalBackend, queries: any EntityQueries,
                           keeper: any WorkingSetKeeper = MemoryWorkingSetKeeper()) -> Ending {
        run(on: terminal, queries: queries, keeper: keeper, afterFrame: {})
    }

    /// Runs the browser as `run(on:queries:)` does, with `bindings` and a first `notice`, opening the saved view
    /// `openingView` (if named) once the marks and notes are read, and calling `afterFrame` after each frame is drawn;
    /// what it throws ends the loop (a fault injected there must still give the terminal back).
    public static func run<Failure: Error>(on terminal: some TerminalBackend, queries: any EntityQueries,
                                           keeper: any WorkingSetKeeper = MemoryWorkingSetKeeper(), openingView: String? = nil,
                                           bindings: KeyMap = .standard, notice: String? = nil,
                                           afterFrame: () throws(Failure) -> Void) throws(Failure) -> Ending {
        let runner = EffectRunner(store: queries, keeper: keeper)
        // However the loop ends, the marks and notes asked to be saved are saved before it returns.
        defer { runner.finish() }
        let size = terminal.size
        var state = BrowserState(width: size.width, height: size.height, bindings: bindings, notice: notice)
        /// Gives copies to the terminal and reads to the runner.
        func run(_ effects: [Effect], interruptingOthers: Bool) {
            for case .copyToClipboard(let text) in effects { terminal.copyToClipboard(text) }
            runner.run(effects.filter { effect in
                switch effect {
                case .copyToClipboard, .editInEditor: false
                default: true
                }
            }, interruptingOthers: interruptingOthers)
            for case .editInEditor(let record, let text) in effects {
                let edited = terminal.runOutside { ExternalEditor.edit(text) }
                run(state.send(.noteEdited(record, edited)), interruptingOthers: false)
            }
        }
        run(state.send(.started), interruptingOthers: false)
        if let openingView { run(state.send(.viewRequested(openingView)), interruptingOthers: false) }
        var needsDrawing = true
        var idleWakeups = 0
        // Inputs read and not yet applied, and since when the first of them has waited for a read.
        var waiting: [TerminalInput] = []
        var holdingSince: ContinuousClock.Instant?
        let clock = ContinuousClock()
        while !state.shouldQuit {
            for answer in runner.takeAnswers() {
                run(state.send(answer), interruptingOthers: false)
                needsDrawing = true
            }
            if needsDrawing {
                let (buffer, cursor) = BrowserScreen.render(state)
                if state.wantsRedraw { terminal.invalidate() }
                terminal.draw(buffer, cursor: cursor)
                needsDrawing = false
                try afterFrame()
            }
            // A read posts its answer before it stops counting as busy, so when the runner is idle every answer is
            // already waiting: take them before blocking for a key.
            let busy = runner.isBusy
            if !busy && runner.hasAnswers { continue }
            if waiting.isEmpty || busy {
                // While reads are under way, wake often to show their answers; otherwise wait for a key.
                var input = terminal.nextInput(timeoutMilliseconds: busy ? 10 : -1)
                if case .nothing = input, !busy, waiting.isEmpty {
                    idleWakeups += 1
                    if idleWakeups > idleWakeupsBeforeGivingUp { return .inputEnded }
                }
                // Every input already waiting (a paste, a held key) is taken before the next frame is drawn.
                while input != .nothing && waiting.count < keysPerFrame {
                    idleWakeups = 0
                    waiting.append(input)
                    input = terminal.nextInput(timeoutMilliseconds: 0)
                }
            }
            // Keys act in order on what they would act on at a person's pace: while the row or the detail they act
            // on is being read, they wait for it (at most `longestHold`); a line being typed never waits, and the
            // reads of each key supersede those of the keys before it.
            while let input = waiting.first, !state.shouldQuit {
                if state.awaitsWhatKeysActOn && (runner.isBusy || runner.hasAnswers) {
                    let since = holdingSince ?? clock.now
                    holdingSince = since
                    if clock.now - since < longestHold { break }
                }
                holdingSince = nil
                waiting.removeFirst()
                let action: Action? = switch input {
                case .key(let key): .keyPressed(key)
                case .resize(let width, let height): .resized(width: width, height: height)
                case .mouse(let event): .mouse(event)
                case .unboundKey, .nothing: nil
                }
                if let action {
                    run(state.send(action), interruptingOthers: true)
                    needsDrawing = true
                }
            }
            if let signal = terminal.pendingQuitSignal { return .signal(signal) }
        }
        return .quit
    }
}
