import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryScreens
import ChanceryViewModel
import Foundation
import TerminalUI

/// `chancery snapshot`: runs a key script with no terminal and prints the final screen as text.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a key script without a terminal and print the final screen as text.",
        discussion: """
            KEYS uses vim-style notation: characters type themselves; <Enter> <Tab> <S-Tab> <Esc> <BS> <Del> <Up> \
            <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <C-d> <C-u> <Space> <lt>, and <Resize 80x24>.
            """)

    @Option(name: .long, help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "100x30"

    @Option(name: .long, help: "Keys to press, in vim-style notation.")
    var keys: String = ""

    @Option(name: .long, help: "A file of keys in the same notation; lines starting with # are comments.")
    var script: String?

    @Flag(name: .long, help: "Append a layer marking bold, reverse, underline, dim and colour per cell.")
    var styles = false

    @Option(name: .long, help: "Open this saved view before the keys.")
    var view: String?

    @OptionGroup var locations: LocationOptions

    func run() throws {
        guard let (width, height) = KeyScript.parseSize(size) else {
            printError("chancery snapshot: --size \"\(size)\" is not of the form WIDTHxHEIGHT with both at least 1")
            throw ExitCode(2)
        }
        let steps: [ScriptStep]
        do {
            var parsed: [ScriptStep] = []
            if let script {
                guard let data = FileManager.default.contents(atPath: script) else {
                    printError("chancery snapshot: cannot read the script \(script)")
                    throw ExitCode(2)
                }
                parsed += try KeyScript.parseFile(String(decoding: data, as: UTF8.self))
            }
            parsed += try KeyScript.parse(keys)
            steps = parsed
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("chancery snapshot: \(error)")
            throw ExitCode(2)
        }
        // The analyst's marks and notes show as in the browser; what the keys change of them is not saved.
        let workingSet = try locations.workingSetFile().load().workingSet
        var session = BrowserSession(width: width, height: height, queries: try locations.openStore(),
                                     keeper: MemoryWorkingSetKeeper(workingSet))
        if let view {
            guard workingSet.views[view] != nil else { throw unknownView(view, among: workingSet.views.keys.sorted()) }
            session.send(.viewRequested(view))
        }
        session.play(steps)
        let buffer = BrowserScreen.render(session.state).buffer
        var output = buffer.plainText() + "\n"
        if styles { output += "-- styles --\n" + buffer.styleText() + "\n" }
        try StandardOutput.write(output)
    }
}
