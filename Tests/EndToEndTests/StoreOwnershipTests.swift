import Foundation
import Testing

/// Helpers for stores that hold imported events: the user's data, which chancery must never lose, replace or rebuild.
extension StoreWorkspace {
    /// Writes a CSV of `count` events with ids `event-PREFIX-N` and returns its path.
    func csv(_ prefix: String, count: Int) throws -> String {
        let path = root.appendingPathComponent("\(prefix).csv").path
        var text = "id,date,kind,title,organizations\n"
        for index in 0..<count {
            text += "event-\(prefix)-\(index),2001-02-03,other,Event \(index) of \(prefix),United Nations\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// How many events the store holds, as `list events` says; nil (with the output recorded) when it fails.
    func eventCount() throws -> Int? {
        let listed = try chancery("list", "events")
        guard listed.status == 0 else {
            Issue.record("list events failed: \(listed.stderr)")
            return nil
        }
        return listed.stdout.split(separator: "\n").count - 1
    }

    /// `PRAGMA integrity_check` by the sqlite3 program, or "ok" where it is not installed.
    func integrity() throws -> String {
        let check = try Chancery.run(["-c", "command -v sqlite3 >/dev/null || { echo ok; exit; }; sqlite3 '\(store)' 'PRAGMA integrity_check'"],
                                     executable: "sh")
        return check.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite struct StoreOwnershipTests {
    /// Where the store comes from before the killed import: made by `import --store` for a new file, or the derived
    /// store (built from Data/) that an earlier import made the user's.
    enum Start: String, CaseIterable { case ownStore, derivedStore }

    @Test(arguments: Start.allCases, ["import-kill-before-commit", "import-kill-after-commit"])
    func anImportKilledAroundItsCommitLeavesTheOldOrTheNewEventsAndTheNextRunsWork(start: Start, fault: String) throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        if start == .derivedStore {
            let built = try workspace.chancery("list", "events")
            try #require(built.status == 0, "\(built.stderr)")
        }
        let first = try workspace.chancery("import", try workspace.csv("first", count: 50))
        try #require(first.status == 0, "\(first.stderr)")
        let before = try #require(try workspace.eventCount())

        // With the fault, the import runs with a small page cache, so its pages reach the store file before the
        // commit: killed there, the file is half-changed and a hot journal lies beside it, as after a power cut.
        let killed = try workspace.chancery("import", try workspace.csv("second", count: 3_000), environment: ["CHANCERY_FAULT": fault])
        #expect(killed.status == 128 + SIGKILL, "\(killed.stderr)")
        if fault == "import-kill-before-commit" {
            #expect(FileManager.default.fileExists(atPath: workspace.store + "-journal"), "a hot journal is left")
        }

        let expected = fault == "import-kill-before-commit" ? before : before + 3_000
        #expect(try workspace.eventCount() == expected, "the old or the new events, never the bundled data alone")
        #expect(try workspace.eventCount() == expected, "and again on the next run")
        #expect(!FileManager.default.fileExists(atPath: workspace.store + "-journal"), "the journal was rolled back")
        #expect(try workspace.integrity() == "ok")
        let again = try workspace.chancery("import", try workspace.csv("third", count: 10))
        #expect(again.status == 0, "the store takes imports afterwards: \(again.stderr)")
        #expect(try workspace.eventCount() == expected + 10)
    }

    /// SIGKILL at moments spread over an import (before, during and after its commit, wherever they fall): each time
    /// the next runs see the old events or the new ones, and the store stays whole.
    @Test func importsKilledAtAnyMomentLeaveTheOldOrTheNewEvents() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let first = try workspace.chancery("import", try workspace.csv("first", count: 20))
        try #require(first.status == 0, "\(first.stderr)")
        var expected = 20
        for round in 0..<6 {
            let csv = try workspace.csv("round\(round)", count: 8_000)
            let importing = try StartedProcess(["import", csv, "--data", workspace.data.path, "--store", workspace.store])
            Thread.sleep(forTimeInterval: Double(round) * 0.4)
            kill(importing.pid, SIGKILL)
            let outcome = importing.wait()
            let count = try #require(try workspace.eventCount())
            if outcome.status == 0 { expected += 8_000 }
            #expect(count == expected || (outcome.status == 128 + SIGKILL && count == expected + 8_000),
                    "round \(round): \(count) events, \(expected) expected (import status \(outcome.status))")
            expected = count
            #expect(try workspace.integrity() == "ok", "round \(round)")
        }
    }

    @Test func readersDuringAnImportNeverReplaceTheStoreAndEveryImportedRowIsThere() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let first = try workspace.chancery("import", try workspace.csv("first", count: 100))
        try #require(first.status == 0, "\(first.stderr)")
        let big = try workspace.csv("big", count: 20_000)
        let importing = try StartedProcess(["import", big, "--data", workspace.data.path, "--store", workspace.store])
        var readers = 0
        var imported: Chancery.Output?
        while imported == nil {
            for arguments in [["snapshot", "--size", "80x24", "--keys", "G"], ["show", "event-first-0"]] {
                let read = try Chancery.run(arguments + ["--data", workspace.data.path, "--store", workspace.store])
                readers += 1
                // A reader sees the store before the import, or is told it is busy: never that it is damaged.
                #expect(read.status == 0 || (read.status == 1 && read.stderr.contains("is busy")), "\(read.stderr)")
                #expect(!read.stderr.contains("rebuilt") && !read.stderr.contains("not a chancery store"))
            }
            imported = importing.poll()
        }
        #expect(imported?.status == 0, "\(imported?.stderr ?? "")")
        #expect(imported?.stdout.contains("imported 20000 events") == true)
        #expect(readers >= 4, "readers ran while the import did")
        #expect(try workspace.eventCount() == 20_100)
        #expect(try workspace.integrity() == "ok")
    }

    @Test func aSecondImportIntoAStoreAnotherImportIsWritingIsToldItIsBusy() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let first = try workspace.chancery("import", try workspace.csv("first", count: 10))
        try #require(first.status == 0, "\(first.stderr)")
        // The write lock an import holds for its whole run, held here by flock(1) for longer than the 5 s a writer waits.
        let holder = try StartedProcess(["-x", workspace.store, "sleep", "8"], executable: "flock")
        let deadline = Date().addingTimeInterval(10)
        while !(try String(contentsOfFile: "/proc/locks", encoding: .utf8)).contains("FLOCK") && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let second = try workspace.chancery("import", try workspace.csv("second", count: 5))
        #expect(second.status == 1)
        #expect(second.stderr.contains("the store at \(workspace.store) is busy"), "\(second.stderr)")
        #expect(!second.stderr.contains("SQLite error"))
        #expect(holder.wait().status == 0)
        #expect(try workspace.eventCount() == 10, "nothing of the refused import went in")
        let third = try workspace.chancery("import", try workspace.csv("second", count: 5))
        #expect(third.status == 0, "with the lock free again, the import goes in: \(third.stderr)")
        #expect(try workspace.eventCount() == 15)
    }

    @Test func aStoreOptionNamingAFileChanceryDidNotMakeIsRefusedByEveryCommand() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let notes = Data("my notes, not a store\n".utf8)
        try FileManager.default.createDirectory(atPath: (workspace.store as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try notes.write(to: URL(fileURLWithPath: workspace.store))
        let events = try workspace.csv("some", count: 3)
        for arguments in [["list", "events"], ["show", "org-un"], ["snapshot", "--keys", "G"], ["import", events]] {
            let result = try Chancery.run(arguments + ["--data", workspace.data.path, "--store", workspace.store])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("\(workspace.store) is not a chancery store (it is not an SQLite database)"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.store)) == notes, "the file is untouched")
    }

    @Test func generateNeverReplacesAFileAndClearsWhatKilledRunsLeft() throws {
        let workspace = try StoreWorkspace()
        defer { workspace.close() }
        let taken = workspace.root.appendingPathComponent("taken.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: taken))
        let fifo = workspace.root.appendingPathComponent("fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        // A device of our own (a copy of /dev/null's numbers), where the system lets us make one: never the real
        // /dev/null, which a regression would replace for the whole machine.
        let device = workspace.root.appendingPathComponent("null").path
        let haveDevice = try Chancery.run(["-c", "mknod -m 666 '\(device)' c 1 3"], executable: "sh").status == 0
        for (out, csv) in [(taken, false), (taken, true), (fifo, false)] + (haveDevice ? [(device, false)] : []) {
            let result = try Chancery.run(["-s", "KILL", "20", Chancery.binary, "generate", "--events", "10", "--out", out]
                                          + (csv ? ["--csv"] : []), executable: "timeout")
            #expect(result.status == 1, "\(out): \(result.stderr)")
            #expect(result.stderr.contains("\(out) already exists; chancery does not replace it"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: taken)) == Data("keep me".utf8))
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect(!haveDevice || (stat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR), "the device is still a device")

        /// Starts a large generate into the folder and returns it once its temporary file has grown.
        func generating(_ name: String) throws -> StartedProcess {
            let process = try StartedProcess(["generate", "--events", "300000", "--out", workspace.root.appendingPathComponent(name).path])
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, try temporaryFiles().isEmpty { Thread.sleep(forTimeInterval: 0.01) }
            Thread.sleep(forTimeInterval: 0.3)
            return process
        }
        func temporaryFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).filter { $0.hasPrefix(".") }
        }
        let terminated = try generating("terminated.sqlite")
        kill(terminated.pid, SIGTERM)
        let stopped = terminated.wait()
        #expect(stopped.status == 128 + SIGTERM, "\(stopped.stderr)")
        #expect(try temporaryFiles() == [], "a stopped generate removes its temporary files")
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("terminated.sqlite").path))

        let killed = try generating("killed.sqlite")
        kill(killed.pid, SIGKILL)
        #expect(killed.wait().status == 128 + SIGKILL)
        #expect(try !temporaryFiles().isEmpty, "SIGKILL leaves the temporary file behind")
        let next = try Chancery.run(["generate", "--events", "20", "--out", workspace.root.appendingPathComponent("next.sqlite").path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try temporaryFiles() == [], "the next run clears what the killed one left")
    }
}
