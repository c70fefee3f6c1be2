import ChanceryModel
import Foundation

/// The date range of the `d` prompt, read and written: EDTF, or the forms the screens show dates in.
enum DateRangeText {
    /// A pane's date range as the prompt shows it when it opens: `1993`, `1990/2000`, `../1995`, or "".
    static func text(of filter: EntityFilter) -> String {
        switch (filter.since, filter.until) {
        case (nil, nil): ""
        case (let since?, let until?) where since == until: since.edtf
        case (let since, let until): "\(since?.edtf ?? "..")/\(until?.edtf ?? "..")"
        }
    }

    /// Reads `text` as a date range: EDTF (`1993`, `1990/2000`, `2000/..`), or a date as the screens show it
    /// (`May 2024`, `25 Jan 1993`, `Spring 2001`, `1990s`, `c. 1993`), or two of them joined by `–`, ` to ` or, between
    /// years, `-` (`2018–2019`, `2018-2019`, `7–14 Sep 2018`, `1992–present`); "" clears the range. Throws the reason.
    static func parse(_ text: String) throws(EDTFError) -> (since: EDTFDate?, until: EDTFDate?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return (nil, nil) }
        if let date = EDTFDate(trimmed) {
            return (date.lowerBound, date.upperBound)
        }
        let parts: [String]
        if trimmed.contains("–") {
            parts = trimmed.components(separatedBy: "–")
        } else if trimmed.contains(" to ") {
            parts = trimmed.components(separatedBy: " to ")
        } else if trimmed.count == 9, trimmed.split(separator: "-").map(\.count) == [4, 4] {
            parts = trimmed.components(separatedBy: "-")
        } else {
            parts = [trimmed]
        }
        let cleaned = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        if cleaned.count == 1, let date = shownDate(cleaned[0]) { return (date.lowerBound, date.upperBound) }
        if cleaned.count == 2, let end = ["present", "now", ".."].contains(cleaned[1].lowercased()) ? nil as EDTFDate? : shownDate(cleaned[1]) {
            // The start may leave out what the end gives: "7–14 Sep 2018", "Jan–Mar 2019".
            let endWords = cleaned[1].split(separator: " ")
            let start = (0...endWords.count).lazy.compactMap { borrowed in
                shownDate(([Substring(cleaned[0])] + endWords.suffix(borrowed)).joined(separator: " "))
            }.first
            if let start, start.firstDayKey <= end.endKey { return (start.lowerBound, end.upperBound) }
            if let start { throw EDTFError("the range ends (\(cleaned[1])) before it starts (\(start.display))") }
        } else if cleaned.count == 2, ["present", "now", ".."].contains(cleaned[1].lowercased()), let start = shownDate(cleaned[0]) {
            return (start.lowerBound, nil)
        }
        if trimmed.allSatisfy({ $0.isNumber || "-/.XSY?~%T:+Z".contains($0) }), case .failure(let error) = Result(catching: { () throws(EDTFError) in try EDTFDate.parse(trimmed) }) {
            throw error
        }
        throw EDTFError("not a date: try 1993, May 2024, 25 Jan 1993, 2018–2019 or 2000/..")
    }

    /// A date written as the screens show it (`25 Jan 1993`, `May 2024`, `Spring 2001`, `1990s`, `c. 1993`), or in EDTF.
    private static func shownDate(_ text: String) -> EDTFDate? {
        if let date = EDTFDate(text) { return date }
        var words = text.split(separator: " ").map(String.init)
        var qualifier = ""
        if words.first?.lowercased() == "c." {
            words.removeFirst()
            qualifier = "~"
        }
        guard let yearText = words.last else { return nil }
        var year = yearText
        if year.hasSuffix("s"), year.count == 5, year.dropLast().hasSuffix("0") { year = String(year.dropLast(2)) + "X" }
        guard year.count == 4 else { return nil }
        switch words.count {
        case 1: return EDTFDate(year + qualifier)
        case 2:
            if let season = ["spring", "summer", "autumn", "winter"].firstIndex(of: words[0].lowercased()) {
                return EDTFDate("\(year)-\(21 + season)")
            }
            guard let month = monthNumber(words[0]) else { return nil }
            return EDTFDate(String(format: "%@-%02d%@", year, month, qualifier))
        case 3:
            guard let month = monthNumber(words[1]), let day = Int(words[0]) else { return nil }
            return EDTFDate(String(format: "%@-%02d-%02d%@", year, month, day, qualifier))
        default:
            return nil
        }
    }

    /// 1–12 for a month's name or its first three letters, in English, any case.
    private static func monthNumber(_ word: String) -> Int? {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"]
        let lowered = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard lowered.count >= 3 else { return nil }
        return names.firstIndex { $0 == lowered || $0.hasPrefix(lowered) && lowered.count == 3 }.map { $0 + 1 }
    }
}
