import Foundation
import Testing

/// What every command does when standard output fails: a full disk, or a reader that has gone.
@Suite struct OutputErrorTests {
    /// Every command that writes to standard output, with its arguments (`STORE` and `DIR` stand for a store
    /// and a folder of the test's own).
    static let commands: [String] = [
        "export", "export --format ndjson", "export --format csv", "snapshot --size 120x40 --keys G --store STORE",
        "list events --store STORE", "list organizations --store STORE", "show org-un --store STORE", "keys",
        "generate --events 20000 --csv --out -", "import DIR/events.csv --store DIR/new.sqlite",
        "validate --data DIR/broken",
    ]

    /// Runs `command` through bash with `redirection` applied to it, in a folder holding an events CSV and broken data.
    private func run(_ command: String, _ shell: (String) -> String) throws -> Chancery.Output {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Chancery.run(["export", "--format", "csv"])
        try csv.stdout.write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.copyItem(at: HostileData.bundled, to: broken)
        let events = broken.appendingPathComponent("events.json")
        try String(contentsOf: events, encoding: .utf8).replacingOccurrences(of: "\"kind\": \"membership\"", with: "\"kind\": \"joining\"")
            .write(to: events, atomically: true, encoding: .utf8)
        let arguments = command.replacingOccurrences(of: "STORE", with: Chancery.storePath)
            .replacingOccurrences(of: "DIR", with: folder.path)
        return try Chancery.run(["-c", shell("'\(Chancery.binary)' \(arguments)")], executable: "bash")
    }

    @Test(arguments: commands)
    func aFullDiskIsOneLineOnStandardErrorAndStatusOne(command: String) throws {
        let result = try run(command) { "exec \($0) > /dev/full" }
        #expect(result.status == 1, "\(command): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("note:") && !$0.hasSuffix("problem(s)") }
        #expect(lines == ["chancery: cannot write standard output: No space left on device"], "\(command): \(result.stderr)")
    }

    /// A reader that has gone before anything is written, with SIGPIPE ignored (as some shells and services
    /// start programs): the command stops quietly, with status 0 and nothing on standard error.
    @Test(arguments: commands)
    func aClosedPipeEndsTheCommandQuietly(command: String) throws {
        let result = try run(command) { "(trap '' PIPE; sleep 0.3; exec \($0)) | true" }
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("note:") && !$0.hasSuffix("problem(s)") }
        #expect(lines.isEmpty, "\(command): \(result.stderr)")
    }
}
