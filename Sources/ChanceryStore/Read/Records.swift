import ChanceryModel
import Foundation
import GRDB

/// A row of the `entity` table: every kind of entity, with what lists, filters and details need. It holds facts
/// (names, kinds, EDTF dates, typed fields), never wording: the view-model words them.
struct EntityRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "entity"

    /// The columns of `entity` that queries name.
    enum Columns {
        static let id = Column("id")
    }

    var id: String
    var kind: EntityKind
    /// The kind within the entity's kind: an `EventKind`, `OrganizationKind`, `PlaceKind`, `DocumentKind` or
    /// `SourceKind` raw value, or the entity kind's own name for people, visits and meetings. Text, because which
    /// enumeration it is varies with `kind`; readers that need the enumeration read it with `StoredName.stored`.
    var category: String
    /// The name or title; for a meeting, the names of whom it met joined by ", " (empty when it names no one).
    var name: String
    var sortName: String
    var acronym: String?
    var text: String?
    /// The EDTF date.
    var date: String?
    var dateStart: Int64
    var dateEnd: Int64
    /// The first day the date may cover; the smallest key for an open or unknown start.
    var dateFirst: Int64
    var dateNote: String?
    /// One line of facts about the entity: for a meeting, its visit's title.
    var context: String
    /// `[StoredField]` as JSON.
    var fields: String
    var linkedEventCount: Int

    var summary: EntitySummary {
        EntitySummary(id: id, kind: kind, category: category, name: name, acronym: acronym,
                      date: date.flatMap(EDTFDate.init), context: context, linkedEventCount: linkedEventCount)
    }

    /// The detail fields, read from their JSON; a field this version cannot read throws `UnknownStoredValue`.
    func detailFields() throws -> [DetailField] {
        try StoredField.decode(fields)
    }
}

extension EntityRecord {
    /// Reads a row of `entity`; a kind this version does not know throws `UnknownStoredValue`.
    init(row: Row) throws {
        self.init(id: row["id"], kind: try row.stored("kind"), category: row["category"], name: row["name"],
                  sortName: row["sortName"], acronym: row["acronym"], text: row["text"], date: row["date"],
                  dateStart: row["dateStart"], dateEnd: row["dateEnd"], dateFirst: row["dateFirst"], dateNote: row["dateNote"], context: row["context"],
                  fields: row["fields"], linkedEventCount: row["linkedEventCount"])
    }
}

/// A detail field as the `fields` column holds it, in JSON: the `DetailField.Kind` raw value and the values.
struct StoredField: Codable {
    var kind: String
    var values: [String]

    /// `fields` as the JSON the column holds: `[{"kind":KIND,"values":[VALUE,…]},…]`, written by hand (JSONEncoder took
    /// an eighth of a GDELT import, six fields a row).
    static func encode(_ fields: [DetailField]) -> String {
        "[" + fields.map { field in
            "{\"kind\":" + JSONText.quoted(field.kind.rawValue) + ",\"values\":["
                + field.values.map(JSONText.quoted).joined(separator: ",") + "]}"
        }.joined(separator: ",") + "]"
    }

    /// The fields of the column's JSON `text`.
    static func decode(_ text: String) throws -> [DetailField] {
        guard let stored = try? JSONDecoder().decode([StoredField].self, from: Data(text.utf8)) else {
            throw UnknownStoredValue(column: "fields", value: String(text.prefix(200)))
        }
        return try stored.map { field in
            DetailField(kind: try DetailField.Kind.stored(field.kind, column: "fields"), values: field.values)
        }
    }
}

extension Optional where Wrapped == EDTFDate {
    /// The start key as stored: undated sorts last.
    var storedStart: Int64 { Int64(sortKey) }
    /// The end key as stored: undated and open-ended reach the largest key.
    var storedEnd: Int64 { Int64(self?.endKey ?? Int.max) }
    /// The first day as stored: an open or unknown start reaches the smallest key; undated, the largest.
    var storedFirst: Int64 { Int64(self?.firstDayKey ?? Int.max) }
}
