import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// The events of `dataset` as `chancery export --format csv` writes them.
private func eventTable(_ dataset: Dataset) -> [UInt8] {
    TabledEvent.all(in: dataset).reduce(CSVWriter.line(EventTable.columns)) { $0 + CSVWriter.line($1.cells) }
}

/// What an import reported.
private struct ImportOutcome {
    var summary: ImportSummary
    var issues: [ImportIssue]
}

/// Imports the CSV `text` (and `visits`) into the store at `path`; `stopAtRow` makes progress throw there.
private func importCSV(_ text: String, into path: String, visits: [NamedVisit] = [], stopAtRow: Int? = nil) throws -> ImportOutcome {
    try importCSV(Array(text.utf8), into: path, visits: visits, stopAtRow: stopAtRow)
}

private struct Stopped: Error {}

private func importCSV(_ bytes: [UInt8], into path: String, visits: [NamedVisit] = [], stopAtRow: Int? = nil) throws -> ImportOutcome {
    var reader = CSVReader(bytes: bytes)
    var issues: [ImportIssue] = []
    let summary = try ChanceryStore.importEvents(
        from: &reader, visits: visits, intoStoreAt: path, reportIssue: { issues.append($0) },
        progress: { progress in if progress.rows == stopAtRow { throw Stopped() } })
    return ImportOutcome(summary: summary, issues: issues)
}

/// How many entities of each kind the store lists.
private func totals(_ store: ChanceryStore) throws -> [EntityKind: Int] {
    var totals: [EntityKind: Int] = [:]
    for kind in EntityKind.allCases {
        totals[kind] = try store.page(EntityFilter(kind: kind), offset: 0, limit: 0).total
    }
    return totals
}

/// A detail with its links in one order whatever the order of rows with equal dates, for comparing stores.
private func canonical(_ detail: EntityDetail?) -> EntityDetail? {
    guard var detail else { return nil }
    detail.links.sort { ($0.direction.rawValue, $0.entity.id, $0.role.rawValue) < ($1.direction.rawValue, $1.entity.id, $1.role.rawValue) }
    detail.meetings = detail.meetings.compactMap(canonical)
    return detail
}

/// The bundled dataset with its events reduced to what the import table holds: links to organizations,
/// people and places only, in the table's column order and with the roles the import gives, the first
/// citation and no date note. Visits keep no links to events: a store written before its events has none.
private func datasetAsTheTableHoldsIt() -> Dataset {
    var dataset = RealData.dataset
    let countries = Set(dataset.places.filter { $0.kind == .country }.map(\.id))
    dataset.events = dataset.events.map { event in
        var event = event
        let ids = event.links.map(\.to)
        func kept(_ kind: EntityKind, _ keep: (String) -> Bool = { _ in true }) -> [String] {
            ids.filter { EntityKind(id: $0) == kind && keep($0) }
        }
        var links: [Link] = []
        let cities = kept(.place, { !countries.contains($0) })
        let roles = kept(.organization).map { ($0, LinkRole.participant) } + kept(.person).map { ($0, LinkRole.participant) }
            + cities.map { ($0, LinkRole.location) } + kept(.place, countries.contains).map { ($0, LinkRole.participant) }
        for (id, role) in roles where !links.contains(where: { $0.to == id }) {
            links.append(Link(to: id, role: role))
        }
        event.links = links
        event.citations = Array(event.citations.prefix(1))
        event.dateNote = nil
        return event
    }
    for index in dataset.visits.indices {
        dataset.visits[index].links.removeAll { EntityKind(id: $0.to) == .event }
    }
    return dataset
}

@Suite struct EventImportTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// A store built from the bundled dataset without its events.
    private func storeWithoutEvents(_ dataset: Dataset = RealData.dataset, name: String = "store.sqlite") throws -> String {
        var withoutEvents = dataset
        withoutEvents.events = []
        let path = directory.path(name)
        try ChanceryStore.build(withoutEvents, at: path, fingerprint: "tests")
        return path
    }

    /// What an event's detail says of the event itself: fields, date note, outbound links in order with their
    /// targets' names, and citations with their sources' titles.
    private struct EventFacts: Equatable {
        var name: String, date: EDTFDate?, category: String, text: String?, dateNote: String?
        var links: [String], citations: [String]

        init(_ detail: EntityDetail) {
            name = detail.summary.name
            date = detail.summary.date
            category = detail.summary.category
            text = detail.text
            dateNote = detail.dateNote
            links = detail.links.filter { $0.direction == .outbound }.map { "\($0.role.rawValue) \($0.entity.id) \($0.entity.name)" }
            citations = detail.citations.map { "\($0.sourceID) \($0.sourceTitle) \($0.quote)" }
        }
    }

    /// Checks every event of the bundled data reads the same in `store` (under `id(event)`) as in a build from the data.
    private func expectEveryEventAsBuilt(in store: ChanceryStore, id: (String) -> String = { $0 }) throws {
        let built = try RealData.store()
        for event in RealData.dataset.events {
            let original = try #require(try built.detail(id: event.id))
            let copy = try #require(try store.detail(id: id(event.id)), "\(id(event.id))")
            #expect(EventFacts(copy) == EventFacts(original), "\(event.id)")
        }
    }

    @Test func exportThenImportGivesBackEveryEventIntoAStoreHoldingTheOtherRecords() throws {
        let path = try storeWithoutEvents()
        let dataset = RealData.dataset
        let outcome = try importCSV(eventTable(dataset), into: path)
        #expect(outcome.issues == [])
        #expect(outcome.summary.importedEvents == dataset.events.count)
        #expect(outcome.summary.createdOrganizations + outcome.summary.createdPeople + outcome.summary.createdPlaces == 0,
                "every linked id resolves to the store's own entity")
        try expectEveryEventAsBuilt(in: ChanceryStore.open(path: path))
    }

    @Test func exportThenImportGivesBackEveryEventIntoAFreshStore() throws {
        let path = directory.path("fresh.sqlite")
        try ChanceryStore.createEmpty(at: path)
        let outcome = try importCSV(eventTable(RealData.dataset), into: path)
        #expect(outcome.issues == [])
        let store = try ChanceryStore.open(path: path)
        try expectEveryEventAsBuilt(in: store)
        #expect(try store.detail(id: "org-org-ilo") == nil, "no entity is named after an id")
        var exported: [TabledEvent] = []
        try store.forEachTabledEvent { exported.append($0) }
        #expect(Set(exported) == Set(TabledEvent.all(in: RealData.dataset)), "exported from the store, the same table again")
    }

    @Test func exportThenImportUnderNewIDsIntoAStoreBuiltFromTheDataLinksToItsEntities() throws {
        let path = directory.path("built.sqlite")
        try ChanceryStore.build(RealData.dataset, at: path, fingerprint: "tests")
        let events = Set(RealData.dataset.events.map(\.id))
        // Every event id under a new name, links between events included.
        let renamed = TabledEvent.all(in: RealData.dataset).map { event in
            var event = event
            event.id = event.id.replacingOccurrences(of: "event-", with: "event-copy-")
            event.links = event.links.map { link in
                var link = link
                if events.contains(link.to) { link.to = link.to.replacingOccurrences(of: "event-", with: "event-copy-") }
                return link
            }
            return event
        }
        var csv: [UInt8] = CSVWriter.line(EventTable.columns)
        for event in renamed { csv += CSVWriter.line(event.cells) }
        let outcome = try importCSV(csv, into: path)
        #expect(outcome.issues == [])
        #expect(outcome.summary.createdOrganizations + outcome.summary.createdPeople + outcome.summary.createdPlaces == 0)
        let store = try ChanceryStore.open(path: path)
        for event in RealData.dataset.events {
            let original = try #require(try store.detail(id: event.id))
            let copy = try #require(try store.detail(id: event.id.replacingOccurrences(of: "event-", with: "event-copy-")))
            var facts = EventFacts(copy)
            facts.links = facts.links.map { $0.replacingOccurrences(of: "event-copy-", with: "event-") }
            #expect(facts == EventFacts(original), "\(event.id)")
        }
    }

    @Test func importedRowsAreStoredAsABuildStoresTheSameRecords() throws {
        let dataset = datasetAsTheTableHoldsIt()
        let builtPath = directory.path("built.sqlite")
        try ChanceryStore.build(dataset, at: builtPath, fingerprint: "tests")
        let importedPath = try storeWithoutEvents(dataset, name: "imported.sqlite")
        #expect(try importCSV(eventTable(dataset), into: importedPath).issues == [])
        let built = try ChanceryStore.open(path: builtPath), imported = try ChanceryStore.open(path: importedPath)

        #expect(try totals(built) == totals(imported))
        for kind in EntityKind.allCases {
            let ids = try built.ids(EntityFilter(kind: kind))
            if kind.isDated {
                #expect(Set(ids) == Set(try imported.ids(EntityFilter(kind: kind))))
            } else {
                #expect(ids == (try imported.ids(EntityFilter(kind: kind))), "\(kind) in name order")
            }
            for id in ids {
                #expect(canonical(try built.detail(id: id)) == canonical(try imported.detail(id: id)), "\(id)")
            }
        }
        // Search text: titles, summaries, quotes and the names of linked entities are all found alike.
        var queries: Set<String> = ["un", "azerbaijan", "baku", "prosecutor", "ministry", "osce"]
        for event in dataset.events {
            queries.formUnion(SearchFolding.words(event.title).prefix(2))
            queries.formUnion(SearchFolding.words(event.citations.first?.quote ?? "").suffix(2))
        }
        for query in queries {
            #expect(try built.eventIDs(text: query) == imported.eventIDs(text: query), "\(query)")
        }
    }

    @Test func badRowsAreReportedWithTheirLinesAndTheRestImported() throws {
        let path = directory.path("store.sqlite")
        try ChanceryStore.build(RealData.dataset, at: path, fingerprint: "tests")
        let before = try totals(ChanceryStore.open(path: path))
        let unBefore = try #require(try ChanceryStore.open(path: path).detail(id: "org-un")).summary.linkedEventCount
        // The eleven columns of files written before `dateNote`, `links` and `citations`: such files still import.
        let header = "id,date,kind,title,summary,organizations,people,places,countries,source,quote"
        var bytes = Array("""
            \(header)\r
            event-good-one,1993,meeting,Good one,"A summary\r
            over two lines",United Nations,,,,,\r
            event-bad-columns,1993,meeting,Too few\r
            event-bad-date,1993-13,meeting,Bad date,,,,,,,\r
            event-bad-kind,1993,party,Bad kind,,,,,,,\r
            event-bad-quote,1993,meeting,Bad "quote",,,,,,,\r
            event-bad-utf8,1993,meeting,
            """.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("""
            ,,,,,,,\r
            ,1993,meeting,No id,,,,,,,\r
            event-no-title,1993,meeting,,,,,,,,\r
            event-good-one,1994,meeting,Repeated id,,,,,,,\r
            event-az-member-un,1994,meeting,Id in the store,,,,,,,\r
            event-good-two,,statement,Good two,,UN;New Body;UN,Jane Doe,Baku;Atlantis,Azerbaijan;Freedonia,src-001,Quoted zyxwords here.\r

            """.utf8)
        let outcome = try importCSV(bytes, into: path)
        #expect(outcome.issues.map(\.line) == [4, 5, 6, 7, 8, 9, 10, 11, 12])
        let messages = outcome.issues.map(\.message)
        for (line, expected) in zip(4..., ["expected 11 fields", "not an EDTF date", "unknown kind", "quote inside an unquoted field",
                                          "not valid UTF-8", "missing id", "missing title", "duplicate id", "duplicate id"]) {
            #expect(messages[line - 4].contains(expected), "line \(line): \(messages[line - 4])")
        }
        #expect(outcome.summary.importedEvents == 2 && outcome.summary.skippedRows == 9)
        #expect(outcome.summary.createdOrganizations == 1 && outcome.summary.createdPeople == 1 && outcome.summary.createdPlaces == 2)

        let store = try ChanceryStore.open(path: path)
        var after = before
        after[.event, default: 0] += 2
        after[.organization, default: 0] += 1
        after[.person, default: 0] += 1
        after[.place, default: 0] += 2
        #expect(try totals(store) == after)
        let one = try #require(try store.detail(id: "event-good-one"))
        #expect(one.text == "A summary\r\nover two lines")
        #expect(one.summary.context == "UN", "organizations show by acronym")
        let two = try #require(try store.detail(id: "event-good-two"))
        #expect(two.summary.date == nil)
        #expect(two.links.map(\.entity.id) == ["org-un", "org-new-body", "person-jane-doe", "place-baku", "place-atlantis",
                                                "place-azerbaijan", "place-freedonia"])
        #expect(two.links.map(\.role) == [.participant, .participant, .participant, .location, .location, .participant, .participant])
        #expect(two.summary.context == "UN, New Body")
        #expect(try store.detail(id: "place-atlantis")?.summary.category == "city")
        #expect(try store.detail(id: "place-freedonia")?.summary.category == "country")
        #expect(try store.detail(id: "org-new-body")?.summary.category == "other")
        #expect(try store.detail(id: "org-new-body")?.summary.linkedEventCount == 1)
        #expect(try store.detail(id: "org-un")?.summary.linkedEventCount == unBefore + 2)
        #expect(try store.eventIDs(text: "atlantis") == ["event-good-two"], "linked names are searchable")
        #expect(try store.eventIDs(text: "zyxwords") == ["event-good-two"], "quotes are searchable")
    }

    @Test func newNamesGetIDsMadeFromThemAndMadeUnique() throws {
        let path = directory.path("new.sqlite")
        try ChanceryStore.createEmpty(at: path)
        let csv = """
            id,kind,title,organizations,places,countries
            event-a,other,A,Foo Bar;Foo-Bar;Ünïcode Agency;!!!,Azerbaijan,Azerbaijan
            event-b,other,B,Foo Bar,,
            """
        let outcome = try importCSV(csv, into: path)
        #expect(outcome.issues == [])
        #expect(outcome.summary.createdOrganizations == 4 && outcome.summary.createdPlaces == 1)
        let store = try ChanceryStore.open(path: path)
        #expect(try store.ids(EntityFilter(kind: .organization)) == ["org-unnamed", "org-foo-bar", "org-foo-bar-2", "org-unicode-agency"])
        #expect(try store.ids(EntityFilter(kind: .place)) == ["place-azerbaijan"], "the country column finds the place of that name")
        #expect(try store.detail(id: "org-foo-bar")?.summary.linkedEventCount == 2)
        #expect(try store.detail(id: "org-unicode-agency")?.summary.name == "Ünïcode Agency")
        #expect(try store.ids(EntityFilter(kind: .organization, text: "unicode")) == ["org-unicode-agency"])
    }

    @Test func anImportStoppedMidwayLeavesTheStoreAsItWas() throws {
        let path = directory.path("store.sqlite")
        try ChanceryStore.build(RealData.dataset, at: path, fingerprint: "tests")
        let before = try totals(ChanceryStore.open(path: path))
        let unBefore = try ChanceryStore.open(path: path).detail(id: "org-un")
        var generated = SyntheticDataset(events: 60, seed: 2)
        var bytes: [UInt8] = []
        while let chunk = generated.nextCSVChunk() { bytes += chunk }
        let rowsWithUN = Array(bytes) + Array("event-late,2000,,other,Late,,United Nations,,,,,,,\r\n".utf8)

        #expect(throws: Stopped.self) { try importCSV(rowsWithUN, into: path, visits: generated.visits(), stopAtRow: 62) }
        let store = try ChanceryStore.open(path: path)
        #expect(try totals(store) == before)
        #expect(try store.detail(id: "org-un") == unBefore)
        #expect(try store.detail(id: "event-gen-0000001") == nil)

        let outcome = try importCSV(rowsWithUN, into: path)
        #expect(outcome.summary.importedEvents == 61, "the store takes the same import afterwards")
        #expect(try totals(ChanceryStore.open(path: path))[.event] == before[.event]! + 61)
    }

    @Test func aFileWithNoUsableHeaderIsRefusedWhole() throws {
        let path = directory.path("new.sqlite")
        try ChanceryStore.createEmpty(at: path)
        #expect(throws: ImportError(line: nil, message: "the file is empty; it needs a header line")) { try importCSV("", into: path) }
        let error = #expect(throws: ImportError.self) { try importCSV("id,title,colour\nevent-a,A,red\n", into: path) }
        #expect(error?.line == 1 && error?.message.contains("unknown column \"colour\"") == true)
        #expect(try totals(ChanceryStore.open(path: path)).values.allSatisfy { $0 == 0 })
    }

    @Test func aStoreMadeByImportIsNeverRebuiltFromData() throws {
        let path = directory.path("own.sqlite")
        #expect(ChanceryStore.origin(ofStoreAt: path) == nil)
        try ChanceryStore.createEmpty(at: path)
        #expect(ChanceryStore.origin(ofStoreAt: path) == .import)
        _ = try importCSV("id,kind,title\nevent-only,other,Only\n", into: path)
        let opened = try ChanceryStore.openFresh(dataDirectory: Repository.data, path: path)
        #expect(opened.rebuilt == false)
        #expect(try opened.store.ids(EntityFilter(kind: .event)) == ["event-only"])

        let derived = directory.path("derived.sqlite")
        _ = try ChanceryStore.openFresh(dataDirectory: Repository.data, path: derived)
        #expect(ChanceryStore.origin(ofStoreAt: derived) == .data)
    }

    @Test func generatedVisitsAreStoredWithTheirMeetingsAndCounterparts() throws {
        let path = directory.path("generated.sqlite")
        try ChanceryStore.createEmpty(at: path)
        var dataset = SyntheticDataset(events: 250, seed: 5)
        let visits = dataset.visits()
        var reader = CSVReader(nextChunk: { dataset.nextCSVChunk() })
        let summary = try ChanceryStore.importEvents(from: &reader, visits: visits, intoStoreAt: path,
                                                     reportIssue: { Issue.record("\($0)") }, progress: { _ in })
        #expect(summary.importedEvents == 250 && summary.importedVisits == 5)
        let store = try ChanceryStore.open(path: path)
        #expect(try store.page(EntityFilter(kind: .visit), offset: 0, limit: 0).total == 5)
        #expect(try store.page(EntityFilter(kind: .meeting), offset: 0, limit: 0).total == visits.map(\.meetings.count).reduce(0, +))
        for visit in visits {
            let detail = try #require(try store.detail(id: visit.id))
            let roles = Dictionary(grouping: detail.links.filter { $0.direction == .outbound }, by: \.role)
            #expect(roles[.head]?.map(\.entity.name) == [visit.head!])
            #expect(roles[.sender]?.map(\.entity.name) == [visit.sender!])
            #expect(roles[.destination]?.map(\.entity.name) == visit.destinations)
            #expect(detail.meetings.map(\.summary.id) == visit.meetings.map(\.id))
            for (meeting, stored) in zip(visit.meetings, detail.meetings) {
                #expect(stored.links.filter { $0.role == .counterpart }.map(\.entity.name) == meeting.counterparts)
                #expect(stored.fields == [DetailField(kind: .topics, values: meeting.topics)])
            }
        }
        // Every organization's count is the number of events that link to it.
        for organization in try store.all(EntityFilter(kind: .organization)) {
            let detail = try #require(try store.detail(id: organization.id))
            #expect(organization.linkedEventCount == detail.links.filter { $0.direction == .inbound && $0.entity.kind == .event }.count)
        }
    }
}
