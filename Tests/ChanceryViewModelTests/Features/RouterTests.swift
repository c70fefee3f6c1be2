import Foundation
import ChanceryModel
import ChanceryTestSupport
import CustomDump
@testable import ChanceryViewModel
import TerminalUI
import Testing

/// The thin router over the features, over the in-memory fixture: keys go to the current mode's bindings, each
/// change of view or filters is one step back undoes, and narrowing changes only when asked.
@Suite struct BrowserRouter {
    private func browser(width: Int = 80, height: Int = 24, keys: String = "") throws -> BrowserSession {
        var session = BrowserSession(width: width, height: height, queries: Fixture.queries)
        session.play(try KeyScript.parse(keys))
        return session
    }

    @Test func theModeFollowsWhereTheKeysGo() throws {
        #expect(try browser().state.keyMode == .panes)
        #expect(try browser(keys: "<Enter>").state.keyMode == .detail)
        #expect(try browser(keys: "?").state.keyMode == .help)
        #expect(try browser(keys: "/").state.keyMode == .input)
        #expect(try browser(keys: "<Enter>/").state.keyMode == .detail, "/ is not bound in the detail")
    }

    @Test func inTheHelpOnlyItsOwnKeysAct() throws {
        var session = try browser(keys: "?jj<Tab>d")
        #expect(session.state.showsHelp && session.state[.timeline].selected == 0 && session.state.input == nil)
        #expect(session.state.focus == .pane(.timeline))
        session.play(try KeyScript.parse("q"))
        #expect(!session.state.showsHelp && !session.state.shouldQuit, "q closes the help")
    }

    @Test func wWritesTheFocusedPanesFilteredListToANewFileAndNeverOverAnother() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-w-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("organizations.json").path

        var session = try browser(keys: "2/iap<Enter>w")
        #expect(session.state.input?.purpose == .writeList(.organizations))
        #expect(session.state.input?.text == "organizations.csv", "a name to start from")
        session.play(try KeyScript.parse("<C-u>\(path)<Enter>"))
        let listed = session.state[.organizations].loaded!.rows.map(\.id)
        #expect(!listed.isEmpty && listed.count < Fixture.queries.records.filter { $0.summary.kind == .organization }.count)
        #expect(session.state.message == StatusMessage(text: "Wrote \(listed.count) row\(listed.count == 1 ? "" : "s") to \(path) (JSON)",
                                                       isError: false))
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        let objects = try #require(try JSONSerialization.jsonObject(with: written) as? [[String: Any]])
        #expect(objects.map { $0["id"] as? String } == listed)

        session.play(try KeyScript.parse("w<C-u>\(path)<Enter>"))
        #expect(session.state.message?.isError == true)
        #expect(session.state.message?.text.contains("\(path) exists: give another name") == true, "\(String(describing: session.state.message))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written, "the first file is left as it was")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["organizations.json"], "no temporary file left")

        session.play(try KeyScript.parse("w<C-u><Enter>"))
        #expect(session.state.input?.notice == "type a file name: .csv, .json or .ndjson")
    }

    @Test func punctuationAloneInTheWordsLineSaysItHasNothingToSearch() throws {
        let session = try browser(keys: "/!!")
        #expect(session.state.input?.notice == "nothing searchable: no letter or digit")
        #expect(try browser(keys: "/!!a").state.input?.notice == nil)
    }

    @Test func theYearsShowByDefaultWhenWideFollowTheTimelineAndEnterFiltersItToTheCursorsYear() throws {
        #expect(try browser().state.layout.histogram == nil, "80×24: one key away")
        var session = try browser(width: 120, height: 40, keys: "/baku<Enter>")
        #expect(session.state.layout.histogram != nil)
        let spread = try #require(session.state.histogram.spread)
        #expect(spread == (try Fixture.queries.dateSpread(session.state[.timeline].filter)), "it follows the words filter")
        session.play(try KeyScript.parse("0"))
        #expect(session.state.keyMode == .histogram)
        let columns = try #require(session.state.histogram.columns(width: session.state.layout.histogram!.width - 2))
        #expect(session.state.histogram.cursor(in: columns) == columns.columns.count - 1, "the latest column first")
        session.play(try KeyScript.parse("hjjh"))
        let cursor = try #require(session.state.histogram.cursor(in: columns))
        #expect(cursor == max(0, columns.columns.count - 3), "h moves it, j does nothing here")
        let year = columns.columns[cursor].year
        session.play(try KeyScript.parse("<Enter>"))
        #expect(session.state.keyMode == .panes && session.state.focus == .pane(.timeline))
        #expect(session.state[.timeline].filter.since == EDTFDate("\(year)") && session.state[.timeline].filter.dateMatch == .within)
        #expect(session.state[.timeline].filter.text == "baku", "the words stay")
        session.play(try KeyScript.parse("["))
        #expect(session.state[.timeline].filter.since == nil, "a step back undoes it")

        session.play(try KeyScript.parse("H"))
        #expect(session.state.layout.histogram == nil && session.state.keyMode == .panes, "H hides it")
        session.play(try KeyScript.parse("0"))
        #expect(session.state.layout.histogram != nil && session.state.keyMode == .histogram, "0 shows it again, focused")
        session.play(try KeyScript.parse("-"))
        #expect(session.state.histogram.columns(width: 60)?.unit == .decade)
        session.play(try KeyScript.parse("<Esc>"))
        #expect(session.state.keyMode == .panes && session.state.layout.histogram != nil)
        session.play(try KeyScript.parse("0<Resize 80x20>"))
        #expect(session.state.layout.histogram == nil && session.state.keyMode == .panes, "no room left: the keys go back")
    }

    @Test func atEightyByTwentyFourHShowsTheYearsAndReadsThemOnlyThen() throws {
        var session = try browser()
        #expect(session.state.histogram.spread == nil, "nothing is read for a histogram not shown")
        session.play(try KeyScript.parse("H"))
        #expect(session.state.layout.histogram != nil && session.state.histogram.spread != nil)
        #expect(session.state.layout.visibleRows(.timeline) < (try browser()).state.layout.visibleRows(.timeline))
    }

    @Test func fCountsThePanesListAndEnterFiltersByTheValueAsOneStep() throws {
        var session = try browser(keys: "f")
        #expect(session.state.keyMode == .facets && session.state.facets?.facet == .kind)
        let rows = try #require(session.state.facets?.rows)
        #expect(rows == (try Fixture.queries.facets(session.state[.timeline].filter, by: .kind)) && !rows.isEmpty)
        #expect(rows.map(\.count) == rows.map(\.count).sorted(by: >), "most first")
        session.play(try KeyScript.parse("s"))
        #expect(session.state.facets?.rows?.map(\.value) == rows.map(\.value).sorted(), "s: by value")
        session.play(try KeyScript.parse("s<Enter>"))
        #expect(session.state.facets == nil && session.state[.timeline].filter.categories == [rows[0].value])
        #expect(session.state[.timeline].total == rows[0].count, "the list holds what the count said")
        session.play(try KeyScript.parse("["))
        #expect(session.state[.timeline].filter.categories.isEmpty, "a step back undoes it")

        session.play(try KeyScript.parse("f<S-Tab>"))
        #expect(session.state.facets?.facet == .year && session.state.facets?.byValue == true, "years in year order")
        session.play(try KeyScript.parse("<Tab><Tab>"))
        #expect(session.state.facets?.facet == .organization)
        let organization = try #require(session.state.facets?.selectedRow)
        session.play(try KeyScript.parse("<Enter>"))
        #expect(session.state.narrowing.organization?.id == organization.id && session.state.facets == nil)
        #expect(!session.state.narrowing.includesSubBodies, "alone, as counted")
        #expect(session.state[.timeline].total == organization.count)

        session.play(try KeyScript.parse("f<Esc>"))
        #expect(session.state.facets == nil && session.state.keyMode == .panes)
    }

    @Test func enterOnAPlaceCountryPersonOrSourceKeepsWhatLinksToItBesideTheNarrowing() throws {
        // The fixture with a city and a country linked to two events.
        let places = ["event-2018-baku": Fixture.summary("place-baku", "Baku", category: "city"),
                      "event-1993-accession": Fixture.summary("place-azerbaijan", "Azerbaijan", category: "country")]
        let records = Fixture.records.map { record in
            var record = record
            record.links += [places[record.summary.id]].compactMap { $0 }.map { LinkedEntity(entity: $0, role: .location, direction: .outbound) }
            return record
        }
        var session = BrowserSession(width: 80, height: 24, queries: InMemoryQueries(records))
        session.play(try KeyScript.parse("f<Tab><Tab>"))
        #expect(session.state.facets?.facet == .place)
        let place = try #require(session.state.facets?.selectedRow)
        session.play(try KeyScript.parse("<Enter>"))
        #expect(session.state[.timeline].chosenLinks.map(\.id) == [place.id!] && session.state[.timeline].filter.linkedTo == [place.id!])
        #expect(session.state[.timeline].total == place.count, "the list holds what the count said")

        session.play(try KeyScript.parse("f<S-Tab><S-Tab>"))
        #expect(session.state.facets?.facet == .source)
        let source = try #require(session.state.facets?.selectedRow)
        session.play(try KeyScript.parse("<Enter>"))
        #expect(session.state[.timeline].filter.linkedTo == [place.id!, source.id!], "besides the place")
        #expect(session.state[.timeline].total == source.count)

        session.play(try KeyScript.parse("f<Tab><Enter>"))
        let organization = try #require(session.state.narrowing.organization)
        #expect(session.state[.timeline].filter.linkedTo == [organization.id, place.id!, source.id!], "narrowing keeps them")
        session.play(try KeyScript.parse("x<Esc><Esc>"))
        #expect(session.state[.timeline].filter == EntityFilter(kind: .event) && session.state[.timeline].chosenLinks.isEmpty,
                "x clears the narrowing, Esc the links, last first")

        session.play(try KeyScript.parse("f<Tab><Tab><Tab>"))
        #expect(session.state.facets?.facet == .country)
        let country = try #require(session.state.facets?.selectedRow)
        session.play(try KeyScript.parse("<Enter>"))
        #expect(session.state[.timeline].filter.countries == [country.id!] && session.state[.timeline].filter.linkedTo.isEmpty)
        #expect(session.state[.timeline].total == country.count && session.state[.timeline].chosenLinks.map(\.name) == [country.value])
        session.play(try KeyScript.parse("<Esc>["))
        #expect(session.state[.timeline].filter.countries == [country.id!], "a step back puts it back")
    }

    @Test func pOnACountrysDetailOpensTheLedgerOfTheCountryTypedAsOneStep() throws {
        // Two countries, linked to the Dushanbe visit; a third that no words below name alone.
        let countries = ["place-azerbaijan": "Azerbaijan", "place-tajikistan": "Tajikistan", "place-south-korea": "South Korea",
                         "place-south-africa": "South Africa"].map { Fixture.summary($0.key, $0.value, category: "country") }
        let records = Fixture.records.map { record in
            var record = record
            if record.summary.id == "visit-2024-dushanbe" || record.summary.id == "event-1993-accession" {
                record.links += countries.map { LinkedEntity(entity: $0, role: .location, direction: .outbound) }
            }
            return record
        } + countries.map { EntityDetail(summary: $0, text: nil, dateNote: nil, fields: [], links: [], inboundLinkCounts: [:],
                                         meetings: [], citations: []) }
        var session = BrowserSession(width: 80, height: 24, queries: InMemoryQueries(records))
        session.play(try KeyScript.parse("<Enter>p"))
        #expect(session.state.message?.text.hasPrefix("p pairs two countries") == true, "not on an event's detail")
        session.send(.opened(id: "place-azerbaijan"))
        session.play(try KeyScript.parse("psouth<Enter>"))
        #expect(session.state.message?.text == "“south” matches 2 countries (South Africa, South Korea): type more of one")
        #expect(session.state.detail?.pairedWith == nil)
        session.play(try KeyScript.parse("pazerb<Enter>"))
        #expect(session.state.message?.text == "No other country matches “azerb”", "never its own pair")

        let depth = session.state.backDepth
        session.play(try KeyScript.parse("ptajik<Enter>"))
        let ledger = try #require(session.state.detail?.ledger)
        #expect(session.state.detail?.pairedWith == "place-tajikistan" && ledger.second.name == "Tajikistan")
        #expect(ledger.visitsFromFirst.map(\.id) == ["visit-2024-dushanbe"] && session.state.message == nil)
        #expect(session.state.backDepth == depth + 1)
        let lines = try #require(session.state.detail?.document).lines.map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("Visits from Azerbaijan to Tajikistan (1)") && lines.contains("  → May 2024 · Visit to Dushanbe"))
        #expect(lines.contains("Agreements (0)") && lines.contains("  none in the store"))

        session.play(try KeyScript.parse("jjj<Enter>"))
        #expect(session.state.detail?.id == "visit-2024-dushanbe", "Enter follows a line of the ledger")
        session.play(try KeyScript.parse("["))
        #expect(session.state.detail?.ledger == ledger, "and back returns to it")
    }

    @Test func sCyclesThePanesOrdersFromTheTopAndBackUndoesEach() throws {
        var session = try browser(keys: "j")
        let oldest = session.state[.timeline].loaded!.rows.map(\.id)
        session.play(try KeyScript.parse("s"))
        #expect(session.state[.timeline].filter.order == .newestFirst)
        #expect(session.state[.timeline].selected == 0, "a new order starts from the top")
        #expect(session.state[.timeline].loaded!.rows.map(\.id) == oldest.reversed(), "the fixture has no undated event")
        session.play(try KeyScript.parse("sss"))
        #expect(session.state[.timeline].filter.order == .oldestFirst, "byName, byKind, then round to the standard")
        session.play(try KeyScript.parse("[[["))
        #expect(session.state[.timeline].filter.order == .newestFirst)

        session.play(try KeyScript.parse("2s"))
        #expect(session.state[.organizations].filter.order == .byLinkedEvents)
        let counts = session.state[.organizations].loaded!.rows.map(\.linkedEventCount)
        #expect(counts == counts.sorted(by: >) && counts.first! > counts.last!)
        #expect(session.state[.timeline].filter.order == .newestFirst, "each pane keeps its own order")
    }

    @Test func lAndHScrollTheTitlesSidewaysWithinTheLongestAndANewFilterResetsThem() throws {
        var session = try browser(keys: "hl")
        #expect(session.state[.timeline].sideways == PaneState.sidewaysStep)
        session.play(try KeyScript.parse("<Right><Right><Right><Right>"))
        let longest = session.state[.timeline].loaded!.rows.map { $0.listedText.displayWidth }.max()!
        #expect(session.state[.timeline].sideways == longest - PaneState.sidewaysStep, "no further than the longest title")
        session.play(try KeyScript.parse("<Left>"))
        #expect(session.state[.timeline].sideways == longest - 2 * PaneState.sidewaysStep)
        #expect(session.state[.organizations].sideways == 0, "each pane scrolls on its own")
        session.play(try KeyScript.parse("/baku<Enter>"))
        #expect(session.state[.timeline].sideways == 0)
    }

    /// `p` once stood at the top of the second column under no heading (its "Detail:" was at the foot of the
    /// first): a column now starts with a section's heading, whatever the size.
    @Test(arguments: [(80, 24), (120, 40), (100, 30), (200, 20), (60, 16)])
    func noSectionIsSplitBetweenTheHelpsColumns(width: Int, height: Int) {
        let layout = HelpLayout(width: width, height: height)
        for column in 0..<layout.columnCount where layout.entries.indices.contains(column * layout.rowsPerColumn) {
            #expect(layout.entries[column * layout.rowsPerColumn].keys.isEmpty, "column \(column + 1) at \(width)x\(height)")
        }
        let keys = layout.entries.filter { !$0.keys.isEmpty }.count
        #expect(keys == KeyMap.standard.sections.filter { $0.bindings.allSatisfy { $0.modes != [.help] } }.flatMap(\.bindings).count,
                "every binding is still listed")
    }

    @Test func theHelpScrollsWhenItDoesNotFitAndOnlyThen() throws {
        let small = HelpLayout(width: 80, height: 24)
        #expect(small.maxScroll > 0 && small.columnCount == 2)
        var session = try browser(keys: "?" + String(repeating: "j", count: small.maxScroll + 3))
        #expect(session.state.helpScroll == small.maxScroll)
        session.play(try KeyScript.parse("k"))
        #expect(session.state.helpScroll == small.maxScroll - 1)
        session.send(.resized(width: 160, height: 60))
        #expect(HelpLayout(width: 160, height: 60).maxScroll == 0 && session.state.helpScroll == 0)
        #expect(session.state.showsHelp, "j and k scroll the help; they move nothing under it")
        #expect(session.state[.timeline].selected == 0)
    }

    @Test func theFocusedListUnderTheTimelineIsWidened() {
        // Wide: Organizations and Visits share the row, the focused one three fifths; Sources is under the detail.
        let even = ScreenLayout(width: 120, height: 40), visits = ScreenLayout(width: 120, height: 40, widening: .visits)
        #expect(abs(even.panes[1].width - even.panes[2].width) <= 1)
        #expect(visits.panes[2].width > even.panes[2].width && visits.panes[1].width + visits.panes[2].width == even.panes[1].width + even.panes[2].width)
        #expect(visits.panes[3].x == visits.detail.x && visits.panes[3].y > visits.detail.y)
        #expect(visits.panes[0] == even.panes[0] && visits.detail == even.detail && visits.panes[3] == even.panes[3])
        // Compact: the three share the row two, two and one parts, the focused one two parts more.
        let compact = ScreenLayout(width: 80, height: 24), sources = ScreenLayout(width: 80, height: 24, widening: .sources)
        #expect(compact.panes[1].width == 32 && compact.panes[2].width == 32 && compact.panes[3].width == 16)
        #expect(sources.panes[3].width > sources.panes[1].width && sources.panes[1].width == sources.panes[2].width)
        #expect(sources.panes[1].y == sources.panes[3].y && sources.panes[1...3].map(\.width).reduce(0, +) == 80)
    }

    @Test func aNarrowingTakesInSubBodiesUntilBLeavesThemOut() throws {
        // Organizations by name: the Executive Committee, the IAP (its parent), UNICEF.
        var session = try browser(keys: "b")
        #expect(session.state.message?.isError == true, "b with no narrowing says why it does nothing")
        session.play(try KeyScript.parse("2jn"))
        #expect(session.state.narrowing.includesSubBodies)
        expectNoDifference(session.state[.timeline].filter,
                           EntityFilter(kind: .event, linkedTo: [Fixture.iap.id], includesSubBodies: true))
        session.play(try KeyScript.parse("b"))
        #expect(!session.state.narrowing.includesSubBodies && !session.state[.visits].filter.includesSubBodies)
        session.play(try KeyScript.parse("["))
        #expect(session.state.narrowing.includesSubBodies, "back undoes b")
    }

    @Test func enterOnACitationOpensItsSourceAtTheQuoteAndEscGoesBackToTheDetail() throws {
        // The Baku meeting (third event) has three citations; G selects the last.
        var session = try browser(keys: "jj<Enter>G")
        let detailBefore = session.state.detail
        session.play(try KeyScript.parse("<Enter>"))
        let pager = try #require(session.state.pager)
        #expect(session.state.keyMode == .pager)
        #expect(pager.citation.quote == "Quote 3 about Executive Committee meets in Baku.")
        let quote = try #require(pager.document?.quoteLines)
        let rows = session.state.layout.detailRows
        #expect(pager.scroll <= quote.lowerBound && quote.upperBound < pager.scroll + rows, "the quote is on screen")
        session.play(try KeyScript.parse("y"))
        #expect(session.clipboard == "“Quote 3 about Executive Committee meets in Baku.” — An article [source-article]")
        #expect(session.state.message?.text.hasPrefix("Copied the citation") == true)
        session.play(try KeyScript.parse("jn/<Tab>"))
        #expect(session.state.pager != nil && session.state.input == nil && session.state.narrowing == .off,
                "in the text only its own keys act")
        session.play(try KeyScript.parse("<Esc>"))
        #expect(session.state.pager == nil && session.state.detail == detailBefore, "back to the detail as it was")
    }

    @Test func nAndNInASourcesTextGoBetweenTheLinesHoldingTheWordsFilter() throws {
        var session = try browser(keys: "/baku<Enter><Enter>G<Enter>")
        let pager = try #require(session.state.pager)
        #expect(pager.searchWords == ["baku"])
        let document = try #require(pager.document)
        let holding = document.lines.indices.filter { document.lines[$0].text.contains("Baku") }
        #expect(pager.matchLines == holding && holding.count >= 3)
        #expect(pager.matchRanges(in: "In Bakü, BAKU-based; abaku") == [3..<7, 9..<13], "folded, whole words, from their start")

        session.play(try KeyScript.parse("g"))
        var seen: [Int] = []
        for _ in holding {
            session.play(try KeyScript.parse("n"))
            let current = try #require(session.state.pager?.currentMatch)
            seen.append(current)
            let line = holding[current], scroll = session.state.pager!.scroll
            #expect(scroll <= line && line < scroll + session.state.layout.detailRows, "the match is on screen")
            #expect(session.state.message?.text == "Match \(current + 1) of \(holding.count): “baku”")
        }
        #expect(seen == Array(holding.indices), "n goes through every match in order from the top")
        session.play(try KeyScript.parse("n"))
        #expect(session.state.pager?.currentMatch == 0, "and round to the first")
        session.play(try KeyScript.parse("N"))
        #expect(session.state.pager?.currentMatch == holding.count - 1, "N goes back, round to the last")

        var plain = try browser(keys: "<Enter>G<Enter>n")
        #expect(plain.state.message?.isError == true && plain.state.message?.text.contains("none is typed") == true)
        plain.play(try KeyScript.parse("<Esc>[/zzz<Enter>"))
        #expect(plain.state.pager == nil)
    }

    @Test func yOnALinkCopiesItsIdAndInAListIsNotBound() throws {
        #expect(try browser(keys: "y").clipboard == nil)
        #expect(try browser(keys: "<Enter>y").clipboard == "org-iap")
    }

    @Test func fPutsTheSameWordsInEveryPaneAsOneStep() throws {
        var session = try browser(keys: "/unicef<Enter>F<C-u>committee")
        #expect(Pane.allCases.allSatisfy { session.state[$0].filter.text == "committee" }, "applied as typed")
        #expect(session.state[.organizations].total == 1 && session.state[.timeline].total == 1)
        session.play(try KeyScript.parse("<Esc>"))
        #expect(session.state[.timeline].filter.text == "unicef" && session.state[.visits].filter.text == "",
                "Esc puts back each pane's own words")
        session.play(try KeyScript.parse("Fiap<Enter>["))
        #expect(session.state[.timeline].filter.text == "unicef" && session.state[.organizations].filter.text == "",
                "back undoes the whole line")
    }

    @Test func passingThroughOrganizationsNarrowsNothingAndNPinsTheSelectedOne() throws {
        var session = try browser(keys: "<Tab><Tab><Tab>")
        #expect(session.state.narrowing == .off)
        #expect(session.state[.visits].total == 2)
        // Organizations list by name: the Executive Committee, then the IAP.
        session.play(try KeyScript.parse("2jn"))
        #expect(session.state.narrowing.organization?.id == Fixture.iap.id)
        #expect(session.state[.timeline].total == 3 && session.state[.visits].total == 1)
        #expect(session.state[.organizations].filter.linkedTo.isEmpty, "Organizations are not narrowed")
        session.play(try KeyScript.parse("["))
        #expect(session.state.narrowing == .off && session.state[.timeline].total == 4, "back undoes the narrowing")
    }

    @Test func escDropsOneFilterAtATimeAndBackRestoresEach() throws {
        var session = try browser(keys: "2jn1/baku<Enter>d2018<Enter>t")
        let full = session.state[.timeline].filter
        expectNoDifference(full, EntityFilter(kind: .event, text: "baku", since: EDTFDate("2018"), until: EDTFDate("2018"),
                                              categories: ["agreementSigned"], linkedTo: ["org-iap"]))
        var filters: [EntityFilter] = [full]
        for _ in 0..<4 {
            session.play(try KeyScript.parse("<Esc>"))
            filters.append(session.state[.timeline].filter)
        }
        expectNoDifference(filters.map(\.text), ["baku", "", "", "", ""])
        expectNoDifference(filters.map { $0.since == nil }, [false, false, true, true, true])
        expectNoDifference(filters.map(\.categories), [["agreementSigned"], ["agreementSigned"], ["agreementSigned"], [], []])
        expectNoDifference(filters.map(\.linkedTo), [["org-iap"], ["org-iap"], ["org-iap"], ["org-iap"], []])
        for expected in filters.reversed().dropFirst() {
            session.play(try KeyScript.parse("["))
            expectNoDifference(session.state[.timeline].filter, expected)
        }
    }

    /// The kind cycle offered kinds no record has, and `t` did nothing in Visits.
    @Test func theKindCycleOffersOnlyTheKindsTheStoreHolds() throws {
        var session = try browser()
        var seen: [[String]] = []
        for _ in 0..<5 {
            session.play(try KeyScript.parse("t"))
            seen.append(session.state[.timeline].filter.categories)
        }
        expectNoDifference(seen, [["agreementSigned"], ["membership"], ["meeting"], ["other"], []])
        session.play(try KeyScript.parse("3t"))
        #expect(session.state.message?.text == "Visits have no kinds to filter by")
    }

    @Test func escInALineCancelsItAndPutsTheWordsBack() throws {
        var session = try browser(keys: "/baku<Enter>/xyz")
        #expect(session.state[.timeline].filter.text == "bakuxyz")
        session.play(try KeyScript.parse("<Esc>"))
        #expect(session.state.input == nil && session.state[.timeline].filter.text == "baku")
        #expect(session.state.backDepth == 1, "only the applied line is a step")
    }

    @Test func aResizeIsAnActionThatReflowsTheDetailAndKeepsItsSelectionOnScreen() throws {
        var session = try browser(width: 120, height: 40, keys: "jj<Enter>j")
        let link = try #require(session.state.detail?.selectedLink)
        session.send(.resized(width: 80, height: 24))
        let state = session.state
        let detail = try #require(state.detail)
        #expect(detail.document?.width == state.layout.detailColumns)
        #expect(detail.selectedLink == link)
        let line = try #require(detail.document?.lineOfLink(link))
        #expect(line >= detail.scroll && line < detail.scroll + state.layout.detailRows)
        #expect(state.wantsRedraw)
    }
}
