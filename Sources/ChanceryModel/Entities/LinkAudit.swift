import Foundation

/// The audit of links against quotes: every organization, person and place that a record's quotes name is
/// linked from the record, or the record's `linkNote` names it and says why not.
///
/// A name is an entity's name, acronym or alias, found case-sensitively between non-alphanumeric characters;
/// where names overlap the longest wins ("Azerbaijan Red Crescent Society" names the society, not the country).
struct LinkAudit {
    /// One name an entity goes by.
    private struct Name {
        let text: String
        let entityID: String
    }

    /// Every name, longest first, so that a longer name claims its words before a shorter one inside it.
    private let names: [Name]

    /// The audit over the organizations, people and places of `dataset`.
    init(_ dataset: Dataset) {
        var names: [Name] = []
        for organization in dataset.organizations {
            for text in [organization.name] + [organization.acronym].compactMap(\.self) + organization.aliases {
                names.append(Name(text: text, entityID: organization.id))
            }
        }
        for person in dataset.people {
            for text in [person.name] + person.aliases { names.append(Name(text: text, entityID: person.id)) }
        }
        for place in dataset.places {
            for text in [place.name] + place.aliases { names.append(Name(text: text, entityID: place.id)) }
        }
        self.names = names.filter { !$0.text.isEmpty }.sorted { $0.text.count > $1.text.count }
    }

    /// The entities `quotes` name, each with the first of its names found there.
    func namedEntities(in quotes: [String]) -> [(entityID: String, name: String)] {
        var found: [(entityID: String, name: String)] = []
        var seen = Set<String>()
        for quote in quotes {
            let characters = Array(quote)
            var claimed = [Bool](repeating: false, count: characters.count)
            // Most names are nowhere in the quote: a plain search rules them out before the word-by-word one.
            for name in names where quote.contains(name.text) {
                let pattern = Array(name.text)
                for start in Self.occurrences(of: pattern, in: characters)
                where !claimed[start..<start + pattern.count].contains(true) {
                    for index in start..<start + pattern.count { claimed[index] = true }
                    if seen.insert(name.entityID).inserted { found.append((name.entityID, name.text)) }
                }
            }
        }
        return found
    }

    /// Where `pattern` starts in `text` with no letter or digit right before or after it.
    private static func occurrences(of pattern: [Character], in text: [Character]) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= text.count else { return [] }
        return (0...(text.count - pattern.count)).filter { start in
            text[start..<start + pattern.count].elementsEqual(pattern)
                && (start == 0 || !Self.isWordCharacter(text[start - 1]))
                && (start + pattern.count == text.count || !Self.isWordCharacter(text[start + pattern.count]))
        }
    }

    /// A letter or digit: what would make a name part of a longer word.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Reports, for the record `id`, each entity its `quotes` name that `linked` lacks and `linkNote` does not name.
    func check(_ id: String, quotes: [String], linked: Set<String>, linkNote: String?, into checker: inout RecordChecker) {
        for (entityID, name) in namedEntities(in: quotes) where !linked.contains(entityID) && entityID != id {
            if let linkNote, linkNote.contains(name) { continue }
            checker.report(id, "a quote names \"\(name)\" (\(entityID)) but the record neither links it nor says why in linkNote")
        }
    }
}

extension Dataset {
    /// Runs the link audit over every event, visit (with its meetings) and document.
    func auditLinks(into checker: inout RecordChecker) {
        let audit = LinkAudit(self)
        for event in events {
            audit.check(event.id, quotes: event.citations.map(\.quote), linked: Set(event.links.map(\.to)),
                        linkNote: event.linkNote, into: &checker)
        }
        for visit in visits {
            var linked = Set(visit.links.map(\.to) + visit.destinations + [visit.head, visit.sender].compactMap(\.self))
            for meeting in visit.meetings { linked.formUnion(meeting.counterparts + meeting.bodies) }
            let quotes = visit.citations.map(\.quote) + visit.meetings.flatMap { $0.citations.map(\.quote) }
            audit.check(visit.id, quotes: quotes, linked: linked, linkNote: visit.linkNote, into: &checker)
        }
        for document in documents {
            audit.check(document.id, quotes: document.citations.map(\.quote), linked: Set(document.links.map(\.to)),
                        linkNote: document.linkNote, into: &checker)
        }
    }
}
