// libFuzzer harness for the model's JSON parser and dataset loader; compiled by Fuzz/run.sh together with
// Sources/ChanceryModel (every file), so it sees the module's internals. It crashes (so libFuzzer saves the input)
// when the parser or the loader traps, or when an error does not name a line and column inside the input.
import Foundation

/// A data directory of empty files; each input is written over one of them and loaded with the rest.
let dataDirectory: URL = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let directory = URL(fileURLWithPath: base).appendingPathComponent("chancery-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for file in EntityDescriptor.all.map(\.fileName) {
        FileManager.default.createFile(atPath: directory.appendingPathComponent(file).path, contents: Data("[]".utf8))
    }
    atexit { try? FileManager.default.removeItem(at: dataDirectory) }
    return directory
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = bytes.count { $0 == 0x0A } + 1
    do {
        _ = try JSONParser.parse(bytes)
    } catch {
        guard (1...lines).contains(error.line), error.column >= 1, !error.message.isEmpty else {
            fatalError("JSON error outside the input: line \(error.line) of \(lines), column \(error.column): \(error.message)")
        }
    }
    // The loader, over the same bytes as one of the data files (the length picks which, so seeds can be
    // padded with spaces to land in the right file).
    let file = EntityDescriptor.all[bytes.count % EntityDescriptor.all.count].fileName
    let url = dataDirectory.appendingPathComponent(file)
    FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    defer { FileManager.default.createFile(atPath: url.path, contents: Data("[]".utf8)) }
    let (dataset, issues) = Dataset.load(from: dataDirectory)
    for issue in issues + dataset.validate() where issue.file != "?" {
        guard issue.file == file, (1...lines).contains(issue.line), !issue.message.isEmpty else {
            fatalError("loader issue outside the input (\(file), \(lines) lines): \(issue)")
        }
    }
    return 0
}
