/// A date in the Extended Date/Time Format (ISO 8601-2), levels 0 and 1: a single date or an interval.
public enum EDTFDate: Hashable, Sendable {
    /// One day, month, season or year, maybe qualified.
    case point(EDTFPoint)
    /// A period from one end to the other.
    case interval(start: EDTFBound, end: EDTFBound)

    /// Parses an EDTF string such as `1993`, `1993-01-25~` or `2000/..`; nil when it is not valid EDTF.
    public init?(_ text: String) {
        if let slash = text.firstIndex(of: "/") {
            let startText = text[..<slash], endText = text[text.index(after: slash)...]
            guard let start = EDTFBound(startText), let end = EDTFBound(endText) else { return nil }
            // "/.." and "../.." say nothing; an interval needs at least one real date, in order.
            if case .date(let from) = start, case .date(let to) = end {
                guard from.startKey <= to.endKey else { return nil }
            } else if start.point == nil && end.point == nil {
                return nil
            }
            self = .interval(start: start, end: end)
        } else {
            guard let point = EDTFPoint(Substring(text)) else { return nil }
            self = .point(point)
        }
    }

    /// The EDTF text of this date; parsing it gives the same date back.
    public var edtf: String {
        switch self {
        case .point(let point): point.edtf
        case .interval(let start, let end): "\(start.edtf)/\(end.edtf)"
        }
    }

    /// A sortable key for the start of the period (`yyyymmdd`, coarser dates first within their span).
    public var startKey: Int {
        switch self {
        case .point(let point): point.startKey
        case .interval(let start, let end): start.point?.startKey ?? end.point!.startKey
        }
    }

    /// A key for the last day the period may cover (`yyyymmdd`); open ends reach `Int.max`.
    public var endKey: Int {
        switch self {
        case .point(let point): point.endKey
        case .interval(let start, let end):
            switch end {
            case .date(let point): point.endKey
            case .open, .unknown: start.point == nil ? end.point!.endKey : Int.max
            }
        }
    }

    /// The date as an analyst reads it, showing its precision: `1993`, `Jan 1993`, `25 Jan 1993`, `2000–present`.
    public var display: String {
        switch self {
        case .point(let point):
            return point.display
        case .interval(let start, let end):
            switch (start, end) {
            case (.date(let from), .date(let to)): return EDTFPoint.displayRange(from, to)
            case (.date(let from), .open): return "\(from.display)–present"
            case (.date(let from), .unknown): return "\(from.display)–?"
            case (.open, .date(let to)): return "until \(to.display)"
            case (.unknown, .date(let to)): return "?–\(to.display)"
            default: return "undated"
            }
        }
    }
}

/// One end of an EDTF interval.
public enum EDTFBound: Hashable, Sendable {
    /// A known date.
    case date(EDTFPoint)
    /// `..`: the period runs on without end (or from the beginning).
    case open
    /// An empty end: the date is not known.
    case unknown

    init?(_ text: Substring) {
        if text.isEmpty { self = .unknown }
        else if text == ".." { self = .open }
        else if let point = EDTFPoint(text) { self = .date(point) }
        else { return nil }
    }

    /// The date of this end, if known.
    public var point: EDTFPoint? {
        if case .date(let point) = self { point } else { nil }
    }

    var edtf: String {
        switch self {
        case .date(let point): point.edtf
        case .open: ".."
        case .unknown: ""
        }
    }
}

/// A single EDTF date: a year, month, season or day, with unspecified digits and qualifiers.
public struct EDTFPoint: Hashable, Sendable {
    /// How sure the source is of the date.
    public enum Qualifier: String, Hashable, Sendable {
        /// `?`: the source is unsure.
        case uncertain = "?"
        /// `~`: the source gives it roughly.
        case approximate = "~"
        /// `%`: both unsure and rough.
        case uncertainApproximate = "%"
    }

    /// The calendar year; with unspecified digits, their value as zeros (`199X` is 1990).
    public var year: Int
    /// How many trailing year digits are unspecified (`199X` has 1, `19XX` has 2).
    public var unspecifiedYearDigits: Int
    /// Month 1–12, season 21–24, or nil for a year.
    public var month: Int?
    /// True for `XX` in place of the month.
    public var monthUnspecified: Bool
    /// Day of month, or nil.
    public var day: Int?
    /// True for `XX` in place of the day.
    public var dayUnspecified: Bool
    /// The date's qualifier, if any.
    public var qualifier: Qualifier?

    /// A date from its parts; `month` may be a season code 21–24.
    public init(year: Int, month: Int? = nil, day: Int? = nil, qualifier: Qualifier? = nil,
                unspecifiedYearDigits: Int = 0, monthUnspecified: Bool = false, dayUnspecified: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.qualifier = qualifier
        self.unspecifiedYearDigits = unspecifiedYearDigits
        self.monthUnspecified = monthUnspecified
        self.dayUnspecified = dayUnspecified
    }

    init?(_ input: Substring) {
        var text = input
        if let last = text.last, let qualifier = Qualifier(rawValue: String(last)) {
            self.qualifier = qualifier
            text = text.dropLast()
        } else {
            self.qualifier = nil
        }
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return nil }
        // Year: digits, optionally ending in one to four X (unspecified) digits.
        let yearText = parts[0]
        let xs = yearText.reversed().prefix { $0 == "X" }.count
        guard let yearValue = Int(yearText.dropLast(xs) + String(repeating: "0", count: xs)),
              yearText.dropLast(xs).allSatisfy(\.isASCIIDigit), !(negative && (xs > 0 || yearValue == 0)) else { return nil }
        year = negative ? -yearValue : yearValue
        unspecifiedYearDigits = xs
        month = nil; monthUnspecified = false; day = nil; dayUnspecified = false
        if parts.count >= 2 {
            guard parts[1].count == 2 else { return nil }
            if parts[1] == "XX" {
                monthUnspecified = true
            } else {
                guard parts[1].allSatisfy(\.isASCIIDigit), let value = Int(parts[1]),
                      (1...12).contains(value) || (parts.count == 2 && (21...24).contains(value)) else { return nil }
                month = value
            }
        }
        if parts.count == 3 {
            guard parts[2].count == 2 else { return nil }
            if parts[2] == "XX" {
                dayUnspecified = true
            } else {
                guard parts[2].allSatisfy(\.isASCIIDigit), let value = Int(parts[2]), value >= 1 else { return nil }
                if let month, value > Self.daysIn(month: month, year: year) { return nil }
                if monthUnspecified, value > 31 { return nil }
                day = value
            }
        }
        // Unspecified parts may only be followed by unspecified parts.
        if xs > 0, month != nil || day != nil { return nil }
        if monthUnspecified, day != nil { return nil }
    }

    /// The EDTF text of this date.
    public var edtf: String {
        var digits = String(abs(year))
        digits = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        var text = (year < 0 ? "-" : "") + digits.dropLast(unspecifiedYearDigits) + String(repeating: "X", count: unspecifiedYearDigits)
        if monthUnspecified { text += "-XX" } else if let month { text += "-" + Self.twoDigits(month) }
        if dayUnspecified { text += "-XX" } else if let day { text += "-" + Self.twoDigits(day) }
        return text + (qualifier?.rawValue ?? "")
    }

    /// The first month the date can mean: a season starts its quarter, a year starts in January.
    private var firstMonth: Int? {
        guard let month else { return nil }
        return month > 12 ? (month - 21) * 3 + 3 : month
    }

    /// `yyyymmdd` with zeros for the parts not given, so `1993` < `1993-01` < `1993-01-25`.
    var startKey: Int {
        let base = year * 10_000 + (firstMonth ?? 0) * 100 + (day ?? 0)
        // A season sorts after the month it starts in.
        return month.map { $0 > 12 } == true ? base + 99 : base
    }

    /// `yyyymmdd` of the last day the date may cover.
    var endKey: Int {
        let lastYear = year + (unspecifiedYearDigits == 0 ? 0 : Int(pow10(unspecifiedYearDigits)) - 1)
        guard let first = firstMonth else { return lastYear * 10_000 + 1231 }
        let lastMonth = month! > 12 ? first + 2 : first
        let carry = lastMonth > 12 ? 1 : 0
        let endMonth = (lastMonth - 1) % 12 + 1
        return (lastYear + carry) * 10_000 + endMonth * 100 + (day ?? Self.daysIn(month: endMonth, year: lastYear + carry))
    }

    /// The date as an analyst reads it: `1993`, `1990s`, `Jan 1993`, `Spring 1993`, `25 Jan 1993`, with `c.` for `~` and `?` for `?`.
    public var display: String {
        var text = yearDisplay
        if let month, !monthUnspecified {
            text = (month > 12 ? Self.seasonNames[month - 21] : Self.monthNames[month - 1]) + " " + text
            if let day, !dayUnspecified { text = "\(day) " + text }
        }
        return decorated(text)
    }

    private var yearDisplay: String {
        let era = year < 0 ? " BCE" : ""
        let value = abs(year)
        return unspecifiedYearDigits == 0 ? "\(value)\(era)" : "\(value)s\(era)"
    }

    private func decorated(_ text: String) -> String {
        switch qualifier {
        case nil: text
        case .uncertain: text + "?"
        case .approximate: "c. " + text
        case .uncertainApproximate: "c. " + text + "?"
        }
    }

    /// A compact range: `7–14 Sep 2018` within one month, `7 Sep – 2 Oct 2018` within one year.
    static func displayRange(_ from: EDTFPoint, _ to: EDTFPoint) -> String {
        let plain = from.qualifier == nil && to.qualifier == nil && from.unspecifiedYearDigits == 0
            && to.unspecifiedYearDigits == 0 && !from.monthUnspecified && !to.monthUnspecified
            && !from.dayUnspecified && !to.dayUnspecified && from.year == to.year
        if plain, let fromMonth = from.month, let toMonth = to.month, fromMonth <= 12, toMonth <= 12,
           let fromDay = from.day, let toDay = to.day {
            if fromMonth == toMonth { return "\(fromDay)–\(toDay) \(monthNames[toMonth - 1]) \(to.year)" }
            return "\(fromDay) \(monthNames[fromMonth - 1]) – \(toDay) \(monthNames[toMonth - 1]) \(to.year)"
        }
        return "\(from.display)–\(to.display)"
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let seasonNames = ["Spring", "Summer", "Autumn", "Winter"]

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { result, _ in result * 10 } }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Optional where Wrapped == EDTFDate {
    /// The date's display text, or `undated`.
    public var display: String { self?.display ?? "undated" }
    /// The sort key; undated records come last.
    public var sortKey: Int { self?.startKey ?? Int.max }
}
