import ArgumentParser
import Foundation

/// The `chancery` command: a terminal browser of diplomatic events, and the tools around its data.
@main
struct Chancery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chancery",
        abstract: "Browse diplomatic events, organizations and delegation visits in the terminal.",
        subcommands: [Browse.self, Snapshot.self, List.self, Facets.self, Pair.self, Show.self, Mark.self, Unmark.self, Marks.self, Note.self, Brief.self, Views.self, Export.self, Import.self, Generate.self, Validate.self, Keys.self],
        defaultSubcommand: Browse.self)

    /// Runs the command; a usage error (bad option, bad value) exits with status 2, as Unix tools do.
    static func main() {
        do {
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch {
                // What was written before the error still goes out, ahead of the message.
                do {
                    try StandardOutput.flush()
                } catch let failure as OutputFailure {
                    printError("chancery: \(failure)")
                } catch {}
                throw error
            }
            try StandardOutput.flush()
        } catch let error as UnknownValue {
            printError("chancery: \(error)")
            Foundation.exit(2)
        } catch is OutputClosed {
            Foundation.exit(0)
        } catch let failure as OutputFailure {
            printError("chancery: \(failure)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            // Help and version go to standard output as ArgumentParser prints them.
            guard code != .success else { exit(withError: error) }
            // Errors may quote the data, so they go through `printError`, which neutralises control characters.
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
