import ArgumentParser
import ChanceryViewModel

/// `chancery keys`: the browser's key bindings as a Markdown table, from the same table that drives the keys.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the browser's key bindings as a Markdown table.")

    func run() throws {
        try StandardOutput.write(KeyBindings.markdown())
    }
}
