/// What kind of entity an id names; the id's prefix tells.
public enum EntityKind: String, CaseIterable, Hashable, Sendable, Encodable {
    /// A source document (`src-`).
    case source
    /// An organization, agency, process or forum (`org-`).
    case organization
    /// A person (`person-`).
    case person
    /// A city, country or region (`place-`).
    case place
    /// A treaty, resolution, report or other text (`doc-`).
    case document
    /// Something that happened (`event-`).
    case event
    /// A delegation visit (`visit-`).
    case visit
    /// A meeting held during a visit (`meeting-`).
    case meeting

    /// The id prefix of this kind, such as `org-`.
    public var idPrefix: String {
        switch self {
        case .source: "src-"
        case .organization: "org-"
        case .person: "person-"
        case .place: "place-"
        case .document: "doc-"
        case .event: "event-"
        case .visit: "visit-"
        case .meeting: "meeting-"
        }
    }

    /// The kind named by an id's prefix, or nil for an id of no known kind. Events imported from GDELT keep GDELT's
    /// id after `gdelt-` (`gdelt-669666350`).
    public init?(id: String) {
        if id.hasPrefix(Self.gdeltEventPrefix) {
            self = .event
            return
        }
        guard let kind = EntityKind.allCases.first(where: { id.hasPrefix($0.idPrefix) }) else { return nil }
        self = kind
    }

    /// The prefix of the ids of events imported from GDELT.
    public static let gdeltEventPrefix = "gdelt-"

    /// True for the kinds whose records carry a date.
    public var isDated: Bool {
        switch self {
        case .event, .visit, .meeting, .document, .source: true
        case .organization, .person, .place: false
        }
    }

    /// The plural noun for headings and commands, such as `organizations`.
    public var plural: String {
        switch self {
        case .person: "people"
        default: rawValue + "s"
        }
    }
}

/// The words of a source that back a record.
public struct Citation: Hashable, Sendable, Encodable {
    /// The source id.
    public var source: String
    /// The exact quote, verbatim from the source text.
    public var quote: String

    /// A citation of `quote` in `source`.
    public init(source: String, quote: String) {
        self.source = source
        self.quote = quote
    }
}

/// A directed relation from a record to another entity, with the role the other entity plays.
public struct Link: Hashable, Sendable, Encodable {
    /// The linked entity's id.
    public var to: String
    /// The role it plays, such as `host` or `signatory`.
    public var role: LinkRole

    /// A link to `to` in `role`.
    public init(to: String, role: LinkRole) {
        self.to = to
        self.role = role
    }
}

/// The role a linked entity plays in a record.
public enum LinkRole: String, CaseIterable, Hashable, Sendable, Encodable {
    case participant, host, visitor, signatory, member, subject, location, organizer
    case author, adopter, sponsor, counterpart, target, mentioned
    /// Roles the store derives from records' own fields: a visit's head, sender, destinations and
    /// meetings, a meeting's bodies, an organization's parent, a place's or agency's country, a person's affiliation,
    /// and the source a record's citation quotes.
    case head, sender, destination, meeting, body, parent, country, affiliation, source
}

/// Where a document's text comes from.
public enum SourceKind: String, CaseIterable, Hashable, Sendable, Encodable {
    /// A government or institution's own site.
    case officialSite
    /// A news report.
    case newsArticle
    /// A personal or community post.
    case blogPost
}

/// A source document of the dataset.
public struct Source: Hashable, Sendable, Encodable {
    /// `src-…` id.
    public var id: String
    /// Title of the page.
    public var title: String
    /// Who published it.
    public var publisher: String?
    /// Publication date, when the document gives one.
    public var published: EDTFDate?
    /// File name of the source text.
    public var file: String
    /// What kind of document it is.
    public var kind: SourceKind
    /// Where it was published, when known.
    public var url: String?

    /// A source with every field given.
    public init(id: String, title: String, publisher: String?, published: EDTFDate?, file: String, kind: SourceKind, url: String?) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.published = published
        self.file = file
        self.kind = kind
        self.url = url
    }
}

/// What kind of body an organization is.
public enum OrganizationKind: String, CaseIterable, Hashable, Sendable, Encodable {
    /// The UN or one of its organs, agencies and commissions.
    case unBody
    /// A global intergovernmental organization outside the UN.
    case intergovernmental
    /// A regional organization.
    case regional
    /// A ministry, office or agency of one state.
    case nationalAgency
    /// A non-governmental organization.
    case ngo
    /// A process or forum.
    case forum
    /// Anything else.
    case other
    /// An actor machine-coded event data names without saying what it is (GDELT's "POLICE", "COMPANY", a person).
    case namedActor
}

/// An organization, agency, process or forum.
public struct Organization: Hashable, Sendable, Encodable {
    /// `org-…` id.
    public var id: String
    /// Full name.
    public var name: String
    /// Acronym, when it has one.
    public var acronym: String?
    /// Other names it goes by.
    public var aliases: [String]
    /// What kind of body it is.
    public var kind: OrganizationKind
    /// The organization it belongs to.
    public var parent: String?
    /// The country of a national agency.
    public var country: String?
    /// Where the sources mention it.
    public var citations: [Citation]

    /// The acronym if any, else the name.
    public var shortName: String { acronym ?? name }

    /// An organization with every field given.
    public init(id: String, name: String, acronym: String?, aliases: [String], kind: OrganizationKind,
                parent: String?, country: String?, citations: [Citation]) {
        self.id = id
        self.name = name
        self.acronym = acronym
        self.aliases = aliases
        self.kind = kind
        self.parent = parent
        self.country = country
        self.citations = citations
    }
}

/// A position a person held.
public struct PersonRole: Hashable, Sendable, Encodable {
    /// Title, such as `Prosecutor General`.
    public var title: String
    /// Organization id, when given.
    public var organization: String?
    /// Country (place id), when given.
    public var country: String?
    /// When they held it, when known.
    public var period: EDTFDate?
}

/// A person named in the sources.
public struct Person: Hashable, Sendable, Encodable {
    /// `person-…` id.
    public var id: String
    /// Full name.
    public var name: String
    /// Other spellings.
    public var aliases: [String]
    /// Positions held.
    public var roles: [PersonRole]
    /// Where the sources mention them.
    public var citations: [Citation]

    /// A person with every field given.
    public init(id: String, name: String, aliases: [String], roles: [PersonRole], citations: [Citation]) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.citations = citations
    }
}

/// What kind of place a place is.
public enum PlaceKind: String, CaseIterable, Hashable, Sendable, Encodable {
    /// A city or town.
    case city
    /// A country.
    case country
    /// A region within or across countries.
    case region
}

/// A city, country or region.
public struct Place: Hashable, Sendable, Encodable {
    /// `place-…` id.
    public var id: String
    /// Name.
    public var name: String
    /// Other names, such as local spellings.
    public var aliases: [String]
    /// City, country or region.
    public var kind: PlaceKind
    /// The country it lies in (a place id).
    public var country: String?
    /// Where the sources mention it.
    public var citations: [Citation]

    /// A place with every field given.
    public init(id: String, name: String, aliases: [String], kind: PlaceKind, country: String?, citations: [Citation]) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.country = country
        self.citations = citations
    }
}

/// What kind of text a document is.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable, Encodable {
    case treaty, convention, `protocol`, resolution, agreement, report, declaration, charter, programme, letter, other
}

/// A treaty, convention, resolution, report or similar text.
public struct Document: Hashable, Sendable, Encodable {
    /// `doc-…` id.
    public var id: String
    /// Title.
    public var title: String
    /// What kind of text it is.
    public var kind: DocumentKind
    /// Official symbols the sources give, such as `S/RES/822 (1993)`.
    public var symbols: [String]
    /// Date of adoption or signature, when given.
    public var date: EDTFDate?
    /// Who adopted, signed or wrote it.
    public var links: [Link]
    /// Where the sources mention it.
    public var citations: [Citation]
    /// Why a name its quotes give is not linked, naming it.
    public var linkNote: String?

    /// A document with every field given.
    public init(id: String, title: String, kind: DocumentKind, symbols: [String], date: EDTFDate?, links: [Link],
                citations: [Citation], linkNote: String? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.symbols = symbols
        self.date = date
        self.links = links
        self.citations = citations
        self.linkNote = linkNote
    }
}

/// What happened in an event.
public enum EventKind: String, CaseIterable, Hashable, Sendable, Encodable {
    case agreementSigned, membership, meeting, institutionalChange, election, publication
    case resolutionAdopted, statement, contribution, visit, incident, other
    /// Diplomatic or material cooperation short of an agreement; machine-coded events (CAMEO 05, 06, 08) have it.
    case cooperation
    /// Demands, threats, protests, force and violence; machine-coded events (CAMEO 10–20) have it.
    case conflict
}

extension EventKind {
    /// A short word for lists: `agreement`, `membership`, `institution`, `resolution`, …
    public var label: String {
        switch self {
        case .agreementSigned: "agreement"
        case .institutionalChange: "institution"
        case .resolutionAdopted: "resolution"
        default: rawValue
        }
    }
}

/// Something that happened, with its date, links and citations.
public struct Event: Hashable, Sendable, Encodable {
    /// `event-…` id.
    public var id: String
    /// When, if the text says.
    public var date: EDTFDate?
    /// How the date was worked out, when it was.
    public var dateNote: String?
    /// Short title.
    public var title: String
    /// What happened.
    public var kind: EventKind
    /// Neutral, attributed summary.
    public var summary: String
    /// The entities involved, with their roles.
    public var links: [Link]
    /// The source sentences behind it.
    public var citations: [Citation]
    /// Why a name its quotes give is not linked, naming it (`chancery validate` audits this).
    public var linkNote: String?

    /// An event with every field given.
    public init(id: String, date: EDTFDate?, dateNote: String?, title: String, kind: EventKind, summary: String,
                links: [Link], citations: [Citation], linkNote: String? = nil) {
        self.id = id
        self.date = date
        self.dateNote = dateNote
        self.title = title
        self.kind = kind
        self.summary = summary
        self.links = links
        self.citations = citations
        self.linkNote = linkNote
    }
}

/// A meeting held during a delegation visit.
public struct Meeting: Hashable, Sendable, Encodable {
    /// `meeting-…` id.
    public var id: String
    /// When, if the text says.
    public var date: EDTFDate?
    /// The people met (person ids).
    public var counterparts: [String]
    /// The bodies met (organization ids).
    public var bodies: [String]
    /// What was discussed.
    public var topics: [String]
    /// The source sentences behind it.
    public var citations: [Citation]

    /// A meeting with every field given.
    public init(id: String, date: EDTFDate?, counterparts: [String], bodies: [String], topics: [String], citations: [Citation]) {
        self.id = id
        self.date = date
        self.counterparts = counterparts
        self.bodies = bodies
        self.topics = topics
        self.citations = citations
    }
}

/// A delegation visit: who travelled, where, when, why, and whom they met.
public struct Visit: Hashable, Sendable, Encodable {
    /// `visit-…` id.
    public var id: String
    /// When, if the text says.
    public var date: EDTFDate?
    /// How the date was worked out, when it was.
    public var dateNote: String?
    /// Short title.
    public var title: String
    /// Head of delegation (person id).
    public var head: String?
    /// The body sending the delegation (organization id).
    public var sender: String?
    /// Where it went (place ids).
    public var destinations: [String]
    /// Why it went.
    public var purpose: String?
    /// Other entities involved, with their roles.
    public var links: [Link]
    /// Meetings held.
    public var meetings: [Meeting]
    /// The source sentences behind it.
    public var citations: [Citation]
    /// Why a name its quotes (or its meetings' quotes) give is not linked, naming it.
    public var linkNote: String?

    /// A visit with every field given.
    public init(id: String, date: EDTFDate?, dateNote: String?, title: String, head: String?, sender: String?,
                destinations: [String], purpose: String?, links: [Link], meetings: [Meeting], citations: [Citation],
                linkNote: String? = nil) {
        self.id = id
        self.date = date
        self.dateNote = dateNote
        self.title = title
        self.head = head
        self.sender = sender
        self.destinations = destinations
        self.purpose = purpose
        self.links = links
        self.meetings = meetings
        self.citations = citations
        self.linkNote = linkNote
    }
}

extension EDTFDate: Encodable {
    /// Encodes the EDTF string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(edtf)
    }
}

extension Event {
    private enum CodingKeys: String, CodingKey {
        case id, date, dateNote, title, kind, summary, links, citations, linkNote
    }

    /// Encodes every field, writing `null` for an unknown date rather than leaving it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(date, forKey: .date)
        try container.encode(dateNote, forKey: .dateNote)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encode(summary, forKey: .summary)
        try container.encode(links, forKey: .links)
        try container.encode(citations, forKey: .citations)
        try container.encodeIfPresent(linkNote, forKey: .linkNote)
    }
}

extension Visit {
    private enum CodingKeys: String, CodingKey {
        case id, date, dateNote, title, head, sender, destinations, purpose, links, meetings, citations, linkNote
    }

    /// Encodes every field, writing `null` for what is unknown rather than leaving it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(date, forKey: .date)
        try container.encode(dateNote, forKey: .dateNote)
        try container.encode(title, forKey: .title)
        try container.encode(head, forKey: .head)
        try container.encode(sender, forKey: .sender)
        try container.encode(destinations, forKey: .destinations)
        try container.encode(purpose, forKey: .purpose)
        try container.encode(links, forKey: .links)
        try container.encode(meetings, forKey: .meetings)
        try container.encode(citations, forKey: .citations)
        try container.encodeIfPresent(linkNote, forKey: .linkNote)
    }
}

extension Meeting {
    private enum CodingKeys: String, CodingKey {
        case id, date, counterparts, bodies, topics, citations
    }

    /// Encodes every field, writing `null` for an unknown date rather than leaving it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(date, forKey: .date)
        try container.encode(counterparts, forKey: .counterparts)
        try container.encode(bodies, forKey: .bodies)
        try container.encode(topics, forKey: .topics)
        try container.encode(citations, forKey: .citations)
    }
}
