import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryViewModel
import Foundation
import TerminalUI

/// `chancery brief`: a briefing of the marked records in date order, each quote verbatim in a numbered footnote with
/// its source's title, publisher, date and file.
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a briefing of the marked records: date, title, summary, your note, and footnoted quotes.",
        discussion: "Records the store no longer holds are named at the end, not left out silently.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @Flag(name: .long, help: "Brief the marked records (the default).")
    var marks = false

    @Option(name: .long, help: "Brief the records the saved view lists in its focused pane (at most 200) instead.")
    var view: String?

    @Option(name: .long, help: "md (Markdown with footnotes) or html.")
    var format: Format = .md

    @Option(name: .long, help: "Write to this new file (never over an existing one) instead of standard output.")
    var out: String?

    @OptionGroup var locations: LocationOptions

    /// The most records a briefing of a view takes.
    static let viewLimit = 200

    func run() throws {
        let workingSet = try loadWarning(try locations.workingSetFile())
        let store = try locations.openStore()
        var records: [MarkedRecord]?
        if let view {
            guard !marks else { throw ValidationError("--marks and --view: brief one or the other") }
            guard let filter = try workingSet.listFilter(ofView: view) else {
                throw unknownView(view, among: workingSet.views.keys.sorted())
            }
            records = try WorkingSetRecords.viewed(filter, in: store, limit: Self.viewLimit)
            guard records != nil else {
                throw ValidationError("the view “\(view)” lists more than \(Self.viewLimit) records: narrow it, or mark the ones to brief")
            }
        } else if workingSet.marks.isEmpty {
            throw ValidationError("no marked records to brief: m in the browser or `chancery mark ID` marks one")
        }
        let briefing = try Briefing.of(workingSet, records: records, view: view, queries: store, day: Briefing.today())
        let text = format == .md ? briefing.markdown : briefing.html
        if let out {
            let path = try NewFile.write(to: out, text: text)
            try StandardOutput.line("Wrote a briefing of \(briefing.count) records to \(path)".sanitized())
        } else {
            try StandardOutput.write(text)
        }
    }
}

