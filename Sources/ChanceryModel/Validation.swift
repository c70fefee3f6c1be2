import Foundation

extension Dataset {
    /// Checks what reading alone cannot: records sorted by id, references that resolve to the right
    /// kind of entity, citations present, and (given the source texts) quotes found verbatim.
    public func validate(sourceTexts: [String: String]? = nil) -> [DatasetIssue] {
        var issues: [DatasetIssue] = []
        func report(_ id: String, _ message: String) {
            let location = locations[id] ?? RecordLocation(file: "?", line: 0)
            issues.append(DatasetIssue(file: location.file, line: location.line, recordID: id, message: message))
        }
        func expect(_ reference: String?, in id: String, field: String, kinds: Set<EntityKind>) {
            guard let reference else { return }
            guard let location = locations[reference] else {
                return report(id, "\(field) refers to unknown id \"\(reference)\"")
            }
            guard let kind = EntityKind(id: reference), kinds.contains(kind) else {
                let allowed = kinds.map(\.rawValue).sorted().joined(separator: " or ")
                return report(id, "\(field) must name a \(allowed), but \"\(reference)\" (\(location.file):\(location.line)) is not one")
            }
        }
        func checkCitations(_ citations: [Citation], of id: String, required: Bool) {
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
        let linkable = Set(EntityKind.allCases).subtracting([.source, .meeting])
        func checkLinks(_ links: [Link], of id: String) {
            for link in links {
                expect(link.to, in: id, field: "link (\(link.role.rawValue))", kinds: linkable)
                if link.to == id { report(id, "links to itself") }
            }
        }
        func checkSorted(_ ids: [String], file: String) {
            for (previous, next) in zip(ids, ids.dropFirst()) where previous >= next {
                report(next, "records in \(file) must be sorted by id: \"\(next)\" comes after \"\(previous)\"")
            }
        }

        checkSorted(sources.map(\.id), file: "sources.json")
        checkSorted(organizations.map(\.id), file: "organizations.json")
        checkSorted(people.map(\.id), file: "people.json")
        checkSorted(places.map(\.id), file: "places.json")
        checkSorted(documents.map(\.id), file: "documents.json")
        checkSorted(events.map(\.id), file: "events.json")
        checkSorted(visits.map(\.id), file: "visits.json")

        for organization in organizations {
            expect(organization.parent, in: organization.id, field: "parent", kinds: [.organization])
            expect(organization.country, in: organization.id, field: "country", kinds: [.place])
            if organization.parent == organization.id { report(organization.id, "is its own parent") }
            checkCitations(organization.citations, of: organization.id, required: false)
        }
        for cycle in parentCycles() where cycle.count > 1 {
            report(cycle[0], "is its own ancestor: parent chain \((cycle + [cycle[0]]).joined(separator: " → "))")
        }
        for person in people {
            for role in person.roles {
                expect(role.organization, in: person.id, field: "role organization", kinds: [.organization])
                expect(role.country, in: person.id, field: "role country", kinds: [.place])
            }
            checkCitations(person.citations, of: person.id, required: false)
        }
        for place in places {
            expect(place.country, in: place.id, field: "country", kinds: [.place])
            checkCitations(place.citations, of: place.id, required: false)
        }
        for document in documents {
            checkLinks(document.links, of: document.id)
            checkCitations(document.citations, of: document.id, required: true)
        }
        for event in events {
            checkLinks(event.links, of: event.id)
            checkCitations(event.citations, of: event.id, required: true)
        }
        for visit in visits {
            expect(visit.head, in: visit.id, field: "head", kinds: [.person])
            expect(visit.sender, in: visit.id, field: "sender", kinds: [.organization])
            for destination in visit.destinations {
                expect(destination, in: visit.id, field: "destination", kinds: [.place])
            }
            checkLinks(visit.links, of: visit.id)
            checkCitations(visit.citations, of: visit.id, required: true)
            for meeting in visit.meetings {
                for person in meeting.counterparts { expect(person, in: meeting.id, field: "counterpart", kinds: [.person]) }
                for body in meeting.bodies { expect(body, in: meeting.id, field: "body", kinds: [.organization]) }
                checkCitations(meeting.citations, of: meeting.id, required: true)
            }
        }
        return issues.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
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
