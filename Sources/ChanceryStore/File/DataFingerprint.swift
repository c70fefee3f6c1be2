import Foundation
import ChanceryModel

/// A fingerprint of the data files and source texts (names, sizes, modification times): the store is stale when it
/// differs.
enum DataFingerprint {
    static func of(_ directory: URL) -> String {
        let texts = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(Dataset.textsFolder).path))?
            .sorted().map { Dataset.textsFolder + "/" + $0 } ?? []
        let parts = (EntityDescriptor.all.map(\.fileName) + texts).map { file -> String in
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(file):\(size):\(modified)"
        }
        return ([Schema.version, directory.standardizedFileURL.path] + parts).joined(separator: "|")
    }
}
