import Foundation

// GDELT 2.0 event exports: tab-separated, no header, 61 columns in the order of the GDELT 2.0 Event Codebook.
// docs/DATA.md ("GDELT 2.0 events") says how a row becomes records.

/// Where an event stands among GDELT's four classes: talk or deeds, of cooperation or of conflict.
public enum QuadClass: Int, CaseIterable, Hashable, Sendable {
    case verbalCooperation = 1, materialCooperation, verbalConflict, materialConflict
}

/// What machine coding says of an event beyond its date, kind and links, kept as GDELT gives it.
public struct CodedFacts: Hashable, Sendable {
    /// The CAMEO event code, leading zeros kept (`042`, `0874`).
    public var cameoCode: String
    /// Cooperation or conflict, in words or deeds.
    public var quadClass: QuadClass
    /// The Goldstein scale of the event code: −10 (most conflictual) to +10 (most cooperative).
    public var goldstein: Double
    /// Mentions of the event in the first fifteen minutes of coverage.
    public var mentions: Int
    /// Sources (outlets) mentioning it then.
    public var sources: Int
    /// Articles mentioning it then.
    public var articles: Int
    /// The average tone of those articles, −100 (very negative) to +100.
    public var tone: Double
    /// When GDELT first saw it (`DATEADDED`, `yyyymmddhhmmss`, UTC).
    public var seen: Int64

    /// The CAMEO root code: the first two digits (`04` for consultations).
    public var rootCode: String { String(cameoCode.prefix(2)) }

    /// The codebook's name of the code, or of its base or root code when the codebook lacks the code itself.
    public var cameoName: String? {
        CAMEOEventCodes.names[cameoCode] ?? CAMEOEventCodes.names[String(cameoCode.prefix(3))]
            ?? CAMEOEventCodes.names[rootCode]
    }

    /// Facts with every value given.
    public init(cameoCode: String, quadClass: QuadClass, goldstein: Double, mentions: Int, sources: Int, articles: Int,
                tone: Double, seen: Int64) {
        self.cameoCode = cameoCode
        self.quadClass = quadClass
        self.goldstein = goldstein
        self.mentions = mentions
        self.sources = sources
        self.articles = articles
        self.tone = tone
        self.seen = seen
    }
}

/// One of an event's two actors as GDELT codes it: CAMEO actor code, name, country and known group (empty when absent).
public struct GDELTActor: Hashable, Sendable {
    /// The full CAMEO actor code, such as `USAGOV`.
    public var code: String
    /// The name as the article gives it, in capitals (`WASHINGTON`, `POLICE`).
    public var name: String
    /// The CAMEO country code (`USA`), or empty.
    public var countryCode: String
    /// The CAMEO known-group code (`UNO`, `NAT`), or empty.
    public var knownGroupCode: String

    /// The actor's country name, when its code is one CAMEO knows.
    public var country: String? { CAMEOCountries.names[countryCode] }

    /// The known group's name and acronym, when its code is one CAMEO knows.
    public var knownGroup: (name: String, acronym: String?)? {
        CAMEOKnownGroups.names[knownGroupCode].map { ($0, CAMEOKnownGroups.acronyms[knownGroupCode]) }
    }

    /// The name in title case (`Police`, `Benedict XVI`), for a named actor with neither country nor known group.
    public var displayName: String {
        name.split(separator: " ").map { word in
            word.allSatisfy { "IVX".contains($0) } && word.count <= 4 ? String(word) : word.capitalized
        }.joined(separator: " ")
    }

    /// How a title names the actor: its known group, else its country, else its name.
    public var label: String { knownGroup?.name ?? country ?? displayName }

    /// `NAME (CODE)` for the summary, which keeps what GDELT said.
    public var coded: String { name.isEmpty ? code : "\(name) (\(code))" }
}

/// Where an event took place, as GDELT geocodes it (`ActionGeo_*`).
public struct GDELTPlace: Hashable, Sendable {
    /// 1 country, 2 US state, 3 US city, 4 world city, 5 world state (GDELT's geographic resolution).
    public var type: Int
    /// The full name, from the place up to its country: `Cairo, Al Qahirah, Egypt`.
    public var fullName: String
    /// The FIPS 10-4 code of its country (`EG`): not an ISO code.
    public var countryCode: String

    /// The country's name, from its FIPS code, or else the last part of the full name.
    public var country: String {
        FIPSCountries.names[countryCode] ?? String(fullName.split(separator: ",").last ?? Substring(fullName))
            .trimmingCharacters(in: .whitespaces)
    }

    /// City, region (a state or province) or country.
    public var kind: PlaceKind {
        switch type {
        case 1: .country
        case 2, 5: .region
        default: .city
        }
    }
}

/// Why a GDELT row was skipped.
public struct GDELTRowError: Error, Hashable, Sendable {
    /// What is wrong, naming the column.
    public var message: String

    /// A reason to skip a row.
    public init(_ message: String) { self.message = message }
}

/// One event row of a GDELT 2.0 export, read from its 61 tab-separated fields.
public struct GDELTEventRow: Hashable, Sendable {
    /// How many columns a GDELT 2.0 event row has.
    public static let columnCount = 61

    /// `GLOBALEVENTID`.
    public var globalEventID: Int64
    /// `SQLDATE`: the day of the event.
    public var day: EDTFDate
    /// `Actor1*`, when coded.
    public var actor1: GDELTActor?
    /// `Actor2*`, when coded.
    public var actor2: GDELTActor?
    /// Event code, class, scale, coverage, tone and when it was seen.
    public var facts: CodedFacts
    /// `ActionGeo_*`, when geocoded.
    public var place: GDELTPlace?
    /// `SOURCEURL`: the first article GDELT saw it in.
    public var sourceURL: String

    /// The event's id in the store.
    public var eventID: String { EntityKind.gdeltEventPrefix + String(globalEventID) }
    /// The id of the visit a `042`/`043` row also becomes.
    public var visitID: String { "visit-gdelt-\(globalEventID)" }

    /// True for "Make a visit" (`042`, the first actor travels) and "Host a visit" (`043`, the second does).
    public var isVisit: Bool { firstActorTravels || facts.cameoCode.hasPrefix("043") }

    /// True for "Make a visit" (`042`): the first actor is the one who travels.
    public var firstActorTravels: Bool { facts.cameoCode.hasPrefix("042") }

    /// Reads a line's tab-separated fields; throws for a row to skip: a wrong number of columns, an id that is not a
    /// number, a `SQLDATE` that is not a day, an event code that is not CAMEO's, or a number column holding something else.
    public init(line: String) throws(GDELTRowError) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == Self.columnCount else {
            throw GDELTRowError("\(fields.count) columns; a GDELT 2.0 event row has \(Self.columnCount), tab-separated")
        }
        func text(_ column: Int) -> String { String(fields[column]) }
        guard let id = Int64(fields[0]), id > 0 else { throw GDELTRowError("GLOBALEVENTID \"\(fields[0])\" is not a number") }
        globalEventID = id
        day = try Self.day(fields[1])
        actor1 = Self.actor(fields, from: 5)
        actor2 = Self.actor(fields, from: 15)
        let code = text(26)
        guard (2...4).contains(code.count), code.allSatisfy(\.isASCIIDigit) else {
            throw GDELTRowError("EventCode \"\(code)\" is not a CAMEO code")
        }
        guard let quad = Int(fields[29]).flatMap(QuadClass.init) else {
            throw GDELTRowError("QuadClass \"\(fields[29])\" is not 1, 2, 3 or 4")
        }
        func number<T: LosslessStringConvertible & Numeric>(_ column: Int, _ name: String) throws(GDELTRowError) -> T {
            if fields[column].isEmpty { return 0 }
            guard let value = T(text(column)) else { throw GDELTRowError("\(name) \"\(fields[column])\" is not a number") }
            return value
        }
        facts = CodedFacts(cameoCode: code, quadClass: quad, goldstein: try number(30, "GoldsteinScale"),
                           mentions: try number(31, "NumMentions"), sources: try number(32, "NumSources"),
                           articles: try number(33, "NumArticles"), tone: try number(34, "AvgTone"),
                           seen: try number(59, "DATEADDED"))
        place = fields[52].isEmpty ? nil
            : GDELTPlace(type: Int(fields[51]) ?? 0, fullName: text(52), countryCode: text(53))
        sourceURL = text(60)
    }

    /// The day of a `SQLDATE` (`yyyymmdd`).
    private static func day(_ field: Substring) throws(GDELTRowError) -> EDTFDate {
        let digits = field.utf8
        guard digits.count == 8, digits.allSatisfy({ (0x30...0x39).contains($0) }),
              let date = EDTFDate("\(field.prefix(4))-\(field.dropFirst(4).prefix(2))-\(field.suffix(2))") else {
            throw GDELTRowError("SQLDATE \"\(field)\" is not a day (yyyymmdd)")
        }
        return date
    }

    /// The actor whose code, name, country and known group start at `first`; nil when none is coded.
    private static func actor(_ fields: [Substring], from first: Int) -> GDELTActor? {
        guard !fields[first].isEmpty || !fields[first + 1].isEmpty else { return nil }
        return GDELTActor(code: String(fields[first]), name: String(fields[first + 1]), countryCode: String(fields[first + 2]),
                          knownGroupCode: String(fields[first + 3]))
    }

    /// The event's title: its actors and what the first did to the second, such as
    /// `Egypt — Make a visit — Saudi Arabia`.
    public var title: String {
        [actor1?.label, facts.cameoName.map(Self.sentenceCase) ?? "CAMEO \(facts.cameoCode)", actor2?.label]
            .compactMap { $0 }.joined(separator: " — ")
    }

    /// A summary that keeps what GDELT coded: the actors as named and coded, the event code and the place.
    public var summary: String {
        var parts = ["Machine-coded by GDELT from one news article: CAMEO \(facts.cameoCode) \(facts.cameoName ?? "(not in the codebook)")."]
        if let actor1 { parts.append("Actor 1: \(actor1.coded).") }
        if let actor2 { parts.append("Actor 2: \(actor2.coded).") }
        if let place { parts.append("Where: \(place.fullName).") }
        return parts.joined(separator: " ")
    }

    /// `MAKE PUBLIC STATEMENT` as `Make public statement`; names already in sentence case stay as they are.
    private static func sentenceCase(_ name: String) -> String {
        guard name == name.uppercased() else { return name }
        return name.prefix(1) + name.dropFirst().lowercased()
    }
}

extension EventKind {
    /// The kind of an event GDELT codes with the CAMEO `code` (the table is in docs/DATA.md): visits (`042`, `043`),
    /// agreements (`057`), meetings (`036`, `04x`), statements (`01`–`03`), cooperation (`05`, `06`, `08`), aid
    /// (`07`, a contribution), conflict (`10`–`20`); investigations (`09`) are `other`.
    public init(cameoCode code: String) {
        switch code.prefix(3) {
        case "042", "043": self = .visit
        case "057": self = .agreementSigned
        case "036": self = .meeting
        default:
            switch Int(code.prefix(2)) ?? 0 {
            case 1...3: self = .statement
            case 4: self = .meeting
            case 5, 6, 8: self = .cooperation
            case 7: self = .contribution
            case 10...20: self = .conflict
            default: self = .other
            }
        }
    }
}
