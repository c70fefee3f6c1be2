import ArgumentParser

/// The `chancery` command: a terminal browser of diplomatic events, and the tools around its data.
@main
struct Chancery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chancery",
        abstract: "Browse diplomatic events, organizations and delegation visits in the terminal.",
        subcommands: [Browse.self, Snapshot.self, List.self, Show.self, Export.self, Validate.self],
        defaultSubcommand: Browse.self)
}
