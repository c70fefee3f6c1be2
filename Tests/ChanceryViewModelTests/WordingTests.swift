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
