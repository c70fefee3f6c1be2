import Foundation
import ChanceryTestSupport
import ChanceryStore
import ChanceryViewModel
import Testing

/// `mark`, `unmark`, `note`, `marks` and `brief`, each run with its own `$XDG_DATA_HOME`, removed after the test.
@Suite final class WorkingSetCommandTests {
    private let dataHome = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-xdg-\(UUID().uuidString)")
    private let texts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/texts")

    deinit {
        try? FileManager.default.removeItem(at: dataHome)
    }

    private func chancery(_ arguments: String...) throws -> Chancery.Output {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = dataHome.path
        return try Chancery.run(arguments + ["--store", Chancery.storePath], environment: environment)
    }

    /// The working set's one file.
    private func workingSetFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dataHome.appendingPathComponent("chancery").path)
            .filter { $0.hasSuffix(".jsonl") }
    }

    @Test func marksAndNotesPersistAcrossRunsInTheDataHomeOnly() throws {
        let marked = try chancery("mark", "event-1993-01-25-az-ru-pgo-agreement", "visit-2024-05-az-pg-tajikistan")
        #expect(marked.status == 0, "\(marked.stderr)")
        #expect(try chancery("note", "visit-2024-05-az-pg-tajikistan", "Who", "met", "Rahmon?").status == 0)
        #expect(try workingSetFiles().count == 1)
        let json = try chancery("marks", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["event-1993-01-25-az-ru-pgo-agreement", "visit-2024-05-az-pg-tajikistan"],
                "in date order")
        #expect(rows[1]["note"] as? String == "Who met Rahmon?" && rows[0]["date"] as? String == "1993-01-25")
        #expect(try chancery("unmark", "event-1993-01-25-az-ru-pgo-agreement").status == 0)
        #expect(try chancery("marks").stdout.contains("visit-2024-05-az-pg-tajikistan"))
        #expect(!(try chancery("marks").stdout.contains("event-1993-01-25")))
    }

    @Test func unknownIdsGetTheClosestAndExitTwoWithoutWriting() throws {
        let mark = try chancery("mark", "event-1993-01-25-az-ru-agreement")
        #expect(mark.status == 2 && mark.stderr.contains("did you mean \"event-1993-01-25-az-ru-pgo-agreement\"?"), "\(mark.stderr)")
        let note = try chancery("note", "visit-2024-05-az-pg-tajikistn", "x")
        #expect(note.status == 2 && note.stderr.contains("did you mean \"visit-2024-05-az-pg-tajikistan\"?"), "\(note.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dataHome.appendingPathComponent("chancery").path), "nothing written")
        _ = try chancery("mark", "visit-2024-05-az-pg-tajikistan")
        let unmark = try chancery("unmark", "visit-2024-05-az-pg-tajikista")
        #expect(unmark.status == 2 && unmark.stderr.contains("did you mean \"visit-2024-05-az-pg-tajikistan\"?"), "\(unmark.stderr)")
    }

    /// Two processes marking at once: each write merges with what the other wrote.
    @Test func twoProcessesMarkingAtOnceLoseNothing() throws {
        let ids = ["event-1993-01-25-az-ru-pgo-agreement", "visit-2024-05-az-pg-tajikistan", "event-198x-terrorism-in-azerbaijan",
                   "org-iap", "person-kamran-aliyev", "place-tajikistan"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = dataHome.path
        let processes = try ids.map { try StartedProcess(["mark", $0, "--store", Chancery.storePath], environment: environment) }
        for process in processes { #expect(try process.wait().status == 0) }
        let listed = try chancery("marks", "--format", "json").stdout
        for id in ids { #expect(listed.contains("\"\(id)\""), "\(id)") }
    }

    /// Every footnote of the briefing quotes its source verbatim: the quote is in the text file it names.
    @Test func theBriefingQuotesEachSourceVerbatimInDateOrder() throws {
        _ = try chancery("mark", "visit-2024-05-az-pg-tajikistan", "event-1993-01-25-az-ru-pgo-agreement", "event-198x-terrorism-in-azerbaijan")
        _ = try chancery("note", "event-1993-01-25-az-ru-pgo-agreement", "The first agreement after independence.")
        let brief = try chancery("brief")
        #expect(brief.status == 0, "\(brief.stderr)")
        let lines = brief.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("## ") } == [
            "## 1. 1980s — Terrorist acts in Azerbaijan since the 1980s",
            "## 2. 25 Jan 1993 — Azerbaijani and Russian Prosecutor General's Offices sign agreement on legal assistance and cooperation",
            "## 3. May 2024 — Azerbaijan's Prosecutor General visits Dushanbe",
        ])
        #expect(lines.contains("**Analyst's note:** The first agreement after independence."))
        let footnotes = lines.filter { $0.hasPrefix("[^") }
        #expect(footnotes.count == 5)
        for footnote in footnotes {
            let quote = try #require(footnote.split(separator: "“", maxSplits: 1).last?.components(separatedBy: "” — ").first)
            let file = try #require(footnote.components(separatedBy: "file ").last?.dropLast())
            let text = try String(contentsOf: texts.appendingPathComponent(String(file)), encoding: .utf8)
            #expect(text.contains(quote), "\(footnote)")
        }
        let out = dataHome.appendingPathComponent("brief.html").path
        let written = try chancery("brief", "--format", "html", "--out", out)
        #expect(written.status == 0 && written.stdout.contains("Wrote a briefing of 3 records"))
        #expect(try chancery("brief", "--out", out).status != 0, "never over an existing file")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<li id=\"q5\">"))
    }

    /// A view saved in the working set (as :save writes it) is listed, briefed (the records of its focused pane) and
    /// deleted from the command line.
    @Test func viewsAreListedBriefedAndDeleted() throws {
        let directory = dataHome.appendingPathComponent("chancery")
        _ = try chancery("mark", "org-iap")
        let file = directory.appendingPathComponent(try workingSetFiles()[0]).path
        let line = #"{"view":"tajik","at":"t","focus":"timeline","timeline.text":"tajikistan","timeline.kinds":"agreementSigned"}"#
        try (String(contentsOfFile: file, encoding: .utf8) + line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try chancery("views").stdout.contains("tajik  t      focus=timeline timeline.kinds=agreementSigned timeline.text=tajikistan"))
        let listed = try chancery("list", "events", "--text", "tajikistan", "--kind", "agreementSigned", "--format", "ndjson")
        let ids = listed.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids.count > 1)
        let brief = try chancery("brief", "--view", "tajik")
        #expect(brief.status == 0 && brief.stdout.hasPrefix("# Briefing: \(ids.count) records of the view “tajik”"), "\(brief.stdout)\(brief.stderr)")
        for id in ids { #expect(brief.stdout.contains(" · \(id)\n"), "\(id)") }
        let misspelt = try chancery("brief", "--view", "tajk")
        #expect(misspelt.status == 2 && misspelt.stderr.contains("did you mean \"tajik\"?"))
        #expect(try chancery("views", "--delete", "tajik").status == 0)
        #expect(try chancery("views").stdout.hasPrefix("No saved views"))
    }

    @Test func aDataDirectoryThatCannotBeMadeIsReportedAndNothingIsWritten() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = "/dev/null/x"
        let result = try Chancery.run(["mark", "org-iap", "--store", Chancery.storePath], environment: environment)
        #expect(result.status == 1 && result.stderr.contains("/dev/null/x: cannot create the directory for the working set (Not a directory)"),
                "\(result.stderr)")
    }

    @Test func aDamagedFileIsNamedWithItsLineAndKeptAside() throws {
        _ = try chancery("mark", "org-iap")
        let path = dataHome.appendingPathComponent("chancery/\(try workingSetFiles()[0])").path
        try (String(contentsOfFile: path, encoding: .utf8) + "{oops\n").write(toFile: path, atomically: true, encoding: .utf8)
        let listed = try chancery("marks")
        #expect(listed.status == 0 && listed.stderr.contains("\(path):3: not JSON"), "\(listed.stderr)")
        let marked = try chancery("mark", "org-unicef")
        #expect(marked.stderr.contains("\(path).damaged-1:3:"), "\(marked.stderr)")
        #expect(FileManager.default.fileExists(atPath: path + ".damaged-1"))
        #expect(try chancery("marks").stdout.contains("org-iap"), "the readable marks are kept")
    }
}

/// A trail replayed by `chancery snapshot --script`: the same screen as its keys, at the size it names, and a warning
/// when the store holds other data than it was recorded on.
@Suite struct TrailReplayTests {
    @Test func aTrailReplaysAtItsSizeAndWarnsOnOtherData() throws {
        let store = ["--store", Chancery.storePath]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-trail-\(UUID().uuidString).keys").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let keys = "3jj<Enter>G"
        try "# chancery trail\n# store: 1 records, other\n# size: 90x28\n\(keys)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let replayed = try Chancery.run(["snapshot", "--script", path] + store)
        let typed = try Chancery.run(["snapshot", "--keys", keys, "--size", "90x28"] + store)
        #expect(replayed.status == 0 && replayed.stdout == typed.stdout)
        #expect(replayed.stdout.split(separator: "\n").first?.count == 90, "the size the trail names")
        #expect(replayed.stderr.contains("was recorded on other data (1 records, other)"), "\(replayed.stderr)")

        // Recorded on the same data (another store built from Data/): no warning.
        let same = "# store: \(try TestStore.bundled.contentFingerprint())\n\(keys)\n"
        try FileManager.default.removeItem(atPath: path)
        try same.write(toFile: path, atomically: true, encoding: .utf8)
        let quiet = try Chancery.run(["snapshot", "--script", path, "--size", "90x28"] + store)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout == typed.stdout, "\(quiet.stderr)")
    }
}

/// `$XDG_CONFIG_HOME/chancery/keys.toml`: taken by `keys`, `snapshot` and the browser; a bad one is named by line and
/// the defaults stay.
@Suite final class KeyConfigCommandTests {
    private let configHome = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-config-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: configHome)
    }

    private func run(_ arguments: [String], config: String) throws -> Chancery.Output {
        let directory = configHome.appendingPathComponent("chancery")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("keys.toml"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = configHome.path
        environment["XDG_DATA_HOME"] = configHome.path
        return try Chancery.run(arguments, environment: environment)
    }

    @Test func theBindingsInForceShowAndAct() throws {
        let config = "[panes]\nmoveDown = [\"<C-n>\"]\n"
        let keys = try run(["keys"], config: config)
        #expect(keys.status == 0 && keys.stdout.contains("| `<C-n>` | Move down |"), "\(keys.stderr)")
        let names = try run(["keys", "--names"], config: config)
        #expect(names.stdout.contains("[panes] moveDown = [\"<C-n>\"]  # Move down"))
        let moved = try run(["snapshot", "--size", "80x24", "--keys", "<C-n><C-n>j", "--store", Chancery.storePath], config: config)
        let typed = try Chancery.run(["snapshot", "--size", "80x24", "--keys", "jj", "--store", Chancery.storePath])
        let (movedLines, typedLines) = (moved.stdout.split(separator: "\n"), typed.stdout.split(separator: "\n"))
        #expect(movedLines.dropLast() == typedLines.dropLast(), "C-n moves down in the lists; j does not any more")
        #expect(movedLines.last?.hasPrefix(" C-n/k move · Enter open") == true, "the status line names the key in force")
    }

    @Test func aBadFileIsNamedByLineAndTheDefaultsStay() throws {
        let keys = try run(["keys"], config: "[panes]\n\nmoveDwn = \"x\"\n")
        #expect(keys.status == 1 && keys.stderr.contains("keys.toml:3: no command “moveDwn” in panes; did you mean moveDown?"), "\(keys.stderr)")
        #expect(keys.stdout == KeyBindings.markdown(), "the defaults are printed")
        let screen = try run(["snapshot", "--size", "120x40", "--store", Chancery.storePath], config: "[panes]\n\nmoveDwn = \"x\"\n")
        #expect(screen.status == 0 && screen.stdout.contains("keys.toml:3: no command"), "the status line says so")
    }
}
