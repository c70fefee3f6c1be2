import ChanceryModel
import TerminalUI

/// A session's keys saved as a key script (`:trail FILE`), headed by the size the browser opened at and the store's
/// content fingerprint, so `chancery snapshot --script FILE` replays it to the same screen and can tell when it runs on
/// other data.
public enum Trail {
    /// The script's text: comment lines for the header, then the steps, twenty to a line.
    public static func text(of steps: [ScriptStep], width: Int, height: Int, fingerprint: String) -> String {
        let written = steps.filter(isWritable)
        var lines = ["# chancery trail: replay with chancery snapshot --script FILE",
                     "# store: \(fingerprint)", "# size: \(width)x\(height)"]
        for start in stride(from: 0, to: written.count, by: 20) {
            lines.append(written[start..<min(start + 20, written.count)].map(KeyScript.name).joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The fingerprint and size a trail's header names, if it has them.
    public static func header(of text: String) -> (fingerprint: String?, size: (width: Int, height: Int)?) {
        var fingerprint: String?, size: (width: Int, height: Int)?
        for line in text.split(separator: "\n") where line.hasPrefix("# ") {
            if line.hasPrefix("# store: ") { fingerprint = String(line.dropFirst("# store: ".count)) }
            if line.hasPrefix("# size: ") { size = KeyScript.parseSize(String(line.dropFirst("# size: ".count))) }
        }
        return (fingerprint, size)
    }

    /// A key a script can name: not a character holding a control character (which only a paste can type).
    private static func isWritable(_ step: ScriptStep) -> Bool {
        guard case .key(.character(let character)) = step else { return true }
        return !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

/// Where a trail was written, and how many steps it holds.
public struct TrailReceipt: Hashable, Sendable {
    /// The file's absolute path.
    public var path: String
    /// How many keys (and resizes) it replays.
    public var steps: Int
}

extension BrowserState {
    /// `:trail FILE`: the keys of this session, up to the palette's line, are written to a new file as a key script.
    mutating func writeTrail(to path: String) {
        let steps = Array(trail.prefix(trailLengthBeforePalette))
        outbox.append(.writeTrail(steps: steps, width: openedWidth, height: openedHeight, path: path))
        report(StatusMessage(text: "Writing a trail of \(steps.count) keys to \(path)…", isError: false))
    }
}
