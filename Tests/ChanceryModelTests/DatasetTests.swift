import ChanceryModel
import Foundation
import Testing

/// A data directory in a temporary folder, holding the given files and empty arrays for the rest.
struct TemporaryDataDirectory {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for file in EntityDescriptor.all.map(\.fileName) {
            try (files[file] ?? "[]\n").write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
    }
}

private let source = """
[
  {
    "id": "src-001",
    "title": "A page",
    "publisher": "Ministry",
    "published": null,
    "file": "one.txt",
    "kind": "officialSite"
  }
]
"""

private let places = """
[
  { "id": "place-azerbaijan", "name": "Azerbaijan", "aliases": [], "kind": "country", "country": null },
  { "id": "place-baku", "name": "Bakı", "aliases": ["Baku"], "kind": "city", "country": "place-azerbaijan" }
]
"""

private func event(_ id: String, date: String = "\"1992-03-02\"", extra: String = "",
                   links: String = "[{ \"to\": \"place-baku\", \"role\": \"location\" }, { \"to\": \"place-azerbaijan\", \"role\": \"member\" }]",
                   quote: String = "Azerbaijan joined the UN on 2 March 1992.") -> String {
    """
      {
        "id": "\(id)",
        "date": \(date),
        "title": "Joined",
        "kind": "membership",
        "summary": "The Ministry says Azerbaijan joined.",\(extra)
        "links": \(links),
        "citations": [{ "source": "src-001", "quote": "\(quote)" }]
      }
    """
}

private func load(events: String) throws -> (Dataset, [DatasetIssue]) {
    let directory = try TemporaryDataDirectory(["sources.json": source, "places.json": places, "events.json": events])
    let (dataset, issues) = Dataset.load(from: directory.url)
    return (dataset, issues + dataset.validate(sourceTexts: ["one.txt": "Intro. Azerbaijan joined the UN on 2 March 1992. End."]))
}

@Suite struct DatasetLoading {
    @Test func oneDescriptorPerKindOfRecordInFileOrder() throws {
        #expect(EntityDescriptor.all.map(\.kind) == [.source, .organization, .person, .place, .document, .event, .visit])
        #expect(EntityDescriptor.all.map(\.fileName) == EntityDescriptor.all.map { $0.kind.plural + ".json" })
        let data = try TemporaryDataDirectory(["sources.json": source])
        let dataset = Dataset.load(from: data.url).dataset
        let counts = EntityDescriptor.all.map { $0.records(dataset).count }
        #expect(counts == [1, 0, 0, 0, 0, 0, 0])
        #expect(EntityDescriptor.all[0].records(dataset).map(\.id) == ["src-001"])
    }

    @Test func validDataHasNoIssues() throws {
        let (dataset, issues) = try load(events: "[\n" + event("event-a") + "\n]")
        #expect(issues.isEmpty, "\(issues)")
        #expect(dataset.events.first?.date == EDTFDate("1992-03-02"))
        #expect(dataset.places.count == 2)
    }

    @Test func malformedJSONNamesFileAndLine() throws {
        let (_, issues) = try load(events: "[\n  {\n    \"id\": \"event-a\",,\n  }\n]")
        #expect(issues.map(\.description) == ["events.json:3: column 21: expected a field name in quotes"])
    }

    @Test func missingFieldBadDateUnknownFieldAndBadEnumNameTheRecord() throws {
        let events = "[\n" + [
            event("event-a", date: "\"1992-13\""),
            event("event-b", extra: "\n    \"summery\": \"typo\","),
            event("event-c").replacingOccurrences(of: "\"title\": \"Joined\",", with: ""),
            event("event-d").replacingOccurrences(of: "membership", with: "joining"),
        ].joined(separator: ",\n") + "\n]"
        let (_, issues) = try load(events: events)
        let messages = issues.map(\.description)
        #expect(messages.count == 4, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("events.json:4: record event-a: field \"date\": \"1992-13\" is not an EDTF date") })
        #expect(messages.contains { $0.hasPrefix("events.json:17: record event-b: unknown field \"summery\"") })
        #expect(messages.contains { $0.hasPrefix("events.json:21: record event-c: missing required field \"title\"") })
        #expect(messages.contains { $0.contains("record event-d: field \"kind\": unknown value \"joining\"") })
    }

    @Test func duplicateIdsAndDanglingReferencesAreReported() throws {
        let events = "[\n" + [
            event("event-a"),
            event("event-a"),
            event("event-b", links: "[{ \"to\": \"org-nowhere\", \"role\": \"host\" }, { \"to\": \"src-001\", \"role\": \"mentioned\" }]"),
        ].joined(separator: ",\n") + "\n]"
        let (_, issues) = try load(events: events)
        let messages = issues.map(\.description)
        #expect(messages.contains { $0.hasPrefix("events.json:11: record event-a: duplicate id, first defined at events.json:2") })
        #expect(messages.contains { $0.contains("record event-b: link (host) refers to unknown id \"org-nowhere\"") })
        #expect(messages.contains { $0.contains("record event-b: link (mentioned) must name a") })
    }

    /// A self-parent was reported, a longer loop of parents was not.
    @Test func everyLoopOfParentsIsReportedOnceWithItsChain() throws {
        var dataset = try load(events: "[]").0
        func organization(_ id: String, parent: String?) -> Organization {
            Organization(id: id, name: id, acronym: nil, aliases: [], kind: .other, parent: parent, country: nil, citations: [])
        }
        dataset.organizations = [
            organization("org-a", parent: "org-b"), organization("org-b", parent: "org-a"),
            organization("org-c", parent: "org-d"), organization("org-d", parent: "org-e"), organization("org-e", parent: "org-c"),
            organization("org-f", parent: "org-c"), organization("org-g", parent: "org-g"), organization("org-h", parent: nil),
        ]
        let messages = dataset.validate().map(\.message).filter { $0.contains("own parent") || $0.contains("ancestor") }
        #expect(messages.sorted() == [
            "is its own ancestor: parent chain org-a → org-b → org-a",
            "is its own ancestor: parent chain org-c → org-d → org-e → org-c",
            "is its own parent",
        ])
    }

    @Test func quotesMustOccurVerbatimAndRecordsBeSorted() throws {
        let events = "[\n" + [event("event-b"), event("event-a", quote: "Azerbaijan joined the UN on 2 March 1993.")]
            .joined(separator: ",\n") + "\n]"
        let (_, issues) = try load(events: events)
        let messages = issues.map(\.description)
        #expect(messages.contains { $0.contains("record event-a: records in events.json must be sorted by id") })
        #expect(messages.contains { $0.contains("record event-a: quote not found verbatim in one.txt") })
        #expect(messages.count == 2, "\(messages)")
    }

    @Test func wrongShapesAreReportedNotCrashed() throws {
        for text in ["{}", "[1, \"x\", null]", "[{\"id\": 5}]", "[{\"id\": \"event-x\", \"links\": {}}]", "", "\u{0}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["] {
            let (_, issues) = try load(events: text)
            #expect(!issues.isEmpty, "\(text.prefix(20))")
            #expect(issues.allSatisfy { $0.file == "events.json" && $0.line >= 1 })
        }
    }
}

@Suite struct SearchFoldingTests {
    @Test func foldsCaseDiacriticsAndAzerbaijaniLetters() {
        #expect(SearchFolding.fold("Bakı") == "baki")
        #expect(SearchFolding.fold("Heydər Əliyev") == "heyder eliyev")
        #expect(SearchFolding.fold("İlham ŞAHİN Güneş") == "ilham sahin gunes")
        #expect(SearchFolding.words("  OSCE, Minsk-Group!") == ["osce", "minsk", "group"])
        #expect(SearchFolding.fold("Inter\u{AD}national") == "international", "a soft hyphen is no part of the word")
    }
}

@Suite struct SearchQueryTests {
    @Test func wordsPhrasesAlternativesAndExclusions() {
        let query = SearchQuery(#"Prosecutor "general's office" tajik OR turkmen -"Russian Federation" al-qaeda"#)
        #expect(query.required == [[["prosecutor"]], [["general", "s", "office"]], [["tajik"], ["turkmen"]], [["al", "qaeda"]]])
        #expect(query.excluded == [["russian", "federation"]])
        #expect(SearchQuery("OR tajik OR").required == [[["tajik"]]], "an OR with nothing on one side is no alternative")
        #expect(SearchQuery(#""unclosed phrase"#).required == [[["unclosed", "phrase"]]])
        #expect(SearchQuery("a - b").required == [[["a"]], [["b"]]], "a dash alone is punctuation")
    }

    @Test func eachWordOnceAndPrefixesOfOthersDropped() {
        #expect(SearchQuery("rep Republic rep REP minsk").required == [[["republic"]], [["minsk"]]])
        let pasted = (0..<5_000).map { "word\($0 % 50)" }.joined(separator: " ")
        #expect(SearchQuery(pasted).required.count == 50 - 4, "word1 … word4 begin word10 … word49")
    }

    @Test func punctuationAloneHasNothingSearchable() {
        #expect(SearchQuery("  ").isEmpty && !SearchQuery("  ").hasSearchableTerm)
        for text in ["!!!", "…", "- -", #""""#, "( )"] {
            #expect(!SearchQuery(text).isEmpty && !SearchQuery(text).hasSearchableTerm, "\(text)")
        }
        #expect(SearchQuery("-baku").hasSearchableTerm, "an exclusion alone keeps everything else")
    }

    @Test func matchingReadsPhrasesInOrderAsPrefixes() {
        let words = SearchFolding.words("Prosecutor General's Office of the Republic of Tajikistan")
        #expect(SearchQuery(#""prosecutor gen""#).matches(words: words))
        #expect(!SearchQuery(#""general prosecutor""#).matches(words: words), "a phrase keeps its order")
        #expect(SearchQuery("general prosecutor").matches(words: words), "words alone need no order")
        #expect(SearchQuery("uzbek OR tajik").matches(words: words))
        #expect(!SearchQuery("prosecutor -tajikistan").matches(words: words))
        #expect(SearchQuery("prosecutor -russia").matches(words: words))
    }
}

/// The link audit: a name a quote gives is linked or explained; the longest name wins; case and whole words count.
@Suite struct LinkAuditTests {
    private func dataset(quote: String, links: [Link], linkNote: String? = nil) -> Dataset {
        var dataset = Dataset()
        dataset.organizations = [
            Organization(id: "org-arcs", name: "Azerbaijan Red Crescent Society", acronym: nil, aliases: [], kind: .ngo,
                         parent: nil, country: nil, citations: []),
            Organization(id: "org-un", name: "United Nations", acronym: "UN", aliases: [], kind: .unBody, parent: nil,
                         country: nil, citations: []),
        ]
        dataset.places = [Place(id: "place-azerbaijan", name: "Azerbaijan", aliases: ["Republic of Azerbaijan"], kind: .country,
                                country: nil, citations: [])]
        dataset.events = [Event(id: "event-x", date: nil, dateNote: nil, title: "X", kind: .other, summary: "X.", links: links,
                                citations: [Citation(source: "src-1", quote: quote)], linkNote: linkNote)]
        return dataset
    }

    private func unexplained(_ dataset: Dataset) -> [String] {
        dataset.validate().map(\.message).filter { $0.hasPrefix("a quote names") }.sorted()
    }

    @Test func aNamedButUnlinkedEntityIsReportedUntilLinkedOrExplained() {
        let quote = "The Republic of Azerbaijan joined the UN; the Azerbaijan Red Crescent Society helped."
        #expect(unexplained(dataset(quote: quote, links: [])) == [
            "a quote names \"Azerbaijan Red Crescent Society\" (org-arcs) but the record neither links it nor says why in linkNote",
            "a quote names \"Republic of Azerbaijan\" (place-azerbaijan) but the record neither links it nor says why in linkNote",
            "a quote names \"UN\" (org-un) but the record neither links it nor says why in linkNote",
        ])
        let linked = [Link(to: "org-arcs", role: .participant), Link(to: "place-azerbaijan", role: .member)]
        #expect(unexplained(dataset(quote: quote, links: linked, linkNote: "The UN is named as what Azerbaijan joined.")).isEmpty)
        #expect(unexplained(dataset(quote: quote, links: linked, linkNote: "The United Nations is elsewhere.")).count == 1,
                "the note must give the name the quote gives")
    }

    @Test func onlyWholeWordsInTheirCaseAreNames() {
        #expect(unexplained(dataset(quote: "UNESCO, the unit and a Unicorn met; azerbaijan in lower case.", links: [])).isEmpty)
    }
}
