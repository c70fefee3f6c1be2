import ChanceryModel
import Foundation
import GRDB

/// What an import of GDELT event files did beyond adding events: rows already there, and events a later row replaced.
public struct GDELTImportSummary: Hashable, Sendable {
    /// Events, visits, skipped rows and what was created, as for any import.
    public var summary = ImportSummary()
    /// Rows the store already held exactly as read (importing a file again adds nothing).
    public var unchangedRows = 0
    /// Events replaced by a later row with the same GLOBALEVENTID that says something else.
    public var replacedEvents = 0
    /// Sources made for articles the store did not cite yet.
    public var createdSources = 0

    /// Nothing done yet.
    public init() {}
}

/// One input of a GDELT import: its lines and the name messages give it (a file, or `archive.zip:entry`).
public struct GDELTInput {
    /// The name messages give the input, such as `20170701234500.export.CSV`.
    public var name: String
    /// Its lines.
    public var lines: LineReader

    /// An input named `name` read from `lines`.
    public init(name: String, lines: LineReader) {
        self.name = name
        self.lines = lines
    }
}

extension ChanceryStore {
    /// Adds the events of GDELT 2.0 event exports to the store at `path`, in one transaction: each row an event
    /// `gdelt-GLOBALEVENTID` (and a visit for `042`/`043`), with its actors, place and article (docs/DATA.md has the
    /// mapping). A row the store holds as read is left alone; one whose GLOBALEVENTID the store has with other values
    /// replaces it. `nextInput` hands out the inputs one by one (nil after the last); bad rows go to `reportIssue` with the
    /// input's name and are skipped; `progress` may throw to stop, leaving the store as it was.
    public static func importGDELT(nextInput: () throws -> GDELTInput?, intoStoreAt path: String,
                                   reportIssue: (String, ImportIssue) -> Void,
                                   progress: (ImportProgress) throws -> Void,
                                   beforeCommit: (() -> Void)? = nil) throws -> GDELTImportSummary {
        try inImportTransaction(intoStoreAt: path, beforeCommit: beforeCommit) { db in
            let importer = try GDELTImporter(try EventImporter(db))
            var rows = 0, bytesBefore = 0
            while var input = try nextInput() {
                while let (line, text) = try input.lines.next() {
                    rows += 1
                    switch Result(catching: { () throws(GDELTRowError) in try Self.gdeltRow(text) }) {
                    case .success(let row):
                        try importer.add(row, lineHash: Self.hash(text))
                    case .failure(let error):
                        importer.events.summary.skippedRows += 1
                        reportIssue(input.name, ImportIssue(line: line, message: error.message))
                    }
                    try progress(ImportProgress(rows: rows, bytes: bytesBefore + input.lines.bytesRead))
                }
                bytesBefore += input.lines.bytesRead
            }
            try importer.events.finish()
            var result = importer.result
            result.summary = importer.events.summary
            return result
        }
    }

    /// The row of a line; the only empty lines a `LineReader` returns are those it cut for being too long.
    private static func gdeltRow(_ text: String) throws(GDELTRowError) -> GDELTEventRow {
        guard !text.isEmpty else {
            throw GDELTRowError("longer than \(LineReader.maximumLineLength / 1024) KiB; a GDELT row is under 2 KiB")
        }
        return try GDELTEventRow(line: text)
    }

    /// FNV-1a of a line's UTF-8: the same line always hashes alike, on every machine and run (unlike `Hasher`).
    static func hash(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return Int64(bitPattern: hash)
    }
}

/// Turns GDELT rows into records: finds or makes their countries, organizations, named actors, places and sources
/// through an `EventImporter`, writes the event (and visit) and its coded facts.
private final class GDELTImporter {
    let events: EventImporter
    var result = GDELTImportSummary()
    private let findCoded: Statement
    private let insertCoded: Statement
    /// The place (a city or region) of each name and country id, for places named by their first part (`Baku`).
    private var placesByNameInCountry: [String: String] = [:]

    init(_ events: EventImporter) throws {
        self.events = events
        let db = events.db
        findCoded = try db.makeStatement(sql: """
            SELECT c.rowHash FROM entity e LEFT JOIN coded_event c ON c.entityRowid = e.rowid WHERE e.id = ?
            """)
        insertCoded = try db.makeStatement(sql: """
            INSERT INTO coded_event (entityRowid, cameoCode, rootCode, quadClass, goldstein, mentions, sources, articles,
                                     tone, seen, rowHash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let places = try Row.fetchCursor(db, sql: """
            SELECT p.id, p.name, l.toID FROM entity p JOIN link l ON l.fromID = p.id AND l.role = 'country'
            WHERE p.kind = 'place' ORDER BY p.id
            """)
        while let row = try places.next() {
            let key = Self.key(row["name"], row["toID"])
            if placesByNameInCountry[key] == nil { placesByNameInCountry[key] = row["id"] }
        }
    }

    private static func key(_ name: String, _ country: String) -> String { "\(SearchFolding.fold(name))\u{1F}\(country)" }

    /// Writes the event of `row` (and its visit), unless the store holds it as read; replaces what it holds otherwise.
    func add(_ row: GDELTEventRow, lineHash: Int64) throws {
        if let stored = try Row.fetchOne(findCoded, arguments: [row.eventID]) {
            if stored["rowHash"] as Int64? == lineHash {
                result.unchangedRows += 1
                return
            }
            try events.writer.remove(row.eventID)
            try events.writer.remove(row.visitID)
            result.replacedEvents += 1
        }
        let source = try source(row.sourceURL)
        let citations = source.map { [Citation(source: $0, quote: "")] } ?? []
        let first = try actorEntities(row.actor1), second = try actorEntities(row.actor2)
        let place = try place(row.place)
        // In a visit the traveller is the visitor and the other actor the host: the first actor makes a visit (042),
        // the first actor hosts one (043). Otherwise the first actor acts and the second is its target.
        let (firstRole, secondRole): (LinkRole, LinkRole) = row.isVisit ? (row.firstActorTravels ? (.visitor, .host) : (.host, .visitor))
                                                                         : (.participant, .target)
        var links = first.map { Link(to: $0, role: firstRole) } + second.map { Link(to: $0, role: secondRole) }
        if let place { links.append(Link(to: place, role: .location)) }
        let fields = Self.fields(row.facts)
        let event = Event(id: row.eventID, date: row.day, dateNote: nil, title: row.title, kind: EventKind(cameoCode: row.facts.cameoCode),
                          summary: row.summary, links: links, citations: citations)
        var batch = event.pendingEntities(names: events.writer.name)
        batch[0].record.fields = StoredField.encode(fields)
        if row.isVisit {
            var visit = try visitEntities(row, first: first, second: second, place: place, citations: citations)
            visit[0].record.fields = batch[0].record.fields
            batch += visit
        }
        // Written together, so that the visit links to the event it was coded from (and the event shows the visit).
        for rowid in try events.writer.write(batch, linkable: false) {
            try insertFacts(row.facts, lineHash: lineHash, rowid: rowid)
        }
        try events.countImported()
        if row.isVisit { events.summary.importedVisits += 1 }
    }

    /// The visit of a `042`/`043` row: the traveller to the place of the action, else to the host's country, linked to
    /// the event it was coded from.
    private func visitEntities(_ row: GDELTEventRow, first: [String], second: [String], place: String?,
                               citations: [Citation]) throws -> [PendingEntity] {
        let visiting = row.firstActorTravels
        let (traveller, host) = visiting ? (first, second) : (second, first)
        var destination = place
        if destination == nil, let country = (visiting ? row.actor2 : row.actor1)?.country { destination = try countryID(country) }
        // An organization that travelled (a known group or a named actor) sent the visit and a person a named actor
        // matched heads it; a country that travelled is linked as the visitor.
        let visit = Visit(id: row.visitID, date: row.day, dateNote: nil, title: row.title,
                          head: traveller.first { EntityKind(id: $0) == .person },
                          sender: traveller.first { EntityKind(id: $0) == .organization },
                          destinations: destination.map { [$0] } ?? [], purpose: nil,
                          links: traveller.filter { EntityKind(id: $0) == .place }.map { Link(to: $0, role: .visitor) }
                              + host.filter { $0 != destination }.map { Link(to: $0, role: .host) }
                              + [Link(to: row.eventID, role: .subject)],
                          meetings: [], citations: citations)
        return visit.pendingEntities(names: events.writer.name)
    }

    /// The detail's fields of coded facts: values as GDELT gives them, worded by the view-model.
    private static func fields(_ facts: CodedFacts) -> [DetailField] {
        [DetailField(kind: .cameoEvent, values: [facts.cameoCode] + [facts.cameoName].compactMap { $0 }),
         DetailField(kind: .quadClass, values: [String(facts.quadClass.rawValue)]),
         DetailField(kind: .goldstein, values: [String(facts.goldstein)]),
         DetailField(kind: .coverage, values: [facts.mentions, facts.sources, facts.articles].map(String.init)),
         DetailField(kind: .tone, values: [String(facts.tone)]),
         DetailField(kind: .seen, values: [String(facts.seen)])]
    }

    private func insertFacts(_ facts: CodedFacts, lineHash: Int64, rowid: Int64) throws {
        try insertCoded.execute(arguments: [rowid, facts.cameoCode, facts.rootCode, facts.quadClass.rawValue, facts.goldstein,
                                            facts.mentions, facts.sources, facts.articles, facts.tone, facts.seen, lineHash])
    }

    /// The entities an actor stands for: its known group, its country, and for an actor with neither, the named actor
    /// (a person or organization of that name the store has, else a new organization of kind `namedActor`).
    private func actorEntities(_ actor: GDELTActor?) throws -> [String] {
        guard let actor else { return [] }
        var ids: [String] = []
        if let group = actor.knownGroup {
            ids.append(try organizationID(name: group.name, acronym: group.acronym, kind: .other))
        }
        if let country = actor.country { ids.append(try countryID(country)) }
        if ids.isEmpty, !actor.name.isEmpty {
            let name = actor.displayName
            ids.append(try events.peopleByName[name] ?? organizationID(name: name, acronym: nil, kind: .namedActor))
        }
        return ids
    }

    /// The organization of that acronym or name, made when the store has none.
    private func organizationID(name: String, acronym: String?, kind: OrganizationKind) throws -> String {
        if let id = acronym.flatMap({ events.organizationsByAcronym[$0] }) ?? events.organizationsByName[name] { return id }
        let id = events.newID(.organization, name)
        events.organizationsByName[name] = id
        if let acronym { events.organizationsByAcronym[acronym] = id }
        try events.create(Organization(id: id, name: name, acronym: acronym, aliases: [], kind: kind, parent: nil, country: nil,
                                       citations: []))
        events.summary.createdOrganizations += 1
        return id
    }

    /// The country of that name, made when the store has none.
    private func countryID(_ name: String) throws -> String {
        if let id = events.placesByName[name]?[.country] { return id }
        let id = events.newID(.place, name)
        events.placesByName[name, default: [:]][.country] = id
        try events.create(Place(id: id, name: name, aliases: [], kind: .country, country: nil, citations: []))
        events.summary.createdPlaces += 1
        return id
    }

    /// The place where the event happened: a country, or a city or region found by its full name or by its first part
    /// in the same country, else made with its full name (`Cairo, Al Qahirah, Egypt`) and its country.
    private func place(_ place: GDELTPlace?) throws -> String? {
        guard let place else { return nil }
        if place.kind == .country { return try countryID(place.country) }
        if let id = events.placesByName[place.fullName]?[place.kind] { return id }
        let country = try countryID(place.country)
        let firstPart = String(place.fullName.prefix { $0 != "," })
        if let id = placesByNameInCountry[Self.key(firstPart, country)] { return id }
        let id = events.newID(.place, place.fullName)
        events.placesByName[place.fullName, default: [:]][place.kind] = id
        try events.create(Place(id: id, name: place.fullName, aliases: [], kind: place.kind, country: country, citations: []))
        events.summary.createdPlaces += 1
        return id
    }

    /// The source of the article at `url` (`src-gdelt-` and a hash of the URL), made when the store lacks it; its
    /// publisher is the URL's host. Nil for a row without a URL.
    private func source(_ url: String) throws -> String? {
        guard !url.isEmpty else { return nil }
        let id = "src-gdelt-" + String(UInt64(bitPattern: ChanceryStore.hash(url)), radix: 16)
        if events.writer.targets[id] != nil { return id }
        if try events.exists(id) {
            events.writer.addTarget(id, LinkTarget(kind: .source, name: nil))
            return id
        }
        var host = URL(string: url)?.host ?? ""
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let title = url.replacingOccurrences(of: "^https?://", with: "", options: .regularExpression)
        try events.create(Source(id: id, title: title, publisher: host.isEmpty ? nil : host, published: nil, file: "",
                                 kind: .newsArticle, url: url))
        result.createdSources += 1
        return id
    }
}
