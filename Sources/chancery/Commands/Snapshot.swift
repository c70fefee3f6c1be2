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

    @Option(name: .long, help: "Screen size as WIDTHxHEIGHT (default: the size a trail script names, else 100x30).")
    var size: String?

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
        let steps: [ScriptStep]
        var trail: (fingerprint: String?, size: (width: Int, height: Int)?) = (nil, nil)
        do {
            var parsed: [ScriptStep] = []
            if let script {
                guard let data = FileManager.default.contents(atPath: script) else {
                    printError("chancery snapshot: cannot read the script \(script)")
                    throw ExitCode(2)
                }
                let text = String(decoding: data, as: UTF8.self)
                trail = Trail.header(of: text)
                parsed += try KeyScript.parseFile(text)
            }
            parsed += try KeyScript.parse(keys)
            steps = parsed
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("chancery snapshot: \(error)")
            throw ExitCode(2)
        }
        let sizeText = size ?? trail.size.map { "\($0.width)x\($0.height)" } ?? "100x30"
        guard let (width, height) = KeyScript.parseSize(sizeText) else {
            printError("chancery snapshot: --size \"\(sizeText)\" is not of the form WIDTHxHEIGHT with both at least 1")
            throw ExitCode(2)
        }
        let store = try locations.openStore()
        if let recorded = trail.fingerprint, let script, try store.contentFingerprint() != recorded {
            printError("chancery snapshot: warning: \(script) was recorded on other data (\(recorded)); this store holds "
                       + "\(try store.contentFingerprint()), so the screen may differ")
        }
        // The analyst's marks and notes show as in the browser; what the keys change of them is not saved.
        let workingSet = try locations.workingSetFile().load().workingSet
        let (bindings, problem) = loadKeyMap()
        if let problem { printError("chancery snapshot: \(problem)") }
        var session = BrowserSession(width: width, height: height, queries: store, keeper: MemoryWorkingSetKeeper(workingSet),
                                     bindings: bindings, notice: problem)
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
