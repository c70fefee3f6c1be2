import Foundation
import Testing

/// The hostile copy of the data and a store for it, made once for the suite (the store is built by the first run).
private let fixture = Result { () throws -> (data: String, store: String) in
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-hostile-\(UUID().uuidString)")
    let data = try HostileData.make(at: root.appendingPathComponent("Data"))
    return (data.path, root.appendingPathComponent("store.sqlite").path)
}

/// Runs `chancery` over the hostile data.
private func chancery(_ arguments: [String]) throws -> Chancery.Output {
    let (data, store) = try fixture.get()
    return try Chancery.run(arguments + ["--data", data, "--store", store])
}

/// A copy of the bundled data in a fresh temporary folder.
private func copyOfData() throws -> URL {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-data-\(UUID().uuidString)/Data")
    try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: HostileData.bundled, to: copy)
    return copy
}

/// The bytes of every file in `directory` and its folders, by path inside it.
func contents(of directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
        let url = directory.appendingPathComponent(name)
        guard try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType != .typeDirectory else { continue }
        result[name] = try Data(contentsOf: url)
    }
    return result
}

@Suite(.serialized) struct HostileDataTests {
    @Test func everyScreenShowsTheAttacksAsPlaceholders() throws {
        var shown = ""
        let scripts = ["", "2", "3", "<Enter>", "2<Enter>", "3<Enter>", "3<Enter>j<Enter>", "2<Enter>jj<Enter>",
                       "?", "/pwned<Enter>", "/sgvsbg8<Enter><Enter>", "d1993<Enter>", "2jjjj<Enter><Tab>"]
        for size in ["80x24", "200x60", "20x5"] {
            for keys in scripts {
                let result = try chancery(["snapshot", "--size", size, "--keys", keys])
                try #require(result.status == 0, "\(keys): \(result.stderr)")
                #expect(HostileData.unsafeCharacters(in: result.stdout).isEmpty, "\(size) \(keys): \(HostileData.unsafeCharacters(in: result.stdout))")
                let rows = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(rows.count == Int(size.split(separator: "x")[1]), "\(size) \(keys): the screen keeps its size")
                shown += result.stdout
            }
        }
        // The attacks were drawn, as visible placeholders.
        #expect(shown.contains("␛]0;pwned␇") && shown.contains("␛]52;c;SGVsbG8=␇") && shown.contains("␛[2J␛[H"))
        #expect(shown.contains("\u{FFFD}"), "bidi and zero-width controls become U+FFFD")
    }

    @Test func listAndShowPrintTheAttacksAsPlaceholders() throws {
        var ids = [HostileData.longEvent, HostileData.linkedEvent]
        for kind in ["sources", "organizations", "people", "places", "documents", "events", "visits"] {
            let list = try chancery(["list", kind])
            try #require(list.status == 0, "\(kind): \(list.stderr)")
            #expect(HostileData.unsafeCharacters(in: list.stdout).isEmpty, "list \(kind)")
            #expect(list.stdout.contains("␛]0;pwned␇"), "list \(kind) shows the names")
            ids += list.stdout.split(separator: "\n").dropFirst().prefix(8).compactMap { $0.split(separator: " ").first.map(String.init) }
        }
        for id in ids {
            let shown = try chancery(["show", id])
            try #require(shown.status == 0, "\(id): \(shown.stderr)")
            #expect(HostileData.unsafeCharacters(in: shown.stdout).isEmpty, "show \(id)")
            #expect(shown.stdout.contains("␛]52;c;SGVsbG8=␇"), "show \(id) shows its texts")
        }
    }

    @Test func aMegabyteSummaryAndAHundredThousandLinksStayBounded() throws {
        let started = Date()
        let long = try chancery(["show", HostileData.longEvent])
        #expect(long.status == 0)
        #expect(long.stdout.utf8.count < 200_000, "the summary is cut for display: \(long.stdout.utf8.count) bytes")
        #expect(long.stdout.contains("…"))
        let linked = try chancery(["show", HostileData.linkedEvent])
        #expect(linked.status == 0)
        let lines = linked.stdout.split(separator: "\n").count
        #expect(lines > 300 && lines < 2_000, "one line per linked entity, not per link: \(lines) lines")
        let screen = try chancery(["snapshot", "--size", "80x24", "--keys", "/pwned<Enter><Enter>GG"])
        #expect(screen.status == 0)
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func theRealBrowserWritesNoEscapeSequenceFromTheData() throws {
        let (data, store) = try fixture.get()
        _ = try chancery(["list", "events"])  // the store is built before the terminal is taken
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-pty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        // `script` gives the browser a pseudo-terminal and copies every byte it writes there to `output`;
        // keys go in with pauses so that each screen is drawn before the next key.
        let keys = ["", "j", "\r", "jjjj", "[", "2", "\r", "jj", "[", "3", "\r", "jjj", "\r", "?", "?", "/pwned\r", "\r", "q"]
        let typing = keys.map { "sleep 0.6; printf '%s' '\($0)'" }.joined(separator: "; ")
        let command = "COLUMNS=100 LINES=30 TERM=xterm-256color '\(Chancery.binary)' --data '\(data)' --store '\(store)'; echo \"exit=$?\""
        let result = try Chancery.run(["-c", "(\(typing); sleep 2) | timeout 60 script -q -e -c \"\(command)\" /dev/null > '\(output)'"],
                                      executable: "sh")
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("exit=0"), "the browser quit on q")
        #expect(bytes.contains(0x1B), "ncurses' own sequences are there")
        #expect(text.contains("␛]0;pwned") && text.contains("␛]52;c;SGVsbG8="), "the data was drawn, as placeholders")
        #expect(HostileData.leaks(inTerminalOutput: bytes).isEmpty, "\(HostileData.leaks(inTerminalOutput: bytes))")
    }

    @Test func errorMessagesQuotingTheDataAreMadeSafe() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let events = data.appendingPathComponent("events.json")
        var text = try String(contentsOf: events, encoding: .utf8)
        let firstDate = try #require(text.range(of: "\"date\": \"")?.upperBound)
        text.insert(contentsOf: "\\u001b]0;pwned\\u0007\\u001b[2J", at: firstDate)
        // The kind of the second record (the first one is already rejected for its date).
        let secondRecord = try #require(text.range(of: "\"id\": \"event-", range: text.index(after: firstDate)..<text.endIndex)?.upperBound)
        let secondKind = try #require(text.range(of: "\"kind\": \"", range: secondRecord..<text.endIndex)?.upperBound)
        text.insert(contentsOf: "\\u001b]52;c;SGVsbG8=\\u0007\\u202e", at: secondKind)
        try text.write(to: events, atomically: true, encoding: .utf8)
        let before = try contents(of: data)
        let store = data.deletingLastPathComponent().appendingPathComponent("store.sqlite").path

        let listed = try Chancery.run(["list", "events", "--data", data.path, "--store", store])
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("events.json:4: record event-") && listed.stderr.contains("2 problem(s)"), "\(listed.stderr)")
        #expect(listed.stderr.contains("run `chancery validate"))
        let validated = try Chancery.run(["validate", "--data", data.path])
        #expect(validated.status == 1)
        #expect(validated.stdout.contains("is not an EDTF date") && validated.stdout.contains("unknown value"))
        let badKeys = try Chancery.run(["snapshot", "--data", data.path, "--store", store, "--keys", "<\u{1B}]0;pwned\u{07}>"])
        #expect(badKeys.status == 2)
        for (name, output) in [("list", listed.stderr), ("validate", validated.stdout + validated.stderr), ("snapshot", badKeys.stderr)] {
            #expect(HostileData.unsafeCharacters(in: output).isEmpty, "\(name): \(HostileData.unsafeCharacters(in: output))")
            #expect(output.contains("␛]0;pwned␇"), "\(name) quotes the text, made visible: \(output)")
        }
        #expect(listed.stderr.contains("␛]52;c;SGVsbG8=␇\u{FFFD}"))
        #expect(try contents(of: data) == before, "Data/ is untouched")
        #expect(!FileManager.default.fileExists(atPath: store), "no store is built from broken data")
    }

    /// Damage to one data file, and what the message must name.
    @Test(arguments: [
        ("events.json", "NUL", "NUL byte"), ("people.json", "invalid UTF-8", "invalid UTF-8"),
        ("places.json", "deep nesting", "nesting deeper than 64"), ("visits.json", "truncated", "unexpected end of file"),
        ("organizations.json", "raw escape", "control character"),
    ])
    func damagedFilesAreRejectedNamingFileAndLine(_ file: String, _ damage: String, _ message: String) throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let url = data.appendingPathComponent(file)
        var bytes = [UInt8](try Data(contentsOf: url))
        // The opening quote of the first string value in the second half of the file.
        let separator = Array(": \"".utf8)
        let found = try #require((bytes.count / 2..<bytes.count).first { bytes[$0...].starts(with: separator) })
        let inside = found + separator.count
        var line = bytes[..<inside].count { $0 == 0x0A } + 1
        switch damage {
        case "NUL": bytes.insert(0, at: inside)
        case "invalid UTF-8": bytes.insert(contentsOf: [0xC3, 0x28], at: inside)
        case "raw escape": bytes.insert(contentsOf: Array("\u{1B}]0;pwned\u{07}".utf8), at: inside)
        case "truncated": bytes = Array(bytes[..<(found + 1)])
        default:
            bytes.insert(contentsOf: Array((String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + ",").utf8), at: 1)
            line = 1
        }
        try Data(bytes).write(to: url)
        let before = try contents(of: data)
        let store = data.deletingLastPathComponent().appendingPathComponent("store.sqlite").path
        let result = try Chancery.run(["list", "events", "--data", data.path, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):\(line): column "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(HostileData.unsafeCharacters(in: result.stderr).isEmpty)
        #expect(try contents(of: data) == before, "Data/ is untouched")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
