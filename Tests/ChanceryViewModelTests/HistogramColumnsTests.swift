import ChanceryModel
import ChanceryViewModel
import Testing

/// The histogram's columns: what lies within a year stacks there; what is dated more loosely counts in every column it
/// may fall in, and in no other.
@Suite struct HistogramColumnsTests {
    let spread = DateSpread(
        withinYear: [1993: 2, 1995: 1, 2018: 6],
        spanning: [DateSpread.Years(first: 1980, last: 1989): 1,   // 198X
                   DateSpread.Years(first: 2000, last: nil): 14,   // [2000..]
                   DateSpread.Years(first: nil, last: 1995): 1],   // ../1995
        undated: 5)

    @Test func aColumnAYearWhenTheSpanFits() {
        let columns = HistogramColumns(spread, width: 60, unit: nil)
        #expect(columns.unit == .year && columns.undated == 5)
        #expect(columns.columns.first?.year == 1980 && columns.columns.last?.year == 2018)
        let byYear = Dictionary(uniqueKeysWithValues: columns.columns.map { ($0.year, $0) })
        #expect(byYear[2018]?.within == 6 && byYear[2018]?.possibly == 14, "the agreements since 2000 may fall in 2018")
        #expect(byYear[1993]?.within == 2 && byYear[1993]?.possibly == 1, "an open start may lie before its end")
        #expect(byYear[1985]?.possibly == 2 && byYear[1990]?.possibly == 1, "198X only in the 1980s")
        #expect(byYear[1999]?.possibly == 0, "no year gains what may not fall in it")
        #expect(columns.columns.map(\.within).reduce(0, +) == 9)
    }

    @Test func aColumnADecadeWhenItDoesNot() {
        let columns = HistogramColumns(spread, width: 20, unit: nil)
        #expect(columns.unit == .decade)
        #expect(columns.columns.map(\.year) == [1980, 1990, 2000, 2010])
        #expect(columns.columns.map(\.within) == [0, 3, 0, 6])
        #expect(columns.columns.map(\.possibly) == [2, 1, 14, 14])
        #expect(columns.dateText(of: columns.columns[1]) == "1990/1999" && columns.label(of: columns.columns[1]) == "1990s")
        #expect(HistogramColumns(spread, width: 20, unit: .year).columns.count == 39, "a unit asked for is kept")
    }

    @Test func theCursorsColumnStaysAmongThoseShown() {
        let columns = HistogramColumns(spread, width: 60, unit: .year)
        #expect(columns.index(of: 2018) == 38 && columns.index(of: 1979) == nil)
        #expect(columns.firstShown(width: 10, cursor: nil) == 29, "the latest years when nothing is picked")
        #expect(columns.firstShown(width: 10, cursor: 3) == 0)
        #expect(columns.firstShown(width: 10, cursor: 20) == 15)
        #expect(columns.firstShown(width: 60, cursor: 20) == 0)
    }

    @Test func negativeYearsFallInTheirOwnDecade() {
        let columns = HistogramColumns(DateSpread(withinYear: [-505: 1, -500: 1, 5: 1]), width: 5, unit: .decade)
        #expect(columns.columns.first?.year == -510 && columns.columns[0].within == 1 && columns.columns[1].within == 1)
        #expect(HistogramColumns(DateSpread(), width: 5, unit: nil).columns.isEmpty)
    }
}
