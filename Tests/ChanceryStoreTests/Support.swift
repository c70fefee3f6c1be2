import ChanceryModel
import ChanceryStore
import GRDBSQLite
import Foundation
import Testing

/// Where the repository, its curated data and the shared source texts are, found from this file.
enum Repository {
    /// The repository root (symlinks resolved, so a package that links this folder in still finds it).
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The curated dataset.
    static let data = root.appendingPathComponent("Data")
    /// The source texts the dataset cites, beside the repository.
    static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    /// True when the source texts are there to check quotes against.
    static var hasSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }
}

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A copy of the data files of `source` in the subfolder `name`.
    func copyOfData(from source: URL = Repository.data, named name: String = "Data") throws -> URL {
        let copy = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for file in EntityDescriptor.all.map(\.fileName) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: copy.appendingPathComponent(file))
        }
        return copy
    }

    /// A data directory holding the given files, and empty arrays for the other data files.
    func dataDirectory(_ files: [String: String], named name: String = "Data") throws -> URL {
        let directory = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in EntityDescriptor.all.map(\.fileName) {
            try (files[file] ?? "[]\n").write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// Names of the entries of the folder, hidden ones included.
    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// The curated dataset and a store built from it once for every test that only reads.
enum RealData {
    static let loaded = Dataset.load(from: Repository.data)
    static var dataset: Dataset { loaded.dataset }

    /// Built in a folder removed once the store is open: the open store keeps reading the unlinked file.
    private static let builtStore = Result { () throws -> ChanceryStore in
        let directory = try TemporaryDirectory()
        let path = directory.path("real.sqlite")
        try ChanceryStore.build(dataset, at: path, fingerprint: "tests")
        return try withExtendedLifetime(directory) { try ChanceryStore.open(path: path) }
    }

    /// The store built from the curated dataset.
    static func store() throws -> ChanceryStore { try builtStore.get() }
}

extension EntityQueries {
    /// Every row matching `filter`, in list order.
    func all(_ filter: EntityFilter) throws -> [EntitySummary] {
        try page(filter, offset: 0, limit: 100_000).rows
    }

    /// The ids of every row matching `filter`, in list order.
    func ids(_ filter: EntityFilter) throws -> [String] {
        try all(filter).map(\.id)
    }

    /// The ids of the events matching `filter`, as a set.
    /// The events a filter keeps; a date range keeps what may fall in it unless `match` says `.within`.
    func eventIDs(text: String = "", since: String? = nil, until: String? = nil, match: DateMatch = .overlapping,
                  categories: [String] = [], linkedTo: [String] = [], country: String? = nil) throws -> Set<String> {
        Set(try ids(EntityFilter(kind: .event, text: text, since: since.flatMap(EDTFDate.init),
                                 until: until.flatMap(EDTFDate.init), dateMatch: match, categories: categories,
                                 linkedTo: linkedTo, countries: country.map { [$0] } ?? [])))
    }
}

/// A link as the store should show it: from one record to another in a role.
struct ExpectedLink: Hashable, CustomStringConvertible {
    var from: String
    var to: String
    var role: LinkRole

    var description: String { "\(from) -\(role.rawValue)-> \(to)" }
}

extension Dataset {
    /// The links written in the records, plus those the store derives from records' own fields
    /// (see `LinkRole`): a visit's head, sender, destinations, meetings and whom they met, a meeting's
    /// counterparts and bodies, an organization's parent and country, a place's country, a person's roles.
    var expectedLinks: [ExpectedLink] {
        var links: [ExpectedLink] = []
        func add(_ from: String, _ to: String?, _ role: LinkRole) {
            if let to { links.append(ExpectedLink(from: from, to: to, role: role)) }
        }
        for document in documents { document.links.forEach { add(document.id, $0.to, $0.role) } }
        for event in events { event.links.forEach { add(event.id, $0.to, $0.role) } }
        for organization in organizations {
            add(organization.id, organization.parent, .parent)
            add(organization.id, organization.country, .country)
        }
        for place in places { add(place.id, place.country, .country) }
        for person in people {
            for role in person.roles {
                add(person.id, role.organization, .affiliation)
                add(person.id, role.country, .country)
            }
        }
        for visit in visits {
            add(visit.id, visit.head, .head)
            add(visit.id, visit.sender, .sender)
            visit.destinations.forEach { add(visit.id, $0, .destination) }
            visit.links.forEach { add(visit.id, $0.to, $0.role) }
            for meeting in visit.meetings {
                add(visit.id, meeting.id, .meeting)
                for person in meeting.counterparts {
                    add(visit.id, person, .counterpart)
                    add(meeting.id, person, .counterpart)
                }
                for body in meeting.bodies {
                    add(visit.id, body, .body)
                    add(meeting.id, body, .body)
                }
            }
        }
        return links
    }

    /// Ids of the events whose own links name `id`.
    func eventIDs(naming id: String) -> Set<String> {
        Set(events.filter { $0.links.contains { $0.to == id } }.map(\.id))
    }

    /// Every record's title or name, by id.
    var namesByID: [String: [String]] {
        var names: [String: [String]] = [:]
        for organization in organizations {
            names[organization.id] = [organization.name] + [organization.acronym].compactMap { $0 } + organization.aliases
        }
        for person in people { names[person.id] = [person.name] + person.aliases }
        for place in places { names[place.id] = [place.name] + place.aliases }
        for document in documents { names[document.id] = [document.title] + document.symbols }
        for event in events { names[event.id] = [event.title] }
        for visit in visits { names[visit.id] = [visit.title] }
        return names
    }
}

/// The first and last year a date may cover, worked out from its EDTF parts alone; open or unknown
/// ends reach as far as they can.
func yearSpan(_ date: EDTFDate) -> ClosedRange<Int> {
    func last(_ point: EDTFPoint) -> Int {
        point.year + [0, 9, 99, 999, 9999][point.unspecifiedYearDigits]
    }
    switch date {
    case .point(let point):
        return point.year...last(point)
    case .interval(let start, let end), .oneOf(let start, let end):
        return (start.point?.year ?? Int.min)...(end.point.map(last) ?? Int.max)
    }
}

/// The bytes and modification dates of every file in `directory` and its folders, by path inside it.
func snapshot(of directory: URL) throws -> [String: (Data, Date?)] {
    var result: [String: (Data, Date?)] = [:]
    for name in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
        let url = directory.appendingPathComponent(name)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        guard attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
        result[name] = (try Data(contentsOf: url), attributes[.modificationDate] as? Date)
    }
    return result
}

/// A plain SQLite connection, as another program (or another chancery) would hold one; closed when released.
final class SQLiteFile {
    private var connection: OpaquePointer?

    /// Opens (creating if needed) the database at `path`.
    init(path: String) throws {
        guard sqlite3_open(path, &connection) == SQLITE_OK else {
            defer { sqlite3_close(connection) }
            throw SQLiteFailure(message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    deinit { sqlite3_close(connection) }

    /// Runs `sql` (one or more statements).
    func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
            throw SQLiteFailure(message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// The texts of column `column` of the rows of the one statement `sql`, its parameters left NULL.
    func texts(_ sql: String, column: Int32) throws -> [String] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            throw SQLiteFailure(message: String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        var texts: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            texts.append(sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "")
        }
        return texts
    }
}

/// An error SQLite reported to `SQLiteFile`.
struct SQLiteFailure: Error {
    var message: String
}
