import ArgumentParser
import ChanceryViewModel
import ChanceryModel
import ChanceryStore
import Foundation
import TerminalUI

/// Where the data, the source texts and the store are, from the options or the defaults.
struct LocationOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: the bundled Data/).")
    var data: String?

    @Option(name: .long, help: "The store file (default: under $XDG_CACHE_HOME/chancery/).")
    var store: String?

    /// The data directory named by `--data`, or the default one.
    func dataDirectory() throws -> URL {
        try findDataDirectory(override: data)
    }

    /// The store path: `--store`, else a file under the cache directory named after the data directory.
    func storePath(for dataDirectory: URL) -> String {
        if let store { return store }
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        return "\(cache)/chancery/store-\(stableHash(dataDirectory.standardizedFileURL.path)).sqlite"
    }

    /// Opens the store for the data, building it first when missing or stale.
    func openStore() throws -> ChanceryStore {
        let directory = try dataDirectory()
        return try ChanceryStore.openFresh(dataDirectory: directory, path: storePath(for: directory)).store
    }

    /// The working set (marks and notes) of the dataset whose store this is: a file under `$XDG_DATA_HOME/chancery/`
    /// (or `~/.local/share/chancery/`) named after the store, never in the data directory or beside the store.
    func workingSetFile() throws -> WorkingSetFile {
        let store = URL(fileURLWithPath: storePath(for: try dataDirectory())).standardizedFileURL
        let environment = ProcessInfo.processInfo.environment
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        let name = store.deletingPathExtension().lastPathComponent
        return WorkingSetFile(path: "\(dataHome)/chancery/\(name)-\(stableHash(store.path)).jsonl")
    }

    /// FNV-1a, so the store name is the same on every run for the same path.
    private func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return String(hash, radix: 16)
    }
}

/// The key bindings: the defaults with those of `$XDG_CONFIG_HOME/chancery/keys.toml` (or
/// `~/.config/chancery/keys.toml`) when it exists; a file that cannot be read or taken leaves the defaults and
/// gives the reason, naming the file and line.
func loadKeyMap() -> (bindings: KeyMap, problem: String?) {
    let environment = ProcessInfo.processInfo.environment
    let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
        ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
    let path = "\(configHome)/chancery/keys.toml"
    guard FileManager.default.fileExists(atPath: path) else { return (.standard, nil) }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        return (.standard, "\(path): cannot be read as UTF-8 text; the default keys are in force")
    }
    do {
        return (try KeyMap.configured(by: text, file: path), nil)
    } catch {
        return (.standard, "\(error.description); the default keys are in force")
    }
}

/// The data directory: `override`, else `$CHANCERY_DATA`, else the bundled `Data/` found from the binary,
/// the checkout it was built from, or the working directory.
func findDataDirectory(override: String?) throws -> URL {
    if let override { return try existingDirectory(override, option: "--data") }
    if let fromEnvironment = ProcessInfo.processInfo.environment["CHANCERY_DATA"], !fromEnvironment.isEmpty {
        return try existingDirectory(fromEnvironment, option: "CHANCERY_DATA")
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let candidates = [
        executable.deletingLastPathComponent(),
        (Bundle.main.executableURL ?? executable).resolvingSymlinksInPath().deletingLastPathComponent(),
        // The checkout this binary was built from.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent(),
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    ]
    for start in candidates {
        var directory = start.standardizedFileURL
        while directory.path != "/" {
            let data = directory.appendingPathComponent("Data")
            if FileManager.default.fileExists(atPath: data.appendingPathComponent("events.json").path) { return data }
            directory.deleteLastPathComponent()
        }
    }
    throw ValidationError("cannot find the bundled Data/ directory; pass --data DIR or set CHANCERY_DATA")
}

private func existingDirectory(_ path: String, option: String) throws -> URL {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("\(option): \(path) is not a directory")
    }
    return URL(fileURLWithPath: path)
}

/// Writes to standard error, made safe for a terminal (see `safeForTerminal`).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.safeForTerminal + "\n").utf8))
}

extension String {
    /// The text line by line with every control character shown as a placeholder (ESC as ␛), so that a
    /// message quoting the data, an argument or the environment cannot move the cursor, retitle the window,
    /// write the clipboard or reorder the text of the terminal it is printed to.
    var safeForTerminal: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { String($0).sanitized() }.joined(separator: "\n")
    }
}
