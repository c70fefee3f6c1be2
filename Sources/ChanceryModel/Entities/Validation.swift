import Foundation

extension Dataset {
    /// Checks what reading alone cannot: records sorted by id, references that resolve to the right
    /// kind of entity, citations present, (given the source texts) quotes found verbatim, and every
    /// organization, person and place a quote names linked or explained (`LinkAudit`).
    public func validate(sourceTexts: [String: String]? = nil) -> [DatasetIssue] {
        var checker = RecordChecker(locations: locations, sourceTexts: sourceTexts, sourceFiles: sourceFiles)
        for descriptor in EntityDescriptor.all {
            checker.checkSorted(descriptor.records(self).map(\.id), file: descriptor.fileName)
        }
        for descriptor in EntityDescriptor.all { descriptor.check(self, &checker) }
        for cycle in parentCycles() where cycle.count > 1 {
            checker.report(cycle[0], "is its own ancestor: parent chain \((cycle + [cycle[0]]).joined(separator: " → "))")
        }
        auditLinks(into: &checker)
        return checker.issues.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Source id to the file name of its text.
    private var sourceFiles: [String: String] {
        Dictionary(sources.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the text of every source from `directory`; a source whose file is missing is left out.
    public func loadSourceTexts(from directory: URL) -> [String: String] {
        var texts: [String: String] = [:]
        for source in sources {
            let path = directory.appendingPathComponent(source.file).path
            if let data = FileManager.default.contents(atPath: path) {
                texts[source.file] = String(decoding: data, as: UTF8.self)
            }
        }
        return texts
    }
}

/// Collects the issues of `Dataset.validate`: what each record refers to, its citations and their quotes.
struct RecordChecker {
    /// Where each record was read from, by id.
    let locations: [String: RecordLocation]
    /// The source texts by file name, when quotes are checked.
    let sourceTexts: [String: String]?
    /// Source id to the file name of its text.
    let sourceFiles: [String: String]
    /// The issues found so far.
    private(set) var issues: [DatasetIssue] = []

    /// The kinds a link may point to.
    private static let linkable = Set(EntityKind.allCases).subtracting([.source, .meeting])

    /// Reports `message` about the record `id`, at its location.
    mutating func report(_ id: String, _ message: String) {
        let location = locations[id] ?? RecordLocation(file: "?", line: 0)
        issues.append(DatasetIssue(file: location.file, line: location.line, recordID: id, message: message))
    }

    /// Checks that `reference`, held by `id` in `field`, names a record of one of `kinds`.
    mutating func expect(_ reference: String?, in id: String, field: String, kinds: Set<EntityKind>) {
        guard let reference else { return }
        guard let location = locations[reference] else {
            return report(id, "\(field) refers to unknown id \"\(reference)\"")
        }
        guard let kind = EntityKind(id: reference), kinds.contains(kind) else {
            let allowed = kinds.map(\.rawValue).sorted().joined(separator: " or ")
            return report(id, "\(field) must name a \(allowed), but \"\(reference)\" (\(location.file):\(location.line)) is not one")
        }
    }

    /// Checks the citations of `id`: present when `required`, of known sources, quotes found verbatim.
    mutating func checkCitations(_ citations: [Citation], of id: String, required: Bool) {
        if required && citations.isEmpty { report(id, "needs at least one citation") }
        for citation in citations {
            expect(citation.source, in: id, field: "citation source", kinds: [.source])
            guard let sourceTexts, let file = sourceFiles[citation.source] else { continue }
            guard let text = sourceTexts[file] else {
                report(id, "source text \(file) of \(citation.source) is missing"); continue
            }
            if !text.utf8.containsSubsequence(citation.quote.utf8) {
                report(id, "quote not found verbatim in \(file): \"\(citation.quote.prefix(80))\"")
            }
        }
    }

    /// Checks that the links of `id` point to linkable records other than itself.
    mutating func checkLinks(_ links: [Link], of id: String) {
        for link in links {
            expect(link.to, in: id, field: "link (\(link.role.rawValue))", kinds: Self.linkable)
            if link.to == id { report(id, "links to itself") }
        }
    }

    /// Checks that the ids of `file` are sorted, reporting each record out of order.
    mutating func checkSorted(_ ids: [String], file: String) {
        for (previous, next) in zip(ids, ids.dropFirst()) where previous >= next {
            report(next, "records in \(file) must be sorted by id: \"\(next)\" comes after \"\(previous)\"")
        }
    }
}

extension Sequence where Element: Equatable {
    /// True when `needle` occurs as a contiguous run of elements.
    func containsSubsequence<Needle: Collection>(_ needle: Needle) -> Bool where Needle.Element == Element {
        let haystack = Array(self)
        let pattern = Array(needle)
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= haystack.count else { return false }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }
}

extension Dataset {
    /// Each loop of organizations' parents once (`A → B → A` as `[A, B]`), starting at its smallest id.
    func parentCycles() -> [[String]] {
        let parents = Dictionary(organizations.compactMap { organization in organization.parent.map { (organization.id, $0) } },
                                 uniquingKeysWith: { first, _ in first })
        var cycles: [[String]] = []
        var finished = Set<String>()
        for start in parents.keys.sorted() where !finished.contains(start) {
            // Walk up from `start`; a walk that comes back to an id on its own path has found a loop.
            var path: [String] = [], onPath: [String: Int] = [:]
            var current: String? = start
            while let id = current, !finished.contains(id) {
                if let index = onPath[id] {
                    let loop = Array(path[index...])
                    let first = loop.indices.min { loop[$0] < loop[$1] }!
                    cycles.append(Array(loop[first...] + loop[..<first]))
                    break
                }
                onPath[id] = path.count
                path.append(id)
                current = parents[id]
            }
            finished.formUnion(path)
        }
        return cycles
    }
}
