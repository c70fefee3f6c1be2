import Foundation

/// A copy of the bundled `Data/` with terminal attacks in every text field, for tests that check nothing of
/// them reaches a terminal. The records stay valid (ids, kinds, dates and references are left alone), so the
/// data loads and the browser shows it; `validate` would only object to the quotes.
enum HostileData {
    /// The repository's `Data/`.
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")

    /// Escape sequences (clear screen, cursor home, window title, OSC 52 clipboard write, colour, hyperlink),
    /// a C1 CSI, bell, backspace and carriage return, bidi overrides and isolates, zero-width characters.
    static let payload = "\u{1B}[2J\u{1B}[H\u{1B}]0;pwned\u{07}\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}[31m\u{1B}[0m"
        + "\u{9B}2J\u{1B}]8;;http://evil.example\u{1B}\\\u{07}\u{08}\u{08}\r"
        + "\u{202E}\u{2066}\u{200F}\u{200B}\u{200D}\u{FEFF}\u{2028}"

    /// The fields that hold references, enumerations or dates: left alone so the data stays loadable.
    private static let structural: Set<String> = [
        "id", "kind", "role", "to", "source", "parent", "country", "head", "sender", "destinations",
        "counterparts", "bodies", "organization", "date", "published", "period",
    ]

    /// The id of the event given a one-megabyte summary.
    static let longEvent = "event-1991-az-independence"
    /// The id of the event given 100,000 links.
    static let linkedEvent = "event-1992-05-az-joins-ilo"

    /// Writes the hostile copy into `directory` (created) and returns it.
    static func make(at directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var linkable: [String] = []
        var files: [String: [[String: Any]]] = [:]
        for name in ["sources", "organizations", "people", "places", "documents", "events", "visits"] {
            let data = try Data(contentsOf: bundled.appendingPathComponent("\(name).json"))
            guard let records = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { throw Missing(what: "records in \(name).json") }
            files[name] = records.map { poison($0, key: nil) as! [String: Any] }
            if name != "sources" { linkable += records.compactMap { $0["id"] as? String } }
        }
        var events = files["events"] ?? []
        guard let long = events.firstIndex(where: { $0["id"] as? String == longEvent }) else { throw Missing(what: longEvent) }
        events[long]["summary"] = payload + String(repeating: "Lorem ipsum dolor sit amet, ", count: 1_000_000 / 28) + payload
        guard let linked = events.firstIndex(where: { $0["id"] as? String == linkedEvent }) else { throw Missing(what: linkedEvent) }
        let targets = linkable.filter { $0 != linkedEvent }
        events[linked]["links"] = (0..<100_000).map { ["to": targets[$0 % targets.count], "role": "mentioned"] }
        files["events"] = events
        for (name, records) in files {
            let data = try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: directory.appendingPathComponent("\(name).json"))
        }
        return directory
    }

    /// Something the bundled data no longer holds. (A thrown error, not `#require`: the fixture is shared, and
    /// every test using it must fail, not only the first.)
    struct Missing: Error {
        var what: String
    }

    /// `value` with the payload around every string that is not structural.
    private static func poison(_ value: Any, key: String?) -> Any {
        if let object = value as? [String: Any] {
            return Dictionary(uniqueKeysWithValues: object.map { ($0.key, structural.contains($0.key) ? $0.value : poison($0.value, key: $0.key)) })
        }
        if let array = value as? [Any] { return array.map { poison($0, key: key) } }
        if let string = value as? String { return payload + string + payload }
        return value
    }

    /// Problems with text meant for a terminal: any ESC, C0 control but newline, DEL, C1 control, or bidi control.
    static func unsafeCharacters(in text: String) -> [String] {
        var found: Set<String> = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: continue
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                found.insert(String(format: "U+%04X", scalar.value))
            default: continue
            }
        }
        return found.sorted()
    }

    /// The operating-system commands of the payload (title, clipboard, hyperlink), which ncurses never sends.
    static let oscMarkers = ["]0;pwned", "]52;c;SGVsbG8=", "]8;;http://evil"]

    /// Attacks from the data that came through in raw terminal output. ncurses sends ESC sequences of its own
    /// (cursor moves, clears, colours), so what is looked for is what it never sends: the payload's operating
    /// system commands right after an ESC, a BEL, a C1 CSI, and bidi or zero-width controls.
    static func leaks(inTerminalOutput bytes: [UInt8]) -> [String] {
        var leaks: Set<String> = []
        for (index, byte) in bytes.enumerated() where byte == 0x1B {
            for marker in oscMarkers where bytes[(index + 1)...].starts(with: marker.utf8) { leaks.insert("ESC" + marker) }
        }
        if bytes.contains(0x07) { leaks.insert("BEL") }
        let text = String(decoding: bytes, as: UTF8.self)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x80...0x9F, 0x200B, 0x200F, 0x202E, 0x2066, 0x2028, 0xFEFF: leaks.insert(String(format: "U+%04X", scalar.value))
            default: continue
            }
        }
        return leaks.sorted()
    }
}
