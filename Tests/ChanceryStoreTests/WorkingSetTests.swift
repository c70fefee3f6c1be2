import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// Each test has its own directory for a working set, removed after it.
@Suite final class WorkingSetTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-workset-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// The test's working set file, in a directory not made yet.
    private func file() -> WorkingSetFile {
        WorkingSetFile(path: root.appendingPathComponent("sub/store.jsonl").path)
    }

    @Test func marksAndNotesSurviveAReadAndTheTextReadsAsJSONLines() throws {
        var set = WorkingSet()
        set.apply(.mark(id: "event-a", title: "A \"quoted\" title"), at: "2026-12-04T00:00:00Z")
        set.apply(.note(id: "visit-b", text: "line one\nline two\u{1B}[31m red"), at: "2026-12-04T00:00:01Z")
        set.apply(.mark(id: "org-c", title: "C"), at: "2026-12-04T00:00:02Z")
        set.apply(.unmark(id: "org-c"), at: "2026-12-04T00:00:03Z")
        let text = set.text
        #expect(text.split(separator: "\n").count == 3, "header, one mark, one note")
        let (read, problems) = WorkingSet.read(text)
        #expect(problems.isEmpty && read == set)
        #expect(read.notes["visit-b"]?.text == "line one\nline two\u{1B}[31m red", "stored as typed, control characters too")
        set.apply(.note(id: "visit-b", text: ""), at: "2026-12-04T00:00:04Z")
        #expect(set.notes.isEmpty, "an empty note removes it")
    }

    @Test func aSavedViewKeepsItsFieldsAsStringsAndIsReadBack() {
        var set = WorkingSet()
        set.apply(.saveView(name: "baku 2018", fields: ["focus": "visits", "timeline.text": "baku \"old\"", "timeline.since": "2018"]), at: "t")
        let line = set.text.split(separator: "\n")[1]
        #expect(line == #"{"view":"baku 2018","at":"t","focus":"visits","timeline.since":"2018","timeline.text":"baku \"old\""}"#)
        #expect(WorkingSet.read(set.text).workingSet == set)
        set.apply(.deleteView(name: "baku 2018"), at: "u")
        #expect(set.views.isEmpty)
    }

    @Test func unreadableLinesAreNamedByNumberAndTheRestIsRead() {
        let text = """
            # comment
            {"mark":"event-a","title":"A","at":"x"}
            {"mark":"event-b","title":
            [1, 2]
            {"mark":"not-an-id","title":"X","at":"x"}
            {"note":"event-a","at":"x"}
            {"other":"event-a"}

            {"note":"event-a","text":"kept","at":"x"}
            """
        let (set, problems) = WorkingSet.read(text)
        #expect(set.marks.keys.sorted() == ["event-a"] && set.notes["event-a"]?.text == "kept")
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(problems[0].message.hasPrefix("not JSON"))
        #expect(problems[2].message == "“not-an-id” is not a record id")
    }

    @Test func writesPersistAcrossRunsAndCreateTheDirectory() throws {
        let file = file()
        #expect(try file.load().workingSet == WorkingSet(), "no file: nothing marked")
        _ = try file.apply([.mark(id: "event-a", title: "A"), .note(id: "event-a", text: "why")])
        let again = WorkingSetFile(path: file.path)
        let loaded = try again.load().workingSet
        #expect(loaded.isMarked("event-a") && loaded.notes["event-a"]?.text == "why")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (file.path as NSString).deletingLastPathComponent)
        #expect(leftovers.sorted() == ["store.jsonl", "store.jsonl.lock"], "no temporary file left")
    }

    /// Two writers that each loaded the file before the other wrote: each write applies its own changes to what the
    /// file holds then, so neither loses the other's.
    @Test func twoWritersAtOnceKeepEachOthersMarks() async throws {
        let file = file()
        _ = try file.apply([.mark(id: "event-start", title: "S")])
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    for index in 0..<50 {
                        _ = try? WorkingSetFile(path: file.path).apply([.mark(id: "event-\(writer)-\(index)", title: "T")])
                    }
                }
            }
        }
        let marks = try file.load().workingSet.marks
        #expect(marks.count == 101, "every mark of both writers, and the first")
    }

    @Test func aDamagedFileIsKeptAsideAndItsReadableLinesWrittenBack() throws {
        let file = file()
        _ = try file.apply([.mark(id: "event-a", title: "A")])
        let damaged = try String(contentsOfFile: file.path, encoding: .utf8) + "{\"mark\": oops\n"
        try damaged.write(toFile: file.path, atomically: true, encoding: .utf8)
        #expect(try file.load().problems.map(\.line) == [3])
        let receipt = try file.apply([.mark(id: "event-b", title: "B")])
        #expect(receipt.problems.map(\.line) == [3] && receipt.keptAside == file.path + ".damaged-1")
        #expect(try String(contentsOfFile: file.path + ".damaged-1", encoding: .utf8) == damaged, "kept as found")
        #expect(try file.load().workingSet.marks.keys.sorted() == ["event-a", "event-b"])
        #expect(try file.load().problems.isEmpty)
    }

    @Test func aWriteThatCannotHappenNamesTheFileAndChangesNothing() throws {
        // A directory where the file should be: the rename fails, as on a full or read-only disk.
        let file = file()
        try FileManager.default.createDirectory(atPath: file.path, withIntermediateDirectories: true)
        let error = try #require(throws: WorkingSetError.self) { try file.apply([.mark(id: "event-a", title: "A")]) }
        #expect(error.description.hasPrefix(file.path + ": cannot"), "\(error)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: (file.path as NSString).deletingLastPathComponent)
        #expect(!beside.contains { $0.hasSuffix(".tmp") }, "the temporary file is removed")
    }
}
