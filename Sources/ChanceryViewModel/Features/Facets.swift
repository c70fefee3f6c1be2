import ChanceryModel

/// What happens to the facet view.
enum FacetsAction: Hashable, Sendable {
    /// The counts arrived, or could not be read.
    case loaded(request: Int, Result<[FacetCount], ReadFailure>)
    /// The selection moved by this many rows.
    case moved(by: Int)
    /// Tab or Shift-Tab: the next or previous facet of the pane's kind.
    case cycledFacet(by: Int)
    /// s: by count (most first) or by value.
    case toggledOrder
}

/// The frequency view of a pane's filtered list (`f`): how many have each year, kind, organization, place, country,
/// person or source, with a bar; Enter on a value filters the list by it.
public struct FacetsState: Hashable, Sendable {
    /// The pane whose list is counted.
    public let pane: Pane
    /// The facet shown.
    public internal(set) var facet: Facet
    /// The counts, once read, in the order shown.
    public internal(set) var rows: [FacetCount]?
    /// True when the rows are in value order (years' first) rather than most first.
    public internal(set) var byValue: Bool
    /// The selected row.
    public internal(set) var selected = 0
    /// The read under way, if any.
    var pending: Int?

    /// The facets a pane's kind has: years only for dated kinds, kinds only where there are several, CAMEO roots and
    /// quad classes only when the kind has machine-coded entities (`coded`).
    public static func facets(of pane: Pane, coded: Bool) -> [Facet] {
        Facet.allCases.filter { facet in
            switch facet {
            case .year: pane.kind.isDated
            case .kind: !pane.categories.isEmpty
            case .organization, .place, .country, .person, .source: true
            case .cameo, .quad: coded
            }
        }
    }

    /// The facets this view cycles through.
    public let facets: [Facet]

    /// The facet view of `pane` (with the coded facets when `coded`), on its kinds when it has them, else on its first facet.
    init(pane: Pane, coded: Bool) {
        self.pane = pane
        facets = Self.facets(of: pane, coded: coded)
        facet = facets.contains(.kind) ? .kind : facets[0]
        byValue = facet == .year
    }

    /// The selected row, if any.
    public var selectedRow: FacetCount? {
        rows.flatMap { $0.indices.contains(selected) ? $0[selected] : nil }
    }

    /// Applies `action`; returns the message to show, if any.
    mutating func reduce(_ action: FacetsAction) -> StatusMessage? {
        switch action {
        case .loaded(let request, let result):
            guard pending == request else { return nil }
            pending = nil
            switch result {
            case .success(let counts):
                rows = FacetCount.ordered(counts, facet: facet, byValue: byValue)
                selected = 0
            case .failure(let failure) where failure.wasInterrupted:
                rows = nil  // asked again, since still needed
            case .failure(let failure):
                rows = []
                return StatusMessage(text: failure.message, isError: true)
            }
        case .moved(let delta):
            selected = min(max(0, selected + delta), max(0, (rows?.count ?? 1) - 1))
        case .cycledFacet(let step):
            facet = facets[((facets.firstIndex(of: facet) ?? 0) + step + facets.count) % facets.count]
            byValue = facet == .year
            rows = nil
            // The read of the facet left behind may still answer: its counts are not this facet's.
            pending = nil
            selected = 0
        case .toggledOrder:
            byValue.toggle()
            rows = rows.map { FacetCount.ordered($0, facet: facet, byValue: byValue) }
            selected = 0
        }
        return nil
    }

}
