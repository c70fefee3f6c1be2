import ArgumentParser
import ChanceryModel
import ChanceryStore
import Foundation

/// `chancery generate`: a deterministic synthetic dataset, as import CSV or as a store.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic dataset of N events, as a store or (--csv) as import CSV.",
        discussion: """
            The same --events and --seed give the same CSV, byte for byte. Without --csv, the rows go through \
            `chancery import` into a new store at --out, with one delegation visit for every fifty events \
            (the CSV holds events only); open it with `chancery --store FILE`.
            """)

    @Option(name: .long, help: "How many events.")
    var events: Int

    @Option(name: .long, help: "The seed of the pseudo-random draws.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The file to write, which must not exist yet; - writes the CSV to standard output.")
    var out: String

    @Flag(name: .long, help: "Write the import CSV instead of a store.")
    var csv = false

    func validate() throws {
        guard events >= 0 else { throw ValidationError("--events must be 0 or more") }
    }

    func run() throws {
        var dataset = SyntheticDataset(events: events, seed: seed)
        if csv && out == "-" {
            while let chunk = dataset.nextCSVChunk() { try StandardOutput.write(bytes: chunk) }
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
        if csv {
            guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
                throw StoreErrorMessage("cannot write \(out): cannot make a file in \(folder.path)")
            }
            try StopSignals.whileRunning {
                while let chunk = dataset.nextCSVChunk() {
                    try StopSignals.check()
                    try handle.write(contentsOf: chunk)
                }
            }
            try handle.close()
            summary = "wrote \(events) events to \(out)"
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
