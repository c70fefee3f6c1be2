/// The OSC 52 escape sequence that asks a terminal to put text on the system clipboard (xterm, kitty, iTerm2,
/// WezTerm, tmux with `set-clipboard on`); a terminal that does not know it ignores it.
public enum ClipboardSequence {
    /// The most bytes of text sent: terminals cap what they take (xterm at about 100 KB of base64).
    public static let maximumBytes = 74_000

    /// The sequence setting the clipboard to `text` (cut to `maximumBytes` at a character boundary).
    public static func osc52(_ text: String) -> String {
        var bytes: [UInt8] = []
        for character in text {
            let utf8 = Array(String(character).utf8)
            guard bytes.count + utf8.count <= maximumBytes else { break }
            bytes += utf8
        }
        return "\u{1B}]52;c;" + base64(bytes) + "\u{07}"
    }

    /// `bytes` in standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
