import ChanceryModel
import Foundation
import Synchronization

/// A handful of records held in memory and answered without a store, for pure tests of the view-model's features:
/// lists in the order given (or by name, kind or linked events when asked), the words filter (`SearchQuery`) read over the name's
/// words, links read from each detail.
public final class InMemoryQueries: EntityQueries {
    /// Every record, in list order.
    public let records: [EntityDetail]
    private let reads = Atomic<Int>(0)

    /// Queries over `records`, each summary's `linkedEventCount` counted from the events' links, and each
    /// organization's `memberSince` taken from its membership events, as a store does.
    public init(_ records: [EntityDetail]) {
        var counts: [String: Int] = [:]
        var memberships: [String: [EDTFDate?]] = [:]
        for event in records where event.summary.kind == .event {
            for id in Set(event.links.map(\.entity.id)) { counts[id, default: 0] += 1 }
            guard event.summary.category == "membership" else { continue }
            for link in event.links where link.role != .member { memberships[link.entity.id, default: []].append(event.summary.date) }
        }
        self.records = records.map { record in
            var counted = record
            counted.summary.linkedEventCount = counts[record.summary.id] ?? 0
            if record.summary.kind == .organization {
                counted.summary.memberSince = memberships[record.summary.id].flatMap(MembershipStart.earliest)
            }
            return counted
        }
    }

    /// How many page and detail reads were answered.
    public var readCount: Int { reads.load(ordering: .relaxed) }

    /// The records of `filter.kind` that meet its conditions, from `offset`.
    public func page(_ filter: EntityFilter, offset: Int, limit: Int) throws -> EntityPage {
        reads.add(1, ordering: .relaxed)
        let ofKind = records.filter { $0.summary.kind == filter.kind }
        let matching = Self.sorted(ofKind.filter { matches($0, filter) }.map(\.summary), by: filter.order)
        let window = matching.dropFirst(offset).prefix(limit)
        var other = filter
        other.dateMatch = filter.dateMatch.toggled
        let otherTotal = filter.since == nil && filter.until == nil ? nil : ofKind.filter { matches($0, other) }.count
        return EntityPage(rows: Array(window), offset: offset, total: matching.count, unfilteredTotal: ofKind.count,
                          otherDateMatchTotal: otherTotal)
    }

    /// The record `id`, nil when there is none.
    public func detail(id: String) throws -> EntityDetail? {
        reads.add(1, ordering: .relaxed)
        return records.first { $0.summary.id == id }
    }

    /// How the matching records' dates spread over the years.
    public func dateSpread(_ filter: EntityFilter) throws -> DateSpread {
        var spread = DateSpread()
        for record in records where matches(record, filter) && record.summary.kind == filter.kind {
            let date = record.summary.date
            spread.add(1, dated: date != nil, first: date?.firstYear, last: date?.lastYear)
        }
        return spread
    }

    /// The matching records counted by year, kind or the linked entities of a kind (each record once per value).
    public func facets(_ filter: EntityFilter, by facet: Facet) throws -> [FacetCount] {
        if facet == .year { return try dateSpread(filter).yearCounts }
        let matching = records.filter { $0.summary.kind == filter.kind && matches($0, filter) }
        var counts: [String: (name: String, count: Int)] = [:]
        for record in matching {
            let values: [(String, String)] = switch facet {
            case .kind: [(record.summary.category, record.summary.category)]
            case .organization: record.links.filter { $0.entity.kind == .organization }.map { ($0.entity.id, $0.entity.name) }
            case .person: record.links.filter { $0.entity.kind == .person }.map { ($0.entity.id, $0.entity.name) }
            case .place, .country: record.links.filter { $0.entity.kind == .place }.map { ($0.entity.id, $0.entity.name) }
            case .source: record.citations.map { ($0.sourceID, $0.sourceTitle) }
            case .year, .cameo, .quad: []  // the curated records are not machine-coded
            }
            // A record linked to a value twice counts once.
            for (key, name) in Dictionary(values, uniquingKeysWith: { first, _ in first }) {
                counts[key, default: (name, 0)].count += 1
            }
        }
        return FacetCount.ordered(counts.map { FacetCount(value: $0.value.name, id: facet == .kind ? nil : $0.key, count: $0.value.count) },
                                  facet: facet, byValue: false)
    }

    /// None: the curated records are not machine-coded.
    public func codedKinds() throws -> Set<EntityKind> { [] }

    /// The categories records of `kind` have.
    public func categories(of kind: EntityKind) throws -> [String] {
        Array(Set(records.filter { $0.summary.kind == kind }.map(\.summary.category)))
    }

    /// The fixture's one source text, which holds every record's quotes; nil for any other id.
    public func sourceText(id: String) throws -> String? {
        guard id == Fixture.source.id else { return nil }
        return Fixture.sourceText(of: records)
    }

    /// The ledger of two countries: the visits linked to a place of one and to the other (or its places), the
    /// agreements linked to both; the fixture's visits have no meetings. Nil unless both are countries here.
    public func pairLedger(_ first: String, _ second: String) throws -> PairLedger? {
        let countries = [first, second].map { id in
            records.lazy.flatMap(\.links).map(\.entity).first { $0.id == id && $0.category == "country" }
        }
        guard let one = countries[0], let other = countries[1] else { return nil }
        func linked(_ kind: EntityKind, to ids: [String]) -> [EntitySummary] {
            records.filter { record in
                record.summary.kind == kind && ids.allSatisfy { id in record.links.contains { $0.entity.id == id } }
            }.map(\.summary)
        }
        let visits = linked(.visit, to: [first, second])
        return PairLedger(first: one, second: other, visitsFromFirst: visits, visitsFromSecond: [],
                          agreements: linked(.event, to: [first, second]).filter { $0.category == "agreementSigned" }, meetings: [])
    }

    /// The records' count and the length of their names.
    public func contentFingerprint() throws -> String {
        "\(records.count) records, names \(records.map(\.summary.name.count).reduce(0, +))"
    }

    /// Nothing runs long enough to interrupt.
    public func interrupt() {}

    /// `rows` (in list order) in `order`: the date orders keep the order given, reversing it for newest first.
    private static func sorted(_ rows: [EntitySummary], by order: ListOrder) -> [EntitySummary] {
        switch order {
        case .oldestFirst: rows
        case .newestFirst: rows.filter { $0.date != nil }.reversed() + rows.filter { $0.date == nil }
        case .byName: rows.sorted { $0.name.lowercased() < $1.name.lowercased() }
        case .byKind: rows.enumerated().sorted { ($0.element.category, $0.offset) < ($1.element.category, $1.offset) }.map(\.element)
        case .byLinkedEvents: rows.sorted { ($1.linkedEventCount, $0.name) < ($0.linkedEventCount, $1.name) }
        case .byMemberSince:
            rows.sorted { first, second in
                func key(_ row: EntitySummary) -> Int {
                    switch row.memberSince {
                    case .dated(let date): date.firstDayKey
                    case .undated: 99_999_998
                    case nil: 99_999_999
                    }
                }
                return (key(first), first.name) < (key(second), second.name)
            }
        case .byGoldstein, .byMentions, .byTone: rows  // none is machine-coded: all by date
        }
    }

    /// `id` and the organizations whose parent (or parent's parent…) it is.
    private func withSubBodies(_ id: String) -> Set<String> {
        var group: Set<String> = [id]
        while true {
            let children = records.filter { record in
                record.links.contains { $0.role == .parent && group.contains($0.entity.id) }
            }.map(\.summary.id)
            guard !group.isSuperset(of: children) else { return group }
            group.formUnion(children)
        }
    }

    private func matches(_ record: EntityDetail, _ filter: EntityFilter) -> Bool {
        let summary = record.summary
        guard filter.onlyIDs?.contains(summary.id) ?? true else { return false }
        guard SearchQuery(filter.text).matches(words: SearchFolding.words(summary.name)) || filter.notedIDs.contains(summary.id) else {
            return false
        }
        guard filter.categories.isEmpty || filter.categories.contains(summary.category) else { return false }
        // The curated records are not machine-coded: a condition on coded facts keeps none.
        guard filter.cameoRoots.isEmpty && filter.quadClasses.isEmpty else { return false }
        // As in the store, a record is linked to the sources its citations quote.
        let linked = Set(record.links.map(\.entity.id) + record.citations.map(\.sourceID))
        guard filter.linkedTo.allSatisfy({ id in
            !linked.isDisjoint(with: filter.includesSubBodies ? withSubBodies(id) : [id])
        }) else { return false }
        // The facets count a record under each place it links to, so a country here is one of those places.
        guard filter.countries.allSatisfy(linked.contains) else { return false }
        guard filter.since != nil || filter.until != nil else { return true }
        guard let date = summary.date else { return false }
        let (first, last) = (filter.since?.firstDayKey ?? Int.min, filter.until?.endKey ?? Int.max)
        return switch filter.dateMatch {
        case .within: date.firstDayKey >= first && date.endKey <= last
        case .overlapping: date.endKey >= first && date.firstDayKey <= last
        }
    }
}
