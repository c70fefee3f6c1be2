import ArgumentParser
import ChanceryModel
import Foundation

/// `chancery validate`: checks the data files and prints `FILE:LINE: record ID: message` for each problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the data files: syntax, fields, dates, ids, references and citation quotes.")

    @Option(name: .long, help: "The data directory (default: the bundled Data/).")
    var data: String?

    @Option(name: .long, help: "Directory of the source texts (default: the data's texts/ folder).")
    var sources: String?

    func run() throws {
        let directory = try findDataDirectory(override: data)
        let (dataset, loadIssues) = Dataset.load(from: directory)
        let sourceDirectory = sources.map { URL(fileURLWithPath: $0) } ?? bundledTexts(of: directory)
        if let sources, !FileManager.default.fileExists(atPath: sources) {
            throw ValidationError("--sources: \(sources) does not exist")
        }
        let texts = sourceDirectory.map { dataset.loadSourceTexts(from: $0) }
        let issues = loadIssues + dataset.validate(sourceTexts: texts)
        for issue in issues { try StandardOutput.line(issue.description.safeForTerminal) }
        let counts = EntityDescriptor.all.map { ($0.kind.plural, $0.records(dataset).count) }
            + [(EntityKind.meeting.plural, dataset.visits.reduce(0) { $0 + $1.meetings.count })]
        let summary = counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        let quotes = sourceDirectory.map { "quotes checked against \($0.path)" } ?? "quotes not checked (no source texts found; use --sources DIR)"
        // The problems go out before the summary, which follows them on standard error.
        try StandardOutput.flush()
        printError("\(directory.path): \(summary); \(quotes); \(issues.count) problem(s)")
        if !issues.isEmpty { throw ExitCode.failure }
    }

    /// The data directory's `texts/` folder, when it has one.
    private func bundledTexts(of dataDirectory: URL) -> URL? {
        let candidate = dataDirectory.appendingPathComponent(Dataset.textsFolder)
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }
}
