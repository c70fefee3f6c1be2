import ChanceryModel

/// A small world for pure tests: three organizations (one a sub-body of another), four events and two visits, each
/// with links and a citation, answered by `InMemoryQueries`.
public enum Fixture {
    /// An entity's summary row.
    public static func summary(_ id: String, _ name: String, category: String, date: String? = nil,
                               acronym: String? = nil) -> EntitySummary {
        EntitySummary(id: id, kind: EntityKind(id: id) ?? .event, category: category, name: name, acronym: acronym,
                      date: date.flatMap(EDTFDate.init), context: "", linkedEventCount: 0)
    }

    /// The International Association of Prosecutors.
    public static let iap = summary("org-iap", "International Association of Prosecutors", category: "association", acronym: "IAP")
    /// Its Executive Committee.
    public static let committee = summary("org-iap-excom", "Executive Committee of the IAP", category: "body")
    /// UNICEF.
    public static let unicef = summary("org-unicef", "United Nations Children's Fund", category: "agency", acronym: "UNICEF")
    /// The source every record cites.
    public static let source = summary("source-article", "An article", category: "article")

    private static func record(_ summary: EntitySummary, text: String? = nil, links: [EntitySummary] = [],
                               parent: EntitySummary? = nil, quotes: Int = 1) -> EntityDetail {
        EntityDetail(summary: summary, text: text, dateNote: nil, fields: [],
                     links: links.map { LinkedEntity(entity: $0, role: .participant, direction: .outbound) }
                         + [parent].compactMap { $0 }.map { LinkedEntity(entity: $0, role: .parent, direction: .outbound) },
                     inboundLinkCounts: [:], meetings: [],
                     citations: (0..<quotes).map { CitationDetail(sourceID: source.id, sourceTitle: source.name, quote: "Quote \($0 + 1) about \(summary.name).") })
    }

    /// Every record, in list order.
    public static let records: [EntityDetail] = [
        record(iap, links: [committee]),
        record(committee, parent: iap),
        record(unicef),
        record(summary("event-1993-accession", "Azerbaijan joins the IAP", category: "membership", date: "1993"), links: [iap]),
        record(summary("event-2001-unicef", "UNICEF opens an office", category: "other", date: "2001-05"), links: [unicef]),
        record(summary("event-2018-baku", "Executive Committee meets in Baku", category: "meeting", date: "2018-04-09/2018-04-10"),
               text: String(repeating: "The committee met and talked at length. ", count: 12), links: [committee, iap], quotes: 3),
        record(summary("event-2019-agreement", "Agreement signed", category: "agreementSigned", date: "2019"), links: [iap]),
        record(summary("visit-2024-dushanbe", "Visit to Dushanbe", category: "visit", date: "2024-05"), links: [iap]),
        record(summary("visit-2001-vienna", "Visit to Vienna", category: "visit", date: "2001"), links: [unicef]),
    ]

    /// Queries over `records`.
    public static var queries: InMemoryQueries { InMemoryQueries(records) }

    /// The text of the fixture's source: a line of its own, then every quote of `records`, a paragraph each.
    public static func sourceText(of records: [EntityDetail]) -> String {
        (["An article about the records below."] + records.flatMap(\.citations).map(\.quote)).joined(separator: "\n\n")
    }
}
