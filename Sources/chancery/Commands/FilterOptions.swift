import ArgumentParser
import ChanceryModel
import ChanceryStore

/// The filters `list` and `export` share: words, a date range, links and a category (`--kind`).
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: "Words that must all occur (case and diacritics ignored); \"a phrase\", OR and -word work as in the browser.")
    var text: String?

    @Option(name: .long, help: "Only what is dated wholly from this EDTF date on (with --overlapping: may be).")
    var since: String?

    @Option(name: .long, help: "Only what is dated wholly up to this EDTF date (with --overlapping: may be).")
    var until: String?

    @Flag(name: .long, help: "Keep what may fall in the --since/--until range, not only what lies wholly within it.")
    var overlapping = false

    @Option(name: .customLong("org"), help: "Only what is linked to this organization id.")
    var organization: String?

    @Option(name: .long, help: "Only what is linked to this person id.")
    var person: String?

    @Option(name: .long, help: "Only what is linked to this place id.")
    var place: String?

    @Option(name: .long, help: "Only what is linked to this country (a place id) or a place inside it.")
    var country: String?

    @Option(name: .customLong("kind"), help: "Only this category, as stored or as the screens show it (an event kind such as agreement or membership, an organization kind, ...).")
    var category: String?

    @Option(name: .long, help: "Only machine-coded events of this CAMEO root code (01 to 20, such as 04 for consultations).")
    var cameo: String?

    @Option(name: .long, help: "Only machine-coded events of this quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
    var quad: Int?

    /// Whether any filter is given.
    var isFiltering: Bool {
        text != nil || since != nil || until != nil || organization != nil || person != nil || place != nil
            || country != nil || category != nil || cameo != nil || quad != nil
    }

    /// The filter on `kind` these options ask for; a misspelt id or category is refused with the closest ones, since
    /// it would otherwise list nothing, as if nothing matched.
    func filter(for kind: EntityKind, in store: ChanceryStore) throws -> EntityFilter {
        let category = try category.map { try kind.category(named: $0, option: "--kind") }
        for (id, linkedKind, option) in [(organization, EntityKind.organization, "--org"), (person, .person, "--person"),
                                         (place, .place, "--place"), (country, .place, "--country")] {
            if let id { try store.requireEntity(id, of: linkedKind, option: option) }
        }
        if let text, !SearchQuery(text).isEmpty, !SearchQuery(text).hasSearchableTerm {
            throw UnknownValue(description: "--text: \"\(text)\" has nothing searchable (no letter or digit)")
        }
        var filter = EntityFilter(
            kind: kind, text: text ?? "",
            // An interval given to --since counts from its start, one given to --until up to its end ("../1995": no start).
            since: try since.flatMap { try parseDate($0, option: "--since").lowerBound },
            until: try until.flatMap { try parseDate($0, option: "--until").upperBound },
            dateMatch: overlapping ? .overlapping : .within,
            categories: category.map { [$0] } ?? [],
            linkedTo: [organization, person, place].compactMap { $0 }, countries: country.map { [$0] } ?? [])
        if let cameo {
            // Root codes are two digits: "4" means 04, and a longer code its root ("042" → 04).
            let root = cameo.count == 1 ? "0" + cameo : String(cameo.prefix(2))
            guard root.allSatisfy(\.isNumber), let number = Int(root), (1...20).contains(number) else {
                throw UnknownValue(description: "--cameo: \"\(cameo)\" is not a CAMEO root code; they run from 01 to 20 "
                                   + "(01 make public statement, 04 consult, 19 fight, …; `chancery facets --by cameo` counts them)")
            }
            filter.cameoRoots = [root]
        }
        if let quad {
            guard let quadClass = QuadClass(rawValue: quad) else {
                throw UnknownValue(description: "--quad: \(quad) is not a quad class; they are 1 verbal cooperation, 2 material "
                                   + "cooperation, 3 verbal conflict, 4 material conflict")
            }
            filter.quadClasses = [quadClass]
        }
        return filter
    }
}

extension ListOrder: ExpressibleByArgument {}
