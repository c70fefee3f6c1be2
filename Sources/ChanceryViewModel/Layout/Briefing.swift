import ChanceryModel
import Foundation

/// A marked record with what the store holds of it (nil when the store no longer has it).
public struct MarkedRecord: Hashable, Sendable {
    /// The record's id.
    public var id: String
    /// The mark, as kept.
    public var mark: WorkingSet.Mark
    /// What the store holds of it, or nil when it holds it no more.
    public var record: EntityDetail?

    /// A marked record `id`, with what the store holds of it.
    public init(id: String, mark: WorkingSet.Mark, record: EntityDetail?) {
        self.id = id
        self.mark = mark
        self.record = record
    }

    /// The title to show: the store's, else the one kept with the mark.
    public var title: String { record?.summary.displayName ?? mark.title }
}

/// The records a briefing or `chancery marks` lists, read from the store.
public enum WorkingSetRecords {
    /// The marked records, in date order (undated, then those the store no longer has, last).
    public static func marked(_ workingSet: WorkingSet, in queries: some EntityQueries) throws -> [MarkedRecord] {
        inDateOrder(try workingSet.marks.map { id, mark in MarkedRecord(id: id, mark: mark, record: try queries.detail(id: id)) })
    }

    /// The records a saved view lists in its focused pane (at most `limit`; nil when it lists more), in date order.
    public static func viewed(_ filter: EntityFilter, in queries: some EntityQueries, limit: Int) throws -> [MarkedRecord]? {
        let page = try queries.page(filter, offset: 0, limit: limit + 1)
        guard page.total <= limit else { return nil }
        return inDateOrder(try page.rows.map { row in
            MarkedRecord(id: row.id, mark: WorkingSet.Mark(title: row.displayName, at: ""), record: try queries.detail(id: row.id))
        })
    }

    private static func inDateOrder(_ entries: [MarkedRecord]) -> [MarkedRecord] {
        entries.sorted { a, b in
            func key(_ entry: MarkedRecord) -> (Int, Int, String) {
                guard let record = entry.record else { return (2, 0, entry.id) }
                guard let date = record.summary.date else { return (1, 0, entry.id) }
                return (0, date.firstDayKey, entry.id)
            }
            return key(a) < key(b)
        }
    }
}

/// A briefing's content: the records in date order with their footnotes numbered through the whole briefing.
public struct Briefing: Sendable {
    /// One footnote: a verbatim quote and where it comes from.
    struct Footnote {
        var number: Int
        var quote: String
        /// The quote in quotation marks, or, for a machine-coded record's article, that there is no quote.
        var quotation: String { quote.isEmpty ? Citation.noQuoteNote : "“\(quote)”" }
        var source: String
    }

    /// One record's section.
    struct Section {
        var heading: String
        var facts: String
        var summary: String?
        var note: String?
        var footnotes: [Footnote]
    }

    /// The records' sections, in date order.
    let sections: [Section]
    /// Marked records the store no longer holds.
    let missing: [MarkedRecord]
    /// The day it was prepared, as YYYY-MM-DD.
    let day: String
    /// What it briefs, after "Briefing: ": "3 marked records".
    let subject: String

    /// How many records it briefs.
    public var count: Int { sections.count }

    /// The briefing of `marked` (in date order) with the analyst's `notes`, the details of the cited `sources`
    /// giving each footnote's publisher, date and file, prepared on `day`.
    public init(marked: [MarkedRecord], notes: [String: String], sources: [String: EntityDetail], day: String, view: String? = nil) {
        var number = 0
        var sections: [Section] = []
        for entry in marked {
            guard let record = entry.record else { continue }
            let summary = record.summary
            let dated = summary.kind.isDated
                ? [summary.date.map { "\($0.display) (EDTF \($0.edtf))" } ?? "undated"] : []
            let kind = EventKind(rawValue: summary.category)?.label ?? summary.category
            let footnotes = record.citations.map { citation -> Footnote in
                number += 1
                return Footnote(number: number, quote: citation.quote, source: Self.describe(citation, source: sources[citation.sourceID]))
            }
            sections.append(Section(heading: "\(summary.date.display) — \(summary.displayName)",
                                    facts: (dated + [kind, summary.id]).joined(separator: " · "),
                                    summary: record.text, note: notes[entry.id], footnotes: footnotes))
        }
        self.sections = sections
        missing = marked.filter { $0.record == nil }
        self.day = day
        let records = "\(sections.count) \(view == nil ? "marked " : "")record\(sections.count == 1 ? "" : "s")"
        subject = view.map { "\(records) of the view “\($0)”" } ?? records
    }

    /// The briefing of what `workingSet` marks (or of `records`, those of the view named `view`), read through
    /// `queries`, prepared on `day`.
    public static func of(_ workingSet: WorkingSet, records: [MarkedRecord]? = nil, view: String? = nil,
                          queries: some EntityQueries, day: String) throws -> Briefing {
        let marked = try records ?? WorkingSetRecords.marked(workingSet, in: queries)
        var sources: [String: EntityDetail] = [:]
        for citation in marked.compactMap(\.record).flatMap(\.citations) where sources[citation.sourceID] == nil {
            sources[citation.sourceID] = try queries.detail(id: citation.sourceID)
        }
        return Briefing(marked: marked, notes: workingSet.notes.mapValues(\.text), sources: sources, day: day, view: view)
    }

    /// Today's date in UTC, as YYYY-MM-DD.
    public static func today() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    /// The text in the format a file's extension asks for: HTML for `.html` or `.htm`, else Markdown.
    public func text(forFile path: String) -> String {
        path.lowercased().hasSuffix(".html") || path.lowercased().hasSuffix(".htm") ? html : markdown
    }

    /// "Title, Publisher, published DATE, file NAME" of a citation's source.
    private static func describe(_ citation: CitationDetail, source: EntityDetail?) -> String {
        func field(_ kind: DetailField.Kind) -> String? { source?.fields.first { $0.kind == kind }?.values.first }
        var parts = [citation.sourceTitle]
        if let publisher = citation.publisher ?? field(.publisher) { parts.append(publisher) }
        if let published = citation.published ?? field(.published).flatMap(EDTFDate.init) { parts.append("published \(published.display)") }
        if let file = field(.file) { parts.append("file \(file)") }
        if let url = field(.url) { parts.append(url) }
        return parts.joined(separator: ", ")
    }

    /// The briefing as Markdown, the quotes as footnotes (`[^1]`).
    public var markdown: String {
        var lines = ["# Briefing: \(subject)", "",
                     "Prepared with Chancery on \(day). Records in date order; every quotation is verbatim from the source its footnote names.", ""]
        for (index, section) in sections.enumerated() {
            lines += ["## \(index + 1). \(section.heading)", "", section.facts, ""]
            if let summary = section.summary { lines += [summary, ""] }
            if let note = section.note { lines += ["**Analyst's note:** \(note)", ""] }
            if !section.footnotes.isEmpty {
                lines += ["Sources: " + section.footnotes.map { "[^\($0.number)]" }.joined(separator: " "), ""]
            }
        }
        if !missing.isEmpty {
            lines += ["## Marked but no longer in the store", ""] + missing.map { "- \($0.id) (\($0.mark.title))" } + [""]
        }
        for footnote in sections.flatMap(\.footnotes) {
            lines.append("[^\(footnote.number)]: \(footnote.quotation) — \(footnote.source).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The briefing as a standalone HTML page, the quotes as numbered notes at the end.
    public var html: String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let title = "Briefing: \(subject)"
        var lines = ["<!DOCTYPE html>", "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escaped(title))</title></head><body>",
                     "<h1>\(escaped(title))</h1>",
                     "<p>Prepared with Chancery on \(day). Records in date order; every quotation is verbatim from the source its note names.</p>"]
        for (index, section) in sections.enumerated() {
            lines.append("<h2>\(index + 1). \(escaped(section.heading))</h2>")
            lines.append("<p><small>\(escaped(section.facts))</small></p>")
            if let summary = section.summary { lines.append("<p>\(escaped(summary))</p>") }
            if let note = section.note { lines.append("<p><strong>Analyst's note:</strong> \(escaped(note))</p>") }
            if !section.footnotes.isEmpty {
                lines.append("<p>Sources: " + section.footnotes.map { "<sup><a href=\"#q\($0.number)\">\($0.number)</a></sup>" }
                    .joined(separator: " ") + "</p>")
            }
        }
        if !missing.isEmpty {
            lines.append("<h2>Marked but no longer in the store</h2><ul>")
            lines += missing.map { "<li>\(escaped($0.id)) (\(escaped($0.mark.title)))</li>" } + ["</ul>"]
        }
        lines.append("<hr><ol>")
        for footnote in sections.flatMap(\.footnotes) {
            lines.append("<li id=\"q\(footnote.number)\">\(escaped(footnote.quotation)) — \(escaped(footnote.source)).</li>")
        }
        lines.append("</ol></body></html>")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Where a briefing was written, and how many records it holds.
public struct BriefingReceipt: Hashable, Sendable {
    /// The file's absolute path.
    public var path: String
    /// How many records it briefs.
    public var records: Int
}
