import ChanceryModel
import GRDB

/// A row of the `entity` table: every kind of entity, with what lists, filters and details need.
struct EntityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entity"

    /// The columns of `entity`.
    enum Columns {
        static let rowid = Column("rowid")
        static let id = Column("id")
        static let kind = Column("kind")
        static let category = Column("category")
        static let name = Column("name")
        static let sortName = Column("sortName")
        static let acronym = Column("acronym")
        static let text = Column("text")
        static let date = Column("date")
        static let dateStart = Column("dateStart")
        static let dateEnd = Column("dateEnd")
        static let dateNote = Column("dateNote")
        static let context = Column("context")
        static let fields = Column("fields")
        static let linkedEventCount = Column("linkedEventCount")
    }

    var rowid: Int64?
    var id: String
    var kind: String
    var category: String
    var name: String
    var sortName: String
    var acronym: String?
    var text: String?
    var date: String?
    var dateStart: Int64
    var dateEnd: Int64
    var dateNote: String?
    var context: String
    /// `[DetailField]` as JSON.
    var fields: String
    var linkedEventCount: Int

    var summary: EntitySummary {
        EntitySummary(id: id, kind: EntityKind(rawValue: kind) ?? .event, category: category, name: name,
                      acronym: acronym, date: date.flatMap(EDTFDate.init), context: context,
                      linkedEventCount: linkedEventCount)
    }
}

/// A row of the `link` table: a directed, role-bearing relation, with the dates of both ends for ordered scans.
struct LinkRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "link"

    /// The columns of `link`.
    enum Columns {
        static let fromID = Column("fromID")
        static let toID = Column("toID")
        static let role = Column("role")
        static let fromKind = Column("fromKind")
        static let toKind = Column("toKind")
        static let fromDateStart = Column("fromDateStart")
        static let position = Column("position")
    }

    var fromID: String
    var toID: String
    var role: String
    var fromKind: String
    var toKind: String
    var fromDateStart: Int64
    var position: Int
}

/// A row of the `citation` table.
struct CitationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "citation"

    /// The columns of `citation`.
    enum Columns {
        static let entityID = Column("entityID")
        static let position = Column("position")
        static let sourceID = Column("sourceID")
        static let quote = Column("quote")
    }

    var entityID: String
    var position: Int
    var sourceID: String
    var quote: String
}

extension Optional where Wrapped == EDTFDate {
    /// The start key as stored: undated sorts last.
    var storedStart: Int64 { Int64(sortKey) }
    /// The end key as stored: undated and open-ended reach the largest key.
    var storedEnd: Int64 { Int64(self?.endKey ?? Int.max) }
}
