import ChanceryModel
import Foundation
import GRDB
import GRDBSQLite

/// A list counted by organization, place, person, source or country off the rowids `linked_count` keeps per target:
/// each target's entities of the list's kind are unpacked and those the list keeps are counted. For the 297,840
/// matches of a common word among a million events, by place: 35–60 ms, where counting the list's links took 1.4 s.
struct LinkedFacets {
    /// The kind of target read (places, for countries), and whether places are gathered under their countries.
    private let targetKind: EntityKind
    private let byCountry: Bool
    /// The kind of the list.
    private let kind: EntityKind

    /// Counts of `facet` for a list of `kind`; nil for a facet not counted by target.
    init?(_ facet: Facet, of kind: EntityKind) {
        guard let targetKind = facet == .country ? .place : facet.countedKind else { return nil }
        self.targetKind = targetKind
        byCountry = facet == .country
        self.kind = kind
    }

    /// How many of `kept` each target has (those with none left out); by country, an entity linked to two places of
    /// one country counts once.
    func counts(of kept: RowidSet, in db: Database) throws -> [FacetCount] {
        let sql = "SELECT targetRowid, targetID, name, rowids FROM linked_count WHERE targetKind = ? AND kind = ?"
        guard byCountry else {
            var counts: [FacetCount] = []
            try db.step(sql, [targetKind, kind]) { row in
                var count = 0
                PackedRowids.forEach(inColumn: 3, of: row) { if kept.contains($0) { count += 1 } }
                if count > 0 { counts.append(FacetCount(value: columnText(row, 2), id: columnText(row, 1), count: count)) }
            }
            return counts
        }
        // Each place's country (itself, for a country), then each country's places' rowids gathered.
        var countryOf: [Int64: Int64] = [:]
        var names: [Int64: (id: String, name: String)] = [:]
        try db.step("""
            SELECT p.rowid, c.rowid, c.id, c.name FROM entity p
            JOIN entity c ON c.id = \(FilterSQL.country(ofPlace: "p"))
            WHERE p.kind = 'place'
            """) { row in
            countryOf[sqlite3_column_int64(row, 0)] = sqlite3_column_int64(row, 1)
            names[sqlite3_column_int64(row, 1)] = (columnText(row, 2), columnText(row, 3))
        }
        var packed: [Int64: [Data]] = [:]
        try db.step(sql, [targetKind, kind]) { row in
            guard let country = countryOf[sqlite3_column_int64(row, 0)], let blob = sqlite3_column_blob(row, 3) else { return }
            packed[country, default: []].append(Data(bytes: blob, count: Int(sqlite3_column_bytes(row, 3))))
        }
        return packed.compactMap { country, lists in
            var counted = RowidSet(), count = 0
            for list in lists {
                list.withUnsafeBytes { bytes in
                    PackedRowids.forEach(in: bytes) { if kept.contains($0), counted.insert($0) { count += 1 } }
                }
            }
            guard count > 0, let named = names[country] else { return nil }
            return FacetCount(value: named.name, id: named.id, count: count)
        }
    }
}

extension Facet {
    /// The kind of entity whose links (or citations, for sources) the facet counts by; nil for the others (a country
    /// counts the links of its places).
    var countedKind: EntityKind? {
        switch self {
        case .organization: .organization
        case .place: .place
        case .person: .person
        case .source: .source
        case .year, .kind, .country, .cameo, .quad: nil
        }
    }
}
