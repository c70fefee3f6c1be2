import ChanceryModel
import ChanceryStore
import Foundation

/// The bundled dataset and a store built from it, for tests.
public enum TestStore {
    /// The repository's `Data/` directory.
    public static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// A store built once per test process from `Data/`, in a temporary file removed when the process exits.
    public static let bundled: ChanceryStore = {
        let path = temporaryStorePath(prefix: "chancery-test")
        do {
            return try ChanceryStore.openFresh(dataDirectory: dataDirectory, path: path).store
        } catch {
            fatalError("cannot build the test store from \(dataDirectory.path): \(error)")
        }
    }()

    /// A new path in the temporary directory for a store that the test process's exit removes, with its `-wal` and
    /// `-shm` files.
    public static func temporaryStorePath(prefix: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString).sqlite").path
        TemporaryStores.register(path)
        return path
    }

    /// The 3,000 real GDELT 2.0 rows beside the repository (`../shared/data/gdelt/`).
    public static let gdeltSampleFile = dataDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/gdelt/20170701234500.sample-a.export.CSV")

    /// A store holding the GDELT sample alone, imported once per test process; nil when the sample is not there.
    public static let gdeltSample: ChanceryStore? = {
        guard let lines = try? LineReader(contentsOfFile: gdeltSampleFile.path) else { return nil }
        let path = temporaryStorePath(prefix: "chancery-gdelt-test")
        do {
            try ChanceryStore.createEmpty(at: path)
            var input: GDELTInput? = GDELTInput(name: gdeltSampleFile.lastPathComponent, lines: lines)
            _ = try ChanceryStore.importGDELT(nextInput: { defer { input = nil }; return input }, intoStoreAt: path,
                                              reportIssue: { _, _ in }, progress: { _ in })
            return try ChanceryStore.open(path: path)
        } catch {
            fatalError("cannot import the GDELT sample: \(error)")
        }
    }()

    /// The bundled dataset, read straight from the JSON files.
    public static let dataset: Dataset = Dataset.load(from: dataDirectory).dataset
}

/// The store files tests made, removed at exit.
private enum TemporaryStores {
    nonisolated(unsafe) static var paths: [String] = []
    static let lock = NSLock()

    static func register(_ path: String) {
        lock.withLock {
            if paths.isEmpty { atexit { TemporaryStores.removeAll() } }
            paths.append(path)
        }
    }

    static func removeAll() {
        for path in lock.withLock({ paths }) {
            for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
        }
    }
}
