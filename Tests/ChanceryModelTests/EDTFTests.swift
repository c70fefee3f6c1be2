import Foundation
import ChanceryModel
import PropertyBased
import Testing

@Suite struct EDTFParsing {
    @Test(arguments: [
        "1993", "1993-01", "1993-01-25", "2018-09-07/2018-09-14", "2000/..", "../1995", "1993/", "/1993",
        "1993?", "1993-01~", "1993-01-25%", "199X", "19XX", "1993-XX", "1993-01-XX", "1993-21", "1993-24",
        "-0044-03-15", "0000", "2024-02-29", "1992/2000-05",
    ])
    func validDatesRoundTrip(_ text: String) throws {
        let date = try #require(EDTFDate(text))
        #expect(date.edtf == text)
    }

    @Test(arguments: [
        "", "93", "19930", "1993-1", "1993-13", "1993-00", "1993-02-30", "2023-02-29", "1993-01-32", "1993-25",
        "1993-21-01", "1993-01-25T10:00", "1993/1992", "../..", "/", "..", "1993??", "abcd", "199X-01", "1993-XX-05",
        "-0000", "1993 ", " 1993", "1993-01-25/", "1993-1-5", "X993", "1993-0X",
    ])
    func invalidDatesAreRejected(_ text: String) {
        if text == "1993-01-25/" {
            // An interval with an unknown end is valid EDTF level 1.
            #expect(EDTFDate(text) != nil)
        } else {
            #expect(EDTFDate(text) == nil, "\(text) should be rejected")
        }
    }

    @Test func displayShowsPrecision() throws {
        let cases: [(String, String)] = [
            ("1993", "1993"), ("1993-01", "Jan 1993"), ("1993-01-25", "25 Jan 1993"), ("2000/..", "2000–present"),
            ("2018-09-07/2018-09-14", "7–14 Sep 2018"), ("2018-09-07/2018-10-02", "7 Sep – 2 Oct 2018"),
            ("1993~", "c. 1993"), ("1993?", "1993?"), ("1993%", "c. 1993?"), ("199X", "1990s"), ("1993-21", "Spring 1993"),
            ("1993/", "1993–?"), ("../1995", "until 1995"), ("1991/2003", "1991–2003"), ("1993-XX", "1993"),
        ]
        for (text, expected) in cases {
            #expect(try #require(EDTFDate(text)).display == expected, "\(text)")
        }
        #expect(Optional<EDTFDate>.none.display == "undated")
    }

    @Test func sortsChronologicallyCoarserFirstUndatedLast() throws {
        let texts = ["1993-01-25", "undated", "1993", "1992-12-31", "1993-01", "1993-02", "2000/..", "1993-01-25/1993-02-01"]
        let dates = texts.map { EDTFDate($0) }
        let sorted = zip(texts, dates).sorted { ($0.1.sortKey, $0.0) < ($1.1.sortKey, $1.0) }.map(\.0)
        #expect(sorted == ["1992-12-31", "1993", "1993-01", "1993-01-25", "1993-01-25/1993-02-01", "1993-02", "2000/..", "undated"])
    }

    @Test func periodsCoverTheirLastDay() throws {
        #expect(try #require(EDTFDate("1993")).endKey == 1993_12_31)
        #expect(try #require(EDTFDate("2024-02")).endKey == 2024_02_29)
        #expect(try #require(EDTFDate("199X")).endKey == 1999_12_31)
        #expect(try #require(EDTFDate("1993-24")).endKey == 1994_02_28)
        #expect(try #require(EDTFDate("2000/..")).endKey == Int.max)
    }
}

/// A valid EDTF point of one of seven shapes, from generated numbers.
private func makePoint(year: Int, shape: Int, month: Int, day: Int, qualifierIndex: Int) -> EDTFPoint {
    let qualifier: EDTFPoint.Qualifier? = [nil, .uncertain, .approximate, .uncertainApproximate][qualifierIndex]
    switch shape {
    case 0: return EDTFPoint(year: year, qualifier: qualifier)
    case 1: return EDTFPoint(year: year, month: month, qualifier: qualifier)
    case 2: return EDTFPoint(year: year, month: month, day: day, qualifier: qualifier)
    case 3: return EDTFPoint(year: year / 10 * 10, qualifier: qualifier, unspecifiedYearDigits: 1)
    // A qualified season is level 2: seasons come unqualified.
    case 4: return EDTFPoint(year: year, month: 20 + (month - 1) % 4 + 1)
    case 5: return EDTFPoint(year: year, qualifier: qualifier, monthUnspecified: true)
    default: return EDTFPoint(year: year, month: month, qualifier: qualifier, dayUnspecified: true)
    }
}

private let years = Gen.int(in: 0...9999)
private let shapes = Gen.int(in: 0...6)
private let months = Gen.int(in: 1...12)
private let days = Gen.int(in: 1...28)
private let qualifiers = Gen.int(in: 0...3)

@Suite struct EDTFProperties {
    @Test func parseOfFormatIsIdentity() async {
        await propertyCheck(count: 500, input: years, shapes, months, days, qualifiers) { year, shape, month, day, qualifier in
            let date = EDTFDate.point(makePoint(year: year, shape: shape, month: month, day: day, qualifierIndex: qualifier))
            #expect(EDTFDate(date.edtf) == date, "\(date.edtf)")
        }
    }

    @Test func intervalsRoundTripAndStartBeforeEnd() async {
        await propertyCheck(count: 300, input: years, shapes, months, years, shapes, qualifiers) { year1, shape1, month, year2, shape2, qualifier in
            // Unspecified digits in an interval's ends are level 2: its ends are years, months, days or seasons.
            let shapesWithoutUnspecified = [0, 1, 2, 4]
            let first = makePoint(year: year1, shape: shapesWithoutUnspecified[shape1 % 4], month: month, day: 1, qualifierIndex: qualifier)
            let second = makePoint(year: year2, shape: shapesWithoutUnspecified[shape2 % 4], month: 13 - month, day: 28, qualifierIndex: 0)
            let (from, to) = EDTFDate.point(first).startKey <= EDTFDate.point(second).startKey ? (first, second) : (second, first)
            let date = EDTFDate.interval(start: .date(from), end: .date(to))
            #expect(EDTFDate(date.edtf) == date, "\(date.edtf)")
            #expect(date.startKey <= date.endKey)
        }
    }

    @Test func arbitraryTextNeverCrashesTheParser() async {
        let alphabet: [Character] = ["-", "/", ".", "X", "?", "~", "%", "0", "1", "9", "2", "é", "\u{0}"]
        await propertyCheck(count: 1000, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...14)) { indices in
            let text = String(indices.map { alphabet[$0] })
            if let date = EDTFDate(text) {
                #expect(EDTFDate(date.edtf) == date)
                #expect(date.startKey <= date.endKey)
            }
        }
    }

    @Test func signedLongAndTimedDatesRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...999_999_999_999), Gen.int(in: 0...23), Gen.int(in: 0...59), years) { long, hour, minute, year in
            for text in ["Y\(long + 10_000)", "Y-\(long + 10_000)", "-\(String(format: "%04d", year % 9999 + 1))",
                         String(format: "%04d-03-04T%02d:%02d:07", year, hour, minute),
                         String(format: "%04d-03-04T%02d:%02d:07Z", year, hour, minute),
                         String(format: "%04d-03-04T%02d:%02d:07+%02d:30", year, hour, minute, hour % 15)] {
                let date = EDTFDate(text)
                #expect(date?.edtf == text)
                #expect(date.map { $0.firstDayKey <= $0.endKey } == true, "\(text)")
            }
        }
    }

    /// Every day a valid date names lies inside its range of keys, and nothing outside it does.
    @Test func aDateCoversExactlyTheDaysItNames() async {
        await propertyCheck(count: 500, input: years, shapes, months, days) { year, shape, month, day in
            let point = makePoint(year: year, shape: shape, month: month, day: day, qualifierIndex: 0)
            let date = EDTFDate.point(point)
            let (first, last): (Int, Int)
            switch shape {
            case 0, 5: (first, last) = (year * 10_000 + 101, year * 10_000 + 1231)
            case 1, 6: (first, last) = (year * 10_000 + month * 100 + 1, year * 10_000 + month * 100 + daysIn(month: month, year: year))
            case 2: (first, last) = (year * 10_000 + month * 100 + day, year * 10_000 + month * 100 + day)
            case 3: (first, last) = (year / 10 * 100_000 + 101, (year / 10 * 10 + 9) * 10_000 + 1231)
            default:
                // Meteorological seasons: Spring Mar–May, Summer Jun–Aug, Autumn Sep–Nov, Winter Dec–Feb.
                let season = point.month! - 21
                let start = 3 + season * 3
                let endYear = season == 3 ? year + 1 : year, endMonth = season == 3 ? 2 : start + 2
                (first, last) = (year * 10_000 + start * 100 + 1, endYear * 10_000 + endMonth * 100 + daysIn(month: endMonth, year: endYear))
            }
            #expect(date.firstDayKey == first, "\(date.edtf)")
            #expect(date.endKey == last, "\(date.edtf)")
        }
    }
}

/// Days in a month of the proleptic Gregorian calendar, worked out here apart from the code under test.
private func daysIn(month: Int, year: Int) -> Int {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

@Suite struct EDTFIssueEightTests {
    @Test(arguments: ["1985-04-12T23:20:30", "1985-04-12T23:20:30Z", "1985-04-12T23:20:30+05:00", "Y170000002", "Y-170000002",
                      "-01XX", "-199X", "2001-21", "1984?/2004~"])
    func validFormsAreTaken(text: String) throws {
        let date = try EDTFDate.parse(text)
        #expect(date.edtf == text)
    }

    @Test func negativeYearsWithUnspecifiedDigitsSpanTheirYears() throws {
        let date = try EDTFDate.parse("-199X")
        #expect(date.firstDayKey == -1999 * 10_000 + 101)
        #expect(date.endKey == -1990 * 10_000 + 1231)
        #expect(try EDTFDate.parse("Y-170000002").endKey < EDTFDate.parse("-9999").firstDayKey)
        #expect(try EDTFDate.parse("1985-04-12T23:20:30Z").display == "12 Apr 1985 23:20:30 UTC")
    }

    @Test(arguments: [
        ("16XX/18XX", "unspecified digits in an interval's end is EDTF level 2"),
        ("2004-06-XX/2004-07-03", "unspecified digits in an interval's end is EDTF level 2"),
        ("XXXX", "more than the last two digits of a year unspecified is EDTF level 2"),
        ("2001-21~", "a qualified season is EDTF level 2"),
        ("2001-33", "sub-year groupings 25–41"),
        ("2001-13", "month 13 does not exist"),
        ("2001-02-30", "30 February does not exist"),
        ("2001-02-29", "29 February 2001: 2001 is not a leap year"),
        ("2001-04-31", "31 April does not exist"),
        ("2005/2001", "the interval ends (2001) before it starts (2005)"),
        ("1985-04-12T24:00:00", "is not hh:mm:ss"),
        ("Y1234", "five or more digits"),
    ])
    func invalidFormsSayWhy(text: String, reason: String) {
        let error = #expect(throws: EDTFError.self) { try EDTFDate.parse(text) }
        #expect(error?.reason.contains(reason) == true, "\(text): \(String(describing: error))")
    }

    /// Spring 2001 was missed by a filter on March 2001, and Winter by one on December.
    @Test func seasonsLieInTheirMonths() throws {
        let spring = try EDTFDate.parse("2001-21"), winter = try EDTFDate.parse("2001-24")
        #expect(spring.firstDayKey == 2001_03_01 && spring.endKey == 2001_05_31)
        #expect(winter.firstDayKey == 2001_12_01 && winter.endKey == 2002_02_28)
        #expect(try spring.startKey <= EDTFDate.parse("2001-03-31").endKey, "a filter up to 31 March reaches Spring")
        #expect(try winter.startKey <= EDTFDate.parse("2001-12-31").endKey, "a filter up to 31 December reaches Winter")
    }
}

/// One date not known within a range (`[2000..]`), kept apart from a period (`2000/..`): EDTF level 2's "one of a set",
/// the one level-2 form the data takes.
@Suite struct EDTFOneOfARange {
    @Test(arguments: ["[2000..]", "[..1995]", "[1990..1995]", "[2001-03..2001-05-20]", "[-0500..0100]"])
    func oneOfARangeRoundTrips(_ text: String) throws {
        let date = try EDTFDate.parse(text)
        guard case .oneOf = date else { Issue.record("\(text) is not read as one date within a range"); return }
        #expect(date.edtf == text)
    }

    @Test func itCoversTheRangeLikeAPeriodButReadsAsOneDate() throws {
        let since = try EDTFDate.parse("[2000..]"), period = try EDTFDate.parse("2000/..")
        #expect(since.firstDayKey == period.firstDayKey && since.endKey == period.endKey && since.startKey == period.startKey)
        #expect(since.display == "2000 or later" && period.display == "2000–present")
        #expect(try EDTFDate.parse("[..1995]").display == "1995 or earlier")
        #expect(try EDTFDate.parse("[1990..1995]").display == "sometime 1990–1995")
        #expect(try EDTFDate.parse("[..1995]").firstDayKey == Int.min)
        #expect(try EDTFDate.parse("[2000..]").lowerBound == EDTFDate("2000") && EDTFDate("[2000..]")?.upperBound == nil)
    }

    @Test(arguments: [
        ("[1667,1668,1670..1672]", "a set of listed dates"),
        ("[1667,1668]", "a set of listed dates"),
        ("[..]", "at least one known end"),
        ("[1995..1990]", "the range ends (1990) before it starts (1995)"),
        ("[2000..", "ends with \"]\""),
        ("[2000]", "a set of listed dates"),
    ])
    func otherSetsAreRefusedSayingWhy(text: String, reason: String) {
        #expect(throws: EDTFError.self) { try EDTFDate.parse(text) }
        do {
            _ = try EDTFDate.parse(text)
        } catch {
            #expect(error.reason.contains(reason), "\(text): \(error.reason)")
        }
    }
}
