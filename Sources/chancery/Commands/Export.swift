import ArgumentParser
import ChanceryModel
import ChanceryStore
import Foundation

/// `chancery export`: the whole dataset (or one kind) as JSON, NDJSON or CSV, or the events of a store.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the dataset, or the events of a store, as JSON, NDJSON or CSV to standard output.",
        discussion: """
            Without --store, the records of the data directory, every type (or --type). With --store, the events of \
            that store (imported ones included), read and written a thousand at a time. The filters are those of \
            `chancery list` and keep the same records; --kind, a category, needs --type. CSV holds events in the \
            columns `chancery import` reads, every link and citation included, so that exporting and importing \
            gives the same events back.
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, ndjson, csv
    }

    @Option(name: .long, help: "json, ndjson or csv (csv holds events, in the import columns).")
    var format: Format = .json

    @Option(name: .long, help: "Only this type of record: sources, organizations, people, places, documents, events or visits.")
    var type: ListedKind?

    @OptionGroup var filters: FilterOptions

    @OptionGroup var locations: LocationOptions

    func run() throws {
        guard format != .csv || type == nil || type == .events else {
            throw ValidationError("--format csv writes events only (the columns `chancery import` reads)")
        }
        if let category = filters.category, type == nil {
            let hint = ListedKind(rawValue: category) != nil ? "; for only the \(category), give --type \(category)"
                : "; name the type of record it is a kind of with --type (events, organizations, ...)"
            throw UnknownValue(description: "--kind \"\(category)\": --kind is a category, as in `chancery list`\(hint)")
        }
        if let store = locations.store {
            guard type == nil || type == .events else {
                throw ValidationError("--type \(type!.rawValue): with --store, export writes the store's events (try --type events)")
            }
            let opened = try ChanceryStore.open(path: store)
            return try exportEvents(of: opened, keeping: try kept([.events], in: opened)?[.event])
        }
        let directory = try locations.dataDirectory()
        let (dataset, issues) = Dataset.load(from: directory)
        guard issues.isEmpty else {
            throw StoreErrorMessage("the data in \(directory.path) has \(issues.count) problem(s); run `chancery validate`")
        }
        let types = type.map { [$0] } ?? ListedKind.allCases
        let kept = filters.isFiltering ? try kept(types, in: locations.openStore()) : nil
        let records = EntityDescriptor.all.filter { descriptor in types.contains { $0.entityKind == descriptor.kind } }
            .map { descriptor in
                (descriptor.kind, descriptor.records(dataset).filter { kept?[descriptor.kind]?.contains($0.id) ?? true })
            }
        switch format {
        case .json: try DatasetExport.json(records)
        case .ndjson: try DatasetExport.ndjson(records)
        case .csv:
            try StandardOutput.write(bytes: CSVWriter.line(EventTable.columns))
            for event in TabledEvent.all(in: dataset) where kept?[.event]?.contains(event.id) ?? true {
                try StandardOutput.write(bytes: CSVWriter.line(event.cells))
            }
        }
    }

    /// The ids of each of `types` that the filters keep, as `list` lists them; nil when no filter is given.
    private func kept(_ types: [ListedKind], in store: ChanceryStore) throws -> [EntityKind: Set<String>]? {
        guard filters.isFiltering else { return nil }
        var kept: [EntityKind: Set<String>] = [:]
        for type in types {
            var ids = Set<String>()
            try store.forEach(filters.filter(for: type.entityKind, in: store)) { ids.insert($0.id) }
            kept[type.entityKind] = ids
        }
        return kept
    }

    /// Writes the events of `store` as they are read.
    private func exportEvents(of store: ChanceryStore, keeping kept: Set<String>?) throws {
        let encoder = DatasetExport.encoder(pretty: false)
        var first = true
        switch format {
        case .csv: try StandardOutput.write(bytes: CSVWriter.line(EventTable.columns))
        case .json: try StandardOutput.write("{\"events\":[\n")
        case .ndjson: break
        }
        try store.forEachTabledEvent { event in
            guard kept?.contains(event.id) ?? true else { return }
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

    /// Writes one JSON object with an array per kind (`sources`, `organizations`, …) of `groups`, a record at a time.
    static func json(_ groups: [(EntityKind, [any DataRecord])]) throws {
        let encoder = encoder(pretty: true)
        try StandardOutput.write("{\n")
        // In key order, as a whole-document encoding with sorted keys writes them.
        let sorted = groups.sorted { $0.0.plural < $1.0.plural }
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
    static func ndjson(_ groups: [(EntityKind, [any DataRecord])]) throws {
        let encoder = encoder(pretty: false)
        for (kind, records) in groups {
            for record in records {
                try StandardOutput.line(String(decoding: try encoder.encode(Tagged(type: kind, record: record)), as: UTF8.self))
            }
        }
    }

}
