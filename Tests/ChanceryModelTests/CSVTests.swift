import ChanceryModel
import Foundation
import Testing

/// Every row of `text`, read in chunks of `chunkSize` bytes (all at once when nil).
private func rows(_ text: String, chunkSize: Int? = nil) throws -> [CSVRow] {
    try rows(Array(text.utf8), chunkSize: chunkSize)
}

private func rows(_ bytes: [UInt8], chunkSize: Int? = nil) throws -> [CSVRow] {
    var reader: CSVReader
    if let chunkSize {
        var offset = 0
        reader = CSVReader(nextChunk: {
            guard offset < bytes.count else { return nil }
            defer { offset += chunkSize }
            return Array(bytes[offset..<min(bytes.count, offset + chunkSize)])
        })
    } else {
        reader = CSVReader(bytes: bytes)
    }
    var result: [CSVRow] = []
    while let row = try reader.next() { result.append(row) }
    return result
}

/// One CSV record as text.
private func line(_ fields: [String]) -> String {
    var bytes: [UInt8] = []
    CSVWriter.appendLine(fields, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

@Suite struct CSVReaderTests {
    @Test func readsPlainRecordsWithLFOrCRLFAndNoFinalLineEnd() throws {
        let expected: [CSVRow] = [.record(line: 1, fields: ["a", "b", "c"]), .record(line: 2, fields: ["1", "", "3"])]
        #expect(try rows("a,b,c\n1,,3\n") == expected)
        #expect(try rows("a,b,c\r\n1,,3\r\n") == expected)
        #expect(try rows("a,b,c\r\n1,,3") == expected)
        #expect(try rows("") == [])
    }

    @Test func quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws {
        let text = "id,text\r\n1,\"a, b\"\r\n2,\"she said \"\"no\"\"\"\r\n3,\"two\nlines\r\nthree\"\r\n4,\"\"\r\n5,after\r\n"
        #expect(try rows(text) == [
            .record(line: 1, fields: ["id", "text"]),
            .record(line: 2, fields: ["1", "a, b"]),
            .record(line: 3, fields: ["2", "she said \"no\""]),
            .record(line: 4, fields: ["3", "two\nlines\r\nthree"]),
            .record(line: 7, fields: ["4", ""]),
            .record(line: 8, fields: ["5", "after"]),
        ])
    }

    @Test func skipsBlankLinesAndAByteOrderMark() throws {
        #expect(try rows("\u{FEFF}a,b\n\n\r\n1,2\n\n") == [.record(line: 1, fields: ["a", "b"]), .record(line: 4, fields: ["1", "2"])])
    }

    @Test func brokenQuotingIsReportedAtTheRowsLineAndReadingGoesOn() throws {
        let text = "a,b\nx,y\"z\n\"quoted\"tail,1\n\"multi\nline\"oops,2\nok,3\n\"never closed,4\nlost,5\n"
        let result = try rows(text)
        #expect(result.count == 7)
        #expect(result[0] == .record(line: 1, fields: ["a", "b"]))
        guard case .malformed(2, let bareQuote) = result[1], case .malformed(3, let afterClosing) = result[2],
              case .malformed(4, let multiLine) = result[3], case .malformed(7, let unclosed) = result[5] else {
            Issue.record("unexpected rows \(result)")
            return
        }
        #expect(bareQuote.contains("quote inside an unquoted field"))
        #expect(afterClosing.contains("closing quote must be followed"))
        #expect(multiLine.contains("closed 1 line(s) further down"))
        #expect(unclosed.contains("never closed") && unclosed.contains("reading goes on with the next line"))
        #expect(result[4] == .record(line: 6, fields: ["ok", "3"]))
        #expect(result[6] == .record(line: 8, fields: ["lost", "5"]), "the rows after a quote never closed are read")
    }

    /// A stray opening quote used to swallow the rest of the file as one skipped row.
    @Test func aStrayQuoteCostsItsOwnRowOnly() throws {
        let rowsAfter = (0..<20_000).map { "row\($0),\($0)\n" }.joined()
        let result = try rows("a,b\n\"stray,1\n" + rowsAfter)
        #expect(result.count == 1 + 1 + 20_000)
        guard case .malformed(2, let message) = result[1] else {
            Issue.record("expected the stray quote's row at line 2, got \(result[1])")
            return
        }
        #expect(message.contains("field 1: its opening quote is never closed"))
        #expect(result.last == .record(line: 20_002, fields: ["row19999", "19999"]))
    }

    /// A quoted field may run over many lines, up to a bound; past it, its quote is taken as never closed.
    @Test func aQuotedFieldRunsUpToItsBound() throws {
        let long = String(repeating: "word and line\n", count: 200_000)  // 2.8 MB: within the bound
        #expect(try rows("a,b\n\"\(long)\",1\nnext,2\n") == [
            .record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: [long, "1"]), .record(line: 200_003, fields: ["next", "2"]),
        ])
        let tooLong = String(repeating: "word and line\n", count: 400_000)  // 5.6 MB
        let result = try rows("a,b\n\"\(tooLong)\",1\nnext,2\n")
        guard case .malformed(2, let message) = result[1] else {
            Issue.record("expected the row to be refused, got \(result.prefix(2))")
            return
        }
        #expect(message.contains("never closed"))
        #expect(result.count > 2, "reading went on after it")
    }

    @Test func invalidUTF8IsReportedAndTheNextRowIsRead() throws {
        let bytes = Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n2,\"\u{00E9}\"\n".utf8)
        #expect(try rows(bytes) == [
            .record(line: 1, fields: ["a", "b"]),
            .malformed(line: 2, message: "field 2 is not valid UTF-8"),
            .record(line: 3, fields: ["2", "é"]),
        ])
    }

    @Test func aLoneCarriageReturnOutsideQuotesIsMalformed() throws {
        let result = try rows("a,b\rc\n1,2\n")
        #expect(result.count == 2)
        guard case .malformed(1, let message) = result[0] else {
            Issue.record("expected a malformed first row, got \(result)")
            return
        }
        #expect(message.contains("carriage return"))
        #expect(result[1] == .record(line: 2, fields: ["1", "2"]))
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundariesDoNotChangeWhatIsRead(chunkSize: Int) throws {
        let text = "\u{FEFF}id,text\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,y\"z\n3,\"Bakı\",extra\r\n\n4,\"unterminated"
        #expect(try rows(text, chunkSize: chunkSize) == rows(text))
    }

    @Test func countsTheBytesBehindTheRowsRead() throws {
        var reader = CSVReader(bytes: Array("a,b\n\"1\n2\",3\n".utf8))
        _ = try reader.next()
        #expect(reader.bytesRead == 4)
        _ = try reader.next()
        #expect(reader.bytesRead == 12)
        #expect(try reader.next() == nil)
    }

    @Test func writtenLinesReadBackTheSameFields() throws {
        let fields = ["plain", "with, comma", "with \"quotes\"", "two\nlines", "crlf\r\nend", "", " spaced ", "Heydər Əliyev"]
        #expect(try rows(line(fields) + line(["x"])) == [
            .record(line: 1, fields: fields), .record(line: 4, fields: ["x"]),
        ])
    }

    @Test func readsAFileInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let big = String(repeating: "x", count: 3_000_000)
        try Data("a,b\n1,\"\(big)\"\n2,z\n".utf8).write(to: url)
        var reader = try CSVReader(contentsOfFile: url.path)
        var read: [CSVRow] = []
        while let row = try reader.next() { read.append(row) }
        #expect(read == [.record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", big]), .record(line: 3, fields: ["2", "z"])])
        #expect(throws: (any Error).self) { try CSVReader(contentsOfFile: url.path + ".missing") }
    }
}

@Suite struct EventTableTests {
    private let header = try! EventTableHeader(EventTable.columns)

    private func row(_ changes: [String: String]) -> [String] {
        let base = ["id": "event-x", "date": "1993-01-25", "kind": "meeting", "title": "Talks", "summary": "They met.",
                    "organizations": "org-un; United Nations ;", "people": "", "places": "Baku", "countries": "Azerbaijan",
                    "source": "src-001", "quote": "They met.", "dateNote": "", "links": "", "citations": ""]
        return EventTable.columns.map { changes[$0] ?? base[$0]! }
    }

    @Test func readsACheckedRow() throws {
        let event = try EventTableRow(row([:]), header: header)
        #expect(event.id == "event-x")
        #expect(event.date == EDTFDate("1993-01-25"))
        #expect(event.kind == .meeting)
        #expect(event.organizations == ["org-un", "United Nations"])
        #expect(event.people == [])
        #expect(event.places == ["Baku"])
        #expect(event.countries == ["Azerbaijan"])
        #expect(event.citations == [TabledCitation(source: "src-001", quote: "They met.", title: nil, category: nil)])
        #expect(event.links == nil, "no links cell: the four lists stand")
        #expect(try EventTableRow(row(["date": "", "source": "", "quote": ""]), header: header).date == nil)
    }

    @Test(arguments: [
        (["id": ""], "missing id"),
        (["id": "org-x"], "must start with \"event-\""),
        (["id": "event-X Y"], "must start with \"event-\""),
        (["date": "1993-02-30"], "is not an EDTF date"),
        (["kind": "party"], "unknown kind \"party\""),
        (["kind": ""], "missing kind"),
        (["title": "  "], "missing title"),
        (["quote": ""], "a source needs its quote"),
        (["source": ""], "a quote needs its source"),
    ])
    func rejectsABadRowSayingWhy(changes: [String: String], message: String) {
        let error = #expect(throws: EventTableError.self) { try EventTableRow(row(changes), header: header) }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func rejectsAWrongNumberOfFields() {
        #expect(throws: EventTableError("expected 14 fields as in the header, found 13")) {
            try EventTableRow(Array(row([:]).dropLast()), header: header)
        }
    }

    @Test func linksAndCitationsCellsCarryEveryLinkAndCitationAndOverrideTheReadableColumns() throws {
        let links = #"[{"category":"intergovernmental","name":"United Nations","role":"signatory","to":"org-un"},{"role":"mentioned","to":"event-y"}]"#
        let citations = #"[{"quote":"One.","source":"src-001","title":"A page"},{"quote":"Two, \"quoted\".","source":"src-002"}]"#
        let event = try EventTableRow(row(["links": links, "citations": citations, "dateNote": "From the context."]), header: header)
        #expect(event.links == [TabledLink(to: "org-un", role: "signatory", name: "United Nations", category: "intergovernmental"),
                                TabledLink(to: "event-y", role: "mentioned", name: nil, category: nil)])
        #expect(event.citations.map(\.quote) == ["One.", "Two, \"quoted\"."])
        #expect(event.dateNote == "From the context.")
        let bad = #expect(throws: EventTableError.self) { try EventTableRow(row(["links": "[{\"to\": 3}]"]), header: header) }
        #expect(bad?.message.contains("links: not a JSON array") == true)
        let role = #expect(throws: EventTableError.self) {
            try EventTableRow(row(["links": #"[{"to":"org-un","role":"friend"}]"#]), header: header)
        }
        #expect(role?.message.contains("\"friend\"") == true)
        #expect(throws: EventTableError.self, "an id with spaces") {
            try EventTableRow(row(["links": #"[{"to":"org-X Y","role":"host"}]"#]), header: header)
        }
        #expect(throws: EventTableError.self, "a citation of something other than a source") {
            try EventTableRow(row(["citations": #"[{"source":"org-un","quote":"Q"}]"#]), header: header)
        }
        let category = #expect(throws: EventTableError.self, "a category that is no kind of organization") {
            try EventTableRow(row(["links": #"[{"to":"org-un","role":"host","category":"regonal"}]"#]), header: header)
        }
        #expect(category?.message.contains("\"regonal\", not one of unBody") == true, "\(String(describing: category))")
        #expect(throws: EventTableError.self, "a source category that is no kind of source") {
            try EventTableRow(row(["citations": #"[{"source":"src-001","quote":"Q","category":"tweet"}]"#]), header: header)
        }
        #expect(try EventTableRow(row(["links": #"[{"to":"person-x","role":"host","category":"anything"}]"#]), header: header)
            .links?.count == 1, "a person's category is not read")
    }

    /// Cells a spreadsheet would run as formulas get a `'` in front on writing, which reading takes off again.
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1", "-0100", "@SUM(A1)", "\tx", "'=quoted already", "''+two", "plain", "'plain", "", "'"])
    func formulaCellsAreNeutralisedAndComeBackExactly(cell: String) throws {
        let written = String(decoding: CSVWriter.line([cell, "x"]), as: UTF8.self)
        if let first = cell.drop(while: { $0 == "'" }).first, "=+-@\t".contains(first) {
            #expect(written.hasPrefix("'") || written.hasPrefix("\"'"), "\(written.debugDescription)")
        } else {
            #expect(written.hasPrefix(cell) || written.hasPrefix("\"" + cell))
        }
        var reader = CSVReader(bytes: Array(written.utf8))
        guard case .record(_, let fields)? = try reader.next() else {
            Issue.record("not read back")
            return
        }
        #expect(SpreadsheetSafety.restored(fields[0]) == cell)
    }

    @Test func headersMayReorderOrLeaveOutOptionalColumnsButNotMisspellThem() throws {
        let short = try EventTableHeader(["title", "kind", "id"])
        let event = try EventTableRow(["A title", "statement", "event-a"], header: short)
        #expect(event.title == "A title" && event.summary == "" && event.date == nil && event.citations.isEmpty)
        #expect(throws: EventTableError("unknown column \"tittle\" (the columns are \(EventTable.columns.joined(separator: ", ")))")) {
            try EventTableHeader(["id", "kind", "tittle"])
        }
        #expect(throws: EventTableError("missing column(s) title")) { try EventTableHeader(["id", "kind"]) }
        #expect(throws: EventTableError("column \"id\" appears twice")) { try EventTableHeader(["id", "kind", "title", "id"]) }
    }
}
