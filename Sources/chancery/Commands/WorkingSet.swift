import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryViewModel
import TerminalUI

/// `chancery mark ID...`: marks records in the dataset's working set.
struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mark records (ids, or names only one record has) in the working set.")

    @Argument(help: "The records to mark.")
    var ids: [String]

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let store = try locations.openStore()
        let records = try ids.map { try Show.resolve($0, in: store).summary }
        let receipt = try locations.workingSetFile().apply(records.map { .mark(id: $0.id, title: $0.displayName) })
        try reportProblems(receipt)
        for record in records { try StandardOutput.line("Marked \(record.id)  \(record.displayName)".sanitized()) }
    }
}

/// `chancery unmark ID...`: takes records out of the marks.
struct Unmark: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Unmark records in the working set.")

    @Argument(help: "The marked records to unmark.")
    var ids: [String]

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let file = try locations.workingSetFile()
        let marks = try file.load().workingSet.marks
        for id in ids where marks[id] == nil {
            throw Suggestions.unknown(id, for: "unmark", among: marks.keys.sorted())
        }
        let receipt = try file.apply(ids.map { .unmark(id: $0) })
        try reportProblems(receipt)
        for id in ids { try StandardOutput.line("Unmarked \(id)".sanitized()) }
    }
}

/// `chancery note ID TEXT`: sets (or, with an empty text, removes) the note on a record.
struct Note: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set the note on a record in the working set; an empty text removes it.",
        discussion: "The note is kept as typed; the browser shows it in the record's detail and / finds its words.")

    @Argument(help: "The record (an id, or a name only one record has).")
    var id: String

    @Argument(help: "The note's text (several words are joined with spaces).")
    var text: [String] = []

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let record = try Show.resolve(id, in: try locations.openStore()).summary
        let note = text.joined(separator: " ")
        let receipt = try locations.workingSetFile().apply([.note(id: record.id, text: note)])
        try reportProblems(receipt)
        try StandardOutput.line((note.isEmpty ? "Removed the note on \(record.id)" : "Noted \(record.id)  \(record.displayName)").sanitized())
    }
}

/// `chancery marks`: the marked records, in date order, with their notes.
struct Marks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the marked records in date order, with their notes.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "text (a table) or json (an array of objects).")
    var format: Format = .text

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let workingSet = try loadWarning(try locations.workingSetFile())
        let store = try locations.openStore()
        let marked = try WorkingSetRecords.marked(workingSet, in: store)
        switch format {
        case .json:
            let objects = marked.map { entry in
                "{\"id\":\(JSONText.quoted(entry.id)),\"title\":\(JSONText.quoted(entry.title)),"
                    + "\"date\":\(entry.record?.summary.date.map { JSONText.quoted($0.edtf) } ?? "null"),"
                    + "\"markedAt\":\(JSONText.quoted(entry.mark.at)),"
                    + "\"note\":\(workingSet.notes[entry.id].map { JSONText.quoted($0.text) } ?? "null"),"
                    + "\"inStore\":\(entry.record != nil)}"
            }
            try StandardOutput.line("[" + objects.joined(separator: ",") + "]")
        case .text:
            guard !marked.isEmpty else {
                return try StandardOutput.line("No marks: m in the browser or `chancery mark ID` marks a record.")
            }
            var table = TextTable(header: ["DATE", "TITLE", "ID", "NOTE"])
            for entry in marked {
                let date = entry.record.map { $0.summary.date.display } ?? "not in the store"
                try table.add([date, entry.title, entry.id, workingSet.notes[entry.id]?.text ?? ""])
            }
            try table.finish()
        }
    }
}

/// `chancery views`: the saved views, or `--delete NAME` one of them.
struct Views: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the saved views (:save NAME in the browser saves one), or delete one.")

    @Option(name: .long, help: "Delete the saved view of this name.")
    var delete: String?

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let file = try locations.workingSetFile()
        let workingSet = try loadWarning(file)
        if let delete {
            guard workingSet.views[delete] != nil else { throw unknownView(delete, among: workingSet.views.keys.sorted()) }
            try reportProblems(try file.apply([.deleteView(name: delete)]))
            return try StandardOutput.line("Deleted the view \(delete)".sanitized())
        }
        guard !workingSet.views.isEmpty else {
            return try StandardOutput.line("No saved views: :save NAME in the browser saves the view on screen.")
        }
        var table = TextTable(header: ["NAME", "SAVED", "WHAT IT HOLDS"])
        for (name, view) in workingSet.views.sorted(by: { $0.key < $1.key }) {
            let fields = view.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            try table.add([name, view.at, fields])
        }
        try table.finish()
    }
}

/// What `file` holds, its unreadable lines named on standard error.
func loadWarning(_ file: WorkingSetFile) throws -> WorkingSet {
    let (workingSet, problems) = try file.load()
    try warn(about: problems, in: file.path)
    return workingSet
}

/// Says on standard error which lines of the working set were skipped, and where the file as found was kept.
func reportProblems(_ receipt: WorkingSetReceipt) throws {
    guard let aside = receipt.keptAside else { return }
    try warn(about: receipt.problems, in: aside, keptAside: true)
}

/// Names each unreadable line of the working set at `path` on standard error.
func warn(about problems: [WorkingSet.Problem], in path: String, keptAside: Bool = false) throws {
    for problem in problems {
        printError("chancery: \(path):\(problem.line): \(problem.message); the line was skipped"
                   + (keptAside ? " (the file as found is kept there)" : ""))
    }
}

/// A `--view` that names no saved view: the closest names, or how to save one when there are none.
func unknownView(_ name: String, among names: [String]) -> UnknownValue {
    names.isEmpty ? UnknownValue(description: "--view: no saved views yet; :save NAME in the browser saves one")
        : Suggestions.unknown(name, for: "--view", among: names)
}
