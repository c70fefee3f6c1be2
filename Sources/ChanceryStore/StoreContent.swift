import ChanceryModel
import Foundation

/// The rows the store derives from a dataset: entities, links and citations, with folded search text.
struct StoreContent {
    var entities: [EntityRecord] = []
    var links: [LinkRecord] = []
    var citations: [CitationRecord] = []
    /// Folded search text, by entity id.
    var searchText: [String: String] = [:]

    init(_ dataset: Dataset) {
        let names = Self.displayNames(dataset)
        func name(_ id: String?) -> String? { id.flatMap { names[$0] } }
        var pending: [(record: EntityRecord, links: [Link], citations: [Citation], words: [String])] = []
        func add(id: String, kind: EntityKind, category: String, name title: String, acronym: String? = nil,
                 text: String? = nil, date: EDTFDate? = nil, dateNote: String? = nil, context: String = "",
                 fields: [DetailField] = [], links: [Link] = [], citations: [Citation] = [], words: [String] = []) {
            // What is shown is capped (search still sees every word), so hostile data cannot make each detail slow.
            let shownFields = fields.map { DetailField(label: $0.label, value: Self.capped($0.value, to: Self.maximumTextLength)) }
            let encodedFields = String(decoding: (try? JSONEncoder().encode(shownFields)) ?? Data("[]".utf8), as: UTF8.self)
            let shownName = Self.capped(title, to: Self.maximumNameLength)
            let record = EntityRecord(
                rowid: nil, id: id, kind: kind.rawValue, category: category, name: shownName,
                sortName: SearchFolding.fold(shownName), acronym: acronym.map { Self.capped($0, to: Self.maximumNameLength) },
                text: text.map { Self.capped($0, to: Self.maximumTextLength) }, date: date?.edtf,
                dateStart: date.storedStart, dateEnd: date.storedEnd,
                dateNote: dateNote.map { Self.capped($0, to: Self.maximumTextLength) },
                context: Self.capped(context, to: Self.maximumContextLength), fields: encodedFields, linkedEventCount: 0)
            pending.append((record, Self.unique(links), citations, [title, acronym, text].compactMap { $0 } + words))
        }
        func list(_ label: String, _ values: [String]) -> [DetailField] {
            values.isEmpty ? [] : [DetailField(label: label, value: values.joined(separator: "; "))]
        }

        for source in dataset.sources {
            add(id: source.id, kind: .source, category: source.kind.rawValue, name: source.title, date: source.published,
                context: source.publisher ?? "",
                fields: list("Publisher", [source.publisher].compactMap { $0 })
                    + list("Published", [source.published?.display].compactMap { $0 })
                    + list("File", [source.file]) + list("URL", [source.url].compactMap { $0 }),
                words: [source.publisher].compactMap { $0 })
        }
        for organization in dataset.organizations {
            add(id: organization.id, kind: .organization, category: organization.kind.rawValue, name: organization.name,
                acronym: organization.acronym, context: name(organization.parent) ?? "",
                fields: list("Also known as", organization.aliases),
                links: [organization.parent.map { Link(to: $0, role: .parent) },
                        organization.country.map { Link(to: $0, role: .country) }].compactMap { $0 },
                citations: organization.citations, words: organization.aliases)
        }
        for person in dataset.people {
            let roles = person.roles.map { role in
                [role.title, name(role.organization), name(role.country), role.period?.display]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            add(id: person.id, kind: .person, category: "person", name: person.name,
                context: person.roles.first.map { [$0.title, name($0.organization)].compactMap { $0 }.joined(separator: ", ") } ?? "",
                fields: list("Roles", roles) + list("Also known as", person.aliases),
                links: person.roles.flatMap { role in
                    [role.organization.map { Link(to: $0, role: .affiliation) },
                     role.country.map { Link(to: $0, role: .country) }].compactMap { $0 }
                },
                citations: person.citations, words: person.aliases + person.roles.map(\.title))
        }
        for place in dataset.places {
            add(id: place.id, kind: .place, category: place.kind.rawValue, name: place.name,
                context: name(place.country) ?? "", fields: list("Also known as", place.aliases),
                links: place.country.map { [Link(to: $0, role: .country)] } ?? [],
                citations: place.citations, words: place.aliases)
        }
        for document in dataset.documents {
            add(id: document.id, kind: .document, category: document.kind.rawValue, name: document.title,
                date: document.date, context: document.symbols.joined(separator: ", "),
                fields: list("Symbols", document.symbols), links: document.links,
                citations: document.citations, words: document.symbols)
        }
        for event in dataset.events {
            let organizations = event.links.filter { EntityKind(id: $0.to) == .organization }.compactMap { name($0.to) }
            add(id: event.id, kind: .event, category: event.kind.rawValue, name: event.title, text: event.summary,
                date: event.date, dateNote: event.dateNote, context: organizations.joined(separator: ", "),
                links: event.links, citations: event.citations)
        }
        for visit in dataset.visits {
            let who = name(visit.head) ?? name(visit.sender) ?? "?"
            let destinations = visit.destinations.compactMap { name($0) }.joined(separator: ", ")
            var links = [visit.head.map { Link(to: $0, role: .head) }, visit.sender.map { Link(to: $0, role: .sender) }].compactMap { $0 }
            links += visit.destinations.map { Link(to: $0, role: .destination) }
            links += visit.links
            links += visit.meetings.map { Link(to: $0.id, role: .meeting) }
            // A visit is also linked to whom its meetings met, so narrowing by a counterpart finds it.
            for meeting in visit.meetings {
                links += meeting.counterparts.map { Link(to: $0, role: .counterpart) }
                links += meeting.bodies.map { Link(to: $0, role: .body) }
            }
            add(id: visit.id, kind: .visit, category: "visit", name: visit.title, text: visit.purpose,
                date: visit.date, dateNote: visit.dateNote,
                context: destinations.isEmpty ? who : "\(who) → \(destinations)", links: Self.unique(links),
                citations: visit.citations)
            for meeting in visit.meetings {
                let met = (meeting.counterparts + meeting.bodies).compactMap { name($0) }
                add(id: meeting.id, kind: .meeting, category: "meeting",
                    name: met.isEmpty ? "Meeting during \(visit.title)" : "Meeting with \(met.joined(separator: ", "))",
                    date: meeting.date ?? visit.date, context: visit.title,
                    fields: list("Topics", meeting.topics),
                    links: meeting.counterparts.map { Link(to: $0, role: .counterpart) }
                        + meeting.bodies.map { Link(to: $0, role: .body) },
                    citations: meeting.citations, words: meeting.topics)
            }
        }

        // Dated kinds in date order, so that rowid order is list order.
        pending.sort { ($0.record.kind, $0.record.dateStart, $0.record.id) < ($1.record.kind, $1.record.dateStart, $1.record.id) }
        let kinds = Dictionary(pending.map { ($0.record.id, ($0.record.kind, $0.record.dateStart)) }, uniquingKeysWith: { first, _ in first })
        var eventCounts: [String: Int] = [:]
        for (index, item) in pending.enumerated() {
            var record = item.record
            record.rowid = Int64(index + 1)
            entities.append(record)
            var words = item.words
            for (position, link) in item.links.enumerated() {
                guard let (toKind, _) = kinds[link.to] else { continue }
                links.append(LinkRecord(fromID: record.id, toID: link.to, role: link.role.rawValue, fromKind: record.kind,
                                        toKind: toKind, fromDateStart: record.dateStart, position: position))
                if record.kind == EntityKind.event.rawValue { eventCounts[link.to, default: 0] += 1 }
                if toKind == EntityKind.event.rawValue { eventCounts[record.id, default: 0] += 1 }
                if let linkedName = names[link.to] { words.append(linkedName) }
            }
            for (position, citation) in item.citations.enumerated() {
                citations.append(CitationRecord(entityID: record.id, position: position, sourceID: citation.source,
                                                quote: Self.capped(citation.quote, to: Self.maximumTextLength)))
                words.append(citation.quote)
            }
            searchText[record.id] = SearchFolding.fold(words.joined(separator: " \n "))
        }
        for index in entities.indices {
            entities[index].linkedEventCount = eventCounts[entities[index].id] ?? 0
        }
    }

    /// The longest context kept, in characters: it is one column of a list, and every detail row linking
    /// to the entity carries it, so a record linking to thousands of organizations must not copy them all.
    static let maximumContextLength = 1_000
    /// The longest name or title kept for display, in characters.
    static let maximumNameLength = 1_000
    /// The longest text (summary, purpose, date note, field, quote) kept for display, in characters;
    /// curated texts are a few hundred characters, and a detail is laid out again on every key.
    static let maximumTextLength = 20_000

    /// `text` cut to `limit` characters, ending with "…" when cut.
    static func capped(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit,
              let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        return String(text[..<text.index(before: end)]) + "…"
    }

    /// The links with repeats of the same target and role removed, first kept.
    private static func unique(_ links: [Link]) -> [Link] {
        var seen: Set<Link> = []
        return links.filter { seen.insert($0).inserted }
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
