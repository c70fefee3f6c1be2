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
    /// The most waiting keys applied before a frame is drawn.
    static let keysPerFrame = 4_096

    /// Runs the browser on `terminal` over `queries` until the user quits, the input ends or a quit signal arrives.
    public static func run(on terminal: some TerminalBackend, queries: any EntityQueries) -> Ending {
        run(on: terminal, queries: queries, afterFrame: {})
    }

    /// Runs the browser as `run(on:queries:)` does, calling `afterFrame` after each frame is drawn; what it throws ends
    /// the loop (a fault injected there must still give the terminal back).
    public static func run<Failure: Error>(on terminal: some TerminalBackend, queries: any EntityQueries,
                                           afterFrame: () throws(Failure) -> Void) throws(Failure) -> Ending {
        let runner = EffectRunner(store: queries)
        let size = terminal.size
        var state = BrowserState(width: size.width, height: size.height)
        runner.run(state.send(.started), interruptingOthers: false)
        var needsDrawing = true
        var idleWakeups = 0
        while !state.shouldQuit {
            for answer in runner.takeAnswers() {
                runner.run(state.send(answer), interruptingOthers: false)
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
            // While reads are under way, wake often to show their answers; otherwise wait for a key.
            var input = terminal.nextInput(timeoutMilliseconds: busy ? 10 : -1)
            if case .nothing = input, !busy {
                idleWakeups += 1
                if idleWakeups > idleWakeupsBeforeGivingUp { return .inputEnded }
            }
            // Every input already waiting (a paste, a held key) is applied before the next frame is drawn, and its
            // reads supersede those of the keys before it.
            var taken = 0
            while input != .nothing && taken < keysPerFrame {
                idleWakeups = 0
                taken += 1
                let action: Action? = switch input {
                case .key(let key): .keyPressed(key)
                case .resize(let width, let height): .resized(width: width, height: height)
                case .unboundKey, .nothing: nil
                }
                if let action {
                    runner.run(state.send(action), interruptingOthers: true)
                    needsDrawing = true
                }
                if state.shouldQuit { break }
                input = terminal.nextInput(timeoutMilliseconds: 0)
            }
            if let signal = terminal.pendingQuitSignal { return .signal(signal) }
        }
        return .quit
    }
}
