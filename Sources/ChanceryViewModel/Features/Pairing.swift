import ChanceryModel

/// The other country being looked for after `p` on a country's detail: the words typed, and the read of the countries
/// they match. When one country is meant, the detail becomes the ledger of the two.
struct PairSearch: Hashable, Sendable {
    /// The country whose detail was open.
    let country: EntitySummary
    /// The words typed for the other.
    let words: String
    /// The read of the countries matching `words`.
    let request: Int

    /// The country `words` mean among `found` (the countries whose text holds them): the one whose name or id is
    /// `words` (ignoring case and accents), else the only one whose name holds them, else the only one found;
    /// otherwise why none is chosen. The open country is never its own pair.
    func choose(among found: [EntitySummary]) -> Result<EntitySummary, ReadFailure> {
        let query = SearchQuery(words)
        var others = found.filter { $0.id != country.id }
        let named = others.filter { query.matches(words: SearchFolding.words($0.name)) }
        if !named.isEmpty { others = named }
        let typed = SearchFolding.words(words)
        if let exact = others.first(where: { SearchFolding.words($0.name) == typed || $0.id == words }) { return .success(exact) }
        switch others.count {
        case 1: return .success(others[0])
        case 0: return .failure(ReadFailure(message: "No other country matches “\(words)”"))
        default:
            let names = others.prefix(4).map(\.name).joined(separator: ", ")
            return .failure(ReadFailure(message: "“\(words)” matches \(others.count) countries (\(names)\(others.count > 4 ? ", …" : "")): type more of one"))
        }
    }

    /// The filter that finds the countries `words` may mean.
    static func countries(matching words: String) -> EntityFilter {
        EntityFilter(kind: .place, text: words, categories: [PlaceKind.country.rawValue], order: .byName)
    }
}
