import ArgumentParser
import ChanceryModel
import ChanceryStore
import Foundation
import ZIPFoundation

/// `chancery import`: adds the events of a CSV file, or of GDELT event files, to a store, in one transaction.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the events of a CSV file, or of GDELT 2.0 event files, to the store.",
        discussion: """
            --format chancery (the default) reads one CSV file. The header names the columns, in any order, as \
            `chancery export --format csv` writes them (id, kind and title are required). date is EDTF or empty; kind \
            is an event kind. The links and citations columns (JSON arrays) carry every link and citation, with the \
            names of what they point to, so that an export imports back whole; without them, list cells hold names or \
            ids separated by ";": an id the store has links to it, a name links to the entity of that name (or \
            acronym), and unknown names become new organizations, people, cities or countries; source and quote give \
            one citation.

            --format gdelt reads GDELT 2.0 event exports as published (tab-separated, no header, 61 columns), plain or \
            zipped, one file or many: each row becomes the event gdelt-GLOBALEVENTID (042 and 043 rows a visit too), \
            with its actors, place and article. Importing a file again adds nothing; a row whose GLOBALEVENTID the \
            store has with other values replaces it. docs/DATA.md has both formats.

            Bad rows are reported as FILE:LINE: message and skipped; the rest goes in as one transaction, so an \
            interrupted import leaves the store as it was.

            Give --store PATH for a store of its own; one that does not exist is created (browse, list and \
            snapshot read it with the same --store). Without --store, events go into the default store, which \
            is derived from the data directory: from then on it holds your events and is no longer rebuilt when \
            the data change. A store holding imported events is never rebuilt, replaced or removed by chancery.
            """)

    /// The formats `import` reads.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case chancery, gdelt
    }

    @Option(help: "chancery (a CSV file as export writes it) or gdelt (GDELT 2.0 event exports, plain or .zip).")
    var format: Format = .chancery

    @Argument(help: "The file (with --format gdelt: the files).")
    var files: [String]

    @OptionGroup var locations: LocationOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the file to import") }
        if format == .chancery, files.count > 1 {
            throw ValidationError("--format chancery reads one file; give --format gdelt to import GDELT files")
        }
    }

    func run() throws {
        // Every input is checked before the store is touched, so a misspelt name changes nothing.
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw StoreErrorMessage("cannot read \(file)")
        }
        let path: String
        var createdStore = false
        if let store = locations.store {
            path = store
            if !FileManager.default.fileExists(atPath: path) {
                try ChanceryStore.createEmpty(at: path)
                createdStore = true
            }
        } else {
            path = try locations.openStore().path
        }
        if ChanceryStore.origin(ofStoreAt: path) == .data {
            printError("note: \(path) was derived from the data directory; holding imported events from now on, it is "
                       + "yours: chancery will no longer rebuild it when the data change")
        }
        do {
            switch format {
            case .chancery:
                guard var reader = try? CSVReader(contentsOfFile: files[0]) else { throw StoreErrorMessage("cannot read \(files[0])") }
                let size = (try? FileManager.default.attributesOfItem(atPath: files[0])[.size] as? NSNumber)?.intValue
                let summary = try ImportRun.perform(from: &reader, visits: [], into: path, inputName: files[0], inputSize: size)
                try StandardOutput.line(summary.line)
            case .gdelt:
                let summary = try ImportRun.performGDELT(files, into: path)
                try StandardOutput.line(summary.line)
            }
        } catch {
            // Nothing was committed: the store made above for this import holds nothing yet.
            if createdStore { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }
}

/// Runs an import for the command line: reports bad rows on standard error, shows progress there when it is
/// a terminal, and stops cleanly (the transaction rolled back) on Ctrl-C.
enum ImportRun {
    /// Imports the CSV of `reader` (named `inputName` in messages, `inputSize` bytes long when known) and
    /// `visits` into the store at `path`. A stop signal rolls the transaction back and exits 128 + its number.
    /// `CHANCERY_FAULT=import-kill-before-commit` or `import-kill-after-commit` (tests only) kills the process
    /// with SIGKILL at that point, as a crash or a power cut would.
    static func perform(from reader: inout CSVReader, visits: [NamedVisit], into path: String, inputName: String,
                        inputSize: Int?) throws -> ImportSummary {
        do {
            return try run(inputSize: inputSize) { hooks in
                try ChanceryStore.importEvents(from: &reader, visits: visits, intoStoreAt: path,
                                               reportIssue: { hooks.report(inputName, $0) }, progress: hooks.progress,
                                               beforeCommit: hooks.beforeCommit)
            }
        } catch let error as ImportError {
            throw StoreErrorMessage(error.line.map { "\(inputName):\($0): \(error.message)" } ?? "\(inputName): \(error.message)")
        }
    }

    /// Imports the GDELT event files `files` (plain or zipped: every file entry of a zip is read) into the store at
    /// `path`, as `perform` does a CSV file.
    static func performGDELT(_ files: [String], into path: String) throws -> GDELTImportSummary {
        var inputs = GDELTInputs(files: files)
        do {
            return try run(inputSize: nil) { hooks in
                try ChanceryStore.importGDELT(nextInput: { try inputs.next() }, intoStoreAt: path, reportIssue: hooks.report,
                                              progress: hooks.progress, beforeCommit: hooks.beforeCommit)
            }
        } catch let error as InputError {
            throw StoreErrorMessage(error.message)
        }
    }

    /// What an import is given to report through: bad rows (by input name), progress (which throws on a stop signal)
    /// and the fault to inject before the commit.
    struct Hooks {
        let report: (String, ImportIssue) -> Void
        let progress: (ImportProgress) throws -> Void
        let beforeCommit: (() -> Void)?
    }

    /// Runs `importing` with bad rows reported on standard error as `NAME:LINE: message`, a progress line on a terminal
    /// (the share read when `inputSize` is known), stop signals checked as rows are read, and the faults tests inject.
    private static func run<T>(inputSize: Int?, _ importing: (Hooks) throws -> T) throws -> T {
        let fault = ProcessInfo.processInfo.environment["CHANCERY_FAULT"]
        var meter = isatty(STDERR_FILENO) == 1 ? ProgressMeter(totalBytes: inputSize) : nil
        defer { meter?.clear() }
        do {
            let result = try StopSignals.whileRunning {
                try importing(Hooks(
                    report: { name, issue in
                        meter?.clear()
                        printError("\(name):\(issue.line): \(issue.message)")
                    },
                    progress: { progress in
                        try StopSignals.check()
                        meter?.show(progress)
                    },
                    beforeCommit: fault == "import-kill-before-commit" ? { _ = raise(SIGKILL) } : nil))
            }
            if fault == "import-kill-after-commit" { raise(SIGKILL) }
            return result
        } catch let error as ExitCode {
            meter?.clear()
            printError("interrupted: nothing was imported, the store is as it was")
            throw error
        }
    }
}

/// A GDELT input that cannot be read; the import stops and nothing is committed.
private struct InputError: Error {
    var message: String
}

/// The inputs of a GDELT import, one after the other: a plain file is read a mebibyte at a time, a zip archive (told by
/// its first bytes, whatever its name) gives each of its files in turn.
private struct GDELTInputs {
    private var files: [String]
    private var pendingEntries: [GDELTInput] = []

    init(files: [String]) {
        self.files = files.reversed()
    }

    mutating func next() throws -> GDELTInput? {
        if !pendingEntries.isEmpty { return pendingEntries.removeLast() }
        guard let file = files.popLast() else { return nil }
        let start = FileHandle(forReadingAtPath: file).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 4)
        }
        if start == Data([0x50, 0x4B, 0x03, 0x04]) {
            pendingEntries = try Self.entries(ofArchive: file).reversed()
            return try next()
        }
        guard let lines = try? LineReader(contentsOfFile: file) else { throw InputError(message: "cannot read \(file)") }
        return GDELTInput(name: file, lines: lines)
    }

    /// The files of the zip archive at `path`, each read whole (GDELT's are a few mebibytes), named `path:entry`.
    private static func entries(ofArchive path: String) throws -> [GDELTInput] {
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            return try archive.filter { $0.type == .file }.map { entry in
                var bytes: [UInt8] = []
                _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
                return GDELTInput(name: "\(path):\(entry.path)", lines: LineReader(bytes: bytes))
            }
        } catch {
            throw InputError(message: "\(path): not a zip archive that can be read (\(error))")
        }
    }
}

extension GDELTImportSummary {
    /// The import's summary line, with rows already there and events replaced, and the sources made.
    var line: String {
        var parts = ["imported \(summary.importedEvents) events"]
        if summary.importedVisits > 0 { parts.append("\(summary.importedVisits) visits") }
        parts.append("\(unchangedRows) rows already in the store")
        if replacedEvents > 0 { parts.append("replaced \(replacedEvents) events") }
        parts.append("skipped \(summary.skippedRows) rows")
        parts.append("created \(summary.createdOrganizations) organizations, \(summary.createdPeople) people, "
                     + "\(summary.createdPlaces) places, \(createdSources) sources")
        return parts.joined(separator: ", ")
    }
}

extension ImportSummary {
    /// `imported N events, skipped M rows, created K organizations, P people, Q places`, with visits when there are some.
    var line: String {
        var parts = ["imported \(importedEvents) events"]
        if importedVisits > 0 { parts.append("\(importedVisits) visits") }
        parts.append("skipped \(skippedRows) rows")
        parts.append("created \(createdOrganizations) organizations, \(createdPeople) people, \(createdPlaces) places")
        return parts.joined(separator: ", ")
    }
}

/// A progress line on standard error, redrawn at most ten times a second: rows, rows per second and,
/// when the size is known, the share of the input read.
struct ProgressMeter {
    private let totalBytes: Int?
    private let start = Date()
    private var lastShown = Date.distantPast
    private var visible = false

    /// A meter for an input of `totalBytes`, if known.
    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    /// Redraws the line for `progress` unless it was drawn less than a tenth of a second ago.
    mutating func show(_ progress: ImportProgress) {
        guard progress.rows % 256 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.1 else { return }
        lastShown = now
        let rate = Int(Double(progress.rows) / max(now.timeIntervalSince(start), 0.001))
        var line = "\r\(progress.rows) rows, \(rate) rows/s"
        if let totalBytes, totalBytes > 0 { line += ", \(min(100, progress.bytes * 100 / totalBytes))%" }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        visible = true
    }

    /// Erases the line, so that messages and the shell prompt start on a clean one.
    mutating func clear() {
        guard visible else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        visible = false
    }
}
