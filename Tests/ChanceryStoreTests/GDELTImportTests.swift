import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// The real GDELT 2.0 rows beside the repository (`../shared/data/gdelt/`), read here column by column without the
/// importer's parser, so that the tests check the importer against the rows themselves.
private enum GDELTSample {
    static let file = Repository.root.deletingLastPathComponent().appendingPathComponent(
        "shared/data/gdelt/20170701234500.sample-a.export.CSV")
    static var isThere: Bool { FileManager.default.fileExists(atPath: file.path) }
    static var text: String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }
    /// Each row's fields by codebook column name.
    static var rows: [[String: String]] {
        let names = ["GLOBALEVENTID": 0, "SQLDATE": 1, "Actor1CountryCode": 7, "Actor2CountryCode": 17, "EventCode": 26,
                     "EventRootCode": 28, "QuadClass": 29, "GoldsteinScale": 30, "ActionGeo_Type": 51,
                     "ActionGeo_FullName": 52, "SOURCEURL": 60]
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return names.mapValues { fields[$0] }
        }
    }
}

/// What a GDELT import reported.
struct GDELTOutcome {
    var summary: GDELTImportSummary
    var issues: [String]
}

/// Imports `text` as one GDELT input named `name` into the store at `path`, made empty first when missing.
private func importGDELT(_ text: String, into path: String, name: String = "export.CSV") throws -> GDELTOutcome {
    if !FileManager.default.fileExists(atPath: path) { try ChanceryStore.createEmpty(at: path) }
    var pending: [GDELTInput] = [GDELTInput(name: name, lines: LineReader(bytes: Array(text.utf8)))]
    var issues: [String] = []
    let summary = try ChanceryStore.importGDELT(nextInput: { pending.popLast() }, intoStoreAt: path,
                                                reportIssue: { issues.append("\($0):\($1.line): \($1.message)") },
                                                progress: { _ in })
    return GDELTOutcome(summary: summary, issues: issues)
}

/// How many entities of each kind the store lists.
private func totals(_ store: ChanceryStore) throws -> [EntityKind: Int] {
    var totals: [EntityKind: Int] = [:]
    for kind in EntityKind.allCases { totals[kind] = try store.page(EntityFilter(kind: kind), offset: 0, limit: 0).total }
    return totals
}

@Suite(.enabled(if: GDELTSample.isThere, "needs ../shared/data/gdelt")) struct GDELTSampleImport {
    let directory: TemporaryDirectory
    let path: String
    let outcome: GDELTOutcome
    let store: ChanceryStore

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("gdelt.sqlite")
        outcome = try importGDELT(GDELTSample.text, into: path)
        store = try ChanceryStore.open(path: path)
    }

    @Test func everyRowIsAnEventAndEveryVisitRowAVisitToo() throws {
        let rows = GDELTSample.rows
        let visitRows = rows.filter { $0["EventCode"]!.hasPrefix("042") || $0["EventCode"]!.hasPrefix("043") }
        #expect(outcome.issues == [])
        #expect(outcome.summary.summary.importedEvents == rows.count)
        #expect(outcome.summary.summary.importedVisits == visitRows.count)
        #expect(outcome.summary.summary.skippedRows == 0)
        let counts = try totals(store)
        #expect(counts[.event] == rows.count)
        #expect(counts[.visit] == visitRows.count)
        // Every article once: as many sources as distinct URLs.
        #expect(counts[.source] == Set(rows.map { $0["SOURCEURL"]! }).count)
    }

    @Test func idsDatesKindsPlacesAndCitationsAreTheRows() throws {
        for row in GDELTSample.rows.prefix(400) {
            let id = "gdelt-" + row["GLOBALEVENTID"]!
            let detail = try #require(try store.detail(id: id))
            let day = row["SQLDATE"]!
            #expect(detail.summary.date?.edtf == "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))")
            #expect(detail.fields.first { $0.kind == .cameoEvent }?.values.first == row["EventCode"])
            #expect(detail.fields.first { $0.kind == .quadClass }?.values == [row["QuadClass"]!])
            #expect(detail.fields.first { $0.kind == .goldstein }.flatMap { Double($0.values[0]) } == Double(row["GoldsteinScale"]!))
            // The article is the citation, with no quote; the source keeps the URL.
            let citation = try #require(detail.citations.first)
            #expect(detail.citations.count == 1 && citation.quote.isEmpty)
            let source = try #require(try store.detail(id: citation.sourceID))
            #expect(source.fields.first { $0.kind == .url }?.values == [row["SOURCEURL"]!])
            // The place where it happened: a city or region by its full name, a country by its name.
            let location = detail.links.first { $0.role == .location }?.entity
            switch row["ActionGeo_Type"]! {
            case "", "0": #expect(location == nil)
            case "1": #expect(location?.category == "country")
            default: #expect(location?.name == row["ActionGeo_FullName"]!)
            }
        }
    }

    @Test func kindsFollowTheCAMEOTable() throws {
        let expected = ["042": EventKind.visit, "043": .visit, "057": .agreementSigned, "040": .meeting, "036": .meeting,
                        "010": .statement, "051": .cooperation, "071": .contribution, "190": .conflict, "112": .conflict,
                        "090": .other]
        for row in GDELTSample.rows {
            guard let kind = expected[row["EventCode"]!] else { continue }
            #expect(try store.detail(id: "gdelt-" + row["GLOBALEVENTID"]!)?.summary.category == kind.rawValue, "\(row["EventCode"]!)")
        }
    }

    @Test func aVisitGoesToThePlaceOfTheAction() throws {
        for row in GDELTSample.rows where row["EventCode"] == "042" && ["3", "4"].contains(row["ActionGeo_Type"]!) {
            let visit = try #require(try store.detail(id: "visit-gdelt-" + row["GLOBALEVENTID"]!))
            #expect(visit.links.first { $0.role == .destination }?.entity.name == row["ActionGeo_FullName"])
        }
    }

    @Test func codedFactsFilterCountAndOrder() throws {
        let rows = GDELTSample.rows
        for root in ["04", "19"] {
            var filter = EntityFilter(kind: .event)
            filter.cameoRoots = [root]
            #expect(try store.page(filter, offset: 0, limit: 0).total == rows.filter { $0["EventRootCode"] == root }.count)
        }
        var conflict = EntityFilter(kind: .event)
        conflict.quadClasses = [.materialConflict]
        #expect(try store.page(conflict, offset: 0, limit: 0).total == rows.filter { $0["QuadClass"] == "4" }.count)
        let byRoot = try store.facets(EntityFilter(kind: .event), by: .cameo)
        #expect(byRoot.map(\.count).reduce(0, +) == rows.count)
        #expect(byRoot.first { $0.value == "04" }?.count == rows.filter { $0["EventRootCode"] == "04" }.count)
        let lowest = rows.compactMap { Double($0["GoldsteinScale"]!) }.min()
        let first = try store.page(EntityFilter(kind: .event, order: .byGoldstein), offset: 0, limit: 1).rows[0]
        #expect(try store.detail(id: first.id)?.fields.first { $0.kind == .goldstein }.flatMap { Double($0.values[0]) } == lowest)
        #expect(try store.codedKinds() == [.event, .visit])
        // The year histogram of a list filtered by CAMEO root counts that list, not the whole kind the counts kept hold.
        var fights = EntityFilter(kind: .event)
        fights.cameoRoots = ["19"]
        #expect(try store.dateSpread(fights).total == rows.filter { $0["EventRootCode"] == "19" }.count)
    }

    @Test func importingTheSameFileAgainAddsNothing() throws {
        let before = try totals(store)
        let again = try importGDELT(GDELTSample.text, into: path)
        #expect(again.summary.summary.importedEvents == 0 && again.summary.summary.importedVisits == 0)
        #expect(again.summary.unchangedRows == GDELTSample.rows.count)
        #expect(again.summary.replacedEvents == 0)
        #expect(try totals(ChanceryStore.open(path: path)) == before)
    }
}

@Suite struct GDELTRows {
    /// A made-up row in the published shape: 61 tab-separated columns.
    static func row(id: String = "900000001", day: String = "20240518", actor1: (code: String, name: String, country: String) = ("AZE", "BAKU", "AZE"),
                    actor2Name: String = "NEIGHBORHOOD", code: String = "042", goldstein: String = "1.9",
                    place: String = "Baku, Baki, Azerbaijan", columns: Int = 61) -> String {
        var fields = Array(repeating: "", count: 61)
        fields[0] = id; fields[1] = day
        (fields[5], fields[6], fields[7]) = actor1
        (fields[15], fields[16]) = ("CVL", actor2Name)
        (fields[26], fields[27], fields[28]) = (code, String(code.prefix(3)), String(code.prefix(2)))
        (fields[29], fields[30], fields[31], fields[32], fields[33], fields[34]) = ("1", goldstein, "4", "1", "4", "-2.5")
        (fields[51], fields[52], fields[53]) = ("4", place, "AJ")
        (fields[59], fields[60]) = ("20240518101500", "https://www.example.org/news/1")
        return fields.prefix(columns).joined(separator: "\t")
    }

    @Test func badRowsAreNamedByFileAndLineAndSkipped() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("gdelt.sqlite")
        let text = [Self.row(), Self.row(id: "x1"), Self.row(id: "900000003", day: "20241341"), Self.row(id: "900000004", columns: 58),
                    Self.row(id: "900000005", code: "4a"), "", Self.row(id: "900000006")].joined(separator: "\n")
        let outcome = try importGDELT(text, into: path, name: "day.export.CSV")
        #expect(outcome.issues == [
            "day.export.CSV:2: GLOBALEVENTID \"x1\" is not a number",
            "day.export.CSV:3: SQLDATE \"20241341\" is not a day (yyyymmdd)",
            "day.export.CSV:4: 58 columns; a GDELT 2.0 event row has 61, tab-separated",
            "day.export.CSV:5: EventCode \"4a\" is not a CAMEO code",
        ])
        #expect(outcome.summary.summary.importedEvents == 2 && outcome.summary.summary.skippedRows == 4)
    }

    @Test func aLineWithNoEndIsSkippedNotKeptWhole() throws {
        // Three mebibytes with no line end, in chunks, then a good row: the long line is reported and the row imported.
        let long = Array(repeating: UInt8(ascii: "x"), count: 3 << 20)
        var chunks = [Array(long[..<(1 << 20)]), Array(long[(1 << 20)...]), Array(("\n" + Self.row()).utf8)]
        var lines = LineReader(nextChunk: { chunks.isEmpty ? nil : chunks.removeFirst() })
        let first = try #require(try lines.next())
        #expect(first.line == 1 && first.text.isEmpty, "cut, not kept")
        let second = try #require(try lines.next())
        #expect(second.line == 2 && second.text == Self.row())
        #expect(try lines.next() == nil)
        let directory = try TemporaryDirectory()
        let outcome = try importGDELT(String(decoding: long, as: UTF8.self) + "\n" + Self.row(), into: directory.path("long.sqlite"))
        #expect(outcome.issues == ["export.CSV:1: longer than 1024 KiB; a GDELT row is under 2 KiB"])
        #expect(outcome.summary.summary.importedEvents == 1)
    }

    @Test func aLaterRowWithTheSameIDReplacesTheEarlierAndItsWordsGoWithIt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("gdelt.sqlite")
        _ = try importGDELT([Self.row(), Self.row(id: "900000002", actor2Name: "FARMER")].joined(separator: "\n"), into: path)
        let later = try importGDELT(Self.row(actor2Name: "SHEPHERD", goldstein: "-4.0"), into: path)
        #expect(later.summary.replacedEvents == 1 && later.summary.summary.importedEvents == 1)
        let store = try ChanceryStore.open(path: path)
        #expect(try totals(store)[.event] == 2)
        #expect(try totals(store)[.visit] == 2)
        let detail = try #require(try store.detail(id: "gdelt-900000001"))
        #expect(detail.fields.first { $0.kind == .goldstein }?.values == ["-4.0"])
        #expect(detail.links.contains { $0.entity.name == "Shepherd" })
        // The replaced row's words find nothing; the new ones find it, and the other event keeps its own.
        #expect(try store.page(EntityFilter(kind: .event, text: "neighborhood"), offset: 0, limit: 10).rows.map(\.id) == [])
        #expect(try store.page(EntityFilter(kind: .event, text: "shepherd"), offset: 0, limit: 10).rows.map(\.id) == ["gdelt-900000001"])
        #expect(try store.page(EntityFilter(kind: .event, text: "farmer"), offset: 0, limit: 10).rows.map(\.id) == ["gdelt-900000002"])
        // Counts of linked events are taken back with the links: Azerbaijan is linked from the two events once each.
        #expect(try store.detail(id: "place-azerbaijan")?.summary.linkedEventCount == 2)
    }

    @Test func aStoreOfTheSchemaBeforeIsReadWithoutAWriteAndUpgradedByTheNextImport() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        _ = try importGDELT(Self.row(), into: path)
        try SQLiteFile(path: path).execute("DROP TABLE coded_event; UPDATE meta SET value = '7' WHERE key = 'schema'")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try ChanceryStore.open(path: path)
        #expect(try totals(store)[.event] == 1, "its events are read")
        #expect(try store.codedKinds() == [], "with no coded facts")
        #expect(try store.page(EntityFilter(kind: .event, order: .byGoldstein), offset: 0, limit: 5).rows.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "reading it wrote nothing")
        let later = try importGDELT(Self.row(id: "900000002"), into: path)
        #expect(later.summary.summary.importedEvents == 1)
        let upgraded = try ChanceryStore.open(path: path)
        #expect(try upgraded.codedKinds() == [.event, .visit], "the import gave it the table and filled it")
        #expect(try totals(upgraded)[.event] == 2)
    }
}
