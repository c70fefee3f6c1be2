/// Synthetic GDELT 2.0 event rows, for tests and benchmarks at scale: 61 tab-separated columns as GDELT publishes them,
/// with CAMEO country and known-group codes, CAMEO event codes with their quad classes and Goldstein-like scales, places
/// with FIPS codes, dates over ten years and one article for every few rows. Countries and codes are drawn by Zipf's law,
/// as real coverage is skewed. The same count and seed give the same bytes.
public struct SyntheticGDELT {
    /// How many rows it writes.
    public let rowCount: Int
    private var random: SplitMix64
    private var written = 0
    private let countries: [(cameo: String, name: String, fips: String)]
    private let countryRanks: ZipfSampler
    private let eventCodes: [String]
    private let codeRanks: ZipfSampler
    private static let groups = ["UNO", "NAT", "EEC", "IMF", "AFU", "ASN", "WTO", "ARL", "OIC", "SCE"]
    private static let roles = [("GOV", "GOVERNMENT"), ("MIL", "MILITARY"), ("COP", "POLICE"), ("BUS", "COMPANY"), ("CVL", "RESIDENTS"),
                                ("JUD", "COURT"), ("LEG", "PARLIAMENT"), ("MED", "NEWSPAPER"), ("EDU", "UNIVERSITY"), ("REB", "REBELS")]
    /// The countries and event codes most often coded in the shared sample of a real update, most first.
    private static let commonCountries = ["USA", "GBR", "FRA", "CHN", "AUS", "KEN", "DEU", "AFG", "CAN", "EGY", "SYR", "SAU", "ITA",
                                          "PAK", "NGA", "IRL", "JPN", "GRC", "IND", "IDN", "QAT", "CUB", "IRN", "RUS"]
    private static let commonCodes = ["010", "042", "043", "020", "051", "040", "173", "190", "046", "030", "036", "112", "057",
                                      "100", "120", "110", "090", "080", "130", "013", "111", "071", "060"]
    private static let cities = ["Capital", "Port", "North", "South", "Lake", "River", "Hill", "New", "Old", "Upper"]

    /// Rows `0..<rowCount` drawn from `seed`.
    public init(rows: Int, seed: UInt64) {
        rowCount = rows
        random = SplitMix64(seed: seed)
        let fipsByName = Dictionary(FIPSCountries.names.map { ($1, $0) }, uniquingKeysWith: min)
        // The commonest first, as in a real update; the rest in code order.
        let countryCodes = Self.commonCountries + CAMEOCountries.names.keys.sorted().filter { !Self.commonCountries.contains($0) }
        countries = countryCodes.compactMap { code in
            CAMEOCountries.names[code].flatMap { name in fipsByName[name].map { (code, name, $0) } }
        }
        countryRanks = ZipfSampler(count: countries.count)
        eventCodes = Self.commonCodes + CAMEOEventCodes.names.keys.filter { $0.count >= 3 && !Self.commonCodes.contains($0) }.sorted()
        codeRanks = ZipfSampler(count: eventCodes.count)
    }

    /// The next rows as bytes, about a mebibyte at a time; nil after the last.
    public mutating func nextChunk() -> [UInt8]? {
        guard written < rowCount else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 20)
        while written < rowCount && bytes.count < 1 << 20 {
            bytes += nextRow().utf8
            bytes.append(0x0A)
            written += 1
        }
        return bytes
    }

    /// One row: a consultation, visit, statement, cooperation or conflict between two actors somewhere.
    private mutating func nextRow() -> String {
        var fields = Array(repeating: "", count: GDELTEventRow.columnCount)
        let id = 1_000_000_000 + written
        let year = 2015 + random.below(10), month = 1 + random.below(12), day = 1 + random.below(28)
        let date = "\(year)\(Self.twoDigits(month))\(Self.twoDigits(day))"
        fields[0] = String(id)
        (fields[1], fields[2], fields[3]) = (date, String(date.prefix(6)), String(year))
        fields[4] = String(Double(year) + Double((month - 1) * 30 + day) / 365)
        let first = countries[countryRanks.sample(&random)], second = countries[countryRanks.sample(&random)]
        actor(into: &fields, at: 5, country: first)
        actor(into: &fields, at: 15, country: second)
        fields[25] = "1"
        let code = eventCodes[codeRanks.sample(&random)]
        let root = Int(code.prefix(2)) ?? 1
        (fields[26], fields[27], fields[28]) = (code, String(code.prefix(3)), String(code.prefix(2)))
        let quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4
        fields[29] = String(quad)
        fields[30] = Self.decimal(quad <= 2 ? random.below(100) : -random.below(100), places: 1)
        let mentions = 1 + random.below(20)
        (fields[31], fields[32], fields[33]) = (String(mentions), String(1 + random.below(mentions)), String(mentions))
        fields[34] = Self.decimal(random.below(2_000) - 1_000, places: 2)
        let place = random.chance(70) ? second : first
        let city = "\(random.pick(Self.cities)) \(place.name.split(separator: " ").first ?? "")"
        (fields[51], fields[52], fields[53]) = random.chance(20) ? ("1", place.name, place.fips) : ("4", "\(city), \(place.name)", place.fips)
        fields[59] = date + "234500"
        // One article for every few rows, as an update's rows cite a few hundred articles.
        fields[60] = "https://news\(id / 4 % 97).example.org/story/\(id / 4)"
        return fields.joined(separator: "\t")
    }

    /// Writes an actor of `country` at `column`: the country itself, one of its roles, or now and then a known group.
    private mutating func actor(into fields: inout [String], at column: Int, country: (cameo: String, name: String, fips: String)) {
        if random.chance(8) {
            let group = random.pick(Self.groups)
            (fields[column], fields[column + 1], fields[column + 3]) = (group, CAMEOKnownGroups.names[group]?.uppercased() ?? group, group)
            return
        }
        let role = random.chance(40) ? random.pick(Self.roles) : ("", country.name.uppercased())
        (fields[column], fields[column + 1], fields[column + 2]) = (country.cameo + role.0, role.1, country.cameo)
        fields[column + 7] = role.0
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// `value` with its last `places` digits after the point: `decimal(-622, places: 2)` is `-6.22`.
    private static func decimal(_ value: Int, places: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        return (value < 0 ? "-" : "") + padded.dropLast(places) + "." + padded.suffix(places)
    }
}
