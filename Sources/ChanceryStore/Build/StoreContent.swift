import ChanceryModel
import GRDB

/// The records of a dataset as the store holds them, dated kinds in date order so that rowid order is list order.
struct StoreContent {
    /// Every record, in the order it is written.
    var entities: [PendingEntity]
    /// Each source's text, by source id, for the sources whose text the data holds.
    var sourceTexts: [(id: String, text: String)]

    init(_ dataset: Dataset) {
        let records = EntityDescriptor.all.flatMap { $0.records(dataset) }.map { record -> any StoredRecord in
            guard let stored = record as? any StoredRecord else {
                preconditionFailure("\(type(of: record)) is in EntityDescriptor.all but has no StoredRecord conformance")
            }
            return stored
        }
        // The name to show for each id: organizations by acronym when they have one.
        let displayNames = Dictionary(records.map { ($0.id, $0.shownName) }, uniquingKeysWith: { _, last in last })
        var pending = records.flatMap { $0.pendingEntities(names: { displayNames[$0] }) }
        pending.sort { ($0.record.kind.rawValue, $0.record.dateStart, $0.record.id) < ($1.record.kind.rawValue, $1.record.dateStart, $1.record.id) }
        entities = pending
        sourceTexts = dataset.sources.compactMap { source in dataset.sourceTexts[source.file].map { (source.id, $0) } }
    }

    /// Writes every record, with its links, citations and search text, into a freshly migrated database,
    /// counts each entity's linked events, and keeps the sources' texts.
    func insert(into db: Database) throws {
        let writer = try StoreWriter(db, targets: [:])
        try writer.write(entities)
        try writer.tallyAggregates()
        try writer.countLinkedEvents()
        for (id, text) in sourceTexts {
            try db.execute(sql: "INSERT INTO source_text (sourceID, text) VALUES (?, ?)", arguments: [id, text])
        }
    }
}
