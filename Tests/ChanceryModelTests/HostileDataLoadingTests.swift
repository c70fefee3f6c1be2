@testable import ChanceryModel
import Foundation
import Testing

/// Data files that are broken on purpose: every problem must be reported with its file and a real line
/// (and the record, when one can be told), never crash the loader and never be silently accepted.
@Suite struct HostileDataLoadingTests {
    /// A dataset with one record of each dated kind, each date given by `date(field)`; returns the files.
    private static func datedRecords(_ date: (String) -> String) -> [String: String] {
        [
            "sources.json": """
                [
                  {
                    "id": "src-001", "title": "A page", "file": "one.txt", "kind": "officialSite",
                    "published": \(date("sources.published"))
                  }
                ]
                """,
            "people.json": """
                [
                  {
                    "id": "person-a", "name": "A",
                    "roles": [
                      { "title": "Minister",
                        "period": \(date("people.roles.period")) }
                    ]
                  }
                ]
                """,
            "documents.json": """
                [
                  {
                    "id": "doc-a", "title": "A", "kind": "treaty",
                    "date": \(date("documents.date")),
                    "citations": [{ "source": "src-001", "quote": "q" }]
                  }
                ]
                """,
            "events.json": """
                [
                  {
                    "id": "event-a", "title": "A", "kind": "other", "summary": "S",
                    "date": \(date("events.date")),
                    "citations": [{ "source": "src-001", "quote": "q" }]
                  }
                ]
                """,
            "visits.json": """
                [
                  {
                    "id": "visit-a", "title": "A",
                    "date": \(date("visits.date")),
                    "meetings": [
                      {
                        "id": "meeting-a",
                        "date": \(date("visits.meetings.date")),
                        "citations": [{ "source": "src-001", "quote": "q" }]
                      }
                    ],
                    "citations": [{ "source": "src-001", "quote": "q" }]
                  }
                ]
                """,
        ]
    }

    /// Where each date field sits in `datedRecords`: file, line of the date, and the record named.
    private static let dateFields: [(field: String, file: String, line: Int, record: String)] = [
        ("sources.published", "sources.json", 4, "src-001"),
        ("people.roles.period", "people.json", 6, "person-a"),
        ("documents.date", "documents.json", 4, "doc-a"),
        ("events.date", "events.json", 4, "event-a"),
        ("visits.date", "visits.json", 4, "visit-a"),
        ("visits.meetings.date", "visits.json", 8, "visit-a"),
    ]

    /// Malformed EDTF of every shape: wrong lengths, ranges, separators, digits from other scripts,
    /// overflowing numbers, time parts, bad qualifiers and intervals, controls and escape sequences.
    static let malformedDates: [String] = [
        "93", "199", "19930", "1993-1", "1993-1-5", "1993-13", "1993-00", "1993-02-30", "2023-02-29", "1993-01-32",
        "1993-25", "1993-21-01", "1993-01-25T10:00", "1993-01-25 ", " 1993", "1993/1992", "../..", "/", "..", "1993??",
        "?1993", "1993~?", "X993", "199X-01", "1993-XX-05", "1993-0X", "XXXXX", "-0000", "+1993", "1993.01.25",
        "1993/01/25", "１９９３", "١٩٩٣", "1993-٠١", "99999999999999999999", "1993-99999999999999999999",
        "-99999999999999999999", "0x7C9", "1e3", "1993-01-25/1993-01-24", "1993//1994", "1993/../1994",
        "\\u001b[2J", "1993\\u0000", "\\u202e1993", "\\u001b]0;pwned\\u0007",
    ]

    @Test(arguments: malformedDates)
    func malformedDatesInEveryDateFieldAreRejectedNamingFileLineAndRecord(_ bad: String) throws {
        for target in Self.dateFields {
            let files = Self.datedRecords { $0 == target.field ? "\"\(bad)\"" : "null" }
            let directory = try TemporaryDataDirectory(files)
            let (dataset, issues) = Dataset.load(from: directory.url)
            #expect(issues.count == 1, "\(target.field) = \(bad): \(issues)")
            let issue = try #require(issues.first)
            #expect(issue.file == target.file && issue.line == target.line && issue.recordID == target.record,
                    "\(target.field) = \(bad): \(issue)")
            #expect(issue.message.contains("is not an EDTF date"), "\(issue)")
            #expect(dataset.locations[target.record] == nil, "the broken record is not loaded")
        }
    }

    @Test func theSameRecordsWithGoodDatesLoadCleanly() throws {
        let directory = try TemporaryDataDirectory(Self.datedRecords { _ in "\"1993-01-25\"" })
        let (dataset, issues) = Dataset.load(from: directory.url)
        #expect(issues.isEmpty, "\(issues)")
        #expect(dataset.visits.first?.meetings.first?.date == EDTFDate("1993-01-25"))
    }

    /// A real record, then each kind of damage to its bytes, and the line the error must name.
    @Test(arguments: [
        ("NUL byte", Array("[\n  {\n    \"id\": \"event-a\",\n    \"title\": \"A".utf8) + [0] + Array("\"\n  }\n]\n".utf8), 4, "NUL byte"),
        ("invalid UTF-8", Array("[\n  {\n    \"id\": \"event-a\",\n    \"title\": \"A".utf8) + [0xC3, 0x28] + Array("\"\n  }\n]\n".utf8), 4, "invalid UTF-8"),
        ("overlong UTF-8", Array("[\n\n\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8), 3, "invalid UTF-8"),
        ("UTF-16 surrogate in UTF-8", Array("[\n\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), 2, "invalid UTF-8"),
        ("truncated multibyte at the end", Array(Array("[\n\"ə".utf8).dropLast()), 2, "invalid UTF-8"),
        ("byte order mark", [0xEF, 0xBB, 0xBF] + Array("[]".utf8), 1, "unexpected character"),
        ("raw escape in a string", Array("[\n\n  \"\u{1B}]52;c;SGVsbG8=\u{07}\"\n]".utf8), 3, "control character"),
        ("deeply nested", Array((String(repeating: "[\n", count: 100) + String(repeating: "]", count: 100)).utf8), 65, "nesting deeper"),
        ("cut after a key", Array("[\n  {\n    \"id\":".utf8), 3, "unexpected end of file"),
        ("cut inside a string", Array("[\n  {\n    \"id\": \"event-a".utf8), 3, "unterminated string"),
        ("cut inside an escape", Array("[\n  \"\\u00".utf8), 2, "incomplete \\u escape"),
        ("lone low surrogate escape", Array("[\n  \"\\udc00\"]".utf8), 2, "surrogate"),
    ] as [(String, [UInt8], Int, String)])
    func damagedBytesAreRejectedNamingFileAndLine(_ name: String, _ bytes: [UInt8], _ line: Int, _ message: String) throws {
        let directory = try TemporaryDataDirectory([:])
        try Data(bytes).write(to: directory.url.appendingPathComponent("events.json"))
        let (dataset, issues) = Dataset.load(from: directory.url)
        #expect(issues.count == 1, "\(name): \(issues)")
        let issue = try #require(issues.first)
        #expect(issue.file == "events.json" && issue.line == line, "\(name): \(issue)")
        #expect(issue.message.contains(message), "\(name): \(issue)")
        #expect(dataset.events.isEmpty)
    }

    @Test func everyPrefixOfARealFileIsRejectedWithALineInsideIt() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/visits.json")
        let bytes = [UInt8](try Data(contentsOf: url))
        let lineCount = bytes.count { $0 == 0x0A } + 1
        var checked = 0
        for length in stride(from: 0, to: bytes.count - 2, by: 11) {
            let prefix = Array(bytes[..<length])
            #expect {
                _ = try JSONParser.parse(prefix)
            } throws: { error in
                guard let error = error as? JSONSyntaxError else { return false }
                return error.line >= 1 && error.line <= lineCount && error.column >= 1
            }
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test func oneMegabyteStringsAndHundredThousandLinksLoad() throws {
        let long = String(repeating: "word ", count: 200_000)
        let links = (0..<100_000).map { _ in "{\"to\": \"place-a\", \"role\": \"mentioned\"}" }.joined(separator: ",")
        let directory = try TemporaryDataDirectory([
            "places.json": "[{\"id\": \"place-a\", \"name\": \"A\", \"kind\": \"city\"}]",
            "sources.json": "[{\"id\": \"src-001\", \"title\": \"S\", \"file\": \"one.txt\", \"kind\": \"officialSite\"}]",
            "events.json": """
                [{"id": "event-a", "title": "\(long)", "kind": "other", "summary": "\(long)", "links": [\(links)],
                  "citations": [{"source": "src-001", "quote": "q"}]}]
                """,
        ])
        let (dataset, issues) = Dataset.load(from: directory.url)
        #expect(issues.isEmpty, "\(issues.prefix(3))")
        #expect(dataset.events.first?.summary.utf8.count == 1_000_000)
        #expect(dataset.events.first?.links.count == 100_000)
        #expect(dataset.validate().isEmpty)
    }
}
