import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// Opening, building and rebuilding the store file, and what happens when the file or the data is bad.
@Suite struct StoreLifecycleTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private var eventCount: Int { RealData.dataset.events.count }

    /// Opens (building if needed) the store at `path` for `data`, and checks it answers for the whole dataset.
    @discardableResult
    private func openFreshAndCheck(_ data: URL, _ path: String) throws -> (store: ChanceryStore, rebuilt: Bool) {
        let opened = try ChanceryStore.openFresh(dataDirectory: data, path: path)
        #expect(try opened.store.page(EntityFilter(kind: .event), offset: 0, limit: 1).total == eventCount)
        #expect(try opened.store.detail(id: "org-un")?.summary.name == "United Nations")
        return opened
    }

    private func setModificationDate(of url: URL, to date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    @Test func buildsWhenMissingReusesWhenFreshAndRebuildsWhenDataChange() throws {
        let data = try directory.copyOfData()
        let path = directory.path("cache/nested/store.sqlite")
        #expect(try openFreshAndCheck(data, path).rebuilt, "no store yet: built")
        #expect(try openFreshAndCheck(data, path).rebuilt == false, "fresh: reused")

        let events = data.appendingPathComponent("events.json")
        try setModificationDate(of: events, to: Date().addingTimeInterval(120))
        #expect(try openFreshAndCheck(data, path).rebuilt, "a data file was touched: rebuilt")
        #expect(try openFreshAndCheck(data, path).rebuilt == false)

        let text = try String(contentsOf: events, encoding: .utf8)
        let title = "\"Azerbaijan is a member of the United Nations\""
        #expect(text.contains(title))
        try text.replacingOccurrences(of: title, with: "\"Azerbaijan, member of the United Nations\"")
            .write(to: events, atomically: false, encoding: .utf8)
        let edited = try openFreshAndCheck(data, path)
        #expect(edited.rebuilt, "a data file was edited: rebuilt")
        #expect(try edited.store.detail(id: "event-az-member-un")?.summary.name == "Azerbaijan, member of the United Nations")
    }

    @Test func aStoreBuiltForOtherDataIsRebuilt() throws {
        let first = try directory.copyOfData(named: "one")
        let second = try directory.copyOfData(named: "two")
        let path = directory.path("store.sqlite")
        #expect(try openFreshAndCheck(first, path).rebuilt)
        #expect(try openFreshAndCheck(second, path).rebuilt)
        #expect(try openFreshAndCheck(second, path).rebuilt == false)
    }

    /// Ways a store file can be damaged.
    enum Damage: CaseIterable, CustomTestStringConvertible {
        case randomBytes, empty, headerOnly, truncatedToHalf, truncatedByAPage, truncatedByAFewBytes, text

        var testDescription: String { "\(self)" }

        func apply(to original: Data) -> Data {
            switch self {
            case .randomBytes: Data((0..<original.count).map { _ in UInt8.random(in: 0...255) })
            case .empty: Data()
            case .headerOnly: original.prefix(100)
            case .truncatedToHalf: original.prefix(original.count / 2)
            case .truncatedByAPage: original.prefix(original.count - 4096)
            case .truncatedByAFewBytes: original.prefix(original.count - 10)
            case .text: Data(String(repeating: "not a database\n", count: 300).utf8)
            }
        }

        /// Whether the file still says it is a store chancery derived from data (its SQLite header is whole),
        /// or holds nothing at all: only then may it be rebuilt.
        var leavesARebuildableFile: Bool { ![.randomBytes, .text].contains(self) }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedDerivedStoreIsRebuiltWhenItsHeaderSaysSoAndRefusedOtherwise(damage: Damage) throws {
        let data = try directory.copyOfData()
        let path = directory.path("store.sqlite")
        try openFreshAndCheck(data, path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(original.count > 8192)
        let damaged = damage.apply(to: original)
        try damaged.write(to: URL(fileURLWithPath: path))

        if damage.leavesARebuildableFile {
            let reopened = try openFreshAndCheck(data, path)
            #expect(reopened.rebuilt)
            #expect(try reopened.store.all(EntityFilter(kind: .event)).count == eventCount)
        } else {
            let error = try #require(throws: StoreError.self) { try ChanceryStore.openFresh(dataDirectory: data, path: path) }
            guard case .notAStore(path, _) = error else {
                Issue.record("expected notAStore, got \(error)")
                return
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == damaged, "a file chancery cannot tell as its own is left alone")
        }
        #expect(try directory.entries() == ["Data", "store.sqlite"], "no temporary file is left behind")
    }

    /// Imports one event, `event-mine`, into the store at `path`.
    private func importOneEvent(into path: String) throws {
        let csv = Array("id,kind,title\nevent-mine,other,Mine\n".utf8)
        var delivered = false
        var reader = CSVReader(nextChunk: { defer { delivered = true }; return delivered ? nil : csv })
        _ = try ChanceryStore.importEvents(from: &reader, intoStoreAt: path, reportIssue: { _ in }, progress: { _ in })
    }

    @Test(arguments: [Damage.truncatedToHalf, .truncatedByAPage, .headerOnly, .randomBytes, .empty])
    func aDamagedStoreHoldingImportedEventsIsReportedAndLeftAlone(damage: Damage) throws {
        let data = try directory.copyOfData()
        let path = directory.path("store.sqlite")
        try openFreshAndCheck(data, path)
        try importOneEvent(into: path)
        #expect(ChanceryStore.origin(ofStoreAt: path) == .import, "a derived store that took an import is the user's")
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let damaged = damage.apply(to: original)
        try damaged.write(to: URL(fileURLWithPath: path))

        if damage == .empty {
            #expect(try openFreshAndCheck(data, path).rebuilt, "an empty file holds nothing to lose")
            return
        }
        let error = try #require(throws: StoreError.self) { try ChanceryStore.openFresh(dataDirectory: data, path: path) }
        switch error {
        case .damaged(path, _):
            #expect(error.description.contains("leaves it as it is") && error.description.contains(".recover"))
        case .notAStore(path, _):
            #expect(damage == .randomBytes)
        default:
            Issue.record("expected damaged or notAStore, got \(error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == damaged, "the user's file is left as it was")
        #expect(try directory.entries() == ["Data", "store.sqlite"])
    }

    @Test func aStoreThatTookAnImportIsNotRebuiltWhenTheDataChange() throws {
        let data = try directory.copyOfData()
        let path = directory.path("store.sqlite")
        try openFreshAndCheck(data, path)
        try importOneEvent(into: path)
        try setModificationDate(of: data.appendingPathComponent("events.json"), to: Date().addingTimeInterval(120))
        let opened = try ChanceryStore.openFresh(dataDirectory: data, path: path)
        #expect(opened.rebuilt == false)
        #expect(try opened.store.detail(id: "event-mine") != nil, "the imported event is still there")
        #expect(throws: StoreError.self, "nor can a build from data replace it") {
            try ChanceryStore.build(RealData.dataset, at: path, fingerprint: "x")
        }
        #expect(try ChanceryStore.open(path: path).detail(id: "event-mine") != nil)
    }

    @Test func aStoreOfTheUsersFromAnotherVersionIsLeftAsItIs() throws {
        let data = try directory.copyOfData()
        let path = directory.path("own.sqlite")
        try ChanceryStore.createEmpty(at: path)
        try importOneEvent(into: path)
        try SQLiteFile(path: path).execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try ChanceryStore.openFresh(dataDirectory: data, path: path) }
        #expect(error.description.contains("another version of chancery (store schema 99"), "\(error)")
        #expect(error.description.contains("left as it is"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func filesChanceryDidNotMakeAreRefusedAndLeftAlone() throws {
        let data = try directory.copyOfData()
        let notes = directory.path("notes.txt")
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: notes))
        let other = directory.path("other.sqlite")
        try SQLiteFile(path: other).execute("""
            CREATE TABLE meta (key, value); INSERT INTO meta VALUES ('schema', 'theirs'); PRAGMA application_id = 42
            """)
        let plain = directory.path("plain.sqlite")
        try SQLiteFile(path: plain).execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        for path in [notes, other, plain] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = try #require(throws: StoreError.self) { try ChanceryStore.openFresh(dataDirectory: data, path: path) }
            guard case .notAStore(path, _) = error else {
                Issue.record("expected notAStore for \(path), got \(error)")
                continue
            }
            #expect(error.description.contains("left alone"))
            #expect(throws: StoreError.self) { try ChanceryStore.build(RealData.dataset, at: path, fingerprint: "x") }
            #expect(throws: StoreError.self) { try importOneEvent(into: path) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(path) is untouched")
        }
    }

    @Test func aStoreAnotherProcessHoldsLockedIsReportedBusyNotDamaged() throws {
        let data = try directory.copyOfData()
        let path = directory.path("store.sqlite")
        try openFreshAndCheck(data, path)
        try setModificationDate(of: data.appendingPathComponent("events.json"), to: Date().addingTimeInterval(120))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A writer in the middle of a commit holds an exclusive lock: readers can neither read nor rebuild.
        let writer = try SQLiteFile(path: path)
        try writer.execute("BEGIN EXCLUSIVE")
        let error = try #require(throws: StoreError.self) { try ChanceryStore.openFresh(dataDirectory: data, path: path) }
        guard case .busy(path) = error else {
            Issue.record("expected busy, got \(error)")
            return
        }
        #expect(error.description.contains("busy") && error.description.contains("try again"))
        try writer.execute("ROLLBACK")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing was rebuilt over it")
        #expect(try openFreshAndCheck(data, path).rebuilt, "once free, the stale derived store is rebuilt")
    }

    @Test func openingAFileThatIsNotAStoreThrowsNamingThePath() throws {
        let path = directory.path("not-a-store.sqlite")
        try Data(String(repeating: "not a database\n", count: 300).utf8).write(to: URL(fileURLWithPath: path))
        for candidate in [path, directory.path("missing.sqlite")] {
            let error = try #require(throws: StoreError.self) { try ChanceryStore.open(path: candidate) }
            switch error {
            case .cannotOpen(let reported, let reason), .notAStore(let reported, let reason):
                #expect(reported == candidate)
                #expect(!reason.isEmpty)
            default:
                Issue.record("expected cannotOpen or notAStore, got \(error)")
            }
            #expect(error.description.contains(candidate))
        }
    }

    @Test func openingAnEmptySQLiteDatabaseThrowsCannotOpen() throws {
        let data = try directory.copyOfData()
        let path = directory.path("store.sqlite")
        try openFreshAndCheck(data, path)
        try Data().write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try ChanceryStore.open(path: path) }
        #expect(error.description.contains(path))
    }

    /// Ways to break a copy of the data, and the `FILE:LINE` the error must name.
    enum Breakage: CaseIterable, CustomTestStringConvertible {
        case syntax, unknownEnumValue, missingFile, danglingReference

        var testDescription: String { "\(self)" }

        /// Breaks the data in `directory` and returns the `file:line` the issue must name.
        func apply(to directory: URL) throws -> String {
            let file = self == .missingFile ? "visits.json" : "events.json"
            let url = directory.appendingPathComponent(file)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            func replaceFirst(_ needle: String, with replacement: String) throws -> Int {
                let index = try #require(lines.firstIndex { $0.contains(needle) })
                lines[index] = lines[index].replacingOccurrences(of: needle, with: replacement)
                return index + 1
            }
            let line: Int
            switch self {
            case .syntax: line = try replaceFirst("\"title\":", with: "\"title\" ")
            case .unknownEnumValue: line = try replaceFirst("\"kind\": \"membership\"", with: "\"kind\": \"joining\"")
            case .danglingReference: line = try replaceFirst("\"to\": \"org-un\"", with: "\"to\": \"org-nowhere\"")
            case .missingFile:
                try FileManager.default.removeItem(at: url)
                return "\(file):1:"
            }
            try lines.joined(separator: "\n").write(to: url, atomically: false, encoding: .utf8)
            return self == .danglingReference ? "\(file):" : "\(file):\(line):"
        }
    }

    @Test(arguments: Breakage.allCases)
    func brokenDataThrowsInvalidDataNamingFileAndLine(breakage: Breakage) throws {
        let data = try directory.copyOfData()
        let expected = try breakage.apply(to: data)
        let path = directory.path("store.sqlite")
        let error = try #require(throws: StoreError.self) { try ChanceryStore.openFresh(dataDirectory: data, path: path) }
        guard case .invalidData(let reported, let issues) = error else {
            Issue.record("expected invalidData, got \(error)")
            return
        }
        #expect(reported == data.path)
        #expect(issues.count >= 1)
        #expect(error.description.contains(expected), "\(error.description)")
        #expect(!FileManager.default.fileExists(atPath: path), "no store is built from broken data")
    }

    @Test func danglingReferenceNamesTheRecordsLine() throws {
        let data = try directory.copyOfData()
        // The first record of events.json linking the UN.
        let linking = try #require(RealData.dataset.events.first { $0.links.contains { $0.to == "org-un" } }?.id)
        let location = try #require(RealData.dataset.locations[linking])
        _ = try Breakage.danglingReference.apply(to: data)
        let error = try #require(throws: StoreError.self) {
            try ChanceryStore.openFresh(dataDirectory: data, path: directory.path("store.sqlite"))
        }
        #expect(error.description.contains("events.json:\(location.line): record \(linking):"), "\(error.description)")
        #expect(error.description.contains("org-nowhere"))
    }

    @Test func buildingUnderARegularFileThrowsCannotBuild() throws {
        try Data("in the way".utf8).write(to: directory.url.appendingPathComponent("blocker"))
        let path = directory.path("blocker/store.sqlite")
        let error = try #require(throws: StoreError.self) { try ChanceryStore.build(RealData.dataset, at: path, fingerprint: "x") }
        guard case .cannotBuild(let reported, _) = error else {
            Issue.record("expected cannotBuild, got \(error)")
            return
        }
        #expect(reported == path)
        #expect(error.description.contains(path))
        #expect(try directory.entries() == ["blocker"], "no temporary file is left behind")
    }

    @Test func buildingOverADirectoryThrowsCannotBuildAndLeavesNoTemporaryFile() throws {
        let taken = directory.url.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: taken.appendingPathComponent("inside"))
        let error = try #require(throws: StoreError.self) {
            try ChanceryStore.build(RealData.dataset, at: taken.path, fingerprint: "x")
        }
        guard case .cannotBuild(let reported, _) = error else {
            Issue.record("expected cannotBuild, got \(error)")
            return
        }
        #expect(reported == taken.path)
        #expect(try directory.entries() == ["taken"], "no temporary file is left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: taken.path) == ["inside"])

        let data = try directory.copyOfData()
        #expect(throws: StoreError.self) { try ChanceryStore.openFresh(dataDirectory: data, path: taken.path) }
        #expect(try directory.entries() == ["Data", "taken"])
    }

    @Test func theDataDirectoryIsNeverWritten() throws {
        let before = try snapshot(of: Repository.data)
        let path = directory.path("store.sqlite")
        try openFreshAndCheck(Repository.data, path)
        try ChanceryStore.build(RealData.dataset, at: path, fingerprint: "other")
        #expect(try openFreshAndCheck(Repository.data, path).rebuilt)
        let after = try snapshot(of: Repository.data)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (name, (bytes, modified)) in before {
            #expect(after[name]?.0 == bytes, "\(name) unchanged")
            #expect(after[name]?.1 == modified, "\(name) not touched")
        }
        #expect(try directory.entries() == ["store.sqlite"])
    }
}
