/// A record of one of the data files, of a type an `EntityDescriptor` describes.
public protocol DataRecord: Sendable, Encodable {
    /// Its id, such as `org-un`.
    var id: String { get }
}

extension Source: DataRecord {}
extension Organization: DataRecord {}
extension Person: DataRecord {}
extension Place: DataRecord {}
extension Document: DataRecord {}
extension Event: DataRecord {}
extension Visit: DataRecord {}

/// One kind of record of `Data/`: its data file, where its records sit in a `Dataset`, how one is read from
/// JSON and which references it holds. Loading, validation, the store, export and `chancery validate` go
/// through `all` instead of naming the kinds one by one.
public struct EntityDescriptor: Sendable {
    /// The kind of entity its records are.
    public let kind: EntityKind
    /// The data file holding them, such as `events.json`.
    public let fileName: String
    /// The records of this kind in a dataset, in file order.
    public let records: @Sendable (Dataset) -> [any DataRecord]
    /// Reads the fields of a record whose `id` is already read and checked, and adds it to the dataset.
    let append: @Sendable (RecordReader, _ id: String, _ file: String, inout Dataset) throws(FieldError) -> Void
    /// Checks what each record of this kind in a dataset refers to.
    let check: @Sendable (Dataset, inout RecordChecker) -> Void

    /// A kind whose records of type `Record` sit at `records` in a dataset; `read` reads one (given its id and
    /// file, and the dataset, where a visit notes its meetings), `check` checks one.
    private init<Record: DataRecord>(
        _ kind: EntityKind, _ fileName: String, _ records: WritableKeyPath<Dataset, [Record]> & Sendable,
        read: @escaping @Sendable (RecordReader, _ id: String, _ file: String, inout Dataset) throws(FieldError) -> Record,
        check: @escaping @Sendable (Record, inout RecordChecker) -> Void
    ) {
        self.kind = kind
        self.fileName = fileName
        self.records = { $0[keyPath: records] }
        append = { reader, id, file, dataset throws(FieldError) in
            let record = try read(reader, id, file, &dataset)
            dataset[keyPath: records].append(record)
        }
        self.check = { dataset, checker in
            for record in dataset[keyPath: records] { check(record, &checker) }
        }
    }

    /// Every kind of record of `Data/`, in the order its files are read.
    public static let all: [EntityDescriptor] = [source, organization, person, place, document, event, visit]

    static let source = EntityDescriptor(.source, "sources.json", \.sources, read: { record, id, _, _ throws(FieldError) in
        Source(id: id, title: try record.string("title"), publisher: try record.optionalString("publisher"),
               published: try record.date("published"), file: try record.string("file"),
               kind: try record.enumeration("kind"), url: try record.optionalString("url"))
    }, check: { _, _ in })

    static let organization = EntityDescriptor(.organization, "organizations.json", \.organizations, read: { record, id, _, _ throws(FieldError) in
        Organization(id: id, name: try record.string("name"), acronym: try record.optionalString("acronym"),
                     aliases: try record.strings("aliases"), kind: try record.enumeration("kind"),
                     parent: try record.optionalString("parent"), country: try record.optionalString("country"),
                     citations: try record.citations())
    }, check: { organization, checker in
        checker.expect(organization.parent, in: organization.id, field: "parent", kinds: [.organization])
        checker.expect(organization.country, in: organization.id, field: "country", kinds: [.place])
        if organization.parent == organization.id { checker.report(organization.id, "is its own parent") }
        checker.checkCitations(organization.citations, of: organization.id, required: false)
    })

    static let person = EntityDescriptor(.person, "people.json", \.people, read: { record, id, _, _ throws(FieldError) in
        let roles = try record.objects("roles").map { role throws(FieldError) in
            let value = PersonRole(title: try role.string("title"), organization: try role.optionalString("organization"),
                                   country: try role.optionalString("country"), period: try role.date("period"))
            try role.finish()
            return value
        }
        return Person(id: id, name: try record.string("name"), aliases: try record.strings("aliases"),
                      roles: roles, citations: try record.citations())
    }, check: { person, checker in
        for role in person.roles {
            checker.expect(role.organization, in: person.id, field: "role organization", kinds: [.organization])
            checker.expect(role.country, in: person.id, field: "role country", kinds: [.place])
        }
        checker.checkCitations(person.citations, of: person.id, required: false)
    })

    static let place = EntityDescriptor(.place, "places.json", \.places, read: { record, id, _, _ throws(FieldError) in
        Place(id: id, name: try record.string("name"), aliases: try record.strings("aliases"),
              kind: try record.enumeration("kind"), country: try record.optionalString("country"),
              citations: try record.citations())
    }, check: { place, checker in
        checker.expect(place.country, in: place.id, field: "country", kinds: [.place])
        checker.checkCitations(place.citations, of: place.id, required: false)
    })

    static let document = EntityDescriptor(.document, "documents.json", \.documents, read: { record, id, _, _ throws(FieldError) in
        Document(id: id, title: try record.string("title"), kind: try record.enumeration("kind"),
                 symbols: try record.strings("symbols"), date: try record.date("date"),
                 links: try record.links(), citations: try record.citations(),
                 linkNote: try record.optionalString("linkNote"))
    }, check: { document, checker in
        checker.checkLinks(document.links, of: document.id)
        checker.checkCitations(document.citations, of: document.id, required: true)
    })

    static let event = EntityDescriptor(.event, "events.json", \.events, read: { record, id, _, _ throws(FieldError) in
        Event(id: id, date: try record.date("date"), dateNote: try record.optionalString("dateNote"),
              title: try record.string("title"), kind: try record.enumeration("kind"),
              summary: try record.string("summary"), links: try record.links(), citations: try record.citations(),
              linkNote: try record.optionalString("linkNote"))
    }, check: { event, checker in
        checker.checkLinks(event.links, of: event.id)
        checker.checkCitations(event.citations, of: event.id, required: true)
    })

    /// Visits, with their meetings inside them: each meeting's id is checked and located like a record's.
    static let visit = EntityDescriptor(.visit, "visits.json", \.visits, read: { record, id, file, dataset throws(FieldError) in
        var meetings: [Meeting] = []
        for meeting in try record.objects("meetings") {
            let meetingID = try meeting.string("id")
            guard EntityKind(id: meetingID) == .meeting, Dataset.isWellFormedID(meetingID) else {
                throw FieldError(line: meeting.line, message: "meeting id \(meetingID) must start with \"meeting-\" and hold only lowercase letters, digits and '-'")
            }
            if let location = dataset.locations[meetingID] {
                throw FieldError(line: meeting.line, message: "duplicate id \(meetingID), first defined at \(location.file):\(location.line)")
            }
            meetings.append(Meeting(id: meetingID, date: try meeting.date("date"),
                                    counterparts: try meeting.strings("counterparts"), bodies: try meeting.strings("bodies"),
                                    topics: try meeting.strings("topics"), citations: try meeting.citations()))
            try meeting.finish()
            dataset.locations[meetingID] = RecordLocation(file: file, line: meeting.line)
        }
        return Visit(id: id, date: try record.date("date"), dateNote: try record.optionalString("dateNote"),
                     title: try record.string("title"), head: try record.optionalString("head"),
                     sender: try record.optionalString("sender"), destinations: try record.strings("destinations"),
                     purpose: try record.optionalString("purpose"), links: try record.links(),
                     meetings: meetings, citations: try record.citations(),
                     linkNote: try record.optionalString("linkNote"))
    }, check: { visit, checker in
        checker.expect(visit.head, in: visit.id, field: "head", kinds: [.person])
        checker.expect(visit.sender, in: visit.id, field: "sender", kinds: [.organization])
        for destination in visit.destinations {
            checker.expect(destination, in: visit.id, field: "destination", kinds: [.place])
        }
        checker.checkLinks(visit.links, of: visit.id)
        checker.checkCitations(visit.citations, of: visit.id, required: true)
        for meeting in visit.meetings {
            for person in meeting.counterparts { checker.expect(person, in: meeting.id, field: "counterpart", kinds: [.person]) }
            for body in meeting.bodies { checker.expect(body, in: meeting.id, field: "body", kinds: [.organization]) }
            checker.checkCitations(meeting.citations, of: meeting.id, required: true)
        }
    })
}
