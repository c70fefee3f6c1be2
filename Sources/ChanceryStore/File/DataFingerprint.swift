import Foundation
import ChanceryModel

/// A fingerprint of the data files (names, sizes, modification times): the store is stale when it differs.
enum DataFingerprint {
    static func of(_ directory: URL) -> String {
        let parts = EntityDescriptor.all.map { descriptor -> String in
            let file = descriptor.fileName
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(file):\(size):\(modified)"
        }
        return ([Schema.version, directory.standardizedFileURL.path] + parts).joined(separator: "|")
    }
}
