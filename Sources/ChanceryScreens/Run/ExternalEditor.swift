import ChanceryViewModel
import Foundation

/// A text edited in the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`), run through `/bin/sh` on a temporary
/// file with the terminal its own; the file is removed after.
enum ExternalEditor {
    static func edit(_ text: String) -> Result<String, ReadFailure> {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-note-\(UUID().uuidString).txt").path
        guard FileManager.default.createFile(atPath: path, contents: Data((text.isEmpty ? "" : text + "\n").utf8)) else {
            return .failure(ReadFailure(message: "cannot write \(path) for the editor; the note is unchanged"))
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The file is the script's first argument, so its name is never read as shell words.
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", path]
        do {
            try process.run()
        } catch {
            return .failure(ReadFailure(message: "cannot run the editor “\(editor)”: \(error.localizedDescription); the note is unchanged"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(ReadFailure(message: "the editor “\(editor)” exited with status \(process.terminationStatus); the note is unchanged"))
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            return .failure(ReadFailure(message: "cannot read back \(path) as UTF-8; the note is unchanged"))
        }
        // Editors end the last line with a newline; the note does not keep it.
        return .success(edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}
