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
    /// Title and acronym: matches in them come first.
    var titleWords: [String]
    /// Text and other words it is found by; linked names and quotes are added on writing.
    var words: [String]
    /// The name a record linking to this one is also found by: the acronym of an organization that has one,
    /// else the name; nil for meetings.
    var linkName: String?

    /// Finds the name to show for an id, or nil for an id the store does not know.
    typealias Names = (String) -> String?

    fileprivate init(id: String, kind: EntityKind, category: String, name title: String, acronym: String? = nil,
                 text: String? = nil, date: EDTFDate? = nil, dateNote: String? = nil, context: String = "",
                 fields: [DetailField] = [], links: [Link] = [], citations: [Citation] = [], words: [String] = []) {
        // What is shown is capped (search still sees every word), so hostile data cannot make each detail slow.
        let shownFields = fields.map { DetailField(kind: $0.kind, values: Self.capped($0.values)) }
        let shownName = Self.capped(title, to: Self.maximumNameLength)
        record = EntityRecord(
            id: id, kind: kind, category: category, name: shownName,
            sortName: SearchFolding.fold(shownName), acronym: acronym.map { Self.capped($0, to: Self.maximumNameLength) },
            text: text.map { Self.capped($0, to: Self.maximumTextLength) }, date: date?.edtf,
            dateStart: date.storedStart, dateEnd: date.storedEnd, dateFirst: date.storedFirst,
            dateNote: dateNote.map { Self.capped($0, to: Self.maximumTextLength) },
            context: Self.capped(context, to: Self.maximumContextLength), fields: StoredField.encode(shownFields),
            linkedEventCount: 0)
        self.links = Self.unique(links)
        self.citations = citations
        titleWords = [title, acronym].compactMap { $0 }
        self.words = [text].compactMap { $0 } + words
        linkName = kind == .meeting ? nil : acronym ?? title
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

/// A record of `Data/` as the store writes it; every type `EntityDescriptor.all` describes is one.
protocol StoredRecord: DataRecord {
    /// The name records linking to it show: an organization's acronym when it has one, else its name or title.
    var shownName: String { get }
    /// Its rows, given the names to show for the ids it refers to: the record, and a visit's meetings after it.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity]
}

/// A field of `kind` holding `values`, or none when there are no values.
private func field(_ kind: DetailField.Kind, _ values: [String]) -> [DetailField] {
    values.isEmpty ? [] : [DetailField(kind: kind, values: values)]
}

extension Source: StoredRecord {
    var shownName: String { title }

    /// The source; its context names its publisher.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity] {
        [PendingEntity(id: id, kind: .source, category: kind.rawValue, name: title, date: published, context: publisher ?? "",
                       fields: field(.publisher, [publisher].compactMap { $0 }) + field(.published, [published?.edtf].compactMap { $0 })
                           + field(.file, [file]) + field(.url, [url].compactMap { $0 }),
                       words: [publisher].compactMap { $0 })]
    }
}

extension Organization: StoredRecord {
    var shownName: String { shortName }

    /// The organization; its context names its parent.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity] {
        [PendingEntity(id: id, kind: .organization, category: kind.rawValue, name: name, acronym: acronym,
                       context: parent.flatMap(names) ?? "", fields: field(.aliases, aliases),
                       links: [parent.map { Link(to: $0, role: .parent) }, country.map { Link(to: $0, role: .country) }].compactMap { $0 },
                       citations: citations, words: aliases)]
    }
}

extension Person: StoredRecord {
    var shownName: String { name }

    /// The person; their context is their first role.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity] {
        let shownRoles = roles.map { role in
            [role.title, role.organization.flatMap(names), role.country.flatMap(names), role.period?.display]
                .compactMap { $0 }.joined(separator: ", ")
        }
        return [PendingEntity(
            id: id, kind: .person, category: "person", name: name,
            context: roles.first.map { [$0.title, $0.organization.flatMap(names)].compactMap { $0 }.joined(separator: ", ") } ?? "",
            fields: field(.roles, shownRoles) + field(.aliases, aliases),
            links: roles.flatMap { role in
                [role.organization.map { Link(to: $0, role: .affiliation) }, role.country.map { Link(to: $0, role: .country) }].compactMap { $0 }
            },
            citations: citations, words: aliases + roles.map(\.title))]
    }
}

extension Place: StoredRecord {
    var shownName: String { name }

    /// The place; its context names its country.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity] {
        [PendingEntity(id: id, kind: .place, category: kind.rawValue, name: name, context: country.flatMap(names) ?? "",
                       fields: field(.aliases, aliases), links: country.map { [Link(to: $0, role: .country)] } ?? [],
                       citations: citations, words: aliases)]
    }
}

extension Document: StoredRecord {
    var shownName: String { title }

    /// The document; its context lists its symbols.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity] {
        [PendingEntity(id: id, kind: .document, category: kind.rawValue, name: title, date: date,
                       context: symbols.joined(separator: ", "), fields: field(.symbols, symbols), links: links,
                       citations: citations, words: symbols)]
    }
}

extension Event: StoredRecord {
    var shownName: String { title }

    /// The event; its context names the organizations it links to.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity] {
        let organizations = links.filter { EntityKind(id: $0.to) == .organization }.compactMap { names($0.to) }
        return [PendingEntity(id: id, kind: .event, category: kind.rawValue, name: title, text: summary, date: date,
                              dateNote: dateNote, context: organizations.joined(separator: ", "), links: links, citations: citations)]
    }
}

extension Visit: StoredRecord {
    var shownName: String { title }

    /// The visit followed by its meetings.
    func pendingEntities(names: PendingEntity.Names) -> [PendingEntity] {
        let who = head.flatMap(names) ?? sender.flatMap(names)
            ?? links.filter { $0.role == .visitor }.compactMap { names($0.to) }.first ?? "?"
        let places = destinations.compactMap(names).joined(separator: ", ")
        var allLinks = [head.map { Link(to: $0, role: .head) }, sender.map { Link(to: $0, role: .sender) }].compactMap { $0 }
        allLinks += destinations.map { Link(to: $0, role: .destination) }
        allLinks += links
        allLinks += meetings.map { Link(to: $0.id, role: .meeting) }
        // A visit is also linked to whom its meetings met, so narrowing by a counterpart finds it.
        for meeting in meetings {
            allLinks += meeting.counterparts.map { Link(to: $0, role: .counterpart) }
            allLinks += meeting.bodies.map { Link(to: $0, role: .body) }
        }
        let visit = PendingEntity(id: id, kind: .visit, category: "visit", name: title, text: purpose, date: date, dateNote: dateNote,
                                  context: places.isEmpty ? who : "\(who) → \(places)", links: allLinks, citations: citations)
        // A meeting's name is whom it met, its context its visit's title; the view-model words them.
        return [visit] + meetings.map { meeting in
            PendingEntity(id: meeting.id, kind: .meeting, category: "meeting",
                          name: (meeting.counterparts + meeting.bodies).compactMap(names).joined(separator: ", "),
                          date: meeting.date ?? date, context: title, fields: field(.topics, meeting.topics),
                          links: meeting.counterparts.map { Link(to: $0, role: .counterpart) } + meeting.bodies.map { Link(to: $0, role: .body) },
                          citations: meeting.citations, words: meeting.topics + [title])
        }
    }
}
