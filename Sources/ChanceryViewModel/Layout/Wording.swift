import ChanceryModel

// The store holds facts; the words a reader sees are made here.

extension DetailField.Kind {
    /// The label a detail shows before the field, such as "Also known as".
    public var label: String {
        switch self {
        case .aliases: "Also known as"
        case .roles: "Roles"
        case .topics: "Topics"
        case .symbols: "Symbols"
        case .publisher: "Publisher"
        case .published: "Published"
        case .file: "File"
        case .url: "URL"
        case .cameoEvent: "CAMEO event"
        case .quadClass: "Quad class"
        case .goldstein: "Goldstein scale"
        case .coverage: "Coverage"
        case .tone: "Average tone"
        case .seen: "Seen by GDELT"
        }
    }
}

extension DetailField {
    /// The values as a detail shows them: joined by "; ", a publication date in its display form, coded facts in words
    /// ("2 · material cooperation", "+7.0", "5 mentions, 1 source, 5 articles", "2017-07-01 23:45 UTC").
    public var displayValue: String {
        switch kind {
        case .published: return values.map { EDTFDate($0)?.display ?? $0 }.joined(separator: "; ")
        case .cameoEvent: return values.joined(separator: " ")
        case .quadClass:
            return values.map { value in Int(value).flatMap(QuadClass.init).map { "\(value) · \($0.label)" } ?? value }.joined()
        case .goldstein, .tone:
            return values.map { value in
                guard let number = Double(value) else { return value }
                let rounded = (number * 10).rounded() / 10
                return (rounded >= 0 ? "+" : "") + String(rounded)
            }.joined()
        case .coverage:
            return zip(values, ["mention", "source", "article"]).map { value, noun in
                "\(value) \(noun)\(value == "1" ? "" : "s")"
            }.joined(separator: ", ")
        case .seen:
            return values.map { value in
                guard value.count == 14, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return value }
                let digits = Array(value)
                func part(_ range: Range<Int>) -> String { String(digits[range]) }
                return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8)) \(part(8..<10)):\(part(10..<12)) UTC"
            }.joined()
        default: return values.joined(separator: "; ")
        }
    }
}

extension QuadClass {
    /// GDELT's name of the class: "verbal cooperation", "material conflict", …
    public var label: String {
        switch self {
        case .verbalCooperation: "verbal cooperation"
        case .materialCooperation: "material cooperation"
        case .verbalConflict: "verbal conflict"
        case .materialConflict: "material conflict"
        }
    }
}

extension ListOrder {
    /// How a pane's title names the order: "date ↑", "title", "events ↓".
    public func label(for kind: EntityKind) -> String {
        switch self {
        case .oldestFirst: "date ↑"
        case .newestFirst: "date ↓"
        case .byName: kind == .event || kind == .visit ? "title" : "name"
        case .byKind: "kind"
        case .byLinkedEvents: "events ↓"
        case .byMemberSince: "member since ↑"
        case .byGoldstein: "Goldstein ↑"
        case .byMentions: "mentions ↓"
        case .byTone: "tone ↑"
        }
    }
}

extension Facet {
    /// What the facet view calls the facet: "year", "kind", …, "CAMEO root", "quad class".
    public var title: String {
        switch self {
        case .cameo: "CAMEO root"
        case .quad: "quad class"
        default: rawValue
        }
    }

    /// How the facet view and the filter chip show a value: a kind's label, a CAMEO root with its codebook name
    /// (`04 consult`), a quad class with its name (`1 verbal cooperation`); other values as they are.
    public func label(of value: String) -> String {
        switch self {
        case .kind: EventKind(rawValue: value)?.label ?? value
        case .cameo: CAMEOEventCodes.names[value].map { "\(value) \($0.lowercased())" } ?? value
        case .quad: Int(value).flatMap(QuadClass.init).map { "\(value) \($0.label)" } ?? value
        default: value
        }
    }
}

extension MembershipStart {
    /// How a list shows it: "since May 1992", or "member" when no membership event gives a date.
    public var label: String {
        switch self {
        case .dated(let date): "since \(date.display)"
        case .undated: "member"
        }
    }
}

extension EntitySummary {
    /// The name to show: a meeting's says whom it was with (its stored name), or else during which visit (its context);
    /// a meeting of a body that is itself a meeting ("Meeting of the Prosecutors General …") is called by that name.
    public var displayName: String {
        guard kind == .meeting else { return name }
        if name.isEmpty { return "Meeting during \(context)" }
        return name.lowercased().hasPrefix("meeting ") ? name : "Meeting with \(name)"
    }

    /// What a list pane shows in its wide column: an organization's acronym and name, a visit's who → where (its
    /// context), anything else's name to show.
    public var listedText: String {
        switch kind {
        case .organization: acronym.map { "\($0) · \(name)" } ?? name
        case .visit: context
        default: displayName
        }
    }
}

extension FacetCount {
    /// The longest bar's count among `rows` (a year's `possibly` included), at least 1.
    public static func highest(in rows: [FacetCount]) -> Int {
        max(1, rows.map { max($0.count, $0.possibly ?? 0) }.max() ?? 1)
    }

    /// The cells of its bar, at most `width` against the `highest` count shown: solid for the count (one at least when
    /// there is any), shaded for what only may fall there (a year's `possibly` beyond its count).
    public func barCells(width: Int, highest: Int) -> (solid: Int, shaded: Int) {
        let highest = max(1, highest)
        let solid = count == 0 ? 0 : max(1, count * width / highest)
        return (solid, max(0, (possibly ?? 0) * width / highest - solid))
    }
}

/// One part of a pair ledger as the screen and `chancery pair` show it.
public struct PairLedgerSection: Sendable {
    /// The name JSON gives it.
    public var key: String
    /// Its heading, naming the countries.
    public var heading: String
    /// Its records, in date order.
    public var rows: [EntitySummary]
}

extension PairLedger {
    /// The visits each way, the agreements and the meetings on those visits, in that order.
    public var sections: [PairLedgerSection] {
        [PairLedgerSection(key: "visitsFromFirst", heading: "Visits from \(first.name) to \(second.name)", rows: visitsFromFirst),
         PairLedgerSection(key: "visitsFromSecond", heading: "Visits from \(second.name) to \(first.name)", rows: visitsFromSecond),
         PairLedgerSection(key: "agreements", heading: "Agreements", rows: agreements),
         PairLedgerSection(key: "meetings", heading: "Meetings on those visits", rows: meetings)]
    }

    /// "First contact: … · last: …", or that no contact is dated.
    public var contactLine: String {
        contactSpan.map { "First contact: \($0.first.display) · last: \($0.last.display)" } ?? "No dated contact"
    }
}

extension Citation {
    /// What a citation without a quote says in its place: the record was machine-coded (GDELT) from the article.
    public static let noQuoteNote = "No verbatim quote: the record was machine-coded from this article."
}
