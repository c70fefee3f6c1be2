import Foundation
import Testing

/// The repository's `Data/`.
private let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Data")

private func chancery(_ arguments: String...) throws -> Chancery.Output {
    try chancery(arguments)
}

private func chancery(_ arguments: [String]) throws -> Chancery.Output {
    try Chancery.run(arguments + (["list", "facets", "pair", "show", "snapshot", "browse"].contains(arguments.first) ? ["--store", Chancery.storePath] : []))
}

@Suite struct CommandLineTests {
    @Test func validatePassesOnTheBundledData() throws {
        let result = try chancery("validate")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("0 problem(s)"))
    }

    @Test func validateNamesFileLineAndRecordAndFails() throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: dataDirectory, to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let events = broken.appendingPathComponent("events.json")
        var text = try String(contentsOf: events, encoding: .utf8)
        let firstDate = try #require(text.range(of: "\"date\": \""))
        text.insert(contentsOf: "99", at: firstDate.upperBound)
        try text.write(to: events, atomically: true, encoding: .utf8)
        let line = text[..<firstDate.lowerBound].filter { $0 == "\n" }.count + 1
        let result = try chancery("validate", "--data", broken.path)
        #expect(result.status == 1)
        let message = try #require(result.stdout.split(separator: "\n").first)
        #expect(message.hasPrefix("events.json:\(line): record event-"), "\(message)")
        #expect(message.contains("is not an EDTF date"))
    }

    /// A misspelt value used to list nothing and exit 0: it now names the closest valid values and exits 2.
    @Test(arguments: [
        (["list", "events", "--kind", "agrement"], "--kind: no such value \"agrement\"; did you mean \"agreement\"?"),
        (["list", "organizations", "--kind", "ngoo"], "did you mean \"ngo\"?"),
        (["list", "events", "--org", "org-iapp"], "--org: no such value \"org-iapp\"; did you mean \"org-iap\"?"),
        (["list", "visits", "--country", "place-azerbaijn"], "did you mean \"place-azerbaijan\"?"),
        (["show", "event-1997-az-pgo-joins-iapp"], "did you mean \"event-1997-az-pgo-joins-iap\"?"),
        (["show", "no-such-id"], "no entity has the id or name \"no-such-id\""),
        (["show", "prosecutor"], "names more than one entity"),
    ])
    func unknownValuesNameTheClosestAndExitTwo(arguments: [String], message: String) throws {
        let result = try Chancery.run(arguments + ["--store", Chancery.storePath])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// The kinds the screens show (`agreement`) are taken as well as the stored ones (`agreementSigned`), and `show`
    /// takes a name or acronym only one entity has.
    @Test func shownKindsAndUniqueNamesAreTaken() throws {
        let shown = try chancery("list", "events", "--kind", "agreement")
        let stored = try chancery("list", "events", "--kind", "agreementSigned")
        #expect(shown.status == 0 && shown.stdout == stored.stdout)
        #expect(shown.stdout.split(separator: "\n").count > 10)
        let byName = try chancery("show", "Nicholas Cowdery")
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout == (try chancery("show", "person-nicholas-cowdery")).stdout)
        #expect((try chancery("show", "iap")).stdout.hasPrefix("IAP — International Association of Prosecutors"))
    }

    /// `list --format csv|json|ndjson` writes the rows the table lists, dates as EDTF and as shown, for other programs.
    @Test func listWritesCSVJSONAndNDJSONOfTheSameRows() throws {
        let filters = ["--kind", "agreement", "--text", "prosecution"]
        let table = try chancery(["list", "events"] + filters)
        let ids = table.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(ids.count >= 14, "\(table.stdout)")

        let csv = try chancery(["list", "events", "--format", "csv"] + filters)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "id,date,dateShown,kind,title,organizations")
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == ids)
        #expect(lines.contains { $0.hasPrefix("event-2000-az-pgo-agreement-tajikistan,[2000..],2000 or later,agreementSigned,") })

        let json = try chancery(["list", "events", "--format", "json"] + filters)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ids)
        let tajikistan = try #require(array.first { $0["id"] as? String == "event-2000-az-pgo-agreement-tajikistan" })
        #expect(tajikistan["date"] as? String == "[2000..]" && tajikistan["dateShown"] as? String == "2000 or later")

        let ndjson = try chancery(["list", "events", "--format", "ndjson"] + filters)
        let objects = try ndjson.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["id"] as? String } == ids)

        let organizations = try chancery("list", "organizations", "--format", "json", "--text", "iap")
        let iap = try #require(try JSONSerialization.jsonObject(with: Data(organizations.stdout.utf8)) as? [[String: Any]])
        #expect(iap.first { $0["id"] as? String == "org-iap" }?["events"] as? Int == 9)
        #expect(iap.first { $0["id"] as? String == "org-iap-executive-committee" }.map { $0["acronym"] is NSNull } == true)
        #expect(try chancery("list", "events", "--format", "json", "--text", "zzqxv").stdout == "[]\n")
    }

    /// `export` keeps what `list` lists with the same filters; `--type` is the type of record, `--kind` a category.
    @Test func exportTakesTheFiltersOfListAndTypeNamesTheRecords() throws {
        let listed = try chancery("list", "events", "--kind", "agreement", "--since", "2018", "--format", "ndjson")
        let exported = try chancery("export", "--type", "events", "--kind", "agreement", "--since", "2018", "--format", "ndjson")
        func ids(_ output: String) throws -> [String] {
            try output.split(separator: "\n").map {
                try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String)
            }
        }
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try Set(ids(exported.stdout)) == Set(ids(listed.stdout)) && !listed.stdout.isEmpty)

        let everyType = try chancery("export", "--text", "tajikistan", "--format", "ndjson")
        let types = Set(everyType.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["type"] as? String
        })
        #expect(types.isSuperset(of: ["event", "visit", "place", "organization"]), "\(types)")

        let noType = try chancery("export", "--kind", "events")
        #expect(noType.status == 2 && noType.stderr.contains("give --type events"), "\(noType.stderr)")
        let csvOfPeople = try chancery("export", "--type", "people", "--format", "csv")
        #expect(csvOfPeople.status == 2)
    }

    /// `facets` counts what `list` lists: every kind against the exported rows, years within and possibly against the
    /// date filters both ways, organizations against `--org`.
    @Test func facetsCountWhatListLists() throws {
        func objects(_ output: String) throws -> [[String: Any]] {
            try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        }
        let events = try objects(try chancery("list", "events", "--format", "json").stdout)
        let byKind = try objects(try chancery("facets", "--by", "kind", "--format", "json").stdout)
        let expected = Dictionary(grouping: events, by: { $0["kind"] as! String }).mapValues(\.count)
        #expect(Dictionary(uniqueKeysWithValues: byKind.map { ($0["value"] as! String, $0["count"] as! Int) }) == expected)

        let years = try objects(try chancery("facets", "--by", "year", "--format", "json").stdout)
        let year2018 = try #require(years.first { $0["value"] as? String == "2018" })
        #expect(year2018["count"] as? Int == 6 && (year2018["possibly"] as? Int ?? 0) > 20, "\(year2018)")
        #expect(years.map { Int($0["value"] as! String)! } == years.map { Int($0["value"] as! String)! }.sorted())
        for year in ["1993", "2001", "2018", "2024"] {
            let row = try #require(years.first { $0["value"] as? String == year })
            let within = try chancery("list", "events", "--since", year, "--until", year, "--format", "ndjson")
            let overlapping = try chancery("list", "events", "--since", year, "--until", year, "--overlapping", "--format", "ndjson")
            #expect(row["count"] as? Int == within.stdout.split(separator: "\n").count, "\(year)")
            #expect(row["possibly"] as? Int == overlapping.stdout.split(separator: "\n").count, "\(year)")
        }

        let organizations = try objects(try chancery("facets", "--by", "organization", "--kind", "agreement", "--format", "json").stdout)
        #expect(organizations.first?["id"] as? String == "org-az-prosecutor-general")
        for row in organizations.prefix(4) {
            let listed = try chancery("list", "events", "--kind", "agreement", "--org", row["id"] as! String, "--format", "ndjson")
            #expect(row["count"] as? Int == listed.stdout.split(separator: "\n").count, "\(row)")
        }
        let refused = try chancery("facets", "--by", "colour")
        #expect(refused.status == 2 && refused.stderr.contains("year"), "\(refused.stderr)")
    }

    /// `pair`: Azerbaijan and Tajikistan share the May 2024 Dushanbe visit, its meetings and the agreement of the
    /// prosecution bodies; swapped, the visit goes the other column; a misspelt country names the closest.
    @Test func pairShowsTheVisitsEachWayTheAgreementsAndTheMeetings() throws {
        let result = try chancery("pair", "place-azerbaijan", "place-tajikistan", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let ledger = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        func ids(_ key: String) -> [String] { (ledger[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids("visitsFromFirst") == ["visit-2024-05-az-pg-tajikistan"] && ids("visitsFromSecond").isEmpty)
        #expect(ids("agreements") == ["event-2000-az-pgo-agreement-tajikistan"])
        #expect(ids("meetings").count == 6 && ids("meetings").contains("meeting-2024-05-az-tj-prosecutors"))
        #expect(ledger["firstContact"] as? String == "2024-05" && ledger["lastContact"] as? String == "2024-05",
                "\"2000 or later\" is not a first contact before May 2024")
        let swapped = try chancery("pair", "place-tajikistan", "place-azerbaijan", "--format", "json")
        #expect(swapped.stdout.contains("\"visitsFromFirst\":[]") && swapped.stdout.contains("\"visitsFromSecond\":[{\"id\":\"visit-2024-05"))
        let text = try chancery("pair", "place-azerbaijan", "place-tajikistan").stdout
        #expect(text.hasPrefix("Azerbaijan — Tajikistan\nFirst contact: May 2024 · last: May 2024\n"), "\(text)")
        #expect(text.contains("Meeting with Yusuf Rahmon"))
        let misspelt = try chancery("pair", "place-azerbaijan", "place-tajikstan")
        #expect(misspelt.status == 2 && misspelt.stderr.contains("did you mean \"place-tajikistan\""), "\(misspelt.stderr)")
    }

    /// Punctuation alone used to list everything as if it were no filter; it now says it has nothing to search.
    @Test func punctuationAloneIsNothingSearchable() throws {
        let result = try chancery("list", "events", "--text", "!!! ...")
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr.contains("--text: \"!!! ...\" has nothing searchable"), "\(result.stderr)")
    }

    /// `--since 2018 --until 2018` keeps what lies wholly within 2018; `--overlapping` adds what may fall in it.
    @Test func listDatesMeanWithinUnlessOverlapping() throws {
        let within = try chancery("list", "events", "--since", "2018", "--until", "2018")
        let overlapping = try chancery("list", "events", "--since", "2018", "--until", "2018", "--overlapping")
        #expect(within.status == 0 && overlapping.status == 0)
        #expect(within.stdout.split(separator: "\n").count == 1 + 6)
        #expect(overlapping.stdout.split(separator: "\n").count == 1 + 28)
        #expect(overlapping.stdout.contains("2000 or later") && !within.stdout.contains("2000 or later"))
    }

    @Test func exportJSONHoldsEveryKindWithIdsAndDates() throws {
        let result = try chancery("export", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[String: Any]]])
        #expect(Set(root.keys) == ["sources", "organizations", "people", "places", "documents", "events", "visits"])
        for (kind, records) in root {
            #expect(!records.isEmpty, "\(kind)")
            #expect(records.allSatisfy { $0["id"] is String }, "\(kind)")
        }
        for record in try #require(root["events"]) + (root["visits"] ?? []) {
            #expect(record.keys.contains("date"), "\(record["id"] ?? "?")")
            #expect(record["date"] is String || record["date"] is NSNull)
        }
        #expect(try #require(root["visits"]).contains { ($0["meetings"] as? [Any])?.isEmpty == false })
    }

    @Test func exportNDJSONAndCSVHaveOneRecordALine() throws {
        let ndjson = try chancery("export", "--format", "ndjson", "--type", "events").stdout.split(separator: "\n")
        let csv = try chancery("export", "--format", "csv").stdout.split(separator: "\r\n")
        #expect(ndjson.count > 100)
        #expect(csv.first == "id,date,dateNote,kind,title,summary,organizations,people,places,countries,source,quote,links,citations")
        #expect(csv.count == ndjson.count + 1)
    }

    /// `export --format csv`, `import` into a new store, `export --store` again: the same rows (in list order).
    @Test func exportImportExportGivesTheSameEventTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Chancery.run(["export", "--format", "csv"])
        let csv = folder.appendingPathComponent("events.csv").path
        try first.stdout.write(toFile: csv, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("copy.sqlite").path
        let imported = try Chancery.run(["import", csv, "--store", store])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("imported 142 events, skipped 0 rows"), "\(imported.stdout)\(imported.stderr)")
        let again = try Chancery.run(["export", "--format", "csv", "--store", store])
        #expect(again.status == 0, "\(again.stderr)")
        let before = first.stdout.components(separatedBy: "\r\n"), after = again.stdout.components(separatedBy: "\r\n")
        #expect(before.first == after.first)
        #expect(before.sorted() == after.sorted())
        let refused = try Chancery.run(["export", "--type", "people", "--store", store])
        #expect(refused.status == 2 && refused.stderr.contains("with --store, export writes the store's events"), "\(refused.stderr)")
    }

    @Test func listPrintsAnAlignedTableAndFilters() throws {
        let all = try chancery("list", "events").stdout.split(separator: "\n")
        let narrowed = try chancery("list", "events", "--since", "1992", "--until", "1992").stdout.split(separator: "\n")
        let linked = try chancery("list", "events", "--org", "org-unhcr", "--since", "1992").stdout.split(separator: "\n")
        #expect(linked.count == 2 && linked[1].hasPrefix("event-1992-unhcr-operating-in-azerbaijan"))
        #expect(all.first?.hasPrefix("ID") == true)
        #expect(narrowed.count >= 2 && narrowed.count < all.count)
        let dateColumn = try #require(all.first?.range(of: "DATE")?.lowerBound.utf16Offset(in: all.first!))
        #expect(narrowed.dropFirst().allSatisfy { String($0).utf16.count > dateColumn })
        let bad = try chancery("list", "events", "--since", "1992-13")
        #expect(bad.status != 0 && bad.stderr.contains("not an EDTF date"))
    }

    @Test func showPrintsLinksBothWaysAndCitations() throws {
        let result = try chancery("show", "org-un-csw")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Commission on the Status of Women"))
        #expect(result.stdout.contains("→ ") && result.stdout.contains("← ") && result.stdout.contains("Citations"))
        let missing = try chancery("show", "org-nowhere")
        #expect(missing.status != 0 && missing.stderr.contains("org-nowhere"))
    }

    @Test(arguments: [("j<Nope>", "unknown key <Nope>"), ("<Resize 0x5>", "Resize")])
    func snapshotRejectsBadKeysWithStatus2(_ keys: String, _ message: String) throws {
        let result = try chancery("snapshot", "--keys", keys)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(arguments: ["0x10", "80", "80x", "x24", "80x24x2", "-1x5", "axb"])
    func snapshotRejectsBadSizesWithStatus2(_ size: String) throws {
        let result = try chancery("snapshot", "--size", size)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--size"))
    }

    @Test func snapshotPrintsExactlyTheSize() throws {
        let result = try chancery("snapshot", "--size", "70x20", "--keys", "2j")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 20)
        #expect(lines.allSatisfy { $0.count == 70 })
    }

    @Test func browserWithoutATerminalSaysWhatToUseInstead() throws {
        let result = try chancery("browse")
        #expect(result.status == 1)
        #expect(result.stderr.contains("chancery snapshot") && result.stderr.contains("chancery list"))
        #expect(result.stdout.isEmpty)
    }
}
