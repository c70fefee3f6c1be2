import ArgumentParser
import ChanceryModel
import ChanceryStore
import Foundation

/// `chancery import`: adds the events of a CSV file to a store, in one transaction.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the events of a CSV file to the store.",
        discussion: """
            The header names the columns, in any order, as `chancery export --format csv` writes them (id, kind and \
            title are required). date is EDTF or empty; kind is an event kind. The links and citations columns \
            (JSON arrays) carry every link and citation, with the names of what they point to, so that an export \
            imports back whole; without them, list cells hold names or ids separated by ";": an id the store has \
            links to it, a name links to the entity of that name (or acronym), and unknown names become new \
            organizations, people, cities or countries; source and quote give one citation. docs/DATA.md has it all.

            Bad rows are reported as FILE:LINE: message and skipped; the rest goes in as one transaction, so an \
            interrupted import leaves the store as it was.

            Give --store PATH for a store of its own; one that does not exist is created (browse, list and \
            snapshot read it with the same --store). Without --store, events go into the default store, which \
            is derived from the data directory: from then on it holds your events and is no longer rebuilt when \
            the data change. A store holding imported events is never rebuilt, replaced or removed by chancery.
            """)

    @Argument(help: "The CSV file.")
    var file: String

    @OptionGroup var locations: LocationOptions

    func run() throws {
        var reader: CSVReader
        do {
            reader = try CSVReader(contentsOfFile: file)
        } catch {
            throw StoreErrorMessage("cannot read \(file)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue
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
            let summary = try ImportRun.perform(from: &reader, visits: [], into: path, inputName: file, inputSize: size)
            try StandardOutput.line(summary.line)
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
        let fault = ProcessInfo.processInfo.environment["CHANCERY_FAULT"]
        var meter = isatty(STDERR_FILENO) == 1 ? ProgressMeter(totalBytes: inputSize) : nil
        defer { meter?.clear() }
        do {
            let summary = try StopSignals.whileRunning {
                try ChanceryStore.importEvents(
                from: &reader, visits: visits, intoStoreAt: path,
                reportIssue: { issue in
                    meter?.clear()
                    printError("\(inputName):\(issue.line): \(issue.message)")
                },
                progress: { progress in
                    try StopSignals.check()
                    meter?.show(progress)
                },
                beforeCommit: fault == "import-kill-before-commit" ? { _ = raise(SIGKILL) } : nil)
            }
            if fault == "import-kill-after-commit" { raise(SIGKILL) }
            return summary
        } catch let error as ImportError {
            throw StoreErrorMessage(error.line.map { "\(inputName):\($0): \(error.message)" } ?? "\(inputName): \(error.message)")
        } catch let error as ExitCode {
            meter?.clear()
            printError("interrupted: nothing was imported, the store is as it was")
            throw error
        }
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
