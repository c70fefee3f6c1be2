import Synchronization

/// What an analyst adds to a dataset: marked records, notes on them and named views. Kept apart from the curated data and the
/// store, in a text file of one JSON object a line (see `text` and `read(_:)`), so it can be read, diffed and mended
/// by hand.
public struct WorkingSet: Hashable, Sendable {
    /// A marked record: its title when it was marked (so the file reads on its own) and when.
    public struct Mark: Hashable, Sendable {
        /// The record's title or name when marked.
        public var title: String
        /// When it was marked, as ISO 8601 in UTC.
        public var at: String

        /// A mark of a record titled `title`, made `at`.
        public init(title: String, at: String) {
            self.title = title
            self.at = at
        }
    }

    /// A note on a record, as typed, and when it was last written.
    public struct Note: Hashable, Sendable {
        /// The text, stored as typed (control characters included; screens sanitise it).
        public var text: String
        /// When it was written, as ISO 8601 in UTC.
        public var at: String
    }

    /// A named view of the browser: its settings as flat string fields (`focus`, `timeline.text`, …), which the
    /// browser writes and reads back; the file keeps them as they are.
    public struct SavedView: Hashable, Sendable {
        /// The settings, by name.
        public var fields: [String: String]
        /// When it was saved, as ISO 8601 in UTC.
        public var at: String
    }

    /// One thing the analyst did, applied to whatever the file holds when it is written (so two browsers open at once
    /// keep each other's work).
    public enum Change: Hashable, Sendable {
        /// Mark the record `id`, titled `title`.
        case mark(id: String, title: String)
        /// Unmark it.
        case unmark(id: String)
        /// Set the note on `id` (an empty text removes it).
        case note(id: String, text: String)
        /// Save a view under `name` (replacing one of that name).
        case saveView(name: String, fields: [String: String])
        /// Delete the view named `name`.
        case deleteView(name: String)
    }

    /// A line of the file that could not be read, skipped.
    public struct Problem: Hashable, Sendable {
        /// Its 1-based number.
        public var line: Int
        /// What is wrong with it.
        public var message: String
    }

    /// Marked records by id.
    public private(set) var marks: [String: Mark] = [:]
    /// Notes by record id.
    public private(set) var notes: [String: Note] = [:]
    /// Saved views by name.
    public private(set) var views: [String: SavedView] = [:]

    /// An empty working set.
    public init() {}

    /// Whether `id` is marked.
    public func isMarked(_ id: String) -> Bool { marks[id] != nil }

    /// Applies `change`, dated `at` (ISO 8601).
    public mutating func apply(_ change: Change, at: String) {
        switch change {
        case .mark(let id, let title): marks[id] = Mark(title: title, at: at)
        case .unmark(let id): marks[id] = nil
        case .note(let id, let text): notes[id] = text.isEmpty ? nil : Note(text: text, at: at)
        case .saveView(let name, let fields): views[name] = SavedView(fields: fields, at: at)
        case .deleteView(let name): views[name] = nil
        }
    }

    /// The first line of the file, saying what it is.
    public static let header = "# Chancery working set: one mark, note or view a line, as JSON. Kept by chancery; edit with care."

    /// The file's text: the header, then the marks, the notes and the views, each in id (or name) order, one JSON
    /// object a line.
    public var text: String {
        var lines = [Self.header]
        for (id, mark) in marks.sorted(by: { $0.key < $1.key }) {
            lines.append("{\"mark\":\(JSONText.quoted(id)),\"title\":\(JSONText.quoted(mark.title)),\"at\":\(JSONText.quoted(mark.at))}")
        }
        for (id, note) in notes.sorted(by: { $0.key < $1.key }) {
            lines.append("{\"note\":\(JSONText.quoted(id)),\"text\":\(JSONText.quoted(note.text)),\"at\":\(JSONText.quoted(note.at))}")
        }
        for (name, view) in views.sorted(by: { $0.key < $1.key }) {
            let fields = view.fields.sorted { $0.key < $1.key }.map { ",\(JSONText.quoted($0.key)):\(JSONText.quoted($0.value))" }
            lines.append("{\"view\":\(JSONText.quoted(name)),\"at\":\(JSONText.quoted(view.at))" + fields.joined() + "}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a file's text: every line it can, and the lines it cannot, each with why. Blank lines and lines
    /// starting with `#` are comments.
    public static func read(_ text: String) -> (workingSet: WorkingSet, problems: [Problem]) {
        var set = WorkingSet()
        var problems: [Problem] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                let (change, at) = try parse(String(line))
                set.apply(change, at: at)
            } catch {
                problems.append(Problem(line: index + 1, message: error.message))
            }
        }
        return (set, problems)
    }

    private struct LineError: Error {
        var message: String
    }

    /// One line's change and date.
    private static func parse(_ line: String) throws(LineError) -> (Change, String) {
        let node: JSONNode
        do {
            node = try JSONParser.parse(Array(line.utf8))
        } catch {
            throw LineError(message: "not JSON: \(error.message) at column \(error.column)")
        }
        guard case .object(let members) = node.value else { throw LineError(message: "not an object but \(node.typeName)") }
        var fields: [String: String] = [:]
        for (key, value) in members {
            guard case .string(let text) = value.value else { throw LineError(message: "“\(key)” is \(value.typeName), not a string") }
            fields[key] = text
        }
        let at = fields["at"] ?? ""
        if let id = fields["mark"] {
            guard EntityKind(id: id) != nil else { throw LineError(message: "“\(id)” is not a record id") }
            return (.mark(id: id, title: fields["title"] ?? id), at)
        }
        if let id = fields["note"] {
            guard EntityKind(id: id) != nil else { throw LineError(message: "“\(id)” is not a record id") }
            guard let text = fields["text"] else { throw LineError(message: "a note without “text”") }
            return (.note(id: id, text: text), at)
        }
        if let name = fields["view"] {
            guard !name.isEmpty else { throw LineError(message: "a view without a name") }
            return (.saveView(name: name, fields: fields.filter { $0.key != "view" && $0.key != "at" }), at)
        }
        throw LineError(message: "neither a “mark”, a “note” nor a “view”")
    }
}

/// Where a browser keeps the working set: read when it starts, and changed a change at a time.
public protocol WorkingSetKeeper: Sendable {
    /// What is kept, and the lines that could not be read.
    func load() throws -> (workingSet: WorkingSet, problems: [WorkingSet.Problem])
    /// Applies `changes` to what is kept now (another browser may have changed it); returns what is kept after, and a
    /// warning to show, if any.
    func save(_ changes: [WorkingSet.Change]) throws -> (workingSet: WorkingSet, warning: String?)
}

/// A working set kept in memory only, from a starting one: for sessions that must not write the analyst's file
/// (`chancery snapshot`) and for tests.
public final class MemoryWorkingSetKeeper: WorkingSetKeeper {
    private let kept: Mutex<WorkingSet>

    /// A keeper holding `workingSet`.
    public init(_ workingSet: WorkingSet = WorkingSet()) {
        kept = Mutex(workingSet)
    }

    /// What it holds.
    public func load() throws -> (workingSet: WorkingSet, problems: [WorkingSet.Problem]) {
        (kept.withLock { $0 }, [])
    }

    /// Applies `changes`, dated with a fixed stamp so that what a script does reads the same on every run.
    public func save(_ changes: [WorkingSet.Change]) throws -> (workingSet: WorkingSet, warning: String?) {
        kept.withLock { set in
            for change in changes { set.apply(change, at: "1970-01-01T00:00:00Z") }
            return (set, nil)
        }
    }
}
