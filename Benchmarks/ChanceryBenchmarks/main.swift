import ChanceryModel
import ChanceryScreens
import ChanceryStore
import ChanceryViewModel
import Foundation
import TerminalUI

// End-to-end timings of the browse path on a store: action → store → screen buffer rendered.
// Usage: chancery-bench --store PATH [--common WORD] [--rare WORD] [--runs N]
// The default words suit `chancery generate`: "agency" is among its commonest words, "zarnia" among its rare ones.

/// Command-line options.
struct Options {
    var store = ""
    var commonWord = "agency"
    var rareWord = "zarnia"
    var runs = 20

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--store": store = iterator.next() ?? ""
            case "--common": commonWord = iterator.next() ?? commonWord
            case "--rare": rareWord = iterator.next() ?? rareWord
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            default:
                FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
        guard !store.isEmpty else {
            FileHandle.standardError.write(Data("usage: chancery-bench --store PATH [--common WORD] [--rare WORD] [--runs N]\n".utf8))
            exit(2)
        }
    }
}

/// Milliseconds taken by `body`.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// Peak resident memory of this process so far, in MB (VmHWM).
func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes / 1024
}

/// Collected samples of one measurement.
struct Samples {
    let name: String
    var values: [Double] = []

    func report() -> String {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return "\(name): no samples" }
        func percentile(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))] }
        return String(format: "%-44@ n=%4d  median %8.3f ms  p99 %8.3f ms  max %8.3f ms",
                      name as NSString, sorted.count, percentile(0.5), percentile(0.99), sorted.last!)
    }
}

let options = Options(CommandLine.arguments)
let width = 120, height = 40

/// A session on a freshly opened store, its first frame rendered.
func openSession() throws -> BrowserSession {
    let store = try ChanceryStore.open(path: options.store)
    let session = BrowserSession(width: width, height: height, queries: store)
    _ = BrowserScreen.render(session.state)
    return session
}

/// Sends `key` and renders the frame that follows.
func press(_ key: Key, in session: inout BrowserSession) {
    session.send(.keyPressed(key))
    _ = BrowserScreen.render(session.state)
}

var results: [Samples] = []

var firstFrame = Samples(name: "open store → first frame")
for _ in 0..<options.runs {
    firstFrame.values.append(try milliseconds { _ = try openSession() })
}
results.append(firstFrame)

/// Sends `key` as the browser's loop does: the reads it asks for run one after another in the order asked (those their
/// answers ask for after them), and a frame is drawn after each answer. Returns the milliseconds until the Timeline
/// shows rows for its filter, and until every read is answered (the count of the list, the histogram).
func typeKey(_ key: Key, in state: inout BrowserState, queries: ChanceryStore) -> (rows: Double, settled: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
    var effects = state.send(.keyPressed(key))
    _ = BrowserScreen.render(state)
    var rowsShown: Double?
    while !effects.isEmpty {
        let effect = effects.removeFirst()
        if let answer = effect.perform(using: queries, keeper: MemoryWorkingSetKeeper()) { effects += state.send(answer) }
        _ = BrowserScreen.render(state)
        if rowsShown == nil, state[.timeline].knownRows != nil { rowsShown = elapsed() }
    }
    return (rowsShown ?? elapsed(), elapsed())
}

for (label, word) in [("common", options.commonWord), ("rare", options.rareWord)] {
    var rowsShown = Samples(name: "filter keystroke → rows, \(label) word “\(word)”")
    var settled = Samples(name: "filter keystroke → counted, \(label) word")
    for _ in 0..<max(1, options.runs / 4) {
        let store = try ChanceryStore.open(path: options.store)
        var state = BrowserSession(width: width, height: height, queries: store).state
        _ = typeKey(.character("/"), in: &state, queries: store)
        for character in word {
            let (rows, all) = typeKey(.character(character), in: &state, queries: store)
            rowsShown.values.append(rows)
            settled.values.append(all)
        }
    }
    results.append(rowsShown)
    results.append(settled)
}

// `G` on the common word's list, once typed and counted: the far end of its second group is read from the end.
var wordEnd = Samples(name: "G on the common word's list")
for _ in 0..<max(1, options.runs / 4) {
    var session = try openSession()
    for key in "/\(options.commonWord)" { session.send(.keyPressed(.character(key))) }
    session.send(.keyPressed(.enter))
    wordEnd.values.append(milliseconds { press(.character("G"), in: &session) })
}
results.append(wordEnd)

var session = try openSession()
let total = session.state[.timeline].total ?? 0
var pageDown = Samples(name: "PageDown in the middle of the timeline")
var bottom = Samples(name: "G (to the end of the timeline)")
for _ in 0..<options.runs {
    session = try openSession()
    bottom.values.append(milliseconds { press(.character("G"), in: &session) })
    session = try openSession()
    session.send(.selected(row: total / 2, in: .timeline))
    // Every other PageDown leaves the window read ahead and reads the next one.
    for _ in 0..<10 { pageDown.values.append(milliseconds { press(.pageDown, in: &session) }) }
}
results.append(pageDown)
results.append(bottom)

// The busiest organization, by its linked events, and its place in the Organizations list.
let organizations = try ChanceryStore.open(path: options.store).page(EntityFilter(kind: .organization), offset: 0, limit: 100_000).rows
let busiest = organizations.indices.max { organizations[$0].linkedEventCount < organizations[$1].linkedEventCount } ?? 0
var narrowing = Samples(name: "narrow to \(organizations.isEmpty ? "?" : organizations[busiest].name) (\(organizations.isEmpty ? 0 : organizations[busiest].linkedEventCount) events)")
var detail = Samples(name: "open the detail of that organization")
for _ in 0..<options.runs {
    session = try openSession()
    press(.character("2"), in: &session)
    session.send(.selected(row: busiest, in: .organizations))
    narrowing.values.append(milliseconds { press(.character("n"), in: &session) })
    detail.values.append(milliseconds { press(.enter, in: &session) })
}
results.append(narrowing)
results.append(detail)

// The year histogram (issue: ≤ 100 ms at 1,000,000 events), read straight from the store for the filters an analyst
// sets: none, a kind, whole years (all three from the counts kept at build time), words, a narrowing, months (counted).
let histogramStore = try ChanceryStore.open(path: options.store)
let countries = try histogramStore.page(EntityFilter(kind: .place, categories: ["country"]), offset: 0, limit: 2).rows.map(\.id)
let busiestID = organizations.isEmpty ? "" : organizations[busiest].id
let places = try histogramStore.page(EntityFilter(kind: .place), offset: 0, limit: 100_000).rows
let busiestPlaceID = places.max { $0.linkedEventCount < $1.linkedEventCount }?.id ?? ""
let people = try histogramStore.page(EntityFilter(kind: .person, order: .byLinkedEvents), offset: 0, limit: 1).rows
let busiestPersonID = people.first?.id ?? ""
for (label, filter) in [
    ("whole timeline", EntityFilter(kind: .event)),
    ("kind meeting", EntityFilter(kind: .event, categories: ["meeting"])),
    ("within 2018", EntityFilter(kind: .event, since: EDTFDate("2018"), until: EDTFDate("2018"))),
    ("common word", EntityFilter(kind: .event, text: options.commonWord)),
    ("common word within 2018", EntityFilter(kind: .event, text: options.commonWord, since: EDTFDate("2018"), until: EDTFDate("2018"))),
    ("narrowed to the busiest organization", EntityFilter(kind: .event, linkedTo: [busiestID], includesSubBodies: true)),
    ("common word, narrowed to the busiest organization",
     EntityFilter(kind: .event, text: options.commonWord, linkedTo: [busiestID], includesSubBodies: true)),
    ("a country", EntityFilter(kind: .event, countries: Array(countries.prefix(1)))),
    ("narrowed to the busiest place", EntityFilter(kind: .event, linkedTo: [busiestPlaceID])),
    ("common word, narrowed to the busiest place", EntityFilter(kind: .event, text: options.commonWord, linkedTo: [busiestPlaceID])),
    ("narrowed to the busiest person", EntityFilter(kind: .event, linkedTo: [busiestPersonID])),
    ("April to September 2018, within", EntityFilter(kind: .event, since: EDTFDate("2018-04"), until: EDTFDate("2018-09"))),
    ("April to September 2018, overlapping", EntityFilter(kind: .event, since: EDTFDate("2018-04"), until: EDTFDate("2018-09"),
                                                          dateMatch: .overlapping)),
] {
    var samples = Samples(name: "year histogram, \(label)")
    for _ in 0..<options.runs { samples.values.append(try milliseconds { _ = try histogramStore.dateSpread(filter) }) }
    results.append(samples)
}

// The first rows of lists narrowed to a place or person (read off `entity_links`), with and without words.
for (label, filter) in [("narrowed to the busiest place", EntityFilter(kind: .event, linkedTo: [busiestPlaceID])),
                        ("the common word narrowed to the busiest place",
                         EntityFilter(kind: .event, text: options.commonWord, linkedTo: [busiestPlaceID])),
                        ("the common word narrowed to the busiest person",
                         EntityFilter(kind: .event, text: options.commonWord, linkedTo: [busiestPersonID]))] {
    var samples = Samples(name: "first rows, \(label)")
    for _ in 0..<options.runs {
        samples.values.append(try milliseconds { _ = try histogramStore.window(filter, offset: 0, limit: height, after: nil) })
    }
    results.append(samples)
}

// Facets and the pair ledger (issue: ≤ 100 ms at 1,000,000 events), read straight from the store.
for facet in [Facet.year, .kind, .organization, .country, .place, .person, .source] {
    var samples = Samples(name: "facets of the whole timeline by \(facet.rawValue)")
    for _ in 0..<options.runs { samples.values.append(try milliseconds { _ = try histogramStore.facets(EntityFilter(kind: .event), by: facet) }) }
    results.append(samples)
}
for (label, filter) in [("the common word", EntityFilter(kind: .event, text: options.commonWord)),
                        ("kind meeting", EntityFilter(kind: .event, categories: ["meeting"])),
                        ("within 2018", EntityFilter(kind: .event, since: EDTFDate("2018"), until: EDTFDate("2018"))),
                        ("the busiest organization", EntityFilter(kind: .event, linkedTo: [busiestID], includesSubBodies: true))] {
    for facet in [Facet.year, .kind, .organization, .country, .place, .person] {
        var samples = Samples(name: "facets of \(label) by \(facet.rawValue)")
        for _ in 0..<options.runs { samples.values.append(try milliseconds { _ = try histogramStore.facets(filter, by: facet) }) }
        results.append(samples)
    }
}
if countries.count == 2 {
    var samples = Samples(name: "pair ledger \(countries[0]) / \(countries[1])")
    for _ in 0..<options.runs { samples.values.append(try milliseconds { _ = try histogramStore.pairLedger(countries[0], countries[1]) }) }
    results.append(samples)
}

print("store: \(options.store)  events: \(total)  screen: \(width)x\(height)  runs: \(options.runs)")
for result in results { print(result.report()) }
print(String(format: "peak resident memory: %.1f MB", peakResidentMegabytes()))
