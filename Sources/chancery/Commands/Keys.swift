import ArgumentParser
import ChanceryViewModel
import TerminalUI

/// `chancery keys`: the browser's key bindings in force (the defaults, or the user's configuration) as a Markdown
/// table, from the same table that drives the keys; `--names` lists them by mode and command name for the
/// configuration file.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the browser's key bindings in force as a Markdown table.",
        discussion: "The bindings are the defaults with those of $XDG_CONFIG_HOME/chancery/keys.toml (or ~/.config/chancery/keys.toml), a table per mode: [panes] toggleMark = \"<Space>\". A file that cannot be taken is reported by line and the defaults are printed, exit 1.")

    @Flag(name: .long, help: "List each binding as MODE COMMAND KEYS, the names the configuration file takes.")
    var names = false

    func run() throws {
        let (bindings, problem) = loadKeyMap()
        if names {
            for binding in bindings.table {
                for mode in KeyMode.allCases where binding.modes.contains(mode) {
                    let keys = binding.keys.map { "\"\(KeyNotation.name(of: $0))\"" }.joined(separator: ", ")
                    try StandardOutput.line("[\(mode.rawValue)] \(binding.command.rawValue) = [\(keys)]  # \(binding.summary)")
                }
            }
        } else {
            try StandardOutput.write(bindings.markdown())
        }
        if let problem {
            try StandardOutput.flush()
            printError("chancery: \(problem)")
            throw ExitCode.failure
        }
    }
}
