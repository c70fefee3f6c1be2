import ChanceryModel
import ChanceryScreens
import ChanceryTestSupport
import ChanceryViewModel
import SnapshotTesting
import TerminalUI
import Testing

extension Snapshotting where Value == ScreenBuffer, Format == String {
    /// The screen as text, one line a row, each exactly the buffer's width.
    static var screen: Self {
        Snapshotting<String, String>.lines.pullback { (buffer: ScreenBuffer) in buffer.plainText() + "\n" }
    }
    /// The screen as text, then its style layer (see `ScreenBuffer.styleText`).
    static var screenWithStyles: Self {
        Snapshotting<String, String>.lines.pullback { (buffer: ScreenBuffer) in
            buffer.plainText() + "\n-- styles --\n" + buffer.styleText() + "\n"
        }
    }
}

/// The screen after pressing `keys` in a browser of `width` × `height` over the bundled data.
private func screen(_ keys: String, width: Int, height: Int) throws -> ScreenBuffer {
    var session = BrowserSession(width: width, height: height, queries: TestStore.bundled)
    session.play(try KeyScript.parse(keys))
    return BrowserScreen.render(session.state).buffer
}

/// A named screen an analyst sees, and the keys that lead there.
struct Scenario: Sendable, CustomTestStringConvertible {
    let name: String
    let keys: String
    /// The keys at 120×40, where they differ (j scrolls a line when the next link is below the screen).
    var wideKeys: String?
    var testDescription: String { name }
}

private let scenarios = [
    Scenario(name: "timeline", keys: ""),
    Scenario(name: "organizations", keys: "2"),
    Scenario(name: "visits", keys: "3"),
    Scenario(name: "event-detail", keys: "jjjjjjjj<Enter>"),
    Scenario(name: "organization-detail", keys: "2/csw<Enter><Enter>"),
    Scenario(name: "visit-detail-with-meetings", keys: "3jj<Enter>"),
    // j steps to the next link on screen, else scrolls a line: at 80×24 the first person is a press further down.
    Scenario(name: "person-detail", keys: "3jj<Enter>jjjjjjjjj<Enter>", wideKeys: "3jj<Enter>jjjjjjjj<Enter>"),
    Scenario(name: "help", keys: "?"),
    Scenario(name: "filter-with-matches", keys: "/tajik"),
    Scenario(name: "filter-without-matches", keys: "/zzzz<Enter>"),
    Scenario(name: "year-filter", keys: "d1993<Enter>"),
    Scenario(name: "narrowed-to-organization", keys: "2/status women<Enter>n"),
    Scenario(name: "organizations-by-member-since", keys: "2ss"),
    Scenario(name: "sources", keys: "4"),
    Scenario(name: "source-detail", keys: "4jj<Enter>"),
    // The last citation of the first event, opened in its source's text at the quote.
    Scenario(name: "citation-in-its-source", keys: "<Enter>G<Enter>"),
    // The year histogram (shown by default when wide, H at 80×24), its cursor moved two years back by the keyboard.
    Scenario(name: "years-histogram-focused", keys: "H0hh", wideKeys: "0hh"),
    Scenario(name: "years-by-decade-then-filtered", keys: "H0-<Enter>", wideKeys: "0-<Enter>"),
    // The Timeline counted by kind, and by organization with the second selected.
    Scenario(name: "facets-by-kind", keys: "f"),
    Scenario(name: "facets-by-organization", keys: "f<Tab>j"),
    // Armenia, second by country, chosen in the facet view: the Timeline keeps what links to it, named in the chip.
    Scenario(name: "facet-country-chosen", keys: "f<Tab><Tab><Tab>j<Enter>"),
    // The first event's first place is Azerbaijan: its detail, p, and the ledger with Tajikistan.
    Scenario(name: "pair-ledger", keys: "<Enter><Enter>ptajik<Enter>"),
    // The working set: two events and a visit marked (the sign in the lists), then the Timeline's marks only, and a
    // note written on the second event, shown in its detail.
    Scenario(name: "marks-in-lists", keys: "jmjjm3jjm1"),
    Scenario(name: "marked-only", keys: "jmjjmM"),
    Scenario(name: "note-in-detail", keys: "jmaAsk the MFA which acts it means<Enter><Enter>"),
    // The command palette: every suggestion, then the words "dushanbe" matching records by name.
    Scenario(name: "palette", keys: ":"),
    Scenario(name: "palette-records", keys: ":dushanbe"),
]

/// The GDELT sample's screens at 120×40: the Timeline filtered to visits (third by count in the kind facet), the first
/// visit's detail with its coded facts and its quote-less citation, and the Timeline counted by CAMEO root code.
private let gdeltScenarios = [
    Scenario(name: "gdelt-timeline-visits", keys: "fjj<Enter>"),
    Scenario(name: "gdelt-visit-detail", keys: "3<Enter>"),
    Scenario(name: "gdelt-facets-by-cameo", keys: "f<S-Tab><S-Tab><S-Tab>"),
]

@Suite(.enabled(if: TestStore.gdeltSample != nil, "needs ../shared/data/gdelt")) struct GDELTScreenSnapshotTests {
    @Test(arguments: gdeltScenarios)
    func wide120x40(_ scenario: Scenario) throws {
        var session = BrowserSession(width: 120, height: 40, queries: try #require(TestStore.gdeltSample))
        session.play(try KeyScript.parse(scenario.keys))
        assertSnapshot(of: BrowserScreen.render(session.state).buffer, as: .screen, named: scenario.name)
    }
}

@Suite struct ScreenSnapshotTests {
    @Test(arguments: scenarios)
    func compact80x24(_ scenario: Scenario) throws {
        assertSnapshot(of: try screen(scenario.keys, width: 80, height: 24), as: .screen, named: scenario.name)
    }

    @Test(arguments: scenarios)
    func wide120x40(_ scenario: Scenario) throws {
        assertSnapshot(of: try screen(scenario.wideKeys ?? scenario.keys, width: 120, height: 40), as: .screen, named: scenario.name)
    }

    /// A bad date used to leave the line open without a word: the reason now stands beside it, at both sizes.
    @Test(arguments: [(80, 24), (120, 40)])
    func aBadDateSaysWhyOnTheScreen(width: Int, height: Int) throws {
        let text = try screen("d2001-13<Enter>", width: width, height: height).plainText()
        #expect(text.contains("month 13 does not exist"), "\(text)")
    }

    /// The date column was 12 characters at any width, so "9–10 Apr 2018" lost its year: it is as wide as the widest
    /// date on screen.
    @Test(arguments: [(80, 24), (200, 50)])
    func longDatesKeepTheirYear(width: Int, height: Int) throws {
        let lines = try screen("d2018<Enter>G", width: width, height: height).plainText().split(separator: "\n")
        #expect(lines.contains { $0.contains("9–10 Apr 2018 ") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("7–14 Sep 2018 ") })
    }

    /// The chip names a kind as the lists do ("agreement"), not as the store keeps it ("agreementSigned").
    @Test func theKindChipReadsAsTheListsDo() throws {
        let header = try screen("t", width: 80, height: 24).plainText().split(separator: "\n")[0]
        #expect(header.contains("Timeline: kind agreement ·"), "\(header)")
    }

    /// Rows that came before their count: the pane says how many are known, and that there are more.
    @Test func aListBeingCountedSaysHowManyAtLeast() throws {
        var state = BrowserState(width: 80, height: 24)
        guard case .loadPage(let pane, let request, _, _, let limit, _) = state.send(.started)[0] else { Issue.record("expected a page read"); return }
        let rows = (0..<limit).map { EntitySummary(id: "event-\($0)", kind: .event, category: "other", name: "Event \($0)") }
        _ = state.send(.pageLoaded(pane, request: request, .success(EntityPage(rows: rows, offset: 0, total: 1_000, unfilteredTotal: 1_000))))
        var effects: [Effect] = []
        for key in "/event" { effects += state.send(.keyPressed(.character(key))) }
        guard case .loadPage(_, let typed, _, _, _, _) = effects.last(where: { if case .loadPage(.timeline, _, _, _, _, _) = $0 { true } else { false } })
        else { Issue.record("expected a page read for the words"); return }
        _ = state.send(.pageLoaded(pane, request: typed, .success(EntityPage(rows: rows, offset: 0, total: limit, isCounted: false, unfilteredTotal: 1_000))))
        let counting = BrowserScreen.render(state).buffer.plainText()
        #expect(counting.contains("1 Timeline \(limit)+/1000"), "\(counting)")
        _ = state.send(.rowsCounted(pane, request: typed, .success(4_321)))
        #expect(BrowserScreen.render(state).buffer.plainText().contains("1 Timeline 4321/1000"))
    }

    @Test func tooSmall() throws {
        assertSnapshot(of: try screen("", width: 59, height: 15), as: .screen, named: "59x15")
        assertSnapshot(of: try screen("<Resize 40x10>", width: 80, height: 24), as: .screen, named: "resized-to-40x10")
    }

    @Test func stylesOfTheSelectionAndFocus() throws {
        assertSnapshot(of: try screen("jj", width: 80, height: 24), as: .screenWithStyles, named: "timeline-selection")
        assertSnapshot(of: try screen("3jj<Enter>j", width: 80, height: 24), as: .screenWithStyles, named: "detail-link-selection")
        assertSnapshot(of: try screen("<Enter>G<Enter>", width: 80, height: 24), as: .screenWithStyles, named: "quote-in-its-source")
        // The words of the / filter marked in a source's text, n having gone to the second line holding them.
        assertSnapshot(of: try screen("/dushanbe<Enter><Enter>G<Enter>gnn", width: 80, height: 24), as: .screenWithStyles,
                       named: "words-found-in-its-source")
    }

    @Test func resizeRelaysOutAndKeepsTheSelection() throws {
        assertSnapshot(of: try screen("jjjjjjjjjjjjjjjjjjjj<Resize 80x24>", width: 120, height: 40), as: .screen, named: "120x40-to-80x24")
    }

    @Test func hostileTextIsShownAsPlaceholders() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        _ = buffer.write("a\u{1B}]52;c;SGVsbG8=\u{07}b\u{1B}[2Jc\u{202E}d", x: 0, y: 0)
        let text = buffer.plainText()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x80..<0xA0).contains($0.value) || $0 == "\u{202E}" })
        #expect(text.hasPrefix("a␛]52;c;SGVsbG8=␇b␛[2Jc"))
    }
}
