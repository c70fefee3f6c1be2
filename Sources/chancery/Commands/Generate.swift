import ArgumentParser
import ChanceryModel
import ChanceryStore
import Foundation

/// `chancery generate`: a deterministic synthetic dataset, as import CSV or as a store.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic dataset of N events, as a store, as import CSV (--csv) or as a GDELT event file (--format gdelt).",
        discussion: """
            The same --events and --seed give the same CSV, byte for byte. Without --csv, the rows go through \
            `chancery import` into a new store at --out, with one delegation visit for every fifty events \
            (the CSV holds events only); open it with `chancery --store FILE`. --format gdelt writes GDELT 2.0 event \
            rows (61 tab-separated columns, no header) for `chancery import --format gdelt`.
            """)

    /// What `generate` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case store, csv, gdelt
    }

    @Option(name: .long, help: "How many events.")
    var events: Int

    @Option(name: .long, help: "The seed of the pseudo-random draws.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The file to write, which must not exist yet; - writes the CSV to standard output.")
    var out: String

    @Flag(name: .long, help: "Write the import CSV instead of a store (as --format csv).")
    var csv = false

    @Option(name: .long, help: "store (the default), csv (the import CSV) or gdelt (a GDELT 2.0 event export).")
    var format: Format?

    /// What to write: --format, or --csv.
    private var output: Format { format ?? (csv ? .csv : .store) }

    func validate() throws {
        guard events >= 0 else { throw ValidationError("--events must be 0 or more") }
        if csv, let format, format != .csv { throw ValidationError("--csv and --format \(format.rawValue) ask for different files") }
    }

    func run() throws {
        var dataset = SyntheticDataset(events: events, seed: seed)
        var gdelt = SyntheticGDELT(rows: events, seed: seed)
        let nextChunk: () -> [UInt8]? = output == .gdelt ? { gdelt.nextChunk() } : { dataset.nextCSVChunk() }
        if output != .store && out == "-" {
            while let chunk = nextChunk() { try StandardOutput.write(bytes: chunk) }
            return
        }
        // Made beside --out under a name of this process, and placed there only if nothing is there yet: an
        // interrupted run leaves nothing at --out, and what a killed run left is cleared by later runs.
        var status = stat()
        if lstat(out, &status) == 0 { throw StoreError.exists(path: out) }
        let folder = URL(fileURLWithPath: out).deletingLastPathComponent()
        ChanceryStore.removeAbandonedTemporaryFiles(in: folder)
        let temporary = ChanceryStore.temporaryPath(beside: out)
        defer {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: temporary + "-journal")
        }
        let summary: String
        if output != .store {
            guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
                throw StoreErrorMessage("cannot write \(out): cannot make a file in \(folder.path)")
            }
            try StopSignals.whileRunning {
                while let chunk = nextChunk() {
                    try StopSignals.check()
                    try handle.write(contentsOf: chunk)
                }
            }
            try handle.close()
            summary = "wrote \(events) \(output == .gdelt ? "GDELT rows" : "events") to \(out)"
        } else {
            try ChanceryStore.createEmpty(at: temporary)
            let visits = dataset.visits()
            var reader = CSVReader(nextChunk: { dataset.nextCSVChunk() })
            let imported = try ImportRun.perform(from: &reader, visits: visits, into: temporary, inputName: "generated", inputSize: nil)
            summary = "wrote a store to \(out): " + imported.line
        }
        try ChanceryStore.placeNewFile(temporary, at: out)
        try StandardOutput.line(summary)
    }
}
