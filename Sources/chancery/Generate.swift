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

    @Option(name: .long, help: "The file to write; it is replaced if it exists.")
    var out: String

    @Flag(name: .long, help: "Write the import CSV instead of a store.")
    var csv = false

    func validate() throws {
        guard events >= 0 else { throw ValidationError("--events must be 0 or more") }
    }

    func run() throws {
        var dataset = SyntheticDataset(events: events, seed: seed)
        if csv {
            guard FileManager.default.createFile(atPath: out, contents: nil), let handle = FileHandle(forWritingAtPath: out) else {
                throw StoreErrorMessage("cannot write \(out)")
            }
            while let chunk = dataset.nextCSVChunk() { try handle.write(contentsOf: chunk) }
            try handle.close()
            print("wrote \(events) events to \(out)")
            return
        }
        // Built beside --out and renamed into place, so an interrupted run leaves no half store there.
        let temporary = URL(fileURLWithPath: out).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: out).lastPathComponent).\(getpid()).generating").path
        try ChanceryStore.createEmpty(at: temporary)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let visits = dataset.visits()
        var reader = CSVReader(nextChunk: { dataset.nextCSVChunk() })
        let summary = try ImportRun.perform(from: &reader, visits: visits, into: temporary, inputName: "generated", inputSize: nil)
        guard rename(temporary, out) == 0 else { throw StoreErrorMessage("cannot write \(out): \(String(cString: strerror(errno)))") }
        print("wrote a store to \(out): " + summary.line)
    }
}
