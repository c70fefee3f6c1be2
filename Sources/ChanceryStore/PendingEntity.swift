import ChanceryModel

/// One record as the store holds it, before it is written: its `entity` row, the links and citations it
/// holds, and the words it is found by. Every way into the store (building from `Data/`, importing,
/// generating) makes its rows here, so they come out alike.
struct PendingEntity {
    /// The `entity` row, without rowid and with no linked events counted yet.
    var record: EntityRecord
    /// Links to other entities, repeats removed; those to entities the store lacks are dropped on writing.
    var links: [Link]
    /// Citations, in order.
    var citations: [Citation]
    /// Title, acronym, text and other words it is found by; linked names and quotes are added on writing.
    var words: [String]
    /// The name a record linking to this one is also found by: the acronym of an organization that has one,
    /// else the name; nil for meetings.
    var linkName: String?

    /// Finds the name to show for an id, or nil for an id the store does not know.
    typealias Names = (String) -> String?

    private init(id: String, kind: EntityKind, category: String, name title: String, acronym: String? = nil,
                 text: String? = nil, date: EDTFDate? = nil, dateNote: String? = nil, context: String = "",
                 fields: [DetailField] = [], links: [Link] = [], citations: [Citation] = [], words: [String] = []) {
        // What is shown is capped (search still sees every word), so hostile data cannot make each detail slow.
        let shownFields = fields.map { DetailField(kind: $0.kind, values: Self.capped($0.values)) }
        let shownName = Self.capped(title, to: Self.maximumNameLength)
        record = EntityRecord(
            id: id, kind: kind, category: category, name: shownName,
            sortName: SearchFolding.fold(shownName), acronym: acronym.map { Self.capped($0, to: Self.maximumNameLength) },
            text: text.map { Self.capped($0, to: Self.maximumTextLength) }, date: date?.edtf,
            dateStart: date.storedStart, dateEnd: date.storedEnd,
            dateNote: dateNote.map { Self.capped($0, to: Self.maximumTextLength) },
            context: Self.capped(context, to: Self.maximumContextLength), fields: StoredField.encode(shownFields),
            linkedEventCount: 0)
        self.links = Self.unique(links)
        self.citations = citations
        self.words = [title, acronym, text].compactMap { $0 } + words
        linkName = kind == .meeting ? nil : acronym ?? title
    }

    /// A source document.
    static func source(_ source: Source) -> PendingEntity {
        PendingEntity(id: source.id, kind: .source, category: source.kind.rawValue, name: source.title, date: source.published,
                      context: source.publisher ?? "",
                      fields: field(.publisher, [source.publisher].compactMap { $0 })
                          + field(.published, [source.published?.edtf].compactMap { $0 })
                          + field(.file, [source.file]) + field(.url, [source.url].compactMap { $0 }),
                      words: [source.publisher].compactMap { $0 })
    }

    /// An organization; its context names its parent.
    static func organization(_ organization: Organization, names: Names) -> PendingEntity {
        PendingEntity(id: organization.id, kind: .organization, category: organization.kind.rawValue, name: organization.name,
                      acronym: organization.acronym, context: organization.parent.flatMap(names) ?? "",
                      fields: field(.aliases, organization.aliases),
                      links: [organization.parent.map { Link(to: $0, role: .parent) },
                              organization.country.map { Link(to: $0, role: .country) }].compactMap { $0 },
                      citations: organization.citations, words: organization.aliases)
    }

    /// A person; its context is their first role.
    static func person(_ person: Person, names: Names) -> PendingEntity {
        let roles = person.roles.map { role in
            [role.title, role.organization.flatMap(names), role.country.flatMap(names), role.period?.display]
                .compactMap { $0 }.joined(separator: ", ")
        }
        return PendingEntity(
            id: person.id, kind: .person, category: "person", name: person.name,
            context: person.roles.first.map { [$0.title, $0.organization.flatMap(names)].compactMap { $0 }.joined(separator: ", ") } ?? "",
            fields: field(.roles, roles) + field(.aliases, person.aliases),
            links: person.roles.flatMap { role in
                [role.organization.map { Link(to: $0, role: .affiliation) },
                 role.country.map { Link(to: $0, role: .country) }].compactMap { $0 }
            },
            citations: person.citations, words: person.aliases + person.roles.map(\.title))
    }

    /// A place; its context names its country.
    static func place(_ place: Place, names: Names) -> PendingEntity {
        PendingEntity(id: place.id, kind: .place, category: place.kind.rawValue, name: place.name,
                      context: place.country.flatMap(names) ?? "", fields: field(.aliases, place.aliases),
                      links: place.country.map { [Link(to: $0, role: .country)] } ?? [],
                      citations: place.citations, words: place.aliases)
    }

    /// A document; its context lists its symbols.
    static func document(_ document: Document) -> PendingEntity {
        PendingEntity(id: document.id, kind: .document, category: document.kind.rawValue, name: document.title,
                      date: document.date, context: document.symbols.joined(separator: ", "),
                      fields: field(.symbols, document.symbols), links: document.links,
                      citations: document.citations, words: document.symbols)
    }

    /// An event; its context names the organizations it links to.
    static func event(_ event: Event, names: Names) -> PendingEntity {
        let organizations = event.links.filter { EntityKind(id: $0.to) == .organization }.compactMap { names($0.to) }
        return PendingEntity(id: event.id, kind: .event, category: event.kind.rawValue, name: event.title, text: event.summary,
                             date: event.date, dateNote: event.dateNote, context: organizations.joined(separator: ", "),
                             links: event.links, citations: event.citations)
    }

    /// A visit followed by its meetings.
    static func visit(_ visit: Visit, names: Names) -> [PendingEntity] {
        let who = visit.head.flatMap(names) ?? visit.sender.flatMap(names) ?? "?"
        let destinations = visit.destinations.compactMap(names).joined(separator: ", ")
        var links = [visit.head.map { Link(to: $0, role: .head) }, visit.sender.map { Link(to: $0, role: .sender) }].compactMap { $0 }
        links += visit.destinations.map { Link(to: $0, role: .destination) }
        links += visit.links
        links += visit.meetings.map { Link(to: $0.id, role: .meeting) }
        // A visit is also linked to whom its meetings met, so narrowing by a counterpart finds it.
        for meeting in visit.meetings {
            links += meeting.counterparts.map { Link(to: $0, role: .counterpart) }
            links += meeting.bodies.map { Link(to: $0, role: .body) }
        }
        let entity = PendingEntity(id: visit.id, kind: .visit, category: "visit", name: visit.title, text: visit.purpose,
                                   date: visit.date, dateNote: visit.dateNote,
                                   context: destinations.isEmpty ? who : "\(who) → \(destinations)", links: links,
                                   citations: visit.citations)
        // A meeting's name is whom it met, its context its visit's title; the view-model words them.
        return [entity] + visit.meetings.map { meeting in
            PendingEntity(id: meeting.id, kind: .meeting, category: "meeting",
                          name: (meeting.counterparts + meeting.bodies).compactMap(names).joined(separator: ", "),
                          date: meeting.date ?? visit.date, context: visit.title,
                          fields: field(.topics, meeting.topics),
                          links: meeting.counterparts.map { Link(to: $0, role: .counterpart) }
                              + meeting.bodies.map { Link(to: $0, role: .body) },
                          citations: meeting.citations, words: meeting.topics + [visit.title])
        }
    }

    /// A field of `kind` holding `values`, or none when there are no values.
    private static func field(_ kind: DetailField.Kind, _ values: [String]) -> [DetailField] {
        values.isEmpty ? [] : [DetailField(kind: kind, values: values)]
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

    /// A field's values as shown: whole while they fit in `maximumTextLength` characters together, the one
    /// that crosses it cut (ending with "…"), the rest left out.
    static func capped(_ values: [String]) -> [String] {
        var shown: [String] = [], room = maximumTextLength
        for value in values {
            let kept = capped(value, to: max(1, room))
            shown.append(kept)
            room -= kept.count + 2
            if kept != value || room <= 0 { break }
        }
        return shown
    }

    /// The links with repeats of the same target and role removed, first kept.
    private static func unique(_ links: [Link]) -> [Link] {
        var seen: Set<Link> = []
        return links.filter { seen.insert($0).inserted }
    }
}
