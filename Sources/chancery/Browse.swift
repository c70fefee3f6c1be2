import ArgumentParser
import ChanceryScreens
import ChanceryViewModel
import Foundation
import NcursesBackend

/// `chancery` (or `chancery browse`): the interactive browser.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the browser (the default command).")

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        let runner = EffectRunner(store: store)
        let injectsFault = ProcessInfo.processInfo.environment["CHANCERY_FAULT"] == "frame"
        var quitSignal: Int32?
        do {
            try NcursesTerminal.withTerminal { terminal in
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
                        if injectsFault { throw InjectedFault() }
                    }
                    // A read posts its answer before it stops counting as busy, so when the runner is idle
                    // every answer is already waiting: take them before blocking for a key.
                    let busy = runner.isBusy
                    if !busy && runner.hasAnswers { continue }
                    // While reads are under way, wake often to show their answers; otherwise wait for a key.
                    var input = terminal.nextKey(timeoutMilliseconds: busy ? 10 : -1)
                    if case .nothing = input, !busy {
                        // A blocking read that keeps returning nothing means the input is gone.
                        idleWakeups += 1
                        if idleWakeups > 1000 { return }
                    }
                    // Every key already waiting (a paste, a held key) is applied before the next frame is drawn,
                    // and its reads supersede those of the keys before it.
                    var keysTaken = 0
                    while input != .nothing && keysTaken < 4096 {
                        idleWakeups = 0
                        keysTaken += 1
                        if case .key(let key) = input {
                            runner.run(state.send(.keyPressed(key)), interruptingOthers: true)
                            needsDrawing = true
                        }
                        if state.shouldQuit { break }
                        input = terminal.nextKey(timeoutMilliseconds: 0)
                    }
                    if let signal = terminal.pendingQuitSignal {
                        quitSignal = signal
                        return
                    }
                }
            }
        } catch let error as TerminalError {
            printError("chancery: \(error)")
            throw ExitCode.failure
        }
        if let quitSignal { throw ExitCode(128 + quitSignal) }
    }
}

/// The error `CHANCERY_FAULT=frame` throws in the middle of the browser's loop, once a frame is on the screen,
/// so that tests can show a failure there still gives the terminal back (docs/RELIABILITY.md).
struct InjectedFault: Error, CustomStringConvertible {
    var description: String { "injected fault (CHANCERY_FAULT=frame): the browser stopped after drawing a frame" }
}
