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
    case 4: return EDTFPoint(year: year, month: 20 + (month - 1) % 4 + 1, qualifier: qualifier)
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
            let first = makePoint(year: year1, shape: shape1, month: month, day: 1, qualifierIndex: qualifier)
            let second = makePoint(year: year2, shape: shape2, month: 13 - month, day: 28, qualifierIndex: 0)
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
}
