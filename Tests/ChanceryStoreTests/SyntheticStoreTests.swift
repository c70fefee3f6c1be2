import ChanceryModel
import ChanceryStore
import Foundation
import Testing

/// A small dataset holding what the curated one lacks: Azerbaijani letters, open-start periods, BCE dates.
private let files = [
    "sources.json": """
    [
      { "id": "src-001", "title": "A page", "publisher": "Ministry", "published": null,
        "file": "one.txt", "kind": "officialSite" }
    ]
    """,
    "places.json": """
    [
      { "id": "place-azerbaijan", "name": "Azərbaycan", "aliases": [], "kind": "country", "country": null },
      { "id": "place-baku", "name": "Bakı", "aliases": [], "kind": "city", "country": "place-azerbaijan" }
    ]
    """,
    "people.json": """
    [
      { "id": "person-heydar-aliyev", "name": "Heydər Əliyev", "aliases": [], "roles": [] }
    ]
    """,
    "events.json": "[\n" + [
        event("event-a-conference", date: "1994-05", title: "Conference in Bakı", summary: "Heydər Əliyev opened ŞUŞA talks.",
              links: [("place-baku", "location"), ("person-heydar-aliyev", "participant")]),
        event("event-b-open-start", date: "../1995", title: "Ceasefire regime", summary: "In force until 1995."),
        event("event-c-unknown-start", date: "/1995", title: "Talks", summary: "Ended in 1995."),
        event("event-d-ancient", date: "-0500-03", title: "Ancient treaty", summary: "Long ago."),
        event("event-e-undated", date: nil, title: "Undated note", summary: "No date."),
    ].joined(separator: ",\n") + "\n]",
]

private func event(_ id: String, date: String?, title: String, summary: String, links: [(String, String)] = []) -> String {
    let linkList = links.map { "{ \"to\": \"\($0.0)\", \"role\": \"\($0.1)\" }" }.joined(separator: ", ")
    return """
      { "id": "\(id)", "date": \(date.map { "\"\($0)\"" } ?? "null"), "title": "\(title)", "kind": "other",
        "summary": "\(summary)", "links": [\(linkList)],
        "citations": [{ "source": "src-001", "quote": "Some words." }] }
    """
}

@Suite struct SyntheticStoreTests {
    let directory: TemporaryDirectory
    let store: ChanceryStore

    init() throws {
        directory = try TemporaryDirectory()
        let data = try directory.dataDirectory(files)
        store = try ChanceryStore.openFresh(dataDirectory: data, path: directory.path("store.sqlite")).store
    }

    @Test func searchFoldsAzerbaijaniLettersInTheDataAndTheQuery() throws {
        for query in ["baki", "BAKI", "Bakı", "bakı", "heyder", "HEYDƏR", "Əliyev eliyev", "şuşa", "SUSA"] {
            #expect(try store.eventIDs(text: query) == ["event-a-conference"], "\(query)")
        }
        #expect(try store.eventIDs(text: "baku").isEmpty, "ı folds to i, not to u")
        #expect(try store.ids(EntityFilter(kind: .place, text: "baki")) == ["place-baku"])
        #expect(try store.ids(EntityFilter(kind: .person, text: "heydar")).isEmpty)
        #expect(try store.ids(EntityFilter(kind: .person, text: "heyder")) == ["person-heydar-aliyev"])
    }

    @Test func listsSortByFoldedName() throws {
        #expect(try store.ids(EntityFilter(kind: .place)) == ["place-azerbaijan", "place-baku"])
    }

    @Test func countryFilterReachesTheCityInside() throws {
        #expect(try store.eventIDs(country: "place-azerbaijan") == ["event-a-conference"])
    }

    @Test func openAndUnknownStartsReachBackBeforeTheirEnd() throws {
        #expect(try store.eventIDs(until: "1990") == ["event-b-open-start", "event-c-unknown-start", "event-d-ancient"])
        #expect(try store.eventIDs(since: "1990", until: "1990") == ["event-b-open-start", "event-c-unknown-start"])
        #expect(try store.eventIDs(since: "1996").isEmpty)
        #expect(try store.eventIDs(since: "1995-12-31") == ["event-b-open-start", "event-c-unknown-start"])
    }

    @Test func theDateSpreadFilesBCEDatesUnderTheirOwnYearAndOpenStartsApart() throws {
        let spread = try store.dateSpread(EntityFilter(kind: .event))
        #expect(spread == DateSpread(withinYear: [-500: 1, 1994: 1],
                                     spanning: [DateSpread.Years(first: nil, last: 1995): 2], undated: 1))
        // Read from the counts kept (a whole-year range) and counted over the list (a month): the same answer.
        let within = EntityFilter(kind: .event, since: EDTFDate("-0500"), until: EDTFDate("1994"))
        #expect(try store.dateSpread(within) == DateSpread(withinYear: [-500: 1, 1994: 1]))
        var overlapping = within
        overlapping.dateMatch = .overlapping
        #expect(try store.dateSpread(overlapping)
                == DateSpread(withinYear: [-500: 1, 1994: 1], spanning: [DateSpread.Years(first: nil, last: 1995): 2]))
        #expect(try store.dateSpread(EntityFilter(kind: .event, since: EDTFDate("1994-05"), until: EDTFDate("1994-05")))
                == DateSpread(withinYear: [1994: 1]))
    }

    @Test func undatedEventsListLast() throws {
        let ids = try store.ids(EntityFilter(kind: .event))
        #expect(ids.first == "event-d-ancient")
        #expect(ids.last == "event-e-undated")
        #expect(ids.count == 5)
    }
}

/// Dates and words the curated data lacks, in the store's filters: seasons (meteorological), negative years with
/// unspecified digits, long years, date-times, and a soft hyphen inside a word.
@Suite struct DateFilterTests {
    let directory: TemporaryDirectory
    let store: ChanceryStore

    init() throws {
        directory = try TemporaryDirectory()
        var dated = files
        dated["events.json"] = "[\n" + [
            event("event-a-spring", date: "2001-21", title: "Spring talks", summary: "In spring."),
            event("event-b-winter", date: "2001-24", title: "Winter talks", summary: "In winter."),
            event("event-c-nineties-bce", date: "-199X", title: "Old treaty", summary: "Long ago."),
            event("event-d-far-future", date: "Y170000002", title: "Far off", summary: "Much later."),
            event("event-e-timed", date: "2001-03-04T10:00:00Z", title: "Timed", summary: "At ten."),
            event("event-f-soft-hyphen", date: "1999", title: "Inter\u{AD}national talks", summary: "Cooperation."),
        ].joined(separator: ",\n") + "\n]"
        let data = try directory.dataDirectory(dated)
        store = try ChanceryStore.openFresh(dataDirectory: data, path: directory.path("store.sqlite")).store
    }

    @Test func seasonsAreFoundInEachOfTheirMonths() throws {
        #expect(try store.eventIDs(since: "2001-03-01", until: "2001-03-31") == ["event-a-spring", "event-e-timed"])
        #expect(try store.eventIDs(since: "2001-05", until: "2001-05") == ["event-a-spring"])
        #expect(try store.eventIDs(since: "2001-06-01", until: "2001-11-30").isEmpty)
        #expect(try store.eventIDs(since: "2001-12-01", until: "2001-12-31") == ["event-b-winter"])
        #expect(try store.eventIDs(since: "2002-02-28", until: "2002-02-28") == ["event-b-winter"])
        // Within: the whole season lies in March–May 2001; Winter 2001 reaches into 2002.
        #expect(try store.eventIDs(since: "2001-03", until: "2001-05", match: .within) == ["event-a-spring", "event-e-timed"])
        #expect(try store.eventIDs(since: "2001", until: "2001", match: .within) == ["event-a-spring", "event-e-timed"])
    }

    /// A soft hyphen inside a word hid it from search: the index split the word there.
    @Test func aSoftHyphenDoesNotHideAWord() throws {
        #expect(try store.eventIDs(text: "international") == ["event-f-soft-hyphen"])
    }

    @Test func negativeAndLongYearsSortAndFilter() throws {
        #expect(try store.eventIDs(since: "-1995", until: "-1995") == ["event-c-nineties-bce"])
        #expect(try store.eventIDs(until: "-2000").isEmpty)
        #expect(try store.eventIDs(since: "Y100000000") == ["event-d-far-future"])
        let ids = try store.ids(EntityFilter(kind: .event))
        #expect(ids.first == "event-c-nineties-bce" && ids.last == "event-d-far-future")
    }
}
