import Foundation

/// A date in the Extended Date/Time Format (ISO 8601-2), levels 0 and 1 — a single date or an interval — and the one
/// level-2 form the data needs: one date, not known, within a range (`[2000..]`).
public enum EDTFDate: Hashable, Sendable {
    /// One day, month, season or year, maybe qualified.
    case point(EDTFPoint)
    /// A period from one end to the other (`2000/..`: ongoing since 2000).
    case interval(start: EDTFBound, end: EDTFBound)
    /// A single date known only to lie between two ends, either of which may be open: EDTF level 2's "one of a set"
    /// with a range (`[2000..]`: on one unknown date since 2000; `[..1995]`; `[2000..2010]`).
    case oneOf(start: EDTFBound, end: EDTFBound)

    /// Parses an EDTF string such as `1993`, `1993-01-25~` or `2000/..`; nil when it is not valid EDTF.
    public init?(_ text: String) {
        guard let date = try? Self.parse(text) else { return nil }
        self = date
    }

    /// Parses an EDTF string (levels 0 and 1), or says why it is not one: `month 13 does not exist`,
    /// `29 February 2001: 2001 is not a leap year`, `the interval ends before it starts`, or which level-2
    /// feature it uses.
    public static func parse(_ text: String) throws(EDTFError) -> EDTFDate {
        if text.hasPrefix("[") { return try parseOneOf(text) }
        guard let slash = text.firstIndex(of: "/") else { return .point(try EDTFPoint.parse(Substring(text))) }
        let startText = text[..<slash], endText = text[text.index(after: slash)...]
        guard !endText.contains("/") else { throw EDTFError("an interval has one \"/\"") }
        let start = try EDTFBound.parse(startText), end = try EDTFBound.parse(endText)
        for bound in [start, end] {
            guard let point = bound.point else { continue }
            if point.time != nil { throw EDTFError("an interval's ends are dates, without a time of day") }
            if point.unspecifiedYearDigits > 0 || point.monthUnspecified || point.dayUnspecified {
                throw EDTFError.levelTwo("unspecified digits in an interval's end")
            }
        }
        // "/.." and "../.." say nothing; an interval needs at least one real date, in order.
        if case .date(let from) = start, case .date(let to) = end {
            guard from.firstDayKey <= to.endKey else { throw EDTFError("the interval ends (\(to.edtf)) before it starts (\(from.edtf))") }
        } else if start.point == nil && end.point == nil {
            throw EDTFError("an interval needs at least one known end")
        }
        return .interval(start: start, end: end)
    }

    /// `[a..b]`, `[a..]` or `[..b]`: one date within a range. Listed dates (`[1667,1668]`) are refused as level 2.
    private static func parseOneOf(_ text: String) throws(EDTFError) -> EDTFDate {
        guard text.hasSuffix("]"), text.count > 2 else { throw EDTFError("a \"[\" set ends with \"]\"") }
        let inner = text.dropFirst().dropLast()
        guard !inner.contains(","), let dots = inner.range(of: ".."), !inner[dots.upperBound...].contains("..") else {
            throw EDTFError.levelTwo("a set of listed dates (only one date within a range, as [2000..], is taken)")
        }
        let startText = inner[..<dots.lowerBound], endText = inner[dots.upperBound...]
        let start: EDTFBound = startText.isEmpty ? .open : .date(try EDTFPoint.parse(startText))
        let end: EDTFBound = endText.isEmpty ? .open : .date(try EDTFPoint.parse(endText))
        guard start.point != nil || end.point != nil else { throw EDTFError("a range needs at least one known end") }
        if case .date(let from) = start, case .date(let to) = end, from.firstDayKey > to.endKey {
            throw EDTFError("the range ends (\(to.edtf)) before it starts (\(from.edtf))")
        }
        return .oneOf(start: start, end: end)
    }

    /// The earliest the period may begin, as a date to filter from: the start of an interval (nil when it is
    /// open or unknown), else the date itself.
    public var lowerBound: EDTFDate? {
        switch self {
        case .point: self
        case .interval(let start, _), .oneOf(let start, _): start.point.map(EDTFDate.point)
        }
    }

    /// The latest the period may end, as a date to filter up to: the end of an interval (nil when it is open or
    /// unknown), else the date itself.
    public var upperBound: EDTFDate? {
        switch self {
        case .point: self
        case .interval(_, let end), .oneOf(_, let end): end.point.map(EDTFDate.point)
        }
    }

    /// The key of the first day the period may cover (`yyyymmdd`); an open or unknown start reaches `Int.min`.
    public var firstDayKey: Int {
        switch self {
        case .point(let point): point.firstDayKey
        case .interval(let start, _), .oneOf(let start, _): start.point?.firstDayKey ?? Int.min
        }
    }

    /// The EDTF text of this date; parsing it gives the same date back.
    public var edtf: String {
        switch self {
        case .point(let point): point.edtf
        case .interval(let start, let end): "\(start.edtf)/\(end.edtf)"
        case .oneOf(let start, let end): "[\(start.point?.edtf ?? "")..\(end.point?.edtf ?? "")]"
        }
    }

    /// A sortable key for the start of the period (`yyyymmdd`, coarser dates first within their span).
    public var startKey: Int {
        switch self {
        case .point(let point): point.startKey
        case .interval(let start, let end), .oneOf(let start, let end): start.point?.startKey ?? end.point!.startKey
        }
    }

    /// The year of the first day the date may cover; nil for an open or unknown start.
    public var firstYear: Int? { firstDayKey == Int.min ? nil : Self.year(ofKey: firstDayKey) }
    /// The year of the last day the date may cover; nil for an open or unknown end.
    public var lastYear: Int? { endKey == Int.max ? nil : Self.year(ofKey: endKey) }

    /// The year of a `yyyymmdd` key (rounding down, so that the days of year -1 give -1).
    public static func year(ofKey key: Int) -> Int {
        (key - (key < 0 ? 9_999 : 0)) / 10_000
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
        case .oneOf(_, let end): end.point?.endKey ?? Int.max
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
        case .oneOf(let start, let end):
            switch (start.point, end.point) {
            case (let from?, let to?): return "sometime \(EDTFPoint.displayRange(from, to))"
            case (let from?, nil): return "\(from.display) or later"
            case (nil, let to?): return "\(to.display) or earlier"
            case (nil, nil): return "undated"
            }
        }
    }
}

/// Why a text is not an EDTF date of the levels the data takes (0 and 1).
public struct EDTFError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason, such as `month 13 does not exist`.
    public var reason: String

    /// An error giving `reason`.
    public init(_ reason: String) { self.reason = reason }

    /// A feature of EDTF level 2, which the data format does not take.
    static func levelTwo(_ feature: String) -> EDTFError {
        EDTFError("\(feature) is EDTF level 2, which the data format does not take")
    }

    /// The reason.
    public var description: String { reason }
}

/// One end of an EDTF interval.
public enum EDTFBound: Hashable, Sendable {
    /// A known date.
    case date(EDTFPoint)
    /// `..`: the period runs on without end (or from the beginning).
    case open
    /// An empty end: the date is not known.
    case unknown

    static func parse(_ text: Substring) throws(EDTFError) -> EDTFBound {
        if text.isEmpty { return .unknown }
        if text == ".." { return .open }
        return .date(try EDTFPoint.parse(text))
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
    /// The time of day of a date-time (level 0), as written after the `T`: `23:20:30`, `23:20:30Z`, `23:20:30+05:00`.
    public var time: String?

    /// A date from its parts; `month` may be a season code 21–24.
    public init(year: Int, month: Int? = nil, day: Int? = nil, qualifier: Qualifier? = nil,
                unspecifiedYearDigits: Int = 0, monthUnspecified: Bool = false, dayUnspecified: Bool = false, time: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.qualifier = qualifier
        self.unspecifiedYearDigits = unspecifiedYearDigits
        self.monthUnspecified = monthUnspecified
        self.dayUnspecified = dayUnspecified
        self.time = time
    }

    /// The most digits a long year (`Y170000002`) may have: its keys must fit in 64 bits.
    static let maximumLongYearDigits = 12

    static func parse(_ input: Substring) throws(EDTFError) -> EDTFPoint {
        guard !input.isEmpty else { throw EDTFError("it is empty") }
        guard input.unicodeScalars.allSatisfy({ $0.isASCII }) else { throw EDTFError("it holds characters other than ASCII digits and signs") }
        if input.hasPrefix("Y") { return try parseLongYear(input.dropFirst()) }
        if let t = input.firstIndex(of: "T") {
            var point = try parse(input[..<t])
            guard point.day != nil, !point.dayUnspecified, point.qualifier == nil else {
                throw EDTFError("a date-time needs a whole day before its T, without a qualifier")
            }
            point.time = try Self.checkedTime(input[input.index(after: t)...])
            return point
        }
        var text = input
        var qualifier: Qualifier?
        if let last = text.last, let found = Qualifier(rawValue: String(last)) {
            qualifier = found
            text = text.dropLast()
        }
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else {
            throw EDTFError("a year has four digits (or Y and more digits), then -MM and -DD")
        }
        // Year: digits, optionally ending in one or two X (unspecified) digits.
        let yearText = parts[0]
        let xs = yearText.reversed().prefix { $0 == "X" }.count
        guard yearText.dropLast(xs).allSatisfy(\.isASCIIDigit), let yearValue = Int(yearText.dropLast(xs) + String(repeating: "0", count: xs)) else {
            throw EDTFError("the year \"\(yearText)\" is not four digits")
        }
        if xs > 2 { throw EDTFError.levelTwo("more than the last two digits of a year unspecified") }
        if negative && yearValue == 0 { throw EDTFError("year -0 does not exist") }
        var point = EDTFPoint(year: negative ? -yearValue : yearValue, qualifier: qualifier, unspecifiedYearDigits: xs)
        if parts.count >= 2 {
            guard parts[1].count == 2 else { throw EDTFError("a month has two digits") }
            if parts[1] == "XX" {
                point.monthUnspecified = true
            } else {
                guard parts[1].allSatisfy(\.isASCIIDigit), let value = Int(parts[1]) else { throw EDTFError("the month \"\(parts[1])\" is not two digits") }
                if (21...24).contains(value) {
                    guard parts.count == 2 else { throw EDTFError("a season (21–24) has no day") }
                    guard qualifier == nil else { throw EDTFError.levelTwo("a qualified season") }
                } else if (25...41).contains(value) {
                    throw EDTFError.levelTwo("sub-year groupings 25–41 (quarters, semesters, hemispheric seasons)")
                } else if !(1...12).contains(value) {
                    throw EDTFError("month \(value) does not exist")
                }
                point.month = value
            }
        }
        if parts.count == 3 {
            guard parts[2].count == 2 else { throw EDTFError("a day has two digits") }
            if parts[2] == "XX" {
                point.dayUnspecified = true
            } else {
                guard parts[2].allSatisfy(\.isASCIIDigit), let value = Int(parts[2]), value >= 1 else {
                    throw EDTFError("the day \"\(parts[2])\" is not a day of the month")
                }
                if value > 31 { throw EDTFError("day \(value) does not exist") }
                if let month = point.month, value > Self.daysIn(month: month, year: point.year) {
                    if month == 2 && value == 29 { throw EDTFError("29 February \(point.year): \(point.year) is not a leap year") }
                    throw EDTFError("\(value) \(Self.fullMonthNames[month - 1]) does not exist")
                }
                point.day = value
            }
        }
        // Unspecified parts may only be followed by unspecified parts.
        if xs > 0, point.month != nil || point.day != nil { throw EDTFError.levelTwo("a month or day after unspecified year digits") }
        if point.monthUnspecified, point.day != nil { throw EDTFError.levelTwo("a day after an unspecified month") }
        return point
    }

    /// `Y` then an optional `-` and five or more digits: a year beyond four digits (level 1).
    private static func parseLongYear(_ text: Substring) throws(EDTFError) -> EDTFPoint {
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : text
        guard digits.count >= 5, digits.allSatisfy(\.isASCIIDigit), digits.first != "0" else {
            throw EDTFError("a long year is Y, an optional -, then five or more digits not starting with 0")
        }
        guard digits.count <= maximumLongYearDigits, let value = Int(digits) else {
            throw EDTFError("a long year has at most \(maximumLongYearDigits) digits here")
        }
        return EDTFPoint(year: negative ? -value : value)
    }

    /// `hh:mm:ss`, then `Z` or `±hh:mm` (or `±hh`) or nothing; the text back, or why it is not a time.
    private static func checkedTime(_ text: Substring) throws(EDTFError) -> String {
        var clock = text
        if clock.hasSuffix("Z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = clock[clock.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(zone.count), zone.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
                  Int(zone[0])! <= 14, zone.count == 1 || Int(zone[1])! < 60 else {
                throw EDTFError("the time zone \"\(clock[sign...])\" is not ±hh or ±hh:mm")
            }
            clock = clock[..<sign]
        }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
              Int(fields[0])! < 24, Int(fields[1])! < 60, Int(fields[2])! < 60 else {
            throw EDTFError("the time \"\(clock)\" is not hh:mm:ss")
        }
        return String(text)
    }

    /// The EDTF text of this date.
    public var edtf: String {
        if abs(year) > 9999 { return "Y\(year)" }
        var digits = String(abs(year))
        digits = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        var text = (year < 0 ? "-" : "") + digits.dropLast(unspecifiedYearDigits) + String(repeating: "X", count: unspecifiedYearDigits)
        if monthUnspecified { text += "-XX" } else if let month { text += "-" + Self.twoDigits(month) }
        if dayUnspecified { text += "-XX" } else if let day { text += "-" + Self.twoDigits(day) }
        if let time { text += "T" + time }
        return text + (qualifier?.rawValue ?? "")
    }

    /// The first month the date can mean: a season starts its quarter, a year starts in January.
    private var firstMonth: Int? {
        guard let month else { return nil }
        return month > 12 ? (month - 21) * 3 + 3 : month
    }

    /// The first and last years the date may mean: `199X` is 1990–1999, `-199X` is -1999 to -1990.
    private var yearSpan: (first: Int, last: Int) {
        let width = Int(pow10(unspecifiedYearDigits)) - 1
        return year < 0 ? (year - width, year) : (year, year + width)
    }

    /// `yyyymmdd` with zeros for the parts not given, so `1993` < `1993-01` < `1993-01-25`; a season sorts with the
    /// month it starts in.
    var startKey: Int {
        yearSpan.first * 10_000 + (firstMonth ?? 0) * 100 + (day ?? 0)
    }

    /// `yyyymmdd` of the first day the date may cover.
    var firstDayKey: Int {
        yearSpan.first * 10_000 + (firstMonth ?? 1) * 100 + (day ?? 1)
    }

    /// `yyyymmdd` of the last day the date may cover.
    var endKey: Int {
        let lastYear = yearSpan.last
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
        if let time { text += " " + time.replacingOccurrences(of: "Z", with: " UTC") }
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
            && !from.dayUnspecified && !to.dayUnspecified && from.year == to.year && from.time == nil && to.time == nil
        if plain, let fromMonth = from.month, let toMonth = to.month, fromMonth <= 12, toMonth <= 12,
           let fromDay = from.day, let toDay = to.day {
            if fromMonth == toMonth { return "\(fromDay)–\(toDay) \(monthNames[toMonth - 1]) \(to.year)" }
            return "\(fromDay) \(monthNames[fromMonth - 1]) – \(toDay) \(monthNames[toMonth - 1]) \(to.year)"
        }
        return "\(from.display)–\(to.display)"
    }

    private static let fullMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                         "September", "October", "November", "December"]
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
