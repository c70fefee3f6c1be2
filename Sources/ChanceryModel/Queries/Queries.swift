/// How a date range keeps dated entities.
public enum DateMatch: String, CaseIterable, Hashable, Sendable {
    /// Every day the entity's date may cover lies in the range: "May 2018" is within 2018; "2000–present" (a period)
    /// and "2000 or later" (one date not known) are not.
    case within
    /// Some day the entity's date may cover lies in the range: the entity may have happened then.
    case overlapping

    /// The other one.
    public var toggled: DateMatch { self == .within ? .overlapping : .within }
}

/// The order a list runs in.
public enum ListOrder: String, CaseIterable, Hashable, Sendable {
    /// Earliest first, undated last (the default of dated kinds).
    case oldestFirst
    /// Latest first, undated last.
    case newestFirst
    /// By title or name, ignoring case and accents (the default of named kinds).
    case byName
    /// By kind (category), then oldest first.
    case byKind
    /// Most linked events first, then by name.
    case byLinkedEvents
    /// Organizations by when their first membership began, undated memberships next, then those with none.
    case byMemberSince
    /// Machine-coded events by their Goldstein scale, most conflictual first; the rest after them, by date.
    case byGoldstein
    /// Machine-coded events by mentions, most first; the rest after them, by date.
    case byMentions
    /// Machine-coded events by average tone, most negative first; the rest after them, by date.
    case byTone

    /// The order lists of `kind` run in when none is asked for.
    public static func standard(for kind: EntityKind) -> ListOrder {
        kind.isDated && kind != .source ? .oldestFirst : .byName
    }
}

/// Which entities of one kind to list, and in what order: every condition given must hold.
public struct EntityFilter: Hashable, Sendable {
    /// The kind listed.
    public var kind: EntityKind
    /// Words that must all occur (as word prefixes) in the entity's text, ignoring case and diacritics.
    public var text: String
    /// Keep only entities dated from this date on (how, `dateMatch` says).
    public var since: EDTFDate?
    /// Keep only entities dated up to this date (how, `dateMatch` says).
    public var until: EDTFDate?
    /// Whether `since`/`until` keep what lies wholly within the range, or what may fall in it.
    public var dateMatch: DateMatch
    /// Keep only these categories (event kinds, organization kinds, ...); empty keeps all.
    public var categories: [String]
    /// Keep only entities linked (either way) to every one of these ids; to a source, by citing it.
    public var linkedTo: [String]
    /// Keep only entities linked, for each of these countries, to the country or to a place inside it.
    public var countries: [String]
    /// A link to an organization of `linkedTo` counts also when it is to one of its sub-bodies (organizations whose
    /// parent, or parent's parent, it is).
    public var includesSubBodies: Bool
    /// The order they are listed in.
    public var order: ListOrder
    /// Keep only these entities (the analyst's marks); nil keeps all.
    public var onlyIDs: [String]?
    /// Entities whose notes (the analyst's, kept outside the store) hold the words: they match `text` too.
    public var notedIDs: [String] = []
    /// Keep only machine-coded entities of these CAMEO root codes (`04`); empty keeps all.
    public var cameoRoots: [String] = []
    /// Keep only machine-coded entities of these quad classes; empty keeps all.
    public var quadClasses: [QuadClass] = []

    /// A filter on `kind`; everything else defaults to "no condition".
    public init(kind: EntityKind, text: String = "", since: EDTFDate? = nil, until: EDTFDate? = nil,
                dateMatch: DateMatch = .within, categories: [String] = [], linkedTo: [String] = [], countries: [String] = [],
                includesSubBodies: Bool = false, order: ListOrder? = nil, onlyIDs: [String]? = nil) {
        self.onlyIDs = onlyIDs
        self.order = order ?? .standard(for: kind)
        self.includesSubBodies = includesSubBodies
        self.kind = kind
        self.text = text
        self.since = since
        self.until = until
        self.dateMatch = dateMatch
        self.categories = categories
        self.linkedTo = linkedTo
        self.countries = countries
    }
}

/// When a membership began: the date of the earliest membership event, or "undated" when none of them has a date.
public enum MembershipStart: Hashable, Sendable {
    /// The earliest dated membership event's date.
    case dated(EDTFDate)
    /// Membership events that give no date.
    case undated

    /// The earliest of the membership events' dates (`nil` for an undated one); nil when there are none.
    public static func earliest(of dates: [EDTFDate?]) -> MembershipStart? {
        guard !dates.isEmpty else { return nil }
        return dates.compactMap { $0 }.min { $0.firstDayKey < $1.firstDayKey }.map(MembershipStart.dated) ?? .undated
    }
}

/// One row of a list: what a pane shows of an entity.
public struct EntitySummary: Hashable, Sendable {
    /// The entity's id.
    public var id: String
    /// Its kind.
    public var kind: EntityKind
    /// Its category: event kind, organization kind, place kind, document kind or source kind.
    public var category: String
    /// Title or name.
    public var name: String
    /// Acronym, for organizations that have one.
    public var acronym: String?
    /// Date, for dated kinds.
    public var date: EDTFDate?
    /// One line of context: a visit's "who → where", an event's organizations.
    public var context: String
    /// How many events link to it or from it.
    public var linkedEventCount: Int
    /// For an organization in a list: when the first membership of it began, from the membership events naming it;
    /// nil when none does.
    public var memberSince: MembershipStart?

    /// A summary row.
    public init(id: String, kind: EntityKind, category: String, name: String, acronym: String? = nil,
                date: EDTFDate? = nil, context: String = "", linkedEventCount: Int = 0, memberSince: MembershipStart? = nil) {
        self.memberSince = memberSince
        self.id = id
        self.kind = kind
        self.category = category
        self.name = name
        self.acronym = acronym
        self.date = date
        self.context = context
        self.linkedEventCount = linkedEventCount
    }
}

/// A window of a filtered list and the size of the whole list.
public struct EntityPage: Hashable, Sendable {
    /// The rows of the window, in list order.
    public var rows: [EntitySummary]
    /// Position of the first row in the whole list.
    public var offset: Int
    /// How many entities match the filter; while `isCounted` is false, only how many the list holds up to the
    /// window's end, at least.
    public var total: Int
    /// False when counting the whole list would have held up the rows, so `total` is a lower bound and the count is
    /// still to be read (`EntityQueries.count`).
    public var isCounted: Bool
    /// How many entities of the kind there are, filter or not.
    public var unfilteredTotal: Int
    /// When the filter has a date range, how many the other `DateMatch` would keep (the count the chip offers).
    public var otherDateMatchTotal: Int?

    /// A page of `rows` starting at `offset` in a list of `total` (or at least that many, when not `isCounted`), out of
    /// `unfilteredTotal` of the kind.
    public init(rows: [EntitySummary], offset: Int, total: Int, isCounted: Bool = true, unfilteredTotal: Int,
                otherDateMatchTotal: Int? = nil) {
        self.rows = rows
        self.offset = offset
        self.total = total
        self.isCounted = isCounted
        self.unfilteredTotal = unfilteredTotal
        self.otherDateMatchTotal = otherDateMatchTotal
    }
}

/// Which way a link points, seen from the entity shown.
public enum LinkDirection: String, Hashable, Sendable {
    /// The entity shown names the other one.
    case outbound
    /// The other entity names the one shown.
    case inbound
}

/// An entity linked to the one shown, with the role and direction of the link.
public struct LinkedEntity: Hashable, Sendable {
    /// The other entity's summary.
    public var entity: EntitySummary
    /// The role in the record that holds the link.
    public var role: LinkRole
    /// Which record holds the link.
    public var direction: LinkDirection

    /// A link to `entity`.
    public init(entity: EntitySummary, role: LinkRole, direction: LinkDirection) {
        self.entity = entity
        self.role = role
        self.direction = direction
    }
}

/// A fact of a detail view that lists and dates do not show, such as an organization's other names: what
/// it is (`kind`) and its values. The view-model words and joins them.
public struct DetailField: Hashable, Sendable {
    /// What a detail field holds.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Other names or spellings of an organization, person or place.
        case aliases
        /// A person's positions, each "title, organization, country, period".
        case roles
        /// What a meeting was about.
        case topics
        /// A document's symbols, such as `A/RES/44/25`.
        case symbols
        /// Who published a source.
        case publisher
        /// When a source was published, as an EDTF date.
        case published
        /// The file name of a source's text.
        case file
        /// Where a source was published.
        case url
        /// A machine-coded event's CAMEO code and the codebook's name of it: `042`, `Make a visit`.
        case cameoEvent
        /// GDELT's QuadClass, 1–4 (`QuadClass`).
        case quadClass
        /// The Goldstein scale, −10 to +10.
        case goldstein
        /// How widely the first fifteen minutes covered it: mentions, sources and articles, in that order.
        case coverage
        /// The articles' average tone, −100 to +100.
        case tone
        /// When GDELT first saw it, `yyyymmddhhmmss` (UTC).
        case seen
    }

    /// What the field holds.
    public var kind: Kind
    /// Its values, in order; never empty.
    public var values: [String]

    /// A field of `kind` holding `values`.
    public init(kind: Kind, values: [String]) {
        self.kind = kind
        self.values = values
    }
}

/// A citation with what its source says of itself.
public struct CitationDetail: Hashable, Sendable {
    /// The source id.
    public var sourceID: String
    /// The source's title.
    public var sourceTitle: String
    /// Who published the source, when known.
    public var publisher: String?
    /// When the source was published, when known.
    public var published: EDTFDate?
    /// The verbatim quote.
    public var quote: String

    /// A citation of `quote` from the source `sourceID` titled `sourceTitle`.
    public init(sourceID: String, sourceTitle: String, publisher: String? = nil, published: EDTFDate? = nil, quote: String) {
        self.sourceID = sourceID
        self.sourceTitle = sourceTitle
        self.publisher = publisher
        self.published = published
        self.quote = quote
    }
}

/// Everything about one entity: its facts, its links both ways, a visit's meetings, and citations.
public struct EntityDetail: Hashable, Sendable {
    /// The entity's summary row.
    public var summary: EntitySummary
    /// An event's summary or a visit's purpose.
    public var text: String?
    /// How the date was worked out, when it was.
    public var dateNote: String?
    /// Other facts, each with its kind.
    public var fields: [DetailField]
    /// Links in both directions, outbound first, each group in a stable order; at most
    /// `inboundLinksShownPerKind` inbound links of each kind.
    public var links: [LinkedEntity]
    /// How many inbound links of each kind there are in all, shown or not.
    public var inboundLinkCounts: [EntityKind: Int]
    /// A visit's meetings, each a full detail.
    public var meetings: [EntityDetail]
    /// Source sentences behind the record.
    public var citations: [CitationDetail]
    /// The memberships ledger: of an organization, who became a member when; of a country, what it (or one of its
    /// organizations) joined when; in date order, undated last. Empty for other kinds.
    public var memberships: [MembershipEntry]

    /// The most inbound links of one kind a detail carries; narrowing a pane lists them all.
    public static let inboundLinksShownPerKind = 200

    /// A detail.
    public init(summary: EntitySummary, text: String?, dateNote: String?, fields: [DetailField],
                links: [LinkedEntity], inboundLinkCounts: [EntityKind: Int], meetings: [EntityDetail], citations: [CitationDetail],
                memberships: [MembershipEntry] = []) {
        self.memberships = memberships
        self.summary = summary
        self.text = text
        self.dateNote = dateNote
        self.fields = fields
        self.links = links
        self.inboundLinkCounts = inboundLinkCounts
        self.meetings = meetings
        self.citations = citations
    }
}

/// One line of a memberships ledger: a membership event and, from the ledger's side, the other party (the member, in
/// an organization's ledger; the organization joined, in a country's).
public struct MembershipEntry: Hashable, Sendable {
    /// The membership event, with its date.
    public var event: EntitySummary
    /// The member, or the organization joined.
    public var party: EntitySummary

    /// An entry of `event` naming `party`.
    public init(event: EntitySummary, party: EntitySummary) {
        self.event = event
        self.party = party
    }
}

/// How the dates of a list spread over the years, told apart by how well they are known: what lies within one year
/// (known to the day, month, season or year), what may fall in several (a decade, an interval, an open period, one
/// date known only as "2000 or later"), and what has no date.
public struct DateSpread: Hashable, Sendable {
    /// The years a date may fall in: `first` is nil for an open or unknown start, `last` for an open or unknown end.
    public struct Years: Hashable, Sendable {
        /// The first year, if the start is known.
        public var first: Int?
        /// The last year, if the end is known.
        public var last: Int?

        /// The years `first` through `last`.
        public init(first: Int?, last: Int?) {
            self.first = first
            self.last = last
        }
    }

    /// How many lie wholly within each year, by year.
    public var withinYear: [Int: Int]
    /// How many may fall in more than one year, by the years they may fall in.
    public var spanning: [Years: Int]
    /// How many have no date.
    public var undated: Int

    /// A spread of the given counts.
    public init(withinYear: [Int: Int] = [:], spanning: [Years: Int] = [:], undated: Int = 0) {
        self.withinYear = withinYear
        self.spanning = spanning
        self.undated = undated
    }

    /// How many entities the spread counts, each once: dated or not.
    public var total: Int {
        withinYear.values.reduce(0, +) + spanning.values.reduce(0, +) + undated
    }

    /// A row a year from the first to the last year any date names: what lies within it (`count`), and what may fall
    /// in it (`possibly`, those within it included).
    public var yearCounts: [FacetCount] {
        guard let years = namedYears else { return [] }
        return years.map { year in
            let within = withinYear[year] ?? 0
            let loose = spanning.filter { ($0.key.first ?? .min) <= year && year <= ($0.key.last ?? .max) }.values.reduce(0, +)
            return FacetCount(value: String(year), count: within, possibly: within + loose)
        }
    }

    /// From the first to the last year any date names (an open end names none); nil when nothing is dated.
    public var namedYears: ClosedRange<Int>? {
        let named = Array(withinYear.keys) + spanning.keys.flatMap { [$0.first, $0.last].compactMap(\.self) }
        guard let low = named.min(), let high = named.max() else { return nil }
        return low...high
    }

    /// Adds `count` entities dated from the year `first` to the year `last` (nil: open or unknown), or undated.
    public mutating func add(_ count: Int, dated: Bool, first: Int?, last: Int?) {
        if !dated {
            undated += count
        } else if let first, first == last {
            withinYear[first, default: 0] += count
        } else {
            spanning[Years(first: first, last: last), default: 0] += count
        }
    }
}

/// Thrown by a read that was interrupted because a newer one superseded it.
public struct QueryInterrupted: Error, Hashable, Sendable {
    /// An interruption.
    public init() {}
}

/// The reads the browser and the command line make; the store answers them.
public protocol EntityQueries: Sendable {
    /// A window of the entities matching `filter`, in list order, and how many match in all.
    func page(_ filter: EntityFilter, offset: Int, limit: Int) throws -> EntityPage
    /// The same window, given the id of the row just before `offset` in this list (`after`, when the caller has it):
    /// a store may then seek to the rows after it rather than step over `offset` rows.
    func page(_ filter: EntityFilter, offset: Int, limit: Int, after: String?) throws -> EntityPage
    /// The same window for a screen that must not wait for the count: a store may leave the total uncounted
    /// (`EntityPage.isCounted`) when counting costs more than reading the rows, and give it later through `count`.
    func window(_ filter: EntityFilter, offset: Int, limit: Int, after: String?) throws -> EntityPage
    /// How many entities match `filter`.
    func count(_ filter: EntityFilter) throws -> Int
    /// Everything about the entity `id`, or nil when there is none.
    func detail(id: String) throws -> EntityDetail?
    /// How the dates of what `filter` keeps spread over the years (within one year, possibly in several, undated).
    func dateSpread(_ filter: EntityFilter) throws -> DateSpread
    /// How many of what `filter` keeps have each value of `facet`, most first (years in year order).
    func facets(_ filter: EntityFilter, by facet: Facet) throws -> [FacetCount]
    /// The categories that entities of `kind` have, each once, in no particular order.
    func categories(of kind: EntityKind) throws -> [String]
    /// The kinds that have machine-coded entities (imported from GDELT): events and visits, or none.
    func codedKinds() throws -> Set<EntityKind>
    /// The full text of the source `id`, or nil when the store does not hold it (an imported source, say).
    func sourceText(id: String) throws -> String?
    /// The ledger of the countries (place ids) `first` and `second`, or nil when either is not a country.
    func pairLedger(_ first: String, _ second: String) throws -> PairLedger?
    /// What the store holds, in a line that changes when its records do (counts of records, links and citations,
    /// and the length of names and dates): a trail names it, so a replay can tell it runs on other data.
    func contentFingerprint() throws -> String
    /// Stops the read under way on another thread, which then throws `QueryInterrupted`; later reads are not affected.
    func interrupt()
}

extension EntityQueries {
    /// Reads the window by its offset alone, for queries that have no faster way.
    public func page(_ filter: EntityFilter, offset: Int, limit: Int, after: String?) throws -> EntityPage {
        try page(filter, offset: offset, limit: limit)
    }

    /// The window with its count, for queries whose counting costs no more than their rows.
    public func window(_ filter: EntityFilter, offset: Int, limit: Int, after: String?) throws -> EntityPage {
        try page(filter, offset: offset, limit: limit, after: after)
    }

    /// The count an empty window carries.
    public func count(_ filter: EntityFilter) throws -> Int {
        try page(filter, offset: 0, limit: 0).total
    }
}

/// What a frequency view counts the entities of a list by.
public enum Facet: String, CaseIterable, Hashable, Sendable {
    case year, kind, organization, place, country, person, source
    /// The CAMEO root code of machine-coded events (`04`).
    case cameo
    /// The quad class of machine-coded events (`1`–`4`).
    case quad
}

/// One value of a facet and how many entities of the list have it.
public struct FacetCount: Hashable, Sendable {
    /// The value as shown: a year, a stored kind, or the name of an organization, place, person or source.
    public var value: String
    /// The id of the entity the value names, for the linked facets.
    public var id: String?
    /// How many have it; for a year, how many lie wholly within it.
    public var count: Int
    /// For a year, how many may fall in it (those within it included); nil for the other facets.
    public var possibly: Int?

    /// A count of `value`.
    public init(value: String, id: String? = nil, count: Int, possibly: Int? = nil) {
        self.value = value
        self.id = id
        self.count = count
        self.possibly = possibly
    }

    /// `rows` of `facet` by value (years as numbers, the rest alphabetically), or most first with ties by value.
    public static func ordered(_ rows: [FacetCount], facet: Facet, byValue: Bool) -> [FacetCount] {
        // Positions are sorted, not the rows: moving rows (two strings each) cost more than comparing them, 40,000 people's
        // counts taking 60 ms.
        let counts = rows.map(\.count), values = rows.map(\.value), years = facet == .year ? rows.map { Int($0.value) ?? 0 } : []
        func valueFirst(_ a: Int, _ b: Int) -> Bool { facet == .year ? years[a] < years[b] : values[a] < values[b] }
        return rows.indices.sorted { a, b in byValue || counts[a] == counts[b] ? valueFirst(a, b) : counts[a] > counts[b] }.map { rows[$0] }
    }
}

/// What two countries did with each other: the visits each way, the agreements naming both, the meetings held
/// on those visits, in date order (undated last).
public struct PairLedger: Hashable, Sendable {
    /// The two countries.
    public var first: EntitySummary, second: EntitySummary
    /// Visits from the first country (its own, its organizations' or its people's) to a place in the second.
    public var visitsFromFirst: [EntitySummary]
    /// Visits the other way.
    public var visitsFromSecond: [EntitySummary]
    /// Agreements linked to both countries (or to their places, organizations or people).
    public var agreements: [EntitySummary]
    /// The meetings held during those visits.
    public var meetings: [EntitySummary]

    /// A ledger of the two countries.
    public init(first: EntitySummary, second: EntitySummary, visitsFromFirst: [EntitySummary], visitsFromSecond: [EntitySummary],
                agreements: [EntitySummary], meetings: [EntitySummary]) {
        self.first = first
        self.second = second
        self.visitsFromFirst = visitsFromFirst
        self.visitsFromSecond = visitsFromSecond
        self.agreements = agreements
        self.meetings = meetings
    }

    /// The first and last contact as far as the dates tell: the first is the date that must have passed soonest (its
    /// last possible day earliest), the last the one that cannot have come sooner (its first possible day latest), so
    /// "2000 or later" is never called a first contact before one of May 2024. Nil when nothing is dated.
    public var contactSpan: (first: EDTFDate, last: EDTFDate)? {
        let dated = (visitsFromFirst + visitsFromSecond + agreements + meetings).compactMap(\.date)
        guard let first = dated.min(by: { $0.endKey < $1.endKey }),
              let last = dated.max(by: { $0.firstDayKey < $1.firstDayKey }) else { return nil }
        return (first, last)
    }
}
