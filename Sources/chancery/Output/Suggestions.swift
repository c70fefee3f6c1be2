import ArgumentParser
import ChanceryModel
import ChanceryStore

/// A value given on the command line that names nothing; `main` prints it and exits with status 2.
struct UnknownValue: Error, CustomStringConvertible {
    /// The message, naming the option, the value and the closest valid values.
    let description: String
}

/// What the command line says when a value names nothing: the closest values that do, and exit status 2 (a usage
/// error), never an empty table.
enum Suggestions {
    /// Up to `limit` of `candidates` closest to `value` (ignoring case), nearest first: those it begins, or that begin
    /// it, then those within a few edits.
    static func closest(to value: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = value.lowercased()
        let allowed = max(2, min(4, wanted.count / 4))
        let scored: [(candidate: String, score: Int)] = candidates.compactMap { candidate in
            let lowered = candidate.lowercased()
            if lowered.hasPrefix(wanted) || wanted.hasPrefix(lowered) { return (candidate, 0) }
            let distance = editDistance(wanted, lowered, atMost: allowed)
            return distance <= allowed ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.score, $0.candidate) < ($1.score, $1.candidate) }.prefix(limit).map(\.candidate)
    }

    /// The error for `value` given to `option`, naming the closest valid values (or all of them, when few).
    static func unknown(_ value: String, for option: String, among candidates: [String]) -> UnknownValue {
        let near = closest(to: value, among: candidates)
        let hint: String
        if !near.isEmpty {
            hint = "; did you mean " + near.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
        } else if candidates.count <= 12 {
            hint = "; valid values: " + candidates.joined(separator: ", ")
        } else {
            hint = ""
        }
        return UnknownValue(description: "\(option): no such value \"\(value)\"\(hint)")
    }

    /// Levenshtein distance between `a` and `b`, counted in Characters; stops early with `limit + 1` once beyond `limit`.
    static func editDistance(_ a: String, _ b: String, atMost limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}

extension EntityKind {
    /// The categories of this kind: the stored value, and the word the screens show for it.
    var categories: [(stored: String, shown: String)] {
        switch self {
        case .event: EventKind.allCases.map { ($0.rawValue, $0.label) }
        case .organization: OrganizationKind.allCases.map { ($0.rawValue, $0.rawValue) }
        case .place: PlaceKind.allCases.map { ($0.rawValue, $0.rawValue) }
        case .document: DocumentKind.allCases.map { ($0.rawValue, $0.rawValue) }
        case .source: SourceKind.allCases.map { ($0.rawValue, $0.rawValue) }
        case .visit: [("visit", "visit")]
        case .person: [("person", "person")]
        case .meeting: [("meeting", "meeting")]
        }
    }

    /// The stored category `value` names, as stored or as shown, ignoring case; throws the closest ones otherwise.
    func category(named value: String, option: String) throws -> String {
        let lowered = value.lowercased()
        if let match = categories.first(where: { $0.stored.lowercased() == lowered || $0.shown.lowercased() == lowered }) {
            return match.stored
        }
        let names = categories.flatMap { $0.stored == $0.shown ? [$0.stored] : [$0.shown, $0.stored] }
        throw Suggestions.unknown(value, for: option, among: names)
    }
}

extension ChanceryStore {
    /// Checks that `id` names an entity of `kind`; throws the closest ids of that kind otherwise. Reads the one row, not
    /// its detail (whose links, for the busiest of a million events' organizations, took 1.5 s to read).
    func requireEntity(_ id: String, of kind: EntityKind, option: String) throws {
        if EntityKind(id: id) == kind, try !page(EntityFilter(kind: kind, onlyIDs: [id]), offset: 0, limit: 1).rows.isEmpty { return }
        throw Suggestions.unknown(id, for: option, among: try ids(of: kind))
    }

    /// The ids of `kind`, at most the first 200,000 (enough to suggest from; a misspelt id costs one scan).
    func ids(of kind: EntityKind) throws -> [String] {
        var ids: [String] = []
        try forEach(EntityFilter(kind: kind)) { row in
            if ids.count < 200_000 { ids.append(row.id) }
        }
        return ids
    }
}
