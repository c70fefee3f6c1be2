import ArgumentParser
import ChanceryModel
import ChanceryStore
import Foundation

/// `chancery export`: the whole dataset (or one kind) as JSON, NDJSON or CSV, or the events of a store.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the dataset, or the events of a store, as JSON, NDJSON or CSV to standard output.",
        discussion: """
            Without --store, the records of the data directory, every kind (or --kind). With --store, the events of \
            that store (imported ones included), read and written a thousand at a time. CSV holds events in the \
            columns `chancery import` reads, every link and citation included, so that exporting and importing \
            gives the same events back.
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, ndjson, csv
    }

    @Option(name: .long, help: "json, ndjson or csv (csv holds events, in the import columns).")
    var format: Format = .json

    @Option(name: .long, help: "Only this kind: sources, organizations, people, places, documents, events or visits.")
    var kind: ListedKind?

    @OptionGroup var locations: LocationOptions

    func run() throws {
        guard format != .csv || kind == nil || kind == .events else {
            throw ValidationError("--format csv writes events only (the columns `chancery import` reads)")
        }
        if let store = locations.store {
            guard kind == nil || kind == .events else {
                throw ValidationError("--kind \(kind!.rawValue): with --store, export writes the store's events (try --kind events)")
            }
            return try exportEvents(of: ChanceryStore.open(path: store))
        }
        let directory = try locations.dataDirectory()
        let (dataset, issues) = Dataset.load(from: directory)
        guard issues.isEmpty else {
            throw StoreErrorMessage("the data in \(directory.path) has \(issues.count) problem(s); run `chancery validate`")
        }
        switch format {
        case .json: try DatasetExport.json(dataset, only: kind?.entityKind)
        case .ndjson: try DatasetExport.ndjson(dataset, only: kind?.entityKind)
        case .csv:
            try StandardOutput.write(bytes: CSVWriter.line(EventTable.columns))
            for event in TabledEvent.all(in: dataset) { try StandardOutput.write(bytes: CSVWriter.line(event.cells)) }
        }
    }

    /// Writes the events of `store` as they are read.
    private func exportEvents(of store: ChanceryStore) throws {
        let encoder = DatasetExport.encoder(pretty: false)
        var first = true
        switch format {
        case .csv: try StandardOutput.write(bytes: CSVWriter.line(EventTable.columns))
        case .json: try StandardOutput.write("{\"events\":[\n")
        case .ndjson: break
        }
        try store.forEachTabledEvent { event in
            switch format {
            case .csv: try StandardOutput.write(bytes: CSVWriter.line(event.cells))
            case .json:
                try StandardOutput.write((first ? "" : ",\n") + String(decoding: try encoder.encode(event), as: UTF8.self))
            case .ndjson:
                try StandardOutput.line(String(decoding: try encoder.encode(DatasetExport.Tagged(type: .event, record: event)), as: UTF8.self))
            }
            first = false
        }
        if format == .json { try StandardOutput.write("\n]}\n") }
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
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Each kind's records (`kind` only, when given), in file order.
    private static func groups(_ dataset: Dataset, only kind: EntityKind?) -> [(EntityKind, [any DataRecord])] {
        EntityDescriptor.all.filter { kind == nil || $0.kind == kind }.map { ($0.kind, $0.records(dataset)) }
    }

    /// Writes one JSON object with an array per kind (`sources`, `organizations`, …), a record at a time.
    static func json(_ dataset: Dataset, only kind: EntityKind?) throws {
        let encoder = encoder(pretty: true)
        try StandardOutput.write("{\n")
        // In key order, as a whole-document encoding with sorted keys writes them.
        let sorted = groups(dataset, only: kind).sorted { $0.0.plural < $1.0.plural }
        for (groupIndex, (kind, records)) in sorted.enumerated() {
            try StandardOutput.write("  \"\(kind.plural)\" : [")
            for (index, record) in records.enumerated() {
                let text = String(decoding: try encoder.encode(record), as: UTF8.self)
                let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
                try StandardOutput.write((index == 0 ? "\n" : ",\n") + indented)
            }
            try StandardOutput.write((records.isEmpty ? "" : "\n  ") + "]" + (groupIndex < sorted.count - 1 ? ",\n" : "\n"))
        }
        try StandardOutput.write("}\n")
    }

    /// A record with a `type` field naming its kind, as NDJSON lines carry it.
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

    /// Writes one JSON object a line, each with a `type` field naming its kind.
    static func ndjson(_ dataset: Dataset, only kind: EntityKind?) throws {
        let encoder = encoder(pretty: false)
        for (kind, records) in groups(dataset, only: kind) {
            for record in records {
                try StandardOutput.line(String(decoding: try encoder.encode(Tagged(type: kind, record: record)), as: UTF8.self))
            }
        }
    }

}
