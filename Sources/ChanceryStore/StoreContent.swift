import ChanceryModel
import GRDB

/// The records of a dataset as the store holds them, dated kinds in date order so that rowid order is list order.
struct StoreContent {
    /// Every record, in the order it is written.
    var entities: [PendingEntity]

    init(_ dataset: Dataset) {
        let displayNames = Self.displayNames(dataset)
        let names: PendingEntity.Names = { displayNames[$0] }
        var pending = dataset.sources.map(PendingEntity.source)
        pending += dataset.organizations.map { PendingEntity.organization($0, names: names) }
        pending += dataset.people.map { PendingEntity.person($0, names: names) }
        pending += dataset.places.map { PendingEntity.place($0, names: names) }
        pending += dataset.documents.map(PendingEntity.document)
        pending += dataset.events.map { PendingEntity.event($0, names: names) }
        pending += dataset.visits.flatMap { PendingEntity.visit($0, names: names) }
        pending.sort { ($0.record.kind.rawValue, $0.record.dateStart, $0.record.id) < ($1.record.kind.rawValue, $1.record.dateStart, $1.record.id) }
        entities = pending
    }

    /// Writes every record, with its links, citations and search text, into a freshly migrated database,
    /// and counts each entity's linked events.
    func insert(into db: Database) throws {
        let writer = try StoreWriter(db, targets: [:])
        try writer.write(entities)
        try writer.countLinkedEvents()
    }

    /// The name to show for each id: organizations by acronym when they have one.
    private static func displayNames(_ dataset: Dataset) -> [String: String] {
        var names: [String: String] = [:]
        for source in dataset.sources { names[source.id] = source.title }
        for organization in dataset.organizations { names[organization.id] = organization.shortName }
        for person in dataset.people { names[person.id] = person.name }
        for place in dataset.places { names[place.id] = place.name }
        for document in dataset.documents { names[document.id] = document.title }
        for event in dataset.events { names[event.id] = event.title }
        for visit in dataset.visits { names[visit.id] = visit.title }
        return names
    }
}
