@testable import ChanceryModel
import Foundation
import PropertyBased
import Testing

/// Bytes that matter to a JSON parser: structure, strings, escapes, numbers, words, whitespace, controls
/// and broken UTF-8, so that random documents get deep into the parser rather than failing on byte one.
private let tokens: [[UInt8]] = [
    "[", "]", "{", "}", ":", ",", "\"", "\\", "\\u", "\\ud83d", "\\ude00", "\\n", "\\\"", "0", "-", "1.5e-3", "01",
    "true", "null", "fals", "\"id\"", "\"event-a\"", "\"links\"", " ", "\n", "\r\n", "\t",
    "\u{1B}[2J", "\u{0}", "ə", "漢", "👍",
].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF]]

private let tokenDocuments = Gen.int(in: 0...(tokens.count - 1)).array(of: 0...60).map { $0.flatMap { tokens[$0] } }
private let randomBytes = Gen.int(in: 0...255).array(of: 0...300).map { $0.map(UInt8.init) }

/// A real record of the bundled data.
private let realRecord: [UInt8] = Array("""
[
  {
    "id": "visit-2024-05-az-pg-tajikistan",
    "date": "2024-05",
    "dateNote": "Article dated 18 May 2024 reports the arrival.",
    "title": "Azerbaijan's Prosecutor General visits Dushanbe",
    "destinations": ["place-dushanbe"],
    "links": [ { "to": "org-eco", "role": "host" } ],
    "meetings": [
      {
        "id": "meeting-2024-05-az-tj-prosecutors",
        "date": null,
        "topics": ["cooperation between prosecution bodies"],
        "citations": [ { "source": "src-003", "quote": "They met." } ]
      }
    ],
    "citations": [ { "source": "src-003", "quote": "He arrived \\u00e9 \\ud83d\\ude00." } ]
  }
]
""".utf8)

/// The real record with `count` byte edits (replace, insert, delete) at generated places.
private func mutated(_ edits: [Int]) -> [UInt8] {
    var bytes = realRecord
    for edit in edits {
        let position = (edit / 4) % max(1, bytes.count)
        let byte = UInt8(truncatingIfNeeded: edit / 7)
        switch edit % 4 {
        case 0: if !bytes.isEmpty { bytes[position] = byte }
        case 1: bytes.insert(byte, at: position)
        case 2: if !bytes.isEmpty { bytes.remove(at: position) }
        default: bytes.insert(contentsOf: tokens[(edit / 3) % tokens.count], at: position)
        }
    }
    return bytes
}

private let mutations = Gen.int(in: 0...1_000_000).array(of: 1...4)

/// Lines in `bytes`, counting a last line without a newline.
private func lineCount(_ bytes: [UInt8]) -> Int {
    bytes.count { $0 == 0x0A } + 1
}

/// True when parsing `bytes` gives a value, or an error whose line and column lie inside the input.
private func parsesOrFailsInside(_ bytes: [UInt8]) -> Bool {
    do {
        _ = try JSONParser.parse(bytes)
        return true
    } catch {
        return error.line >= 1 && error.line <= lineCount(bytes) && error.column >= 1 && !error.message.isEmpty
    }
}

@Suite("Parser properties")
struct ParserPropertyTests {
    @Test func randomBytesParseOrFailWithAPlaceInsideTheInput() async {
        await propertyCheck(count: 500, input: randomBytes) { bytes in
            #expect(parsesOrFailsInside(bytes), "\(bytes)")
        }
    }

    @Test func randomTokensParseOrFailWithAPlaceInsideTheInput() async {
        await propertyCheck(count: 1_000, input: tokenDocuments) { bytes in
            #expect(parsesOrFailsInside(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func editedRecordsParseOrFailWithAPlaceInsideTheInput() async {
        #expect(parsesOrFailsInside(realRecord))
        await propertyCheck(count: 1_000, input: mutations) { edits in
            let bytes = mutated(edits)
            #expect(parsesOrFailsInside(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func theLoaderNamesTheFileAndALineForEveryProblem() async throws {
        let directory = try TemporaryDataDirectory([:])
        let file = directory.url.appendingPathComponent("visits.json")
        await propertyCheck(count: 300, input: mutations) { edits in
            let bytes = mutated(edits)
            do {
                try Data(bytes).write(to: file)
            } catch {
                Issue.record("cannot write \(file.path): \(error)")
                return
            }
            let (dataset, issues) = Dataset.load(from: directory.url)
            for issue in issues {
                #expect(issue.file == "visits.json" && issue.line >= 1 && issue.line <= lineCount(bytes), "\(issue)")
                #expect(!issue.message.isEmpty)
            }
            // Every record is either loaded or reported, never silently dropped.
            if issues.isEmpty {
                let elements = (try? JSONParser.parse(bytes)).flatMap(arrayElements)
                #expect(elements.map { dataset.visits.count == $0.count } == true,
                        "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }
}

private func arrayElements(_ node: JSONNode) -> [JSONNode]? {
    if case .array(let elements) = node.value { elements } else { nil }
}
