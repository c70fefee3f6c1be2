import ChanceryTestSupport
import Foundation
import Testing
import ZIPFoundation

/// `chancery import --format gdelt` on the real GDELT sample, as an analyst runs it: zipped as downloaded, again, with
/// bad rows, and the records it makes read back with `list`, `facets` and `show`.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestStore.gdeltSampleFile.path), "needs ../shared/data/gdelt"))
final class GDELTCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-gdelt-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func aZippedExportImportsOnceAndAgainAddsNothing() throws {
        let zip = path("20170701234500.export.CSV.zip")
        let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .create)
        try archive.addEntry(with: "20170701234500.export.CSV", fileURL: TestStore.gdeltSampleFile, compressionMethod: .deflate)
        let store = path("gdelt.sqlite")
        let first = try Chancery.run(["import", "--format", "gdelt", zip, "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("imported 3000 events, 428 visits, 0 rows already in the store, skipped 0 rows"))
        // The same rows, unzipped this time: nothing new.
        let again = try Chancery.run(["import", "--format", "gdelt", TestStore.gdeltSampleFile.path, "--store", store])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("imported 0 events, 3000 rows already in the store, skipped 0 rows"))
        let visits = try Chancery.run(["list", "visits", "--store", store, "--format", "csv"])
        #expect(visits.stdout.split(whereSeparator: \.isNewline).count == 1 + 428, "a header and a line a visit")
        let consultations = try Chancery.run(["facets", "--by", "cameo", "--store", store, "--format", "csv"])
        #expect(consultations.stdout.contains("04,706"))
        let shown = try Chancery.run(["show", "gdelt-669666350", "--store", store])
        #expect(shown.stdout.contains("CAMEO event: 040 Consult, not specified below"))
        #expect(shown.stdout.contains("No verbatim quote: the record was machine-coded from this article."))
    }

    @Test func badRowsAreNamedByFileAndLineAndTheRestImported() throws {
        let rows = try String(contentsOf: TestStore.gdeltSampleFile, encoding: .utf8).split(separator: "\n").prefix(3).map(String.init)
        let broken = [rows[0], rows[1].replacingOccurrences(of: "\t20070704\t", with: "\t2007070\t"), "not\ta\tGDELT\trow", rows[2]]
        let file = path("broken.export.CSV")
        try (broken.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Chancery.run(["import", "--format", "gdelt", file, "--store", path("broken.sqlite")])
        #expect(output.status == 0)
        #expect(output.stderr == """
            \(file):2: SQLDATE "2007070" is not a day (yyyymmdd)
            \(file):3: 4 columns; a GDELT 2.0 event row has 61, tab-separated

            """)
        #expect(output.stdout.contains("imported 2 events") && output.stdout.contains("skipped 2 rows"))
    }

    @Test func aMissingFileChangesNothingAndNamesIt() throws {
        let store = path("none.sqlite")
        let output = try Chancery.run(["import", "--format", "gdelt", TestStore.gdeltSampleFile.path, path("missing.CSV"), "--store", store])
        #expect(output.status != 0)
        #expect(output.stderr.contains("cannot read \(path("missing.CSV"))"))
        #expect(!FileManager.default.fileExists(atPath: store), "no store is made for an import that cannot run")
    }

    @Test func machineCodedEventsExportAndImportBackAsEvents() throws {
        let store = path("coded.sqlite"), copy = path("copy.sqlite"), table = path("events.csv")
        _ = try Chancery.run(["import", "--format", "gdelt", TestStore.gdeltSampleFile.path, "--store", store])
        let exported = try Chancery.run(["export", "--store", store, "--format", "csv", "--type", "events"])
        try exported.stdout.write(toFile: table, atomically: true, encoding: .utf8)
        let imported = try Chancery.run(["import", table, "--store", copy])
        #expect(imported.status == 0 && imported.stderr.isEmpty, "\(imported.stderr.prefix(300))")
        #expect(imported.stdout.hasPrefix("imported 3000 events"))
        // The events come back whole as the CSV carries them (the coded facts are GDELT's file's to give again).
        let before = try Chancery.run(["show", "gdelt-661114881", "--store", store]).stdout
        let after = try Chancery.run(["show", "gdelt-661114881", "--store", copy]).stdout
        #expect(after.contains("Guatemala — Use conventional military force, not specified below — Syria"))
        #expect(after.contains("No verbatim quote") && before.contains("No verbatim quote"))
    }

    @Test func theBrowserShowsTheSampleVisits() throws {
        let store = path("browse.sqlite")
        _ = try Chancery.run(["import", "--format", "gdelt", TestStore.gdeltSampleFile.path, "--store", store])
        let screen = try Chancery.run(["snapshot", "--store", store, "--size", "120x40", "--keys", "3<Enter>"])
        #expect(screen.stdout.contains("Detail · visit"))
        #expect(screen.stdout.contains("CAMEO event: 042 Make a visit"))
    }
}
