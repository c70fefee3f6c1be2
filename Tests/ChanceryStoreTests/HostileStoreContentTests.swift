import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// Data built to be as large as the format allows in one record: what the store keeps for display stays
/// bounded (so every detail and list row stays cheap), while search still sees every word.
@Suite struct HostileStoreContentTests {
    /// Built once for the suite; the folder goes away once the store is open.
    static let built = Result { () throws -> ChanceryStore in
        let directory = try TemporaryDirectory()
        return try withExtendedLifetime(directory) { try build(in: directory) }
    }
    var store: ChanceryStore { get throws { try Self.built.get() } }

    static let organizationCount = 60
    static let linkCount = 100_000
    /// One megabyte of text with a distinctive word at its very end.
    static let megabyte = String(repeating: "treaty ", count: 1_000_000 / 7) + "zanzibarword"

    private static func build(in directory: TemporaryDirectory) throws -> ChanceryStore {
        let organizations = (0..<Self.organizationCount).map { index in
            """
            {"id": "org-\(String(format: "%03d", index))", "name": "Organization number \(index) with a fairly long name",
             "kind": "other"}
            """
        }
        let links = (0..<Self.linkCount).map { index in
            "{\"to\": \"org-\(String(format: "%03d", index % Self.organizationCount))\", \"role\": \"mentioned\"}"
        }
        let citation = "\"citations\": [{\"source\": \"src-001\", \"quote\": \"\(Self.megabyte)\"}]"
        let data = try directory.dataDirectory([
            "sources.json": "[{\"id\": \"src-001\", \"title\": \"S\", \"file\": \"one.txt\", \"kind\": \"officialSite\"}]",
            "organizations.json": "[" + organizations.joined(separator: ",\n") + "]",
            "events.json": """
                [
                {"id": "event-a-long", "title": "\(Self.megabyte)", "kind": "other", "summary": "\(Self.megabyte)",
                 "dateNote": "\(Self.megabyte)", "date": "1993", \(citation)},
                {"id": "event-b-many-links", "title": "Many links", "kind": "other", "summary": "S", "date": "1994",
                 "links": [\(links.joined(separator: ","))], "citations": [{"source": "src-001", "quote": "q"}]}
                ]
                """,
        ])
        return try ChanceryStore.openFresh(dataDirectory: data, path: directory.path("store.sqlite")).store
    }

    @Test func longTextsAreCutForDisplayWithAnEllipsis() throws {
        let detail = try #require(try store.detail(id: "event-a-long"))
        for (name, text) in [("name", detail.summary.name), ("summary", detail.text ?? ""), ("date note", detail.dateNote ?? ""),
                             ("quote", detail.citations.first?.quote ?? "")] {
            #expect(text.count <= 20_000, "\(name) is \(text.count) characters")
            #expect(text.hasSuffix("…"), "\(name) ends with an ellipsis")
            #expect(text.hasPrefix("treaty treaty"), "\(name) keeps its start")
        }
        #expect(detail.summary.name.count <= 1_000)
    }

    @Test func searchStillSeesTheWholeText() throws {
        let found = try store.page(EntityFilter(kind: .event, text: "zanzibarword"), offset: 0, limit: 10).rows.map(\.id)
        #expect(found == ["event-a-long"])
    }

    @Test func repeatedLinksAreStoredOnceAndContextsStayShort() throws {
        let detail = try #require(try store.detail(id: "event-b-many-links"))
        #expect(detail.links.count == Self.organizationCount, "100,000 links to 60 organizations are 60 links")
        let row = try #require(try store.page(EntityFilter(kind: .event), offset: 0, limit: 10).rows.first { $0.id == "event-b-many-links" })
        #expect(row.context.count <= 1_000 && row.context.hasSuffix("…"), "\(row.context.count) characters")
        let organization = try #require(try store.detail(id: "org-007"))
        let inbound = organization.links.filter { $0.direction == .inbound }
        #expect(inbound.count == 1)
        #expect(inbound.allSatisfy { $0.entity.context.count <= 1_000 })
        #expect(organization.summary.linkedEventCount == 1, "the event counts once, not once per repeated link")
    }
}
