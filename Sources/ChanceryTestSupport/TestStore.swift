import ChanceryModel
import ChanceryStore
import Foundation

/// The bundled dataset and a store built from it, for tests.
public enum TestStore {
    /// The repository's `Data/` directory.
    public static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// A store built once per test process from `Data/`, in a temporary file.
    public static let bundled: ChanceryStore = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-test-\(UUID().uuidString).sqlite").path
        do {
            return try ChanceryStore.openFresh(dataDirectory: dataDirectory, path: path).store
        } catch {
            fatalError("cannot build the test store from \(dataDirectory.path): \(error)")
        }
    }()

    /// The bundled dataset, read straight from the JSON files.
    public static let dataset: Dataset = Dataset.load(from: dataDirectory).dataset
}
