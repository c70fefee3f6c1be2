import ChanceryModel
import Foundation
import GRDB

/// A row of an import file that was left out, and why.
public struct ImportIssue: Hashable, Sendable {
    /// The line the row starts on.
    public var line: Int
    /// What is wrong with it.
    public var message: String

    /// An issue with the row starting at `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// What an import added to the store.
public struct ImportSummary: Hashable, Sendable {
    /// Events written.
    public var importedEvents = 0
    /// Rows left out (each reported as an `ImportIssue`).
    public var skippedRows = 0
    /// Organizations made for names the store did not know.
    public var createdOrganizations = 0
    /// People made for names the store did not know.
    public var createdPeople = 0
    /// Places made for names the store did not know.
    public var createdPlaces = 0
    /// Visits written.
    public var importedVisits = 0

    /// A summary of nothing done yet.
    public init() {}
}

/// How far an import has got.
public struct ImportProgress: Hashable, Sendable {
    /// Rows read, the header included.
    public var rows: Int
    /// Bytes of the input read.
    public var bytes: Int
}

/// Why an import was not done at all; the store is left as it was.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line the problem is on, when it is in the input.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// An error about the input at `line` (nil when it is about the whole input).
    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    /// `line LINE: message`, or the message alone.
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}

extension ChanceryStore {
    /// Creates a store holding the schema and nothing else at `path`, marked as the user's so that opening
    /// it never rebuilds it from data. Made beside `path` and placed there only if nothing is there yet.
    public static func createEmpty(at path: String) throws {
        try writeAtomically(to: path, origin: .import, placement: .new) { database in
            try database.write { db in
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema', ?)", arguments: [Schema.version])
            }
        }
    }

    /// Adds the events read from `csv`, then `visits`, to the store at `path`, all in one transaction: if
    /// anything throws (`progress` included, which is how a caller stops an import), the store is left as
    /// it was. Rows that cannot be imported are passed to `reportIssue` and skipped.
    ///
    /// List cells link to the entity whose id they hold, else to one of that kind with that exact name (or,
    /// for organizations, acronym), else to a new one: an organization of kind `other`, a `city` for
    /// places, a `country` for countries. Visits' names are found the same way.
    ///
    /// The journal is SQLite's rollback journal: pages the import adds to the end of the file need no
    /// journal, so it stays small, and the interrupted transaction is rolled back on the next open.
    /// `synchronous` stays at its default (FULL): with one transaction it costs a handful of syncs.
    public static func importEvents(from csv: inout CSVReader, visits: [NamedVisit] = [], intoStoreAt path: String,
                                    reportIssue: (ImportIssue) -> Void,
                                    progress: (ImportProgress) throws -> Void,
                                    beforeCommit: (() -> Void)? = nil) throws -> ImportSummary {
        try inImportTransaction(intoStoreAt: path, beforeCommit: beforeCommit) { db in
            try importRows(from: &csv, visits: visits, into: db, reportIssue: reportIssue, progress: progress)
        }
    }

    /// Runs `body` in one write transaction on the store at `path`, under the store's write lock, after marking the
    /// store as the user's; calls `beforeCommit` (tests inject faults there) before committing what `body` wrote.
    static func inImportTransaction<T>(intoStoreAt path: String, beforeCommit: (() -> Void)?,
                                       _ body: (Database) throws -> T) throws -> T {
        // The write lock keeps out other imports and rebuilds for the whole import; under it, `open` refuses a file
        // chancery did not make and lets SQLite roll back what an interrupted import left.
        guard let lock = try StoreWriteLock.acquire(path) else {
            throw StoreError.cannotOpen(path: path, reason: "there is no such file")
        }
        _ = try open(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        let cacheSize = beforeCommit == nil ? "-131072" : "16"
        configuration.prepareDatabase { db in
            // 128 MiB of page cache keeps the pages being filled in memory, and lets the index rebuild sort in memory
            // before it spills to temporary files; 256 MiB was no faster (1,000,000 CSV rows 130 s either way, GDELT rows
            // 107 s) and doubled the peak (580 MB against 314 MB). With a fault to inject, a tiny cache makes the
            // transaction write into the store file before its commit, as a commit cut short does.
            try db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
        }
        let database: DatabaseQueue
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: (error as? DatabaseError)?.message ?? "\(error)")
        }
        defer { withExtendedLifetime(lock) { try? database.close() } }
        do {
            return try database.write { db in
                // From here on the store is the user's: never rebuilt from data (see `StoreOrigin`).
                try db.execute(sql: "PRAGMA application_id = \(StoreMark.applicationID); PRAGMA user_version = \(StoreMark.usersData)")
                try Schema.upgradeFromPrevious(db)
                let result = try body(db)
                beforeCommit?()
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.busy(path: path)
        } catch let error as UnknownStoredValue {
            throw StoreError.unknownValue(path: path, column: error.column, value: error.value)
        }
    }

    /// Reads the header and rows of `csv` and writes them, then `visits`, into `db`, inside the caller's transaction.
    private static func importRows(from csv: inout CSVReader, visits: [NamedVisit], into db: Database,
                                   reportIssue: (ImportIssue) -> Void,
                                   progress: (ImportProgress) throws -> Void) throws -> ImportSummary {
        guard let headerRow = try csv.next() else { throw ImportError(line: nil, message: "the file is empty; it needs a header line") }
        let header: EventTableHeader
        switch headerRow {
        case .malformed(let line, let message):
            throw ImportError(line: line, message: "the header: \(message)")
        case .record(let line, let fields):
            do throws(EventTableError) {
                header = try EventTableHeader(fields)
            } catch {
                throw ImportError(line: line, message: "the header: \(error.message)")
            }
        }
        let importer = try EventImporter(db)
        var rows = 1
        while let row = try csv.next() {
            rows += 1
            switch row {
            case .malformed(let line, let message):
                importer.summary.skippedRows += 1
                reportIssue(ImportIssue(line: line, message: message))
            case .record(let line, let fields):
                do {
                    try importer.add(try EventTableRow(fields, header: header))
                } catch let error as EventTableError {
                    importer.summary.skippedRows += 1
                    reportIssue(ImportIssue(line: line, message: error.message))
                }
            }
            try progress(ImportProgress(rows: rows, bytes: csv.bytesRead))
        }
        for visit in visits { try importer.add(visit) }
        try importer.finish()
        return importer.summary
    }
}

/// Adds events and visits to a store inside one transaction, finding or creating the entities they name.
final class EventImporter {
    let db: Database
    let writer: StoreWriter
    private let findEntity: Statement
    private let findTarget: Statement
    /// Links to events that were not in the store when their row was read, with their place among the row's links.
    private var laterLinks: [(from: String, link: Link, position: Int)] = []
    var organizationsByName: [String: String] = [:]
    var organizationsByAcronym: [String: String] = [:]
    var peopleByName: [String: String] = [:]
    /// Places by name: the city, region or country of that name, first id kept.
    var placesByName: [String: [PlaceKind: String]] = [:]
    var summary = ImportSummary()
    /// How many events make an import large: as many as the store holds entities, and at least 10,000.
    private let bulkThreshold: Int
    /// The `CREATE INDEX` statements of the indexes dropped for a large import.
    private var indexesToRebuild: [String] = []

    /// The column a list cell comes from, which says the kind of entity it names and the role it plays.
    enum Column {
        case organizations, people, places, countries
    }

    init(_ db: Database) throws {
        self.db = db
        var targets: [String: LinkTarget] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, kind, category, name, acronym FROM entity WHERE kind IN ('organization', 'person', 'place') ORDER BY id
            """)
        while let row = try rows.next() {
            let id: String = row["id"], kind: EntityKind = try row.stored("kind"), name: String = row["name"]
            let acronym: String? = row["acronym"]
            targets[id] = LinkTarget(kind: kind, name: acronym ?? name)
            switch kind {
            case .organization:
                if organizationsByName[name] == nil { organizationsByName[name] = id }
                if let acronym, organizationsByAcronym[acronym] == nil { organizationsByAcronym[acronym] = id }
            case .person:
                if peopleByName[name] == nil { peopleByName[name] = id }
            default:
                let placeKind: PlaceKind = try row.stored("category")
                if placesByName[name]?[placeKind] == nil { placesByName[name, default: [:]][placeKind] = id }
            }
        }
        writer = try StoreWriter(db, targets: targets)
        bulkThreshold = max(10_000, try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0)
        findEntity = try db.makeStatement(sql: "SELECT 1 FROM entity WHERE id = ?")
        findTarget = try db.makeStatement(sql: "SELECT kind, name, acronym FROM entity WHERE id = ?")
    }

    /// Writes the event of `row`; throws `EventTableError` for a row that must be skipped.
    func add(_ row: EventTableRow) throws {
        guard try !exists(row.id) else {
            throw EventTableError("duplicate id \(row.id): the store or an earlier row has it")
        }
        var links: [Link] = []
        if let tabled = row.links {
            for link in tabled {
                guard let role = LinkRole(rawValue: link.role) else { continue }
                // A link whose target is not there yet keeps its place: the writer skips it, `finish` adds it.
                if try !resolve(link) { laterLinks.append((row.id, Link(to: link.to, role: role), links.count)) }
                links.append(Link(to: link.to, role: role))
            }
        } else {
            for (column, cells) in [(Column.organizations, row.organizations), (.people, row.people),
                                    (.places, row.places), (.countries, row.countries)] {
                for cell in cells {
                    let id = try entityID(cell, column)
                    // One link per entity: a name given twice, or a place also given as a country, counts once.
                    if !links.contains(where: { $0.to == id }) { links.append(Link(to: id, role: Self.role(column))) }
                }
            }
        }
        for citation in row.citations { try resolveSource(citation) }
        let event = Event(id: row.id, date: row.date, dateNote: row.dateNote, title: row.title, kind: row.kind, summary: row.summary,
                          links: links, citations: row.citations.map { Citation(source: $0.source, quote: $0.quote) })
        try writer.write(event.pendingEntities(names: writer.name), linkable: false)
        try countImported()
    }

    /// Counts one more event imported; past the bulk threshold, drops the secondary indexes (`finish` rebuilds them).
    func countImported() throws {
        summary.importedEvents += 1
        if summary.importedEvents == bulkThreshold { try dropSecondaryIndexes() }
    }

    /// Makes `link`'s target known to the writer: found in the store, or made from the name and category the row
    /// gives (an organization, person, place, document or source). False for an event not in the store yet, whose
    /// link waits for `finish`, when a later row may have brought it.
    private func resolve(_ link: TabledLink) throws -> Bool {
        if writer.targets[link.to] != nil { return true }
        if let found = try Row.fetchOne(findTarget, arguments: [link.to]) {
            writer.addTarget(link.to, LinkTarget(kind: try found.stored("kind"), name: found["acronym"] ?? found["name"]))
            return true
        }
        let name = link.name ?? link.to
        // A category the row leaves out is the user's default to choose (`other`, a `city`); one it gives was
        // checked by `EventTableRow` to be a kind of its entity.
        switch EntityKind(id: link.to) {
        case .organization?:
            try create(Organization(id: link.to, name: name, acronym: nil, aliases: [],
                                    kind: link.category.flatMap(OrganizationKind.init) ?? .other,
                                    parent: nil, country: nil, citations: []))
            organizationsByName[name] = organizationsByName[name] ?? link.to
            summary.createdOrganizations += 1
        case .person?:
            try create(Person(id: link.to, name: name, aliases: [], roles: [], citations: []))
            peopleByName[name] = peopleByName[name] ?? link.to
            summary.createdPeople += 1
        case .place?:
            let kind = link.category.flatMap(PlaceKind.init) ?? .city
            try create(Place(id: link.to, name: name, aliases: [], kind: kind, country: nil, citations: []))
            placesByName[name, default: [:]][kind] = placesByName[name]?[kind] ?? link.to
            summary.createdPlaces += 1
        case .document?:
            try create(Document(id: link.to, title: name, kind: link.category.flatMap(DocumentKind.init) ?? .other,
                                symbols: [], date: nil, links: [], citations: []))
        default:
            return false
        }
        return true
    }

    /// Makes the source `citation` names when the store lacks it and the row gives its title and kind.
    private func resolveSource(_ citation: TabledCitation) throws {
        guard writer.targets[citation.source] == nil, try !exists(citation.source),
              let title = citation.title, let kind = citation.category.flatMap(SourceKind.init) else { return }
        try create(Source(id: citation.source, title: title, publisher: nil, published: nil, file: "", kind: kind, url: nil))
    }

    /// Writes `record`, which later records may link to.
    func create(_ record: some StoredRecord) throws {
        try writer.write(record.pendingEntities(names: writer.name))
    }

    /// Writes `visit` and its meetings, with the people, organizations and places they name.
    func add(_ visit: NamedVisit) throws {
        let meetings = try visit.meetings.map { meeting in
            Meeting(id: meeting.id, date: meeting.date, counterparts: try meeting.counterparts.map { try entityID($0, .people) },
                    bodies: [], topics: meeting.topics, citations: meeting.citations)
        }
        let resolved = Visit(id: visit.id, date: visit.date, dateNote: nil, title: visit.title,
                             head: try visit.head.map { try entityID($0, .people) },
                             sender: try visit.sender.map { try entityID($0, .organizations) },
                             destinations: try visit.destinations.map { try entityID($0, .places) },
                             purpose: visit.purpose, links: [], meetings: meetings, citations: visit.citations)
        try writer.write(resolved.pendingEntities(names: writer.name), linkable: false)
        summary.importedVisits += 1
    }

    /// Drops the indexes that only serve reading (lists in date or name order, links both ways): from
    /// here on each row skips their random-order inserts, and `finish` builds them again by sorting.
    private func dropSecondaryIndexes() throws {
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND tbl_name IN ('entity', 'link') AND sql IS NOT NULL ORDER BY name
            """)
        for index in indexes {
            let name: String = index["name"]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        indexesToRebuild = indexes.map { $0["sql"] }
    }

    /// Rebuilds dropped indexes, counts the linked events of everything the import linked and the dates' spread
    /// over the years, and refreshes the planner's statistics.
    func finish() throws {
        for (from, link, position) in laterLinks where try exists(link.to) {
            try writer.addLink(from: from, to: link, position: position)
        }
        for sql in indexesToRebuild { try db.execute(sql: sql) }
        try writer.tallyAggregates()
        try writer.countLinkedEvents()
        try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
    }

    func exists(_ id: String) throws -> Bool {
        try Bool.fetchOne(findEntity, arguments: [id]) != nil
    }

    private static func role(_ column: Column) -> LinkRole {
        switch column {
        case .organizations, .people, .countries: .participant
        case .places: .location
        }
    }

    /// The id of the entity `cell` names in `column`: an organization, person or place id the store has,
    /// else the entity of that name, else a new one.
    private func entityID(_ cell: String, _ column: Column) throws -> String {
        if let target = writer.targets[cell], [.organization, .person, .place].contains(target.kind) {
            return cell
        }
        switch column {
        case .organizations:
            if let id = organizationsByName[cell] ?? organizationsByAcronym[cell] { return id }
            let id = newID(.organization, cell)
            organizationsByName[cell] = id
            try create(Organization(id: id, name: cell, acronym: nil, aliases: [], kind: .other, parent: nil, country: nil, citations: []))
            summary.createdOrganizations += 1
            return id
        case .people:
            if let id = peopleByName[cell] { return id }
            let id = newID(.person, cell)
            peopleByName[cell] = id
            try create(Person(id: id, name: cell, aliases: [], roles: [], citations: []))
            summary.createdPeople += 1
            return id
        case .places, .countries:
            let kind: PlaceKind = column == .countries ? .country : .city
            let found = placesByName[cell]
            let preference: [PlaceKind] = column == .countries ? [.country, .region, .city] : [.city, .region, .country]
            if let found, let id = preference.lazy.compactMap({ found[$0] }).first { return id }
            let id = newID(.place, cell)
            placesByName[cell, default: [:]][kind] = id
            try create(Place(id: id, name: cell, aliases: [], kind: kind, country: nil, citations: []))
            summary.createdPlaces += 1
            return id
        }
    }

    /// A new id for an entity named `name`: the kind's prefix and the name's letters and digits, folded,
    /// with `-2`, `-3`, … added when another entity has it.
    func newID(_ kind: EntityKind, _ name: String) -> String {
        var slug = ""
        for scalar in SearchFolding.fold(name).unicodeScalars.prefix(60) {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let base = kind.idPrefix + (slug.isEmpty ? "unnamed" : slug)
        var id = base, suffix = 1
        while writer.targets[id] != nil {
            suffix += 1
            id = "\(base)-\(suffix)"
        }
        return id
    }
}
