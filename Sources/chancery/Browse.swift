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
        var quitSignal: Int32?
        do {
            try NcursesTerminal.withTerminal { terminal in
                let size = terminal.size
                var session = BrowserSession(width: size.width, height: size.height, queries: store)
                var idleWakeups = 0
                while !session.state.shouldQuit {
                    let (buffer, cursor) = BrowserScreen.render(session.state)
                    if session.state.wantsRedraw { terminal.invalidate() }
                    terminal.draw(buffer, cursor: cursor)
                    let key = terminal.nextKey(timeoutMilliseconds: -1)
                    if let signal = terminal.pendingQuitSignal {
                        quitSignal = signal
                        return
                    }
                    guard let key else {
                        // A blocking read that keeps returning nothing means the input is gone.
                        idleWakeups += 1
                        if idleWakeups > 1000 { return }
                        continue
                    }
                    idleWakeups = 0
                    session.send(.keyPressed(key))
                }
            }
        } catch let error as TerminalError {
            printError("chancery: \(error)")
            throw ExitCode.failure
        }
        if let quitSignal { throw ExitCode(128 + quitSignal) }
    }
}
