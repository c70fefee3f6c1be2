import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// Details of a store built from the curated dataset: links both ways, meetings and citations.
@Suite struct StoreDetailTests {
    let dataset = RealData.dataset
    let store: ChanceryStore

    init() throws {
        store = try RealData.store()
    }

    private func detail(_ id: String) throws -> EntityDetail {
        try #require(try store.detail(id: id), "no detail for \(id)")
    }

    private func links(of detail: EntityDetail, _ direction: LinkDirection) -> [ExpectedLink] {
        detail.links.filter { $0.direction == direction }.map { link in
            direction == .outbound
                ? ExpectedLink(from: detail.summary.id, to: link.entity.id, role: link.role)
                : ExpectedLink(from: link.entity.id, to: detail.summary.id, role: link.role)
        }
    }

    private var sourceTitles: [String: String] {
        Dictionary(uniqueKeysWithValues: dataset.sources.map { ($0.id, $0.title) })
    }

    @Test func eventDetailHasItsLinksInOrderAndItsCitationsWithSourceTitles() throws {
        let event = try #require(dataset.events.first { $0.id == "event-az-member-un" })
        let detail = try detail(event.id)
        #expect(detail.summary.name == "Azerbaijan is a member of the United Nations")
        #expect(detail.text == event.summary)
        #expect(links(of: detail, .outbound) == [
            ExpectedLink(from: event.id, to: "place-azerbaijan", role: .member),
            ExpectedLink(from: event.id, to: "org-un", role: .subject),
        ])
        #expect(detail.links.first { $0.entity.id == "org-un" }?.entity.name == "United Nations")
        #expect(detail.citations.count == 1)
        #expect(detail.citations.first?.sourceID == "src-000")
        #expect(detail.citations.first?.sourceTitle == sourceTitles["src-000"])
        #expect(detail.citations.first?.quote.hasPrefix("the Republic of Azerbaijan is a member of a number") == true)
    }

    @Test func everyEventAndDocumentDetailMatchesItsRecord() throws {
        let records: [(id: String, links: [Link], citations: [Citation], dateNote: String?)] =
            dataset.events.map { ($0.id, $0.links, $0.citations, $0.dateNote) }
            + dataset.documents.map { ($0.id, $0.links, $0.citations, nil) }
        for record in records {
            let detail = try detail(record.id)
            #expect(links(of: detail, .outbound) == record.links.map { ExpectedLink(from: record.id, to: $0.to, role: $0.role) },
                    "\(record.id)")
            #expect(detail.citations.map { [$0.sourceID, $0.sourceTitle, $0.quote] }
                    == record.citations.map { [$0.source, sourceTitles[$0.source] ?? "?", $0.quote] }, "\(record.id)")
            #expect(detail.citations.allSatisfy { citation in
                citation.publisher == dataset.sources.first { $0.id == citation.sourceID }?.publisher
            }, "\(record.id)")
            #expect(detail.dateNote == record.dateNote, "\(record.id)")
        }
    }

    @Test func organizationDetailListsTheEventAsAnInboundLink() throws {
        let detail = try detail("org-un")
        let inbound = detail.links.filter { $0.direction == .inbound && $0.entity.id == "event-az-member-un" }
        #expect(inbound.map(\.role) == [.subject])
        #expect(inbound.first?.entity.kind == .event)
        #expect(detail.summary.linkedEventCount == dataset.eventIDs(naming: "org-un").count)
        // Bodies of the UN name it as their parent.
        let children = Set(dataset.organizations.filter { $0.parent == "org-un" }.map(\.id))
        #expect(!children.isEmpty)
        #expect(Set(detail.links.filter { $0.direction == .inbound && $0.role == .parent }.map(\.entity.id)) == children)
    }

    @Test func everyLinkResolvesInBothDirections() throws {
        let expected = dataset.expectedLinks
        #expect(expected.count > 300, "the data holds many links (\(expected.count))")
        var details: [String: EntityDetail] = [:]
        func cached(_ id: String) throws -> EntityDetail {
            if let known = details[id] { return known }
            let fetched = try detail(id)
            details[id] = fetched
            return fetched
        }
        for link in expected {
            #expect(links(of: try cached(link.from), .outbound).contains(link), "outbound \(link)")
            #expect(links(of: try cached(link.to), .inbound).contains(link), "inbound \(link)")
        }
        // And the store shows no link the data does not hold.
        let known = Set(expected)
        for detail in details.values {
            for link in links(of: detail, .outbound) + links(of: detail, .inbound) {
                #expect(known.contains(link), "unexpected \(link)")
            }
        }
    }

    @Test func linksListOutboundFirst() throws {
        for id in ["event-2018-04-iap-45th-executive-committee-baku", "place-baku", "doc-crc-optional-protocol-sale-of-children", "org-un-csw"] {
            let directions = try detail(id).links.map(\.direction)
            #expect(directions.contains(.inbound) && directions.contains(.outbound), "\(id)")
            #expect(directions == directions.sorted { $0 == .outbound && $1 == .inbound }, "\(id)")
        }
    }

    @Test func visitDetailHasItsMeetingsWithCounterpartsAndTopics() throws {
        let visit = try #require(dataset.visits.first { $0.id == "visit-2024-05-az-pg-tajikistan" })
        let detail = try detail(visit.id)
        #expect(detail.text == visit.purpose)
        #expect(detail.dateNote == visit.dateNote)
        #expect(detail.summary.context == "Kamran Aliyev → Dushanbe")
        #expect(detail.links.contains { $0.direction == .outbound && $0.role == .head && $0.entity.id == "person-kamran-aliyev" })
        #expect(detail.links.contains { $0.direction == .outbound && $0.role == .destination && $0.entity.id == "place-dushanbe" })
        #expect(detail.meetings.map(\.summary.id) == visit.meetings.map(\.id))

        let meeting = try #require(detail.meetings.first { $0.summary.id == "meeting-2024-05-az-tj-prosecutors" })
        #expect(meeting.summary.kind == .meeting)
        let body = try #require(dataset.organizations.first { $0.id == "org-tj-prosecutor-general" })
        // The store holds whom it met and the visit's title; the view-model words them.
        #expect(meeting.summary.name == "Yusuf Rahmon, \(body.shortName)")
        #expect(meeting.summary.context == visit.title)
        #expect(links(of: meeting, .outbound) == [
            ExpectedLink(from: meeting.summary.id, to: "person-yusuf-rahmon", role: .counterpart),
            ExpectedLink(from: meeting.summary.id, to: "org-tj-prosecutor-general", role: .body),
        ])
        let topics = try #require(meeting.fields.first { $0.kind == .topics })
        #expect(topics.values.contains("cooperation in mutual legal assistance"))
        #expect(!meeting.citations.isEmpty)
        #expect(meeting.citations.allSatisfy { $0.sourceTitle == sourceTitles[$0.sourceID] })
        // A meeting with no date takes its visit's.
        #expect(meeting.summary.date == visit.date)
    }

    @Test func everyMeetingListsItsTopics() throws {
        for visit in dataset.visits {
            let detail = try detail(visit.id)
            for (shown, meeting) in zip(detail.meetings, visit.meetings) {
                let topics = shown.fields.first { $0.kind == .topics }?.values
                #expect(topics == (meeting.topics.isEmpty ? nil : meeting.topics), "\(meeting.id)")
            }
            #expect(detail.meetings.count == visit.meetings.count, "\(visit.id)")
        }
    }

    @Test func personDetailListsTheVisitsTheyHead() throws {
        let person = "person-heydar-aliyev"
        let headed = Set(dataset.visits.filter { $0.head == person }.map(\.id))
        #expect(headed.count >= 10)
        let detail = try detail(person)
        #expect(detail.summary.name == "Heydar Aliyev")
        let shown = detail.links.filter { $0.direction == .inbound && $0.role == .head }
        #expect(Set(shown.map(\.entity.id)) == headed)
        #expect(shown.count == headed.count)
        #expect(shown.allSatisfy { $0.entity.kind == .visit })
    }

    @Test func unknownIdsHaveNoDetail() throws {
        for id in ["event-no-such-thing", "", "org-", "ORG-UN", "org-un ", "'; DROP TABLE entity; --"] {
            #expect(try store.detail(id: id) == nil, "\(id)")
        }
    }
}
