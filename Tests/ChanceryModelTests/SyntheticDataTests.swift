import ChanceryModel
import Testing

/// The CSV of a synthetic dataset, whole.
private func csvBytes(events: Int, seed: UInt64) -> [UInt8] {
    var dataset = SyntheticDataset(events: events, seed: seed)
    var bytes: [UInt8] = []
    while let chunk = dataset.nextCSVChunk() { bytes += chunk }
    return bytes
}

/// The rows of a synthetic dataset, read back through the import's own reader.
private func eventRows(events: Int, seed: UInt64) throws -> [EventTableRow] {
    var reader = CSVReader(bytes: csvBytes(events: events, seed: seed))
    guard case .record(_, let fields)? = try reader.next() else { throw EventTableError("no header") }
    let header = try EventTableHeader(fields)
    var rows: [EventTableRow] = []
    while let row = try reader.next() {
        guard case .record(_, let fields) = row else { throw EventTableError("malformed row \(row)") }
        rows.append(try EventTableRow(fields, header: header))
    }
    return rows
}

@Suite struct SyntheticDataTests {
    @Test func theSameSizeAndSeedGiveTheSameBytes() {
        let first = csvBytes(events: 1_500, seed: 7)
        #expect(first == csvBytes(events: 1_500, seed: 7))
        #expect(first != csvBytes(events: 1_500, seed: 8))
        #expect(SyntheticDataset(events: 300, seed: 7).visits() == SyntheticDataset(events: 300, seed: 7).visits())
    }

    @Test func everyRowIsAValidEventWithAUniqueID() throws {
        let rows = try eventRows(events: 2_000, seed: 1)
        #expect(rows.count == 2_000)
        #expect(Set(rows.map(\.id)).count == 2_000)
        #expect(rows.allSatisfy { !$0.organizations.isEmpty })
    }

    @Test func datesSpanThePostwarYearsAtMixedPrecision() throws {
        let rows = try eventRows(events: 2_000, seed: 1)
        let dates = rows.compactMap(\.date)
        let undatedShare = Double(rows.count - dates.count) / Double(rows.count)
        #expect((0.03...0.07).contains(undatedShare), "undated share \(undatedShare)")
        let years = dates.compactMap { date -> Int? in
            switch date {
            case .point(let point): point.year
            case .interval(let start, _), .oneOf(let start, _): start.point?.year
            }
        }
        #expect(years.allSatisfy { (1945...2026).contains($0) })
        #expect(years.min()! <= 1950 && years.max()! >= 2022)
        // Later years are likelier, as the record grows.
        #expect(years.filter { $0 >= 2000 }.count > years.filter { $0 < 1970 }.count * 2)
        var precision: [String: Int] = [:]
        for date in dates {
            switch date {
            case .point(let point) where point.qualifier != nil: precision["qualified", default: 0] += 1
            case .point(let point) where point.day != nil: precision["day", default: 0] += 1
            case .point(let point) where point.month != nil: precision["month", default: 0] += 1
            case .point: precision["year", default: 0] += 1
            case .interval(_, .open): precision["open", default: 0] += 1
            case .interval: precision["interval", default: 0] += 1
            case .oneOf: precision["one of", default: 0] += 1
            }
        }
        #expect(precision["day", default: 0] > dates.count * 4 / 10)
        for kind in ["month", "year", "interval", "open", "qualified"] {
            #expect(precision[kind, default: 0] >= 10, "\(kind): \(precision)")
        }
    }

    @Test func aFewOrganizationsAndPeopleAreLinkedFarMoreThanMost() throws {
        let rows = try eventRows(events: 2_000, seed: 1)
        func counts(_ lists: [[String]]) -> [Int] {
            var counts: [String: Int] = [:]
            for list in lists { for name in list { counts[name, default: 0] += 1 } }
            return counts.values.sorted(by: >)
        }
        let organizations = counts(rows.map(\.organizations))
        #expect(organizations.count >= 150, "a few hundred organizations in play")
        #expect(organizations[0] >= rows.count / 10, "the top organization is in at least a tenth of the events")
        #expect(organizations[organizations.count / 2] <= organizations[0] / 20, "the median one is rare")
        let people = counts(rows.map(\.people))
        #expect(people.count >= 60 && people[0] >= people[people.count / 2] * 10)
    }

    @Test func wordsRangeFromCommonToRare() throws {
        let rows = try eventRows(events: 2_000, seed: 1)
        var eventsWithWord: [String: Int] = [:]
        for row in rows {
            for word in Set((row.title + " " + row.summary).lowercased().split { !$0.isLetter }) {
                eventsWithWord[String(word), default: 0] += 1
            }
        }
        #expect(eventsWithWord["cooperation", default: 0] > rows.count / 2)
        #expect(eventsWithWord.values.filter { $0 == 1 }.count > 500, "many words occur in a single event")
    }

    @Test func visitsHaveAHeadASenderADestinationAndOneToSixMeetings() {
        let dataset = SyntheticDataset(events: 1_000, seed: 3)
        let visits = dataset.visits()
        #expect(visits.count == 20)
        #expect(Set(visits.map(\.id)).count == 20)
        for visit in visits {
            #expect(visit.head.map(dataset.people.contains) == true)
            #expect(visit.sender.map(dataset.organizations.contains) == true)
            #expect(!visit.destinations.isEmpty && visit.destinations.allSatisfy(dataset.cities.contains))
            #expect((1...6).contains(visit.meetings.count))
            #expect(visit.meetings.allSatisfy { !$0.counterparts.isEmpty && !$0.topics.isEmpty })
        }
        #expect(Set(visits.map(\.meetings.count)).count >= 4, "meeting counts vary")
    }

    @Test func countsScaleWithTheEvents() {
        #expect(SyntheticDataset(events: 1_000_000, seed: 1).people.count == 40_000)
        #expect(SyntheticDataset(events: 0, seed: 1).visits().isEmpty)
        var empty = SyntheticDataset(events: 0, seed: 1)
        var header: [UInt8] = []
        CSVWriter.appendLine(EventTable.columns, to: &header)
        #expect(empty.nextCSVChunk() == header)
        #expect(empty.nextCSVChunk() == nil)
    }
}
