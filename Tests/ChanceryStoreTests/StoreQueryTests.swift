import ChanceryModel
@testable import ChanceryStore
import Foundation
import Testing

/// Lists, filters and year counts of a store built from the curated dataset.
@Suite struct StoreQueryTests {
    let dataset = RealData.dataset
    let store: ChanceryStore

    init() throws {
        store = try RealData.store()
    }

    @Test func aWindowAfterAKnownRowIsTheWindowAtItsOffset() throws {
        // Every order, with and without words (words put title matches first, which cannot be sought) and a date range.
        var filters: [EntityFilter] = []
        for kind in [EntityKind.event, .organization, .visit] {
            for order in ListOrder.allCases {
                filters.append(EntityFilter(kind: kind, order: order))
                filters.append(EntityFilter(kind: kind, text: "azerbaijan", order: order))
            }
            filters.append(EntityFilter(kind: kind, since: EDTFDate("1995"), until: EDTFDate("2020")))
        }
        for filter in filters {
            let whole = try store.page(filter, offset: 0, limit: 1_000).rows
            for offset in stride(from: 1, to: whole.count, by: 7) {
                let sought = try store.page(filter, offset: offset, limit: 10, after: whole[offset - 1].id)
                #expect(sought.rows.map(\.id) == Array(whole[offset..<min(whole.count, offset + 10)]).map(\.id),
                        "\(filter.kind) \(filter.order) \(filter.text) at \(offset)")
                #expect(sought.offset == offset && sought.total == whole.count)
            }
        }
        let gone = try store.page(EntityFilter(kind: .event), offset: 5, limit: 3, after: "event-no-such-row")
        #expect(gone.rows.count == 3, "an anchor the store lacks falls back to the offset")
    }

    @Test(arguments: [1, Int.max])
    func aWindowWithWordsIsThePagesWindowWithItsCountLeftForLater(manyMatches: Int) throws {
        // Read along the order's index (every group counts as having many matches) or match by match (none does).
        var filters: [EntityFilter] = []
        for kind in [EntityKind.event, .organization, .visit] {
            for order in ListOrder.allCases {
                for text in ["azerbaijan", "minister", "baku OR dushanbe", "\"foreign minister\"", "republic -baku", "zzzz"] {
                    filters.append(EntityFilter(kind: kind, text: text, order: order))
                }
            }
            filters.append(EntityFilter(kind: kind, text: "minister", categories: ["meeting"]))
            var noted = EntityFilter(kind: kind, text: "minister")
            noted.notedIDs = try store.page(EntityFilter(kind: kind), offset: 0, limit: 2).rows.map(\.id)
            filters.append(noted)
        }
        filters.append(EntityFilter(kind: .event, text: "agreement", since: EDTFDate("1995"), until: EDTFDate("2020")))
        for filter in filters {
            let whole = try store.page(filter, offset: 0, limit: 1_000)
            #expect(whole.isCounted && whole.total == whole.rows.count, "the count agrees with the rows")
            // Past the middle of a group, once counted, the group is read from its end.
            for (offset, limit) in [(0, 3), (0, 1_000), (2, 5), (7, 40), (whole.total / 2 + 1, 3), (max(0, whole.total - 3), 5),
                                    (whole.total, 5), (whole.total + 3, 5)] {
                let window = try store.page(filter, offset: offset, limit: limit, after: nil, countingLater: true,
                                            manyMatches: manyMatches)
                let expected = whole.rows.dropFirst(offset).prefix(limit).map(\.id)
                #expect(window.rows.map(\.id) == expected, "\(filter.kind) \(filter.order) “\(filter.text)” at \(offset)")
                if window.isCounted {
                    #expect(window.total == whole.total, "\(filter.kind) \(filter.order) “\(filter.text)” at \(offset)")
                } else {
                    #expect(window.total == offset + limit && window.total <= whole.total, "a lower bound: the window's end")
                }
            }
            // Once counted, the count is known to every later window.
            #expect(try store.count(filter) == whole.total)
        }
        // A filter no other test reads, so that its count is not known yet.
        let common = EntityFilter(kind: .event, text: manyMatches == 1 ? "minis" : "minist", order: .newestFirst)
        let first = try store.page(common, offset: 0, limit: 3, after: nil, countingLater: true, manyMatches: manyMatches)
        #expect(!first.isCounted && first.total == 3, "three rows of more: the count is left for later")
        #expect(try store.window(common, offset: 0, limit: 3, after: nil).isCounted == false)
        let counted = try store.count(common)
        #expect(counted > 3)
        #expect(try store.window(common, offset: 0, limit: 3, after: nil).isCounted, "counted once, known since")
    }

    // MARK: - Order and paging

    @Test func eventsListInChronologicalOrderWithUndatedLast() throws {
        let rows = try store.all(EntityFilter(kind: .event))
        #expect(rows.count == dataset.events.count)
        #expect(Set(rows.map(\.id)) == Set(dataset.events.map(\.id)))

        let dated = rows.prefix { $0.date != nil }
        #expect(dated.count == dataset.events.filter { $0.date != nil }.count, "undated events come after every dated one")
        #expect(rows.dropFirst(dated.count).allSatisfy { $0.date == nil })
        for (earlier, later) in zip(dated, dated.dropFirst()) {
            #expect(earlier.date!.startKey <= later.date!.startKey, "\(earlier.id) before \(later.id)")
        }
    }

    @Test func coarserDatesComeBeforeFinerOnesWithinTheirSpan() throws {
        let dated = try store.all(EntityFilter(kind: .event)).filter { $0.date != nil }
        let position = Dictionary(uniqueKeysWithValues: dated.enumerated().map { ($1.id, $0) })
        var pairs = 0
        for coarse in dated {
            for fine in dated where fine.date!.edtf.hasPrefix(coarse.date!.edtf + "-") {
                pairs += 1
                #expect(position[coarse.id]! < position[fine.id]!,
                        "\(coarse.date!.edtf) (\(coarse.id)) before \(fine.date!.edtf) (\(fine.id))")
            }
        }
        #expect(pairs > 0, "the data holds dates within other dates' spans, such as 2018 and 2018-07")
    }

    @Test func rowsCarryTheirRecordsFields() throws {
        let events = Dictionary(uniqueKeysWithValues: dataset.events.map { ($0.id, $0) })
        for row in try store.all(EntityFilter(kind: .event)) {
            let event = try #require(events[row.id])
            #expect(row.kind == .event)
            #expect(row.name == event.title)
            #expect(row.category == event.kind.rawValue)
            #expect(row.date == event.date)
        }
    }

    @Test(arguments: [1, 7, 50, 1000])
    func pagesAreConsecutiveWindowsOfTheWholeList(limit: Int) throws {
        let filter = EntityFilter(kind: .event)
        let whole = try store.ids(filter)
        var joined: [String] = []
        var offset = 0
        while offset < whole.count {
            let page = try store.page(filter, offset: offset, limit: limit)
            #expect(page.offset == offset)
            #expect(page.total == whole.count)
            #expect(page.rows.count == min(limit, whole.count - offset))
            joined += page.rows.map(\.id)
            offset += limit
        }
        #expect(joined == whole)
    }

    @Test(arguments: [EntityKind.event, .visit, .organization], ListOrder.allCases)
    func everyOrderListsEveryRowOnceAndPagesAgreeWithIt(kind: EntityKind, order: ListOrder) throws {
        let filter = EntityFilter(kind: kind, order: order)
        let whole = try store.all(filter)
        #expect(Set(whole.map(\.id)) == Set(try store.ids(EntityFilter(kind: kind))))
        #expect(Set(whole.map(\.id)).count == whole.count)
        var joined: [String] = []
        for offset in stride(from: 0, to: whole.count, by: 7) {
            joined += try store.page(filter, offset: offset, limit: 7).rows.map(\.id)
        }
        #expect(joined == whole.map(\.id), "windows near the end are read backwards and must meet the forward ones")
    }

    @Test func ordersSortByWhatTheyName() throws {
        let newest = try store.all(EntityFilter(kind: .event, order: .newestFirst))
        let dated = newest.prefix { $0.date != nil }
        #expect(newest.dropFirst(dated.count).allSatisfy { $0.date == nil }, "the undated come last in both date orders")
        #expect(zip(dated, dated.dropFirst()).allSatisfy { $0.date!.startKey >= $1.date!.startKey })
        #expect(newest.first?.date?.edtf.hasPrefix("2024") == true)

        let byKind = try store.all(EntityFilter(kind: .event, order: .byKind))
        #expect(zip(byKind, byKind.dropFirst()).allSatisfy { $0.category <= $1.category })

        let byEvents = try store.all(EntityFilter(kind: .organization, order: .byLinkedEvents))
        #expect(zip(byEvents, byEvents.dropFirst()).allSatisfy { $0.linkedEventCount >= $1.linkedEventCount })
        #expect(byEvents.first!.linkedEventCount > byEvents.last!.linkedEventCount)

        let byTitle = try store.all(EntityFilter(kind: .visit, order: .byName)).map { $0.name.lowercased() }
        #expect(byTitle == byTitle.sorted())
    }

    @Test func anOrganizationWithItsSubBodiesKeepsTheirEventsToo() throws {
        let alone = try store.eventIDs(linkedTo: ["org-iap"])
        let committee = try store.eventIDs(linkedTo: ["org-iap-executive-committee"])
        let both = Set(try store.ids(EntityFilter(kind: .event, linkedTo: ["org-iap"], includesSubBodies: true)))
        #expect(both == alone.union(committee))
        #expect(both.contains("event-2010-kamran-aliyev-iap-executive-committee")
                && !alone.contains("event-2010-kamran-aliyev-iap-executive-committee"), "linked to the committee alone")
        #expect(alone.count == 9 && both.count == 10)
        #expect(try store.page(EntityFilter(kind: .event, linkedTo: ["org-iap"], includesSubBodies: true), offset: 0, limit: 1).total == both.count)
        let childless = Set(try store.ids(EntityFilter(kind: .event, linkedTo: ["org-unicef"], includesSubBodies: true)))
        #expect(childless == (try store.eventIDs(linkedTo: ["org-unicef"])), "no sub-bodies, nothing more")
    }

    @Test func aSourceListsEveryRecordThatCitesItAndHoldsItsText() throws {
        for source in dataset.sources {
            let citing = Set((dataset.events.map { ($0.id, $0.citations) } + dataset.visits.map { ($0.id, $0.citations) })
                .filter { $0.1.contains { $0.source == source.id } }.map(\.0))
            let detail = try #require(try store.detail(id: source.id))
            let linked = Set(detail.links.filter { $0.direction == .inbound && $0.role == .source }.map(\.entity.id))
            #expect(citing.isSubset(of: linked), "\(source.id) lists the events and visits citing it")
            #expect(detail.summary.linkedEventCount == Set(dataset.events.filter { $0.citations.contains { $0.source == source.id } }.map(\.id)).count)
            let text = try #require(try store.sourceText(id: source.id))
            #expect(text == dataset.sourceTexts[source.file])
        }
        #expect(try store.sourceText(id: "src-nope") == nil)
        let citation = try #require(try store.detail(id: "event-2018-04-iap-45th-executive-committee-baku")?.citations.first)
        #expect(citation.sourceTitle == "General information about international cooperation")
        #expect(citation.publisher == "General Prosecutor's Office of the Republic of Azerbaijan")
    }

    @Test func organizationsKnowWhenTheirFirstMembershipBeganAndSortByIt() throws {
        let rows = try store.all(EntityFilter(kind: .organization, order: .byMemberSince))
        let since = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.memberSince) })
        #expect(since["org-ilo"] == .dated(EDTFDate("1992-05")!))
        #expect(since["org-iap"] == .dated(EDTFDate("1997")!))
        #expect(since["org-cis"] == .undated)
        #expect(since["org-un-csw"] == .some(nil), "no membership event names it")
        let keys = rows.map { row -> Int in
            switch row.memberSince {
            case .dated(let date): date.firstDayKey
            case .undated: 99_999_998
            case nil: 99_999_999
            }
        }
        #expect(keys == keys.sorted(), "dated first, oldest first, then undated, then none")
        #expect(rows.first?.id == "org-ilo")
        // Every window carries it, not only the first.
        let last = try store.page(EntityFilter(kind: .organization, order: .byName), offset: rows.count - 5, limit: 5).rows
        #expect(last.allSatisfy { since[$0.id] == $0.memberSince })
    }

    @Test func pagesPastTheEndAreEmptyButKeepTheTotal() throws {
        let filter = EntityFilter(kind: .event)
        let past = try store.page(filter, offset: dataset.events.count + 5, limit: 10)
        #expect(past.rows.isEmpty)
        #expect(past.total == dataset.events.count)
        let empty = try store.page(filter, offset: 0, limit: 0)
        #expect(empty.rows.isEmpty)
        #expect(empty.total == dataset.events.count)
    }

    @Test func everyKindListsAllItsRecords() throws {
        let expected: [(EntityKind, Int)] = [
            (.source, dataset.sources.count), (.organization, dataset.organizations.count), (.person, dataset.people.count),
            (.place, dataset.places.count), (.document, dataset.documents.count), (.event, dataset.events.count),
            (.visit, dataset.visits.count), (.meeting, dataset.visits.map(\.meetings.count).reduce(0, +)),
        ]
        for (kind, count) in expected {
            #expect(try store.page(EntityFilter(kind: kind), offset: 0, limit: 1).total == count, "\(kind)")
        }
    }

    // MARK: - Text

    /// Every word of an event the search could see: its title, summary, quotes, and the names of what it links to.
    private func searchableWords(of event: Event) -> [String] {
        let names = dataset.namesByID
        let texts = [event.title, event.summary] + event.citations.map(\.quote) + event.links.flatMap { names[$0.to] ?? [] }
        return texts.flatMap(SearchFolding.words)
    }

    /// The events whose title or summary has a word starting with `prefix`: each must be found.
    private func eventsSaying(_ prefix: String) -> Set<String> {
        Set(dataset.events.filter { event in
            SearchFolding.words(event.title + " " + event.summary).contains { $0.hasPrefix(prefix) }
        }.map(\.id))
    }

    @Test(arguments: ["dushanbe", "unicef", "prosecutor", "terrorism"])
    func textSearchFindsEveryEventSayingTheWordAndOnlyEventsMentioningIt(word: String) throws {
        let found = try store.eventIDs(text: word)
        let saying = eventsSaying(word)
        #expect(!saying.isEmpty)
        #expect(saying.isSubset(of: found), "missing: \(saying.subtracting(found).sorted())")
        for event in dataset.events where found.contains(event.id) {
            #expect(searchableWords(of: event).contains { $0.hasPrefix(word) }, "\(event.id) does not mention \(word)")
        }
    }

    @Test func textSearchIgnoresCaseAndDiacritics() throws {
        let plain = try store.eventIDs(text: "dushanbe")
        #expect(!plain.isEmpty)
        for variant in ["DUSHANBE", "Dushanbe", "Düshanbé", "DÛSHÂNBE"] {
            #expect(try store.eventIDs(text: variant) == plain, "\(variant)")
        }
        let placeIDs = try store.ids(EntityFilter(kind: .place, text: "Bakü"))
        #expect(placeIDs == ["place-baku"])
    }

    @Test func textSearchMatchesWordPrefixes() throws {
        let whole = try store.eventIDs(text: "dushanbe")
        #expect(try store.eventIDs(text: "dusha") == whole)
        #expect(try store.eventIDs(text: "Dush") == whole)
        #expect(try store.eventIDs(text: "ushanbe").isEmpty, "only the start of a word matches")
        #expect(try store.eventIDs(text: "prosecut").isSuperset(of: try store.eventIDs(text: "prosecutors")))
    }

    @Test func everyWordMustMatch() throws {
        let prosecutor = try store.eventIDs(text: "prosecutor")
        let dushanbe = try store.eventIDs(text: "dushanbe")
        let both = try store.eventIDs(text: "prosecutor Dushanbe")
        #expect(!both.isEmpty)
        #expect(both == prosecutor.intersection(dushanbe))
        #expect(both.count < prosecutor.count)
        #expect(try store.eventIDs(text: "dushanbe zzqxv").isEmpty)
        #expect(try store.eventIDs(text: "  Dushanbe,  prosecutor! ") == both, "punctuation and spaces separate words")
    }

    @Test func textNeverBreaksTheQuery() throws {
        for text in ["\"", "*", "a OR b", "NEAR(", "-", "'; DROP TABLE entity; --", "(", "^x", "AND", "ı", "…"] {
            _ = try store.page(EntityFilter(kind: .event, text: text), offset: 0, limit: 5)
        }
        #expect(try store.page(EntityFilter(kind: .event, text: "...,;"), offset: 0, limit: 1).total == dataset.events.count,
                "a query of punctuation alone filters nothing")
    }

    /// Whether one of the event's texts (title, summary, a quote, the name a link shows: an organization's acronym
    /// when it has one) holds `phrase`'s words side by side.
    private func says(_ event: Event, phrase: String) -> Bool {
        var shown = dataset.namesByID.compactMapValues(\.first)
        for organization in dataset.organizations { shown[organization.id] = organization.shortName }
        let texts = [event.title, event.summary] + event.citations.map(\.quote) + event.links.compactMap { shown[$0.to] }
        return texts.contains { SearchQuery("\"\(phrase)\"").matches(words: SearchFolding.words($0)) }
    }

    @Test func aQuotedPhraseKeepsItsWordsTogetherAndInOrder() throws {
        let phrase = try store.eventIDs(text: #""prosecutor general""#)
        let reversed = try store.eventIDs(text: #""general prosecutor""#)
        let words = try store.eventIDs(text: "general prosecutor")
        #expect(!phrase.isEmpty && phrase.isSubset(of: words))
        #expect(reversed.count < words.count, "\(reversed.count) events say 'general prosecutor', \(words.count) both words")
        for event in dataset.events {
            #expect(phrase.contains(event.id) == says(event, phrase: "prosecutor general"), "\(event.id)")
            #expect(reversed.contains(event.id) == says(event, phrase: "general prosecutor"), "\(event.id)")
        }
    }

    @Test func orTakesEitherAndAMinusLeavesOut() throws {
        let tajik = try store.eventIDs(text: "tajikistan"), turkmen = try store.eventIDs(text: "turkmenistan")
        #expect(try store.eventIDs(text: "tajikistan OR turkmenistan") == tajik.union(turkmen))
        #expect(try store.eventIDs(text: "tajikistan or turkmenistan") == tajik.intersection(turkmen).intersection(
            try store.eventIDs(text: "or")), "a lowercase or is a word")
        let prosecutor = try store.eventIDs(text: "prosecutor")
        #expect(try store.eventIDs(text: "prosecutor -tajikistan") == prosecutor.subtracting(tajik))
        #expect(try store.eventIDs(text: "-tajikistan").count == dataset.events.count - tajik.count)
        #expect(try store.eventIDs(text: #"prosecutor -"prosecutor general""#)
                == prosecutor.subtracting(try store.eventIDs(text: #""prosecutor general""#)))
    }

    @Test func matchesInTitlesComeFirstEachGroupInTheOrderAsked() throws {
        for order in [ListOrder.oldestFirst, .newestFirst, .byName] {
            let filter = EntityFilter(kind: .event, text: "prosecutor", order: order)
            let rows = try store.all(filter)
            let inTitle = rows.prefix { SearchQuery("prosecutor").matches(words: SearchFolding.words($0.name)) }
            #expect(inTitle.count >= 2 && inTitle.count < rows.count, "\(order): \(inTitle.count) of \(rows.count)")
            #expect(!rows.dropFirst(inTitle.count).contains { SearchQuery("prosecutor").matches(words: SearchFolding.words($0.name)) })
            let plain = try store.all(EntityFilter(kind: .event, order: order)).map(\.id)
            for group in [Array(inTitle), Array(rows.dropFirst(inTitle.count))] {
                let ids = group.map(\.id)
                #expect(ids == plain.filter(Set(ids).contains), "\(order): each group keeps the list's order")
            }
            // The far end of a list is read backwards: it must agree.
            let tail = try store.page(filter, offset: rows.count - 3, limit: 3)
            #expect(tail.rows.map(\.id) == rows.suffix(3).map(\.id))
        }
    }

    // MARK: - Dates

    @Test(arguments: [("2018", "2018"), ("1993", "1995"), ("2020-06", "2021-03"), ("1990", "1990"), ("2024-05-18", "2024-05-18")])
    func dateRangeKeepsExactlyTheOverlappingPeriods(since: String, until: String) throws {
        let range = try #require(EDTFDate(since)).startKey...(try #require(EDTFDate(until)).endKey)
        let expected = Set(dataset.events.filter { event in
            guard let date = event.date else { return false }
            return date.startKey <= range.upperBound && date.endKey >= range.lowerBound
        }.map(\.id))
        #expect(try store.eventIDs(since: since, until: until) == expected)
    }

    @Test func dateRangeIncludesPeriodsThatStartBeforeOrRunOn() throws {
        let in2018 = try store.eventIDs(since: "2018", until: "2018")
        let yearOf2018 = Set(dataset.events.filter { event in event.date.map { yearSpan($0).contains(2018) } ?? false }.map(\.id))
        #expect(in2018 == yearOf2018)
        // The data holds a 2017/2020 interval and periods open since the 1990s or 2000s.
        #expect(in2018.contains { id in dataset.events.first { $0.id == id }?.date?.edtf == "2017/2020" })
        #expect(in2018.contains { id in dataset.events.first { $0.id == id }?.date?.edtf.hasSuffix("/..") == true })
        #expect(!in2018.contains { id in dataset.events.first { $0.id == id }?.date?.edtf == "2020-09/" })
    }

    /// `d2018` used to keep 28 events, 22 of them ongoing or on an unknown date since 2000, and an analyst read "14
    /// agreements in 2018" off it. A range now keeps, by default, what lies wholly within it.
    @Test(arguments: [("2018", "2018"), ("1993", "1995"), ("2020-06", "2021-03"), ("1990", "1990"), ("2024-05", "2024-05"), ("2000", "2030"),
                      ("1980", "1989"), ("2018-04-09", "2018-04-10"), ("2018-04-10", "2030"), ("1000", "1992-05-31")])
    func withinKeepsExactlyWhatLiesWhollyInTheRange(since: String, until: String) throws {
        let range = try #require(EDTFDate(since)).firstDayKey...(try #require(EDTFDate(until)).endKey)
        let expected = Set(dataset.events.filter { event in
            guard let date = event.date else { return false }
            return range.contains(date.firstDayKey) && range.contains(date.endKey)
        }.map(\.id))
        #expect(try store.eventIDs(since: since, until: until, match: .within) == expected)
    }

    @Test func in2018SixEventsLieWithinAndTheAgreementsSinceTwoThousandOnlyMayFallThere() throws {
        let within = try store.eventIDs(since: "2018", until: "2018", match: .within)
        #expect(within.count == 6)
        #expect(within.allSatisfy { $0.hasPrefix("event-2018") })
        let overlapping = try store.eventIDs(since: "2018", until: "2018")
        let agreements = Set(dataset.events.filter { $0.date?.edtf == "[2000..]" }.map(\.id))
        #expect(agreements.count == 14)
        #expect(agreements.isSubset(of: overlapping) && agreements.isDisjoint(with: within))
        #expect(EDTFDate("[2000..]")?.display == "2000 or later" && EDTFDate("2000/..")?.display == "2000–present")
    }

    @Test func sinceAloneAndUntilAloneExcludeUndated() throws {
        let undated = Set(dataset.events.filter { $0.date == nil }.map(\.id))
        let since = try store.eventIDs(since: "1000")
        let until = try store.eventIDs(until: "2999")
        let dated = Set(dataset.events.map(\.id)).subtracting(undated)
        #expect(since == dated)
        #expect(until == dated)
        let after2021 = try store.eventIDs(since: "2022")
        #expect(after2021 == Set(dataset.events.filter { $0.date.map { yearSpan($0).upperBound >= 2022 } ?? false }.map(\.id)))
    }

    // MARK: - Categories and links

    @Test func categoryFilterKeepsOnlyThoseKinds() throws {
        for kinds in [["agreementSigned"], ["membership", "election"], ["incident"]] {
            let expected = Set(dataset.events.filter { kinds.contains($0.kind.rawValue) }.map(\.id))
            #expect(!expected.isEmpty)
            #expect(try store.eventIDs(categories: kinds) == expected, "\(kinds)")
        }
        #expect(try store.eventIDs(categories: ["noSuchKind"]).isEmpty)
    }

    @Test(arguments: ["org-un", "org-eu", "org-iap", "person-kamran-aliyev", "place-baku", "place-dushanbe", "doc-crc"])
    func linkedToGivesExactlyTheEventsNamingIt(id: String) throws {
        let expected = dataset.eventIDs(naming: id)
        #expect(!expected.isEmpty, "the data links some event to \(id)")
        #expect(try store.eventIDs(linkedTo: [id]) == expected)
    }

    @Test func linkedToWorksBothWaysAndCombines() throws {
        // event-iap-certificate-of-honor-az-pgo names event-2018-04-iap-45th-executive-committee-baku.
        let naming = "event-iap-certificate-of-honor-az-pgo", named = "event-2018-04-iap-45th-executive-committee-baku"
        #expect(try store.eventIDs(linkedTo: [named]).contains(naming))
        #expect(try store.eventIDs(linkedTo: [naming]).contains(named))
        let both = try store.eventIDs(linkedTo: ["org-az-prosecutor-general", "place-baku"])
        #expect(!both.isEmpty)
        #expect(both == dataset.eventIDs(naming: "org-az-prosecutor-general").intersection(dataset.eventIDs(naming: "place-baku")))
    }

    /// Gaps an analyst found, closed by the link audit of the data.
    @Test func theProsecutorsOfficesAndTheMay2001ReceptionAreLinked() throws {
        #expect(try store.eventIDs(linkedTo: ["org-tj-prosecutor-general"]).contains("event-2000-az-pgo-agreement-tajikistan"))
        #expect(try store.eventIDs(linkedTo: ["org-ru-prosecutor-general"])
                .isSuperset(of: ["event-1993-01-25-az-ru-pgo-agreement", "event-2000-az-pgo-agreement-russia"]))
        let cowdery = try store.eventIDs(linkedTo: ["person-nicholas-cowdery"])
        #expect(cowdery.contains("event-2001-05-heydar-aliyev-statement-iap"), "\(cowdery)")
    }

    /// The memberships ledger: a country's, with what its organizations joined, dated first; an organization's members.
    @Test func azerbaijansMembershipsAndTheILOsMembersAreLedgersInDateOrder() throws {
        let azerbaijan = try #require(try store.detail(id: "place-azerbaijan")).memberships
        #expect(azerbaijan.prefix(3).map { "\($0.event.date.display) \($0.party.id)" }
                == ["May 1992 org-ilo", "1997 org-iap", "2012 org-unhcr-excom"], "the IAP through the Prosecutor General's Office")
        #expect(azerbaijan.dropFirst(3).allSatisfy { $0.event.date == nil } && azerbaijan.count > 3, "the undated after")
        #expect(Set(azerbaijan.dropFirst(3).map(\.party.id)).isSuperset(of: ["org-un", "org-cis", "org-coe", "org-osce", "org-oic"]))
        let ilo = try #require(try store.detail(id: "org-ilo")).memberships
        #expect(ilo.map(\.party.id) == ["place-azerbaijan"] && ilo.first?.event.date == EDTFDate("1992-05"))
        #expect(try store.detail(id: "person-kamran-aliyev")?.memberships == [], "people keep no ledger")
    }

    /// Counted from what is kept per organization (kind, whole years) or over the list (words), an organization's
    /// count is what narrowing to it alone lists.
    @Test(arguments: [EntityFilter(kind: .event), EntityFilter(kind: .event, categories: ["agreementSigned"]),
                      EntityFilter(kind: .event, since: EDTFDate("2018"), until: EDTFDate("2018")),
                      EntityFilter(kind: .event, text: "prosecutor"), EntityFilter(kind: .visit)])
    func organizationFacetsCountWhatNarrowingLists(filter: EntityFilter) throws {
        let facets = try store.facets(filter, by: .organization)
        #expect(!facets.isEmpty)
        for row in facets {
            var narrowed = filter
            narrowed.linkedTo = [try #require(row.id)]
            #expect(row.count == (try store.page(narrowed, offset: 0, limit: 0).total), "\(row.value)")
        }
        #expect(facets.map(\.count) == facets.map(\.count).sorted(by: >))
    }

    /// Enter in the facet view filters by a place, person or source (`linkedTo`) or a country (`country`): the list then
    /// holds the count the view showed, for every value.
    @Test(arguments: [(EntityKind.event, Facet.place), (.event, .person), (.event, .source), (.event, .country),
                      (.visit, .place), (.visit, .person), (.visit, .country), (.organization, .country)])
    func linkFacetsCountWhatTheirFilterLists(kind: EntityKind, facet: Facet) throws {
        let facets = try store.facets(EntityFilter(kind: kind), by: facet)
        #expect(!facets.isEmpty)
        for row in facets {
            var filter = EntityFilter(kind: kind)
            let id = try #require(row.id)
            if facet == .country { filter.countries = [id] } else { filter.linkedTo = [id] }
            #expect(row.count == (try store.page(filter, offset: 0, limit: 0).total), "\(row.value)")
        }
    }

    /// A list by country is read from the counts kept per country (by kind, kinds and whole years), or, in a store
    /// without them, a whole list by place through the link indexes; the general query, over the entities, gives the
    /// same counts (a filter keeping every id of the kind keeps the same list but takes that path).
    @Test(arguments: [EntityKind.event, .visit, .organization])
    func countryFacetsFromTheCountsKeptAgreeWithTheGeneralQuery(kind: EntityKind) throws {
        let every = try store.ids(EntityFilter(kind: kind))
        var filters = [EntityFilter(kind: kind)]
        if kind == .event {
            filters.append(EntityFilter(kind: kind, categories: ["agreementSigned", "membership"]))
            filters.append(EntityFilter(kind: kind, since: EDTFDate("1991"), until: EDTFDate("2018")))
            filters.append(EntityFilter(kind: kind, since: EDTFDate("2000"), until: EDTFDate("2024"), dateMatch: .overlapping))
        }
        for filter in filters {
            var general = filter
            general.onlyIDs = every
            let kept = try store.facets(filter, by: .country), counted = try store.facets(general, by: .country)
            #expect(!kept.isEmpty && kept == counted, "\(filter)")
        }
        // The same store without the counts (made before they were kept) reads a whole list by place.
        let directory = try TemporaryDirectory()
        let byPlace = try directory.store(changedBy: "DROP TABLE country_date_spread").facets(EntityFilter(kind: kind), by: .country)
        #expect(byPlace == (try store.facets(EntityFilter(kind: kind), by: .country)))
    }

    /// A whole list by organization, place, person or source is read from the counts kept per target; the general
    /// query (a filter keeping every id of the kind) and a store without the counts give the same, for every kind, as
    /// does a store with the table made on 4 December 2026 (without the targets' rowids), which is not read.
    @Test(arguments: EntityKind.allCases)
    func targetFacetsFromTheCountsKeptAgreeWithTheGeneralQuery(kind: EntityKind) throws {
        let directory = try TemporaryDirectory()
        let without = try directory.store(changedBy: "DROP TABLE linked_count")
        let earlier = try directory.store(changedBy: """
            DROP TABLE linked_count;
            CREATE TABLE linked_count (targetKind TEXT NOT NULL, kind TEXT NOT NULL, targetID TEXT NOT NULL, name TEXT NOT NULL,
                                       count INTEGER NOT NULL, PRIMARY KEY (targetKind, kind, targetID)) WITHOUT ROWID;
            """, named: "earlier.sqlite")
        #expect(store.derived.linkedCounts && !without.derived.linkedCounts && !earlier.derived.linkedCounts)
        var general = EntityFilter(kind: kind)
        general.onlyIDs = try store.ids(EntityFilter(kind: kind))
        for facet in [Facet.organization, .place, .person, .source] {
            let kept = try store.facets(EntityFilter(kind: kind), by: facet)
            #expect(kept == (try store.facets(general, by: facet)), "\(kind) by \(facet)")
            #expect(kept == (try without.facets(EntityFilter(kind: kind), by: facet)), "\(kind) by \(facet)")
            #expect(kept == (try earlier.facets(EntityFilter(kind: kind), by: facet)), "\(kind) by \(facet)")
        }
    }

    /// Facets by kind of a list the counts kept can answer (kind, categories, whole years, one organization) are read from
    /// them, and agree with counting the list (a filter keeping every id of the kind keeps the same list but is counted).
    @Test(arguments: [EntityKind.event, .visit, .organization])
    func kindFacetsFromTheCountsKeptAgreeWithTheGeneralQuery(kind: EntityKind) throws {
        let every = try store.ids(EntityFilter(kind: kind))
        var filters = [EntityFilter(kind: kind), EntityFilter(kind: kind, linkedTo: ["org-un"], includesSubBodies: true),
                       EntityFilter(kind: kind, linkedTo: ["org-az-prosecutor-general"])]
        if kind == .event {
            filters.append(EntityFilter(kind: kind, categories: ["agreementSigned", "membership"]))
            filters.append(EntityFilter(kind: kind, since: EDTFDate("1991"), until: EDTFDate("2018")))
            filters.append(EntityFilter(kind: kind, since: EDTFDate("2000"), until: EDTFDate("2024"), dateMatch: .overlapping))
            filters.append(EntityFilter(kind: kind, since: EDTFDate("2000"), linkedTo: ["org-iap"], includesSubBodies: true))
        }
        var counted = 0
        for filter in filters {
            var general = filter
            general.onlyIDs = every
            let kept = try store.facets(filter, by: .kind)
            #expect(kept == (try store.facets(general, by: .kind)), "\(filter)")
            counted += kept.map(\.count).reduce(0, +)
        }
        #expect(counted > 0)
    }

    @Test func visitsAreLinkedToWhomTheirMeetingsMet() throws {
        let visits = try store.ids(EntityFilter(kind: .visit, linkedTo: ["person-yusuf-rahmon"]))
        #expect(visits == ["visit-2024-05-az-pg-tajikistan"])
        let headed = try store.ids(EntityFilter(kind: .visit, linkedTo: ["person-heydar-aliyev"]))
        let expected = dataset.visits.filter { visit in
            visit.head == "person-heydar-aliyev" || visit.meetings.contains { $0.counterparts.contains("person-heydar-aliyev") }
        }
        #expect(Set(headed) == Set(expected.map(\.id)))
    }

    @Test(arguments: ["place-azerbaijan", "place-tajikistan", "place-belgium"])
    func countryFilterIncludesPlacesInsideTheCountry(country: String) throws {
        let inside = Set(dataset.places.filter { $0.country == country }.map(\.id)).union([country])
        let expected = Set(dataset.events.filter { event in event.links.contains { inside.contains($0.to) } }.map(\.id))
        #expect(try store.eventIDs(country: country) == expected)
    }

    @Test func countryFilterFindsEventsLinkedOnlyToACity() throws {
        let inAzerbaijan = try store.eventIDs(country: "place-azerbaijan")
        let cityOnly = dataset.eventIDs(naming: "place-baku").subtracting(dataset.eventIDs(naming: "place-azerbaijan"))
        #expect(!cityOnly.isEmpty, "some events name Baku but not Azerbaijan")
        #expect(cityOnly.isSubset(of: inAzerbaijan))
        #expect(try store.eventIDs(linkedTo: ["place-azerbaijan"]).isDisjoint(with: cityOnly))
    }

    @Test func filtersCombine() throws {
        let found = try store.eventIDs(text: "prosecutor", since: "2000", categories: ["meeting"], country: "place-azerbaijan")
        let expected = try store.eventIDs(text: "prosecutor").intersection(try store.eventIDs(since: "2000"))
            .intersection(try store.eventIDs(categories: ["meeting"])).intersection(try store.eventIDs(country: "place-azerbaijan"))
        #expect(!found.isEmpty)
        #expect(found == expected)
    }

    // MARK: - How dates spread over the years

    /// The spread of what `filter` lists, worked out from the rows it lists.
    private func spreadOfTheList(_ filter: EntityFilter) throws -> DateSpread {
        var spread = DateSpread()
        for row in try store.all(filter) { spread.add(1, dated: row.date != nil, first: row.date?.firstYear, last: row.date?.lastYear) }
        return spread
    }

    /// Read from the counts kept at build time (kind, categories, whole years, one organization without sub-bodies) or
    /// counted over the list (anything else), the spread agrees with the list the same filter gives.
    @Test(arguments: [
        EntityFilter(kind: .event), EntityFilter(kind: .event, categories: ["agreementSigned"]),
        EntityFilter(kind: .event, since: EDTFDate("2018"), until: EDTFDate("2018")),
        EntityFilter(kind: .event, since: EDTFDate("2018"), until: EDTFDate("2018"), dateMatch: .overlapping),
        EntityFilter(kind: .event, since: EDTFDate("1990"), until: EDTFDate("1999")),
        EntityFilter(kind: .event, since: EDTFDate("2018-04"), until: EDTFDate("2018-09")),
        EntityFilter(kind: .event, text: "prosecutor"), EntityFilter(kind: .event, linkedTo: ["org-iap"], includesSubBodies: true),
        EntityFilter(kind: .event, linkedTo: ["org-iap"]), EntityFilter(kind: .visit, linkedTo: ["org-az-prosecutor-general"]),
        EntityFilter(kind: .event, categories: ["agreementSigned"], linkedTo: ["org-az-prosecutor-general"]),
        EntityFilter(kind: .event, since: EDTFDate("2018"), linkedTo: ["org-unhcr"], includesSubBodies: true),
        EntityFilter(kind: .event, linkedTo: ["place-azerbaijan"]),
        EntityFilter(kind: .visit), EntityFilter(kind: .organization),
        EntityFilter(kind: .event, text: "agreement", categories: ["agreementSigned", "membership"]),
        EntityFilter(kind: .event, text: "republic -baku"), EntityFilter(kind: .visit, text: "president"),
    ])
    func theDateSpreadAgreesWithTheList(filter: EntityFilter) throws {
        #expect(try store.dateSpread(filter) == (try spreadOfTheList(filter)))
    }

    /// A range kept overlapping reads the entities starting near it and those reaching further (`entity_by_long_span`):
    /// every month and year from 1989 to 2025, alone and as the start of a longer range, keeps what a store without the
    /// index keeps (reading every entity of the kind).
    @Test func overlappingRangesKeepWhatTheWholeKindGives() throws {
        let directory = try TemporaryDirectory()
        let whole = try directory.store(changedBy: "DROP INDEX entity_by_long_span")
        var ranges: [(String, String?)] = []
        for year in 1989...2025 {
            ranges.append(("\(year)", "\(year)"))
            ranges.append(("\(year)", nil))
            for month in 1...12 {
                let start = "\(year)-\(month < 10 ? "0" : "")\(month)"
                ranges += [(start, start), (start, "\(year + 1)")]
            }
        }
        var kept = 0
        for kind in [EntityKind.event, .visit] {
            for (since, until) in ranges {
                let filter = EntityFilter(kind: kind, since: EDTFDate(since), until: until.flatMap(EDTFDate.init), dateMatch: .overlapping)
                let ids = try store.ids(filter)
                kept += ids.count
                #expect(ids == (try whole.ids(filter)), "\(kind) \(since)–\(until ?? "")")
            }
        }
        #expect(kept > 1_000)
    }

    /// Lists narrowed to an organization, place or person read its entities' rowids from `entity_links`, and are
    /// counted by organization, place, person, country and source off the rowids `linked_count` keeps per target; a
    /// store made before them (schema 8) gives the same through the links' text ids.
    @Test func narrowedListsKeepTheSameWithAndWithoutTheLinksKeptByRowid() throws {
        let directory = try TemporaryDirectory()
        let without = try directory.store(changedBy: "DROP TABLE entity_links; DROP TABLE linked_count")
        #expect(store.derived.entityLinks && !without.derived.entityLinks && !without.derived.linkedCounts)
        var filters: [EntityFilter] = []
        for id in ["org-un", "org-iap", "org-az-prosecutor-general", "org-unhcr", "place-azerbaijan", "place-baku", "person-kamran-aliyev"] {
            for kind in [EntityKind.event, .visit, .organization] {
                filters.append(EntityFilter(kind: kind, linkedTo: [id]))
                filters.append(EntityFilter(kind: kind, linkedTo: [id], includesSubBodies: true))
            }
            filters.append(EntityFilter(kind: .event, text: "prosecutor", linkedTo: [id], includesSubBodies: true))
            filters.append(EntityFilter(kind: .event, text: "of", since: EDTFDate("2018"), until: EDTFDate("2018"), linkedTo: [id]))
            filters.append(EntityFilter(kind: .event, linkedTo: [id, "place-baku"]))
            filters.append(EntityFilter(kind: .event, since: EDTFDate("2000"), categories: ["meeting", "agreementSigned"], linkedTo: [id]))
            filters.append(EntityFilter(kind: .event, text: "-baku", linkedTo: [id]))
            // Words with narrowings alone are read as the set of matches met by the links, one narrowing after another.
            filters.append(EntityFilter(kind: .event, text: "the -baku", linkedTo: [id], includesSubBodies: true))
            filters.append(EntityFilter(kind: .event, text: "of", categories: ["agreementSigned", "meeting"], linkedTo: [id, "org-un"],
                                        includesSubBodies: true))
            filters.append(EntityFilter(kind: .visit, text: "visit", since: EDTFDate("2000"), until: EDTFDate("2030"), dateMatch: .overlapping,
                                        linkedTo: [id], includesSubBodies: true))
            filters.append(EntityFilter(kind: .organization, text: "of", linkedTo: [id], includesSubBodies: true))
        }
        // Counted by target without a narrowing: words, categories and whole years.
        filters += [EntityFilter(kind: .event, text: "prosecutor"), EntityFilter(kind: .event, categories: ["meeting"]),
                    EntityFilter(kind: .event, since: EDTFDate("2018"), until: EDTFDate("2024")), EntityFilter(kind: .event, text: "-baku"),
                    EntityFilter(kind: .visit, text: "president", since: EDTFDate("2010"), dateMatch: .overlapping)]
        var kept = 0, counted = 0
        for filter in filters {
            let ids = try store.ids(filter)
            kept += ids.count
            #expect(ids == (try without.ids(filter)), "\(filter)")
            #expect(try store.count(filter) == ids.count, "\(filter)")
            #expect(try store.dateSpread(filter) == without.dateSpread(filter), "\(filter)")
            for facet in [Facet.kind, .organization, .place, .person, .country, .source] {
                let facets = try store.facets(filter, by: facet)
                counted += facets.count
                #expect(facets == (try without.facets(filter, by: facet)), "\(filter) by \(facet)")
            }
        }
        #expect(kept > 300 && counted > 500, "\(kept) kept, \(counted) counted")
    }

    /// Statistics sampled by an import's `ANALYZE` (these are a million imported events') may say each organization has
    /// a thousand links: sub-bodies are still found along `link_inbound`, not through an index made over every link.
    @Test func subBodiesAreFoundAlongTheLinkIndexWhateverTheStatisticsSay() throws {
        let directory = try TemporaryDirectory()
        let sampled = try directory.store(changedBy: """
            DELETE FROM sqlite_stat1 WHERE tbl = 'link';
            INSERT INTO sqlite_stat1 VALUES ('link', 'link_inbound', '3214848 1001 1001 2 1'), ('link', 'link_outbound', '2710806 5 1');
            """)
        // A connection opened after the change reads the statistics, as a store opened after an import does.
        let plan = try SQLiteFile(path: directory.path("copy.sqlite")).texts("EXPLAIN QUERY PLAN \(FilterSQL.subBodies)", column: 3)
        #expect(plan.contains("SEARCH link USING INDEX link_inbound (toID=? AND fromKind=?)"), "\(plan)")
        #expect(try sampled.ids(EntityFilter(kind: .event, linkedTo: ["org-un"], includesSubBodies: true))
                == store.ids(EntityFilter(kind: .event, linkedTo: ["org-un"], includesSubBodies: true)))
    }

    /// Lists with words are counted, and their years spread, from `date_class` (the entities of each class, packed), or
    /// from `entity_years` in a store made before it; a store made before both (schema 8) gives the same from `entity`.
    @Test func wordsAreCountedAlikeWithAndWithoutTheYearsKeptPerEntity() throws {
        let directory = try TemporaryDirectory()
        let without = try directory.store(changedBy: "DROP TABLE entity_years; DROP TABLE date_class")
        let withoutClasses = try directory.store(changedBy: "DROP TABLE date_class", named: "classless.sqlite")
        #expect(store.derived.entityYears && store.derived.dateClasses && !without.derived.entityYears && !withoutClasses.derived.dateClasses)
        // Years moved on by one in a table: the spread of a list with words shows it, so the table is what is read.
        let prosecutor = EntityFilter(kind: .event, text: "prosecutor")
        let moved = try directory.store(changedBy: "UPDATE date_class SET firstYear = firstYear + 1", named: "moved.sqlite")
        #expect(try moved.dateSpread(prosecutor) != store.dateSpread(prosecutor))
        let movedWithoutClasses = try directory.store(changedBy: "UPDATE entity_years SET firstYear = firstYear + 1; DROP TABLE date_class",
                                                      named: "moved-classless.sqlite")
        #expect(try movedWithoutClasses.dateSpread(prosecutor) != store.dateSpread(prosecutor))
        let fresh = try directory.store(changedBy: "SELECT 1", named: "fresh.sqlite")
        var organizationCounts = 0
        for filter in [EntityFilter(kind: .event, text: "prosecutor"), EntityFilter(kind: .event, text: "agreement", categories: ["agreementSigned"]),
                       EntityFilter(kind: .event, text: "republic -baku"), EntityFilter(kind: .visit, text: "president"),
                       EntityFilter(kind: .organization, text: "prosecutor OR union"),
                       EntityFilter(kind: .event, text: "agreement", since: EDTFDate("1990"), until: EDTFDate("2018")),
                       EntityFilter(kind: .event, text: "agreement", since: EDTFDate("2000"), until: EDTFDate("2018"), dateMatch: .overlapping),
                       EntityFilter(kind: .event, text: "prosecutor", since: EDTFDate("2018"), dateMatch: .overlapping),
                       EntityFilter(kind: .event, text: "prosecutor", since: EDTFDate("2018-04"), until: EDTFDate("2018-09")),
                       EntityFilter(kind: .event, text: "of", since: EDTFDate("2018"), until: EDTFDate("2018"))] {
            // Counted alone (a store that has not spread the list yet), then spread: reading every match, the spread
            // leaves the count known.
            #expect(try fresh.count(filter) == withoutClasses.count(filter), "\(filter.text)")
            #expect(try store.dateSpread(filter) == without.dateSpread(filter), "\(filter.text)")
            #expect(try store.dateSpread(filter) == withoutClasses.dateSpread(filter), "\(filter.text)")
            #expect(try store.dateSpread(filter).total == store.all(filter).count, "\(filter.text)")
            #expect(try store.count(filter) == without.count(filter), "\(filter.text)")
            #expect(try store.count(filter) == store.all(filter).count, "\(filter.text)")
            #expect(try store.count(filter) > 0, "\(filter.text) keeps something")
            let kinds = Dictionary(grouping: try store.all(filter), by: \.category).mapValues(\.count)
            let faceted = try store.facets(filter, by: .kind)
            #expect(Dictionary(uniqueKeysWithValues: faceted.map { ($0.value, $0.count) }) == kinds, "\(filter.text)")
            #expect(faceted == (try without.facets(filter, by: .kind)), "\(filter.text)")
            // By organization, a list with words counts its matches off `entity_links`.
            let byOrganization = try store.facets(filter, by: .organization)
            #expect(byOrganization == (try without.facets(filter, by: .organization)), "\(filter.text)")
            organizationCounts += byOrganization.count
        }
        #expect(organizationCounts > 20)
    }

    @Test func in2018SixEventsLieWithinTheYearAndTheAgreementsSinceTwoThousandAreApart() throws {
        let spread = try store.dateSpread(EntityFilter(kind: .event))
        #expect(spread.withinYear[2018] == 6)
        #expect(spread.spanning[DateSpread.Years(first: 2000, last: nil)] == 14, "14 agreements signed on an unknown date since 2000")
        #expect(spread.total == dataset.events.count)
        #expect(spread.undated == dataset.events.filter { $0.date == nil }.count)
    }
}

/// Every matching record once, whatever the batches: words must not put title matches first in a read that resumes
/// after a sort key (`list --text` repeated title matches and lost the rest, a batch at a time).
@Suite struct StreamedLists {
    @Test(arguments: ["azerbaijan", "prosecutor OR women", "baku -process", ""])
    func everyMatchOnceInTheStandardOrderWhateverTheBatch(_ words: String) throws {
        let store = try RealData.store()
        for kind in [EntityKind.event, .organization, .visit] {
            let filter = EntityFilter(kind: kind, text: words)
            let page = try store.page(filter, offset: 0, limit: 10_000)
            var streamed: [EntitySummary] = []
            try store.forEach(filter, batchSize: 3) { streamed.append($0) }
            #expect(streamed.count == page.total, "\(kind) \(words)")
            #expect(Set(streamed.map(\.id)) == Set(page.rows.map(\.id)))
            let standard = try store.page(EntityFilter(kind: kind, order: .standard(for: kind)), offset: 0, limit: 10_000).rows.map(\.id)
            #expect(streamed.map(\.id) == standard.filter(Set(streamed.map(\.id)).contains), "in the kind's standard order")
        }
    }
}

extension TemporaryDirectory {
    /// A store built here from the curated data, then changed by `sql` (as a store made by an earlier version, say).
    func store(changedBy sql: String, named name: String = "copy.sqlite") throws -> ChanceryStore {
        _ = try ChanceryStore.openFresh(dataDirectory: Repository.data, path: path(name))
        try SQLiteFile(path: path(name)).execute(sql)
        return try ChanceryStore.open(path: path(name))
    }
}
