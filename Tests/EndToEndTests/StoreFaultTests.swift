import Foundation
import Testing

/// A folder of its own with a copy of the bundled data, removed by `close`.
struct StoreWorkspace {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-faults-\(UUID().uuidString)")
    var data: URL { root.appendingPathComponent("Data") }
    var store: String { root.appendingPathComponent("cache/store.sqlite").path }

    init() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: HostileData.bundled, to: data)
    }

    func close() {
        try? FileManager.default.removeItem(at: root)
    }

    /// `chancery ARGUMENTS --data DATA --store STORE`, with `environment` added to the test's own.
    func chancery(_ arguments: String..., store: String? = nil, environment: [String: String] = [:]) throws -> Chancery.Output {
        try Chancery.run(arguments + ["--data", data.path, "--store", store ?? self.store],
                         environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    /// The names in the store's folder (temporary files included).
    func storeFolder() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: store).deletingLastPathComponent().path).sorted()
    }

    /// Adds `count` generated events to the data, so that building the store takes a while.
    func growEvents(by count: Int) throws {
        let url = data.appendingPathComponent("events.json")
        var events = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] ?? []
        for index in 0..<count {
            events.append([
                "id": String(format: "event-zzz-generated-%06d", index), "date": "2001", "kind": "other",
                "title": "Generated event \(index) on cooperation", "summary": "The ministry states that event \(index) happened.",
                "links": [["to": "org-un", "role": "participant"], ["to": "place-azerbaijan", "role": "location"]],
                "citations": [["source": "src-001", "quote": "Generated quote \(index)."]],
            ])
        }
        try JSONSerialization.data(withJSONObject: events, options: [.prettyPrinted]).write(to: url)
    }
}

/// How many rows `list events` printed (its header left out).
private func eventRows(_ output: Chancery.Output) -> Int {
    output.stdout.split(separator: "\n").count - 1
}

@Suite struct StoreFaultTests {
    @Test(arguments: ["truncated", "text", "random", "empty", "another SQLite database"])
    func aDamagedDerivedStoreIsRebuiltOnlyWhenItCanBeToldAsChancerys(_ damage: String) throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let first = try workspace.chancery("list", "events")
        try #require(first.status == 0, "\(first.stderr)")
        let before = try contents(of: workspace.data)
        let original = try Data(contentsOf: URL(fileURLWithPath: workspace.store))
        let damaged: Data
        switch damage {
        case "truncated": damaged = original.prefix(original.count / 3)
        case "text": damaged = Data(String(repeating: "not a database\n", count: 400).utf8)
        case "random": damaged = Data((0..<original.count).map { _ in UInt8.random(in: 0...255) })
        case "empty": damaged = Data()
        default:
            let other = workspace.root.appendingPathComponent("other.sqlite").path
            _ = try Chancery.run(["-c", "sqlite3 '\(other)' 'CREATE TABLE meta (key, value); CREATE TABLE t (x)'"], executable: "sh")
            damaged = (try? Data(contentsOf: URL(fileURLWithPath: other))) ?? Data("SQLite format 3\u{0}".utf8)
        }
        try damaged.write(to: URL(fileURLWithPath: workspace.store))
        let again = try workspace.chancery("list", "events")
        if damage == "truncated" || damage == "empty" {
            // The header still says "derived from data" (or there is nothing to lose): rebuilt.
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout == first.stdout, "rebuilt, the store answers as before")
        } else {
            #expect(again.status == 1)
            #expect(again.stderr.contains("\(workspace.store) is not a chancery store ("), "\(again.stderr)")
            #expect(again.stderr.contains("it is left alone"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.store)) == damaged, "the file is left as it was")
        }
        #expect(try contents(of: workspace.data) == before, "Data/ is untouched")
        #expect(try workspace.storeFolder() == ["store.sqlite"], "no temporary file is left")
    }

    /// Places where no store can be made, even by root: the message names the path, the reason and what to do.
    @Test(arguments: [
        ("/dev/full/store.sqlite", "/dev/full is not a directory"),
        ("/proc/chancery/store.sqlite", "cannot make the directory /proc/chancery"),
        ("/proc/store.sqlite", "cannot make a file in /proc"),
    ])
    func aStoreThatCannotBeWrittenIsReportedAndNothingElseChanges(_ path: String, _ reason: String) throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let before = try contents(of: workspace.data)
        let result = try workspace.chancery("list", "events", store: path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot build the store at \(path): \(reason)"), "\(result.stderr)")
        #expect(result.stderr.contains("choose another location with --store PATH"))
        #expect(result.stdout.isEmpty)
        #expect(try contents(of: workspace.data) == before, "Data/ is untouched")
    }

    @Test func aReadOnlyFileSystemIsReported() throws {
        // /sys is mounted read-only in containers; where it is not (a root shell on a real machine), skip.
        var fileSystem = statvfs()
        try #require(statvfs("/sys", &fileSystem) == 0)
        guard fileSystem.f_flag & UInt(ST_RDONLY) != 0 else { return }
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let result = try workspace.chancery("list", "events", store: "/sys/store.sqlite")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot build the store at /sys/store.sqlite: cannot make a file in /sys: "), "\(result.stderr)")
    }

    /// `--store` naming a FIFO or a device: opening a FIFO would wait forever, and a store renamed over a device
    /// (as root) would replace the device. Both are refused and left as they were.
    @Test func aStorePathThatIsNotARegularFileIsRefused() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let fifo = workspace.root.appendingPathComponent("fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        // Under `timeout`, so that a process waiting for a writer fails the test rather than hanging it (with
        // SIGKILL: the test runner's blocked signal mask is inherited, SIGTERM would stay pending).
        let result = try Chancery.run(["-s", "KILL", "20", Chancery.binary, "list", "events", "--data", workspace.data.path, "--store", fifo],
                                      executable: "timeout")
        #expect(result.status != 137, "it did not wait for a writer")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot open the store at \(fifo): it is a FIFO"), "\(result.stderr)")
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        let directory = workspace.root.appendingPathComponent("a-directory").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let onDirectory = try workspace.chancery("list", "events", store: directory)
        #expect(onDirectory.status == 1 && onDirectory.stderr.contains("it is a directory"), "\(onDirectory.stderr)")
    }

    /// A full disk, as a file-size limit (`ulimit -f`) makes it: writes past it fail as they do on a full disk.
    @Test func aFullDiskKeepsTheOldStoreAndSaysSo() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let first = try workspace.chancery("list", "events")
        try #require(first.status == 0)
        let oldStore = try Data(contentsOf: URL(fileURLWithPath: workspace.store))
        try workspace.growEvents(by: 2_000)
        let before = try contents(of: workspace.data)
        // SIGXFSZ ignored, so that a write past the limit fails (EFBIG) rather than killing the process.
        let command = "trap '' XFSZ; ulimit -f 256; exec '\(Chancery.binary)' list events --data '\(workspace.data.path)' --store '\(workspace.store)'"
        let full = try Chancery.run(["-c", command], executable: "bash")
        // ThreadSanitizer's runtime itself dies of SIGBUS under a file-size limit (its shadow memory); not a finding.
        if full.stderr.contains("ThreadSanitizer:DEADLYSIGNAL") { return }
        #expect(full.status == 1)
        #expect(full.stderr.contains("cannot build the store at \(workspace.store): "), "\(full.stderr)")
        #expect(full.stderr.contains("is the disk full?") && full.stderr.contains("--store PATH"), "\(full.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.store)) == oldStore, "the old store is kept whole")
        #expect(try workspace.storeFolder() == ["store.sqlite"], "the half-written file is removed")
        #expect(try contents(of: workspace.data) == before, "Data/ is untouched")
        let later = try workspace.chancery("list", "events")
        #expect(later.status == 0 && eventRows(later) == eventRows(first) + 2_000, "with room again, the store is rebuilt")
    }

    @Test func twoProcessesBuildingTheSameStoreBothSucceed() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        try workspace.growEvents(by: 3_000)
        let before = try contents(of: workspace.data)
        for round in 0..<3 {
            try? FileManager.default.removeItem(atPath: workspace.store)
            let arguments = ["list", "events", "--data", workspace.data.path, "--store", workspace.store]
            let processes = try [StartedProcess(arguments), StartedProcess(arguments)]
            let results = processes.map { $0.wait() }
            for result in results {
                #expect(result.status == 0, "round \(round): \(result.stderr)")
                #expect(eventRows(result) == eventRows(results[0]) && eventRows(result) > 3_000)
            }
            let after = try workspace.chancery("list", "events")
            #expect(after.stdout == results[0].stdout, "the store left behind is whole")
            #expect(try workspace.storeFolder() == ["store.sqlite"], "no temporary file is left")
        }
        let check = try Chancery.run(["-c", "sqlite3 '\(workspace.store)' 'PRAGMA integrity_check'"], executable: "sh")
        #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok" || check.status == 127, "\(check.stdout)\(check.stderr)")
        #expect(try contents(of: workspace.data) == before, "Data/ is untouched")
    }

    @Test func aBuildKilledHalfWayLeavesTheOldStoreAndTheNextRunFinishesIt() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let first = try workspace.chancery("list", "events")
        try #require(first.status == 0)
        let oldStore = try Data(contentsOf: URL(fileURLWithPath: workspace.store))
        try workspace.growEvents(by: 20_000)
        let before = try contents(of: workspace.data)

        let building = try StartedProcess(["list", "events", "--data", workspace.data.path, "--store", workspace.store])
        // Kill it once the new store is being written beside the old one.
        let folder = URL(fileURLWithPath: workspace.store).deletingLastPathComponent()
        let deadline = Date().addingTimeInterval(60)
        var temporary: String?
        while temporary == nil && Date() < deadline {
            temporary = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { name in
                name.hasSuffix(".tmp") && ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size]
                    as? NSNumber)?.intValue ?? 0) > 0
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(building.pid, SIGKILL)
        let killed = building.wait()
        try #require(temporary != nil, "the build never started writing")
        #expect(killed.status == 128 + SIGKILL, "killed during the build: \(killed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.store)) == oldStore, "the old store is untouched")
        #expect(try contents(of: workspace.data) == before, "Data/ is untouched")

        let next = try workspace.chancery("list", "events")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(eventRows(next) == eventRows(first) + 20_000, "the next run builds the new store")
        #expect(try workspace.storeFolder() == ["store.sqlite"], "the killed build's files are cleared away")
    }
}
