import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// The store holds facts (typed fields, kinds and roles as enumerations, whom a meeting met), and a value it
/// does not know is an error naming the value and the store, never a guess.
@Suite struct StoredFactsTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func detailFieldsComeOutTypedWithTheirValues() throws {
        let store = try RealData.store()
        let source = try #require(try store.detail(id: "src-003"))
        #expect(source.fields == [
            DetailField(kind: .publisher, values: ["Azernews"]),
            DetailField(kind: .published, values: ["2024-05-18"]),
            DetailField(kind: .file, values: ["003_73c7038084693d85.txt"]),
        ])
        let organization = try #require(RealData.dataset.organizations.first { !$0.aliases.isEmpty })
        let aliases = try #require(try store.detail(id: organization.id)).fields.first { $0.kind == .aliases }
        #expect(aliases?.values == organization.aliases)
    }

    @Test func aMeetingIsFoundByTheNamesItMet() throws {
        let found = try RealData.store().ids(EntityFilter(kind: .meeting, text: "Yusuf Rahmon"))
        #expect(found.contains("meeting-2024-05-az-tj-prosecutors"))
    }

    /// A store built from a small data directory, whose file is then changed by `sql`, as another program might.
    private func store(changedBy sql: String) throws -> (store: ChanceryStore, path: String) {
        let data = try directory.dataDirectory([
            "sources.json": "[{\"id\": \"src-001\", \"title\": \"S\", \"file\": \"one.txt\", \"kind\": \"officialSite\"}]",
            "organizations.json": """
                [{"id": "org-a", "name": "A", "aliases": ["Alpha"], "kind": "other"},
                 {"id": "org-b", "name": "B", "kind": "other", "parent": "org-a"}]
                """,
        ])
        let path = directory.path("store.sqlite")
        _ = try ChanceryStore.openFresh(dataDirectory: data, path: path)
        try SQLiteFile(path: path).execute(sql)
        return (try ChanceryStore.open(path: path), path)
    }

    /// The error `read` throws, checked to name `value`, its column and the store's path.
    private func expectUnknown(_ value: String, in column: String, path: String, _ read: () throws -> Void) throws {
        let error = try #require(throws: StoreError.self) { try read() }
        guard case .unknownValue(path, column, value) = error else {
            Issue.record("expected unknownValue(\(path), \(column), \(value)), got \(error)")
            return
        }
        #expect(error.description.contains("\"\(value)\" in its \(column) column"), "\(error)")
        #expect(error.description.contains(path))
    }

    @Test func anUnknownStoredKindIsAnErrorNamingItAndTheStore() throws {
        let (store, path) = try store(changedBy: "UPDATE entity SET kind = 'treaty' WHERE id = 'org-a'")
        try expectUnknown("treaty", in: "kind", path: path) { _ = try store.detail(id: "org-a") }
        // org-b's detail lists its parent, whose row has the unknown kind.
        try expectUnknown("treaty", in: "kind", path: path) { _ = try store.detail(id: "org-b") }
    }

    @Test func anUnknownStoredRoleIsAnErrorNamingItAndTheStore() throws {
        let (store, path) = try store(changedBy: "UPDATE link SET role = 'ally'")
        try expectUnknown("ally", in: "role", path: path) { _ = try store.detail(id: "org-b") }
    }

    @Test func anUnknownStoredFieldKindIsAnErrorNamingItAndTheStore() throws {
        let (store, path) = try store(changedBy: """
            UPDATE entity SET fields = '[{"kind":"nickname","values":["Alpha"]}]' WHERE id = 'org-a'
            """)
        try expectUnknown("nickname", in: "fields", path: path) { _ = try store.detail(id: "org-a") }
    }
}
