/// SplitMix64: a small, fast pseudo-random generator whose numbers depend on the seed alone,
/// so synthetic data come out the same on every run and platform.
struct SplitMix64 {
    private var state: UInt64

    /// A generator started from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<count` (multiply-high, so no division per draw).
    mutating func below(_ count: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// A number in `range`.
    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// An index into `weights`, drawn in proportion to them.
    mutating func weighted(_ weights: [Int]) -> Int {
        var draw = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }

    /// One element of `elements`, all equally likely.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }
}

/// Draws ranks with Zipf's law (exponent 1): rank r comes up in proportion to 1 / (r + 1),
/// so a few ranks are very common and most are rare.
struct ZipfSampler {
    /// Cumulative weights, scaled so the last is 2^53.
    private let cumulative: [UInt64]

    /// A sampler of ranks `0..<count`.
    init(count: Int) {
        var sums: [Double] = []
        sums.reserveCapacity(count)
        var total = 0.0
        for rank in 0..<count {
            total += 1.0 / Double(rank + 1)
            sums.append(total)
        }
        let scale = Double(UInt64(1) << 53) / total
        cumulative = sums.map { UInt64(($0 * scale).rounded(.down)) }
    }

    /// A rank.
    func sample(_ random: inout SplitMix64) -> Int {
        let draw = random.next() >> 11
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > draw { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `count` different ranks (fewer when there are not enough), in the order drawn.
    func sampleDistinct(_ count: Int, _ random: inout SplitMix64) -> [Int] {
        var ranks: [Int] = []
        var attempts = 0
        while ranks.count < min(count, cumulative.count) && attempts < count * 20 {
            let rank = sample(&random)
            if !ranks.contains(rank) { ranks.append(rank) }
            attempts += 1
        }
        return ranks
    }
}

/// A delegation visit whose head, sender, destinations and counterparts are given by name, as in an
/// import: the store links each name to the entity of that name, creating it when there is none.
public struct NamedVisit: Hashable, Sendable {
    /// `visit-…` id.
    public var id: String
    /// When, if known.
    public var date: EDTFDate?
    /// Short title.
    public var title: String
    /// Name of the head of delegation.
    public var head: String?
    /// Name of the sending organization.
    public var sender: String?
    /// Names of the places visited (cities).
    public var destinations: [String]
    /// Why it went.
    public var purpose: String?
    /// Meetings held.
    public var meetings: [NamedMeeting]
    /// The source sentences behind it.
    public var citations: [Citation]
}

/// A meeting of a `NamedVisit`, with its counterparts by name.
public struct NamedMeeting: Hashable, Sendable {
    /// `meeting-…` id.
    public var id: String
    /// When, if known.
    public var date: EDTFDate?
    /// Names of the people met.
    public var counterparts: [String]
    /// What was discussed.
    public var topics: [String]
    /// The source sentences behind it.
    public var citations: [Citation]
}

/// A deterministic synthetic dataset for trying the browser at scale: the same size and seed give the same
/// bytes. A few hundred countries and organizations, people in proportion to the events, dates from 1945 to
/// 2026 at mixed precision, Zipf-like popularity of organizations, people and words, and delegation visits.
public struct SyntheticDataset {
    /// How many events the dataset has.
    public let eventCount: Int
    /// Country names.
    public let countries: [String]
    /// City names.
    public let cities: [String]
    /// Organization names, most linked first.
    public let organizations: [String]
    /// Person names, most linked first.
    public let people: [String]
    /// Names of the outlets cited, most cited first.
    public let sources: [String]
    private let seed: UInt64
    private let vocabulary: [String]
    private let organizationRanks: ZipfSampler
    private let personRanks: ZipfSampler
    private let countryRanks: ZipfSampler
    private let cityRanks: ZipfSampler
    private let sourceRanks: ZipfSampler
    private let wordRanks: ZipfSampler
    /// Draws the rows, in order.
    private var random: SplitMix64
    private var nextEvent = 0
    private var wroteHeader = false

    /// The dataset of `events` events for `seed`.
    public init(events: Int, seed: UInt64) {
        eventCount = max(0, events)
        self.seed = seed
        var names = SplitMix64(seed: Self.streamSeed(seed, 1))
        var taken = Set(Self.commonWords)
        func unique(_ make: (inout SplitMix64) -> String) -> String {
            for _ in 0..<50 {
                let name = make(&names)
                if taken.insert(name).inserted { return name }
            }
            let name = make(&names) + " \(taken.count)"
            taken.insert(name)
            return name
        }
        let countries = (0..<Self.countryCount).map { _ in
            unique { random in Self.properWord(&random, syllables: random.inRange(2...3)) + random.pick(["", "", "ia", "stan", "land", "a"]) }
        }
        let cities = (0..<(Self.countryCount * 3)).map { index in
            unique { random in
                let word = Self.properWord(&random, syllables: random.inRange(2...3))
                // A few names carry letters that search folds (ə, ı, á), as real place names do.
                let named = index % 17 == 5 ? Self.withLocalLetter(word, &random) : word
                return random.pick(["", "", "", "Port ", "San ", "New "]) + named + random.pick(["", "", "", "grad", "abad", "ville"])
            }
        }
        var vocabulary = Self.commonWords
        vocabulary += (0..<Self.rareWordCount).map { _ in unique { random in Self.word(&random, syllables: random.inRange(2...3)) } }
        let topics = Array(Self.commonWords.prefix(60))
        var organizations = (0..<Self.internationalOrganizationCount).map { _ in
            unique { random in
                let topic = random.pick(topics).capitalizedFirst, other = random.pick(topics).capitalizedFirst
                let region = random.pick(countries)
                switch random.below(5) {
                case 0: return "Council for \(topic) Cooperation of \(region)"
                case 1: return "Commission on \(topic) and \(other)"
                case 2: return "\(region) Forum on \(topic)"
                case 3: return "International Agency for \(topic), \(other) and \(random.pick(topics).capitalizedFirst)"
                default: return "Organization of \(region) \(topic) Partners"
                }
            }
        }
        organizations += (0..<Self.nationalAgencyCount).map { _ in
            unique { random in "Ministry of \(random.pick(Self.portfolios)) of \(random.pick(countries))" }
        }
        Self.shuffle(&organizations, &names)
        let firstNames = (0..<250).map { _ in unique { random in Self.properWord(&random, syllables: random.inRange(2...3)) } }
        let surnames = (0..<500).map { _ in
            unique { random in Self.properWord(&random, syllables: random.inRange(2...3)) + random.pick(["", "ov", "ova", "son", "ez", "ian", "escu"]) }
        }
        let people = (0..<max(50, eventCount / 25)).map { _ in
            unique { random in "\(random.pick(firstNames)) \(random.pick(surnames))" }
        }
        let sources = (0..<60).map { _ in
            unique { random in random.pick(["The ", "", ""]) + random.pick(cities) + " " + random.pick(["Herald", "Wire", "Gazette", "Ministry of Foreign Affairs", "Times", "News Agency"]) }
        }
        self.countries = countries
        self.cities = cities
        self.organizations = organizations
        self.people = people
        self.sources = sources
        self.vocabulary = vocabulary
        organizationRanks = ZipfSampler(count: organizations.count)
        personRanks = ZipfSampler(count: people.count)
        countryRanks = ZipfSampler(count: countries.count)
        cityRanks = ZipfSampler(count: cities.count)
        sourceRanks = ZipfSampler(count: sources.count)
        wordRanks = ZipfSampler(count: vocabulary.count)
        random = SplitMix64(seed: Self.streamSeed(seed, 2))
    }

    // MARK: - Events

    /// The next bytes of the import CSV (header first, then a thousand rows at a time), or nil after the last row.
    public mutating func nextCSVChunk() -> [UInt8]? {
        var bytes: [UInt8] = []
        if !wroteHeader {
            wroteHeader = true
            CSVWriter.appendLine(EventTable.columns, to: &bytes)
        }
        var rows = 0
        while rows < 1_000, let cells = nextEventCells() {
            CSVWriter.appendLine(cells, to: &bytes)
            rows += 1
        }
        return bytes.isEmpty ? nil : bytes
    }

    /// The cells of the next event row, in `EventTable.columns` order, or nil after the last.
    private mutating func nextEventCells() -> [String]? {
        guard nextEvent < eventCount else { return nil }
        nextEvent += 1
        let id = "event-gen-" + Self.padded(nextEvent, to: max(7, String(eventCount).count))
        let kind = Self.eventKinds[random.weighted(Self.eventKindWeights)]
        let date = randomDate(undatedPercent: 5)
        let organizations = organizationRanks.sampleDistinct(1 + random.weighted([50, 35, 15]), &random).map { self.organizations[$0] }
        let people = personRanks.sampleDistinct(random.weighted([30, 35, 25, 10]), &random).map { self.people[$0] }
        let places = cityRanks.sampleDistinct(random.weighted([40, 45, 15]), &random).map { cities[$0] }
        let countries = countryRanks.sampleDistinct(random.weighted([25, 55, 20]), &random).map { self.countries[$0] }
        let subject = organizations[0]
        let other = countries.first ?? organizations.dropFirst().first ?? "partners"
        let topic = words(random.inRange(2...4))
        let title: String
        switch kind {
        case .agreementSigned: title = "\(subject) and \(other) sign agreement on \(topic)"
        case .membership: title = "\(other) joins \(subject)"
        case .meeting: title = "\(subject) meets \(other) on \(topic)"
        case .institutionalChange: title = "\(subject) sets up an office for \(topic)"
        case .election: title = "\(subject) elects the chair of its \(topic) committee"
        case .publication: title = "\(subject) publishes a report on \(topic)"
        case .resolutionAdopted: title = "\(subject) adopts a resolution on \(topic)"
        case .statement: title = "\(subject) issues a statement on \(topic)"
        case .contribution: title = "\(other) contributes to the \(subject) fund for \(topic)"
        case .visit: title = "\(people.first ?? subject) visits \(places.first ?? other)"
        case .incident: title = "Incident involving \(other) reported near \(places.first ?? other)"
        case .other: title = "\(subject): \(topic)"
        case .cooperation: title = "\(subject) and \(other) cooperate on \(topic)"
        case .conflict: title = "\(other) protests against \(subject) over \(topic)"
        }
        let source = sources[sourceRanks.sample(&random)]
        var sentences = ["According to \(source), \(subject) and \(other) discussed \(words(random.inRange(4...9)))."]
        for _ in 0..<random.inRange(0...2) {
            var sentence = words(random.inRange(8...16)).capitalizedFirst
            // Now and then a quoted phrase or a second paragraph, as press texts have.
            if random.chance(3) { sentence += ", calling it \"a \(words(2)) step\"" }
            sentences.append(sentence + ".")
        }
        let summary = sentences.joined(separator: random.chance(1) ? "\n" : " ")
        let cited = random.chance(98)
        return EventTable.cells(id: id, date: date, kind: kind, title: title, summary: summary,
                                organizations: organizations, people: people, places: places, countries: countries,
                                citation: cited ? Citation(source: source, quote: sentences[0]) : nil)
    }

    // MARK: - Visits

    /// Delegation visits, one for every fifty events: a head, a sender, one or two cities, one to six meetings.
    public func visits() -> [NamedVisit] {
        var generator = self
        generator.random = SplitMix64(seed: Self.streamSeed(seed, 3))
        let count = eventCount == 0 ? 0 : max(1, eventCount / 50)
        let width = max(6, String(count).count)
        return (0..<count).map { generator.nextVisit(Self.padded($0 + 1, to: width)) }
    }

    /// The visit numbered `number`.
    private mutating func nextVisit(_ number: String) -> NamedVisit {
        let head = people[personRanks.sample(&random)]
        let sender = organizations[organizationRanks.sample(&random)]
        let destinations = cityRanks.sampleDistinct(random.inRange(1...2), &random).map { cities[$0] }
        let date = randomDate(undatedPercent: 3)
        let purpose = "Talks on \(words(random.inRange(2...4)))"
        let source = sources[sourceRanks.sample(&random)]
        let meetings = (1...random.inRange(1...6)).map { index in
            NamedMeeting(id: "meeting-gen-\(number)-\(index)", date: random.chance(50) ? date : nil,
                         counterparts: personRanks.sampleDistinct(random.inRange(1...2), &random).map { people[$0] },
                         topics: (0..<random.inRange(1...3)).map { _ in words(2) },
                         citations: [Citation(source: source, quote: "\(head) met counterparts in \(destinations[0]).")])
        }
        return NamedVisit(id: "visit-gen-\(number)", date: date, title: "\(head) visits \(destinations.joined(separator: " and "))",
                          head: head, sender: sender, destinations: destinations, purpose: purpose, meetings: meetings,
                          citations: [Citation(source: source, quote: "\(purpose) brought \(head) to \(destinations[0]).")])
    }

    // MARK: - Drawing

    /// A date from 1945 to 2026, later years likelier: mostly days, then months, years, intervals,
    /// some open-ended, a few qualified with `~` or `?`, and `undatedPercent` percent none.
    private mutating func randomDate(undatedPercent: Int) -> EDTFDate? {
        // Weights grow with the year: 1945 weighs 1, 2026 weighs 5.
        var year = 1945
        repeat { year = random.inRange(1945...2026) } while random.below(81 * 5) >= 81 + (year - 1945) * 4
        let month = random.inRange(1...12)
        let day = random.inRange(1...EDTFPoint.daysIn(month: month, year: year))
        switch random.weighted([undatedPercent, 50, 20, 12, 8, 2, 3]) {
        case 0: return nil
        case 1: return .point(EDTFPoint(year: year, month: month, day: day))
        case 2: return .point(EDTFPoint(year: year, month: month))
        case 3: return .point(EDTFPoint(year: year))
        case 4:
            if random.chance(70) {
                // A meeting or conference of a few days, within the month.
                let last = EDTFPoint.daysIn(month: month, year: year)
                let start = min(day, last - 1)
                let end = min(last, start + random.inRange(1...9))
                return .interval(start: .date(EDTFPoint(year: year, month: month, day: start)),
                                 end: .date(EDTFPoint(year: year, month: month, day: end)))
            }
            return .interval(start: .date(EDTFPoint(year: year)), end: .date(EDTFPoint(year: min(2026, year + random.inRange(1...6)))))
        case 5: return .interval(start: .date(EDTFPoint(year: year, month: month, day: day)), end: .open)
        default:
            let qualifier: EDTFPoint.Qualifier = random.chance(50) ? .approximate : .uncertain
            return .point(random.chance(50) ? EDTFPoint(year: year, qualifier: qualifier)
                                            : EDTFPoint(year: year, month: month, qualifier: qualifier))
        }
    }

    /// `count` words drawn by Zipf's law from the vocabulary, separated by spaces.
    private mutating func words(_ count: Int) -> String {
        (0..<count).map { _ in vocabulary[wordRanks.sample(&random)] }.joined(separator: " ")
    }

    /// A seed for one of the dataset's independent streams of draws.
    private static func streamSeed(_ seed: UInt64, _ stream: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }

    private static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func shuffle(_ elements: inout [String], _ random: inout SplitMix64) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(index, random.below(index + 1))
        }
    }

    private static let onsets = ["b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "g", "h", "p", "f", "sh", "kh", "ch", "tr", "dr", ""]
    private static let vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ia", "ei", "ou"]
    private static let codas = ["", "", "", "n", "r", "l", "s", "m", "k", "sk", "nd", "st"]

    /// A made-up lowercase word of `syllables` syllables.
    private static func word(_ random: inout SplitMix64, syllables: Int) -> String {
        (0..<syllables).map { _ in random.pick(onsets) + random.pick(vowels) + random.pick(codas) }.joined()
    }

    /// A made-up word starting with a capital.
    private static func properWord(_ random: inout SplitMix64, syllables: Int) -> String {
        word(&random, syllables: syllables).capitalizedFirst
    }

    /// `word` with its first `a` or `i` written the way Azerbaijani or Spanish spellings have it.
    private static func withLocalLetter(_ word: String, _ random: inout SplitMix64) -> String {
        guard let index = word.firstIndex(where: { $0 == "a" || $0 == "i" }) else { return word + "ə" }
        var spelled = word
        spelled.replaceSubrange(index...index, with: word[index] == "a" ? random.pick(["ə", "á"]) : "ı")
        return spelled
    }

    private static let countryCount = 200
    private static let internationalOrganizationCount = 120
    private static let nationalAgencyCount = 180
    private static let rareWordCount = 6_000
    private static let portfolios = ["Foreign Affairs", "Defence", "Justice", "Economy", "Energy", "Trade", "Interior",
                                     "Health", "Education", "Culture", "Finance", "Transport", "Agriculture", "Environment"]
    private static let eventKinds: [EventKind] = [.meeting, .statement, .agreementSigned, .visit, .membership,
                                                  .institutionalChange, .election, .publication, .resolutionAdopted,
                                                  .contribution, .incident, .other]
    private static let eventKindWeights = [22, 15, 10, 9, 6, 6, 5, 6, 7, 5, 5, 4]

    /// The common words of diplomatic texts, most frequent first; made-up rare words follow them.
    private static let commonWords = """
        cooperation security trade energy development regional economic agreement peace human rights \
        support partnership dialogue investment infrastructure transport climate migration border water \
        health education culture law justice defence maritime digital finance agriculture tourism \
        sanctions humanitarian aid reconstruction elections governance parliament ministry delegation \
        treaty convention protocol resolution summit conference forum council commission agency \
        programme strategy framework initiative mission observers monitoring ceasefire negotiations \
        reform transparency corruption prosecution police customs sovereignty integrity stability \
        crisis conflict refugees displaced women youth children labour employment industry technology \
        research science innovation telecommunications space nuclear disarmament weapons terrorism \
        cybersecurity pipeline gas oil electricity grid railway corridor port shipping fisheries \
        environment biodiversity drought floods disaster relief vaccine pandemic food grain fertiliser \
        debt loan budget tariff export import quota visa consular embassy ambassador minister \
        president prime secretary general envoy representative memorandum understanding roadmap \
        implementation review report statement declaration communique joint bilateral multilateral \
        neighbourhood heritage language media press freedom religion minorities demining landmines
        """.split(separator: " ").map(String.init)
}

extension String {
    /// The string with its first letter in capitals.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
