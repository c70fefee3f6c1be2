import ChanceryModel
import ChanceryViewModel
import Testing

/// The words a reader sees are made in the view-model from the facts the store holds.
@Suite struct WordingTests {
    @Test func aMeetingIsNamedByWhomItMetOrElseByItsVisit() {
        let met = EntitySummary(id: "meeting-a", kind: .meeting, category: "meeting", name: "Yusuf Rahmon, GPO",
                                context: "Visit to Dushanbe")
        #expect(met.displayName == "Meeting with Yusuf Rahmon, GPO")
        let nobody = EntitySummary(id: "meeting-b", kind: .meeting, category: "meeting", name: "", context: "Visit to Dushanbe")
        #expect(nobody.displayName == "Meeting during Visit to Dushanbe")
        let event = EntitySummary(id: "event-a", kind: .event, category: "other", name: "Signed", context: "UN")
        #expect(event.displayName == "Signed")
        // It read "Meeting with Meeting of the Prosecutors General…".
        let forum = EntitySummary(id: "meeting-c", kind: .meeting, category: "meeting",
                                  name: "Meeting of the Prosecutors General of the Turkic Council", context: "Visit to Dushanbe")
        #expect(forum.displayName == "Meeting of the Prosecutors General of the Turkic Council")
    }

    /// An inbound link read backwards: "← ECO Cultural Institute  parent" said the institute was ECO's parent.
    @Test func anInboundRoleIsThisEntitysRoleInTheLinkingRecord() {
        let institute = EntitySummary(id: "org-eco-ci", kind: .organization, category: "other", name: "ECO Cultural Institute")
        let eco = EntitySummary(id: "org-eco", kind: .organization, category: "regional", name: "Economic Cooperation Organization",
                                acronym: "ECO")
        let detail = EntityDetail(summary: eco, text: nil, dateNote: nil, fields: [],
                                  links: [LinkedEntity(entity: institute, role: .parent, direction: .inbound)],
                                  inboundLinkCounts: [.organization: 1], meetings: [], citations: [])
        let lines = DetailDocument(detail, width: 60).lines.map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("  ← ECO Cultural Institute  as parent"), "\(lines)")
        let outbound = EntityDetail(summary: institute, text: nil, dateNote: nil, fields: [],
                                    links: [LinkedEntity(entity: eco, role: .parent, direction: .outbound)],
                                    inboundLinkCounts: [:], meetings: [], citations: [])
        #expect(DetailDocument(outbound, width: 60).lines.map { $0.spans.map(\.text).joined() }
            .contains("  → ECO — Economic Cooperation Organization  parent"))
    }

    /// "Date note:" and "Topics:" wrapped ten columns early; the meta line left "event · incident ·" hanging.
    @Test func labelledTextUsesTheWholeWidthAndNoSeparatorHangs() {
        let summary = EntitySummary(id: "event-198x-terrorism-in-azerbaijan", kind: .event, category: "incident",
                                    name: "Terrorist acts", date: EDTFDate("198X"))
        let detail = EntityDetail(summary: summary, text: nil, dateNote: "The text says 'starting from the 1980s' and 'since the late 1980s'.",
                                  fields: [], links: [], inboundLinkCounts: [:], meetings: [], citations: [])
        let lines = DetailDocument(detail, width: 50).lines.map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("event · incident") && lines.contains("event-198x-terrorism-in-azerbaijan"), "\(lines)")
        #expect(!lines.contains { $0.hasSuffix("·") })
        #expect(lines.contains("Date note: The text says 'starting from the 1980s'"), "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 50 })
    }

    @Test func fieldsAreLabelledAndJoinedAndDatesShownInTheirDisplayForm() throws {
        #expect(DetailField(kind: .aliases, values: ["Alpha", "Alef"]).displayValue == "Alpha; Alef")
        #expect(DetailField.Kind.aliases.label == "Also known as")
        let published = DetailField(kind: .published, values: ["2024-05-18"])
        #expect(published.displayValue == (try EDTFDate.parse("2024-05-18")).display)
        #expect(published.displayValue != "2024-05-18")
    }

    @Test func theDetailShowsAMeetingsWordingAndItsFields() {
        let meeting = EntityDetail(
            summary: EntitySummary(id: "meeting-a", kind: .meeting, category: "meeting", name: "Yusuf Rahmon", context: "Visit"),
            text: nil, dateNote: nil, fields: [DetailField(kind: .topics, values: ["trade", "law"])], links: [],
            inboundLinkCounts: [:], meetings: [], citations: [])
        let text = DetailDocument(meeting, width: 80).lines.map { $0.spans.map(\.text).joined() }
        #expect(text.first == "Meeting with Yusuf Rahmon")
        #expect(text.contains("Topics: trade; law"))
    }
}

@Suite struct MemberSinceWording {
    private func event(_ id: String, _ date: String?, category: String = "membership") -> EntitySummary {
        EntitySummary(id: id, kind: .event, category: category, name: "Event \(id)", date: date.flatMap(EDTFDate.init))
    }

    @Test func anOrganizationsDetailSaysWhenItsFirstMembershipBeganAndByWhichEvent() {
        let organization = EntitySummary(id: "org-x", kind: .organization, category: "intergovernmental", name: "X")
        func detail(_ links: [LinkedEntity]) -> DetailDocument {
            DetailDocument(EntityDetail(summary: organization, text: nil, dateNote: nil, fields: [], links: links,
                                        inboundLinkCounts: [:], meetings: [], citations: []), width: 80)
        }
        func text(_ document: DetailDocument) -> [String] { document.lines.map { $0.spans.map(\.text).joined() } }
        let links = [LinkedEntity(entity: event("event-b", "2012"), role: .subject, direction: .inbound),
                     LinkedEntity(entity: event("event-a", nil), role: .subject, direction: .inbound),
                     LinkedEntity(entity: event("event-c", "1992-05"), role: .subject, direction: .inbound),
                     LinkedEntity(entity: event("event-d", "1980", category: "meeting"), role: .subject, direction: .inbound),
                     LinkedEntity(entity: event("event-e", "1970"), role: .member, direction: .inbound)]
        #expect(text(detail(links)).contains("Member since: May 1992 — Event event-c"), "the earliest dated membership")
        #expect(text(detail([links[1]])).contains("Member since: undated — Event event-a"))
        #expect(!text(detail([links[3], links[4]])).contains { $0.hasPrefix("Member since") },
                "a meeting is no membership, and a member joining is not the body joined")
    }
}
