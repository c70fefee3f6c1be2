import ArgumentParser
import ChanceryModel
import Foundation

/// `chancery export`: the whole dataset (or one kind) as JSON, NDJSON or CSV.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the dataset as JSON, NDJSON or CSV to standard output.")

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, ndjson, csv
    }

    @Option(name: .long, help: "json, ndjson or csv (csv holds events, in the import columns).")
    var format: Format = .json

    @Option(name: .long, help: "Only this kind: sources, organizations, people, places, documents, events or visits.")
    var kind: ListedKind?

    @Option(name: .long, help: "The data directory (default: the bundled Data/).")
    var data: String?

    func run() throws {
        let directory = try findDataDirectory(override: data)
        let (dataset, issues) = Dataset.load(from: directory)
        guard issues.isEmpty else {
            throw StoreErrorMessage("the data in \(directory.path) has \(issues.count) problem(s); run `chancery validate`")
        }
        let output: String
        switch format {
        case .json: output = try DatasetExport.json(dataset, only: kind?.entityKind)
        case .ndjson: output = try DatasetExport.ndjson(dataset, only: kind?.entityKind)
        case .csv:
            guard kind == nil || kind == .events else {
                throw ValidationError("--format csv writes events only (the columns `chancery import` reads)")
            }
            output = EventTable.csv(dataset)
        }
        try StandardOutput.write(output)
    }
}

/// A plain error message for the user, printed as is.
struct StoreErrorMessage: Error, CustomStringConvertible {
    /// The message.
    let description: String
    init(_ description: String) { self.description = description }
}

/// The entity kinds the command line lists, by their plural names.
enum ListedKind: String, ExpressibleByArgument, CaseIterable {
    case sources, organizations, people, places, documents, events, visits

    /// The model's kind.
    var entityKind: EntityKind {
        switch self {
        case .sources: .source
        case .organizations: .organization
        case .people: .person
        case .places: .place
        case .documents: .document
        case .events: .event
        case .visits: .visit
        }
    }
}

/// Serialises a dataset for export.
enum DatasetExport {
    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Each kind's records, type-erased for encoding, in file order.
    private static func groups(_ dataset: Dataset, only kind: EntityKind?) -> [(EntityKind, [any Encodable])] {
        let all: [(EntityKind, [any Encodable])] = [
            (.source, dataset.sources), (.organization, dataset.organizations), (.person, dataset.people),
            (.place, dataset.places), (.document, dataset.documents), (.event, dataset.events), (.visit, dataset.visits),
        ]
        return all.filter { kind == nil || $0.0 == kind }
    }

    /// One JSON object with an array per kind (`sources`, `organizations`, …).
    static func json(_ dataset: Dataset, only kind: EntityKind?) throws -> String {
        struct Root: Encodable {
            let groups: [(EntityKind, [any Encodable])]
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                for (kind, records) in groups {
                    var array = container.nestedUnkeyedContainer(forKey: Key(stringValue: kind.plural))
                    for record in records { try array.encode(record) }
                }
            }
        }
        let data = try encoder(pretty: true).encode(Root(groups: groups(dataset, only: kind)))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One JSON object a line, each with a `type` field naming its kind.
    static func ndjson(_ dataset: Dataset, only kind: EntityKind?) throws -> String {
        struct Tagged: Encodable {
            let type: EntityKind
            let record: any Encodable
            enum Key: String, CodingKey { case type }
            func encode(to encoder: any Encoder) throws {
                try record.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(type, forKey: .type)
            }
        }
        let encoder = encoder(pretty: false)
        var output = ""
        for (kind, records) in groups(dataset, only: kind) {
            for record in records {
                output += String(decoding: try encoder.encode(Tagged(type: kind, record: record)), as: UTF8.self) + "\n"
            }
        }
        return output
    }

}
