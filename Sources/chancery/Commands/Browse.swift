import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryScreens
import Foundation
import NcursesBackend

/// `chancery` (or `chancery browse`): the interactive browser.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the browser (the default command).")

    @Flag(name: .long, help: "Leave the mouse to the terminal (to select text with it): no clicks or wheel in the browser.")
    var noMouse = false

    @Option(name: .long, help: "Open this saved view (:save NAME in the browser saves one).")
    var view: String?

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        let keeper = try locations.workingSetFile()
        let (bindings, problem) = loadKeyMap()
        if let view {
            let names = try keeper.load().workingSet.views.keys.sorted()
            guard names.contains(view) else { throw unknownView(view, among: names) }
        }
        let injectsFault = ProcessInfo.processInfo.environment["CHANCERY_FAULT"] == "frame"
        let ending: BrowserLoop.Ending
        do {
            ending = try NcursesTerminal.withTerminal(mouse: !noMouse) { terminal in
                try BrowserLoop.run(on: terminal, queries: store, keeper: keeper, openingView: view,
                                   bindings: bindings, notice: problem, afterFrame: {
                    if injectsFault { throw InjectedFault() }
                })
            }
        } catch let error as TerminalError {
            printError("chancery: \(error)")
            throw ExitCode.failure
        }
        if case .signal(let signal) = ending { throw ExitCode(128 + signal) }
    }
}

/// The error `CHANCERY_FAULT=frame` throws in the middle of the browser's loop, once a frame is on the screen,
/// so that tests can show a failure there still gives the terminal back (docs/RELIABILITY.md).
struct InjectedFault: Error, CustomStringConvertible {
    var description: String { "injected fault (CHANCERY_FAULT=frame): the browser stopped after drawing a frame" }
}
