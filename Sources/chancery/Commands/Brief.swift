import ArgumentParser
import ChanceryModel
import ChanceryStore
import ChanceryViewModel
import Foundation
import TerminalUI

/// `chancery brief`: a briefing of the marked records in date order, each quote verbatim in a numbered footnote with
/// its source's title, publisher, date and file.
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a briefing of the marked records: date, title, summary, your note, and footnoted quotes.",
        discussion: "Records the store no longer holds are named at the end, not left out silently.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @Flag(name: .long, help: "Brief the marked records (the default, and for now the only choice).")
    var marks = false

    @Option(name: .long, help: "md (Markdown with footnotes) or html.")
    var format: Format = .md

    @Option(name: .long, help: "Write to this new file (never over an existing one) instead of standard output.")
    var out: String?

    @OptionGroup var locations: LocationOptions

    func run() throws {
        let file = try locations.workingSetFile()
        let (workingSet, problems) = try file.load()
        try warn(about: problems, in: file.path)
        let store = try locations.openStore()
        let marked = try WorkingSetRecords.marked(workingSet, in: store)
        guard !marked.isEmpty else {
            throw ValidationError("no marked records to brief: m in the browser or `chancery mark ID` marks one")
        }
        var sources: [String: EntityDetail] = [:]
        for citation in marked.compactMap(\.record).flatMap(\.citations) where sources[citation.sourceID] == nil {
            sources[citation.sourceID] = try store.detail(id: citation.sourceID)
        }
        let briefing = Briefing(marked: marked, notes: workingSet.notes, sources: sources, date: Date())
        let text = format == .md ? briefing.markdown : briefing.html
        if let out {
            let path = try NewFile.write(to: out) { try $0.write(contentsOf: Array(text.utf8)) }
            try StandardOutput.line("Wrote a briefing of \(briefing.sections.count) records to \(path)".sanitized())
        } else {
            try StandardOutput.write(text)
        }
    }
}

/// A briefing's content: the records in date order with their footnotes numbered through the whole briefing.
struct Briefing {
    /// One footnote: a verbatim quote and where it comes from.
    struct Footnote {
        var number: Int
        var quote: String
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

    let sections: [Section]
    let missing: [MarkedRecord]
    let date: Date

    init(marked: [MarkedRecord], notes: [String: WorkingSet.Note], sources: [String: EntityDetail], date: Date) {
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
                                    summary: record.text, note: notes[entry.id]?.text, footnotes: footnotes))
        }
        self.sections = sections
        missing = marked.filter { $0.record == nil }
        self.date = date
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

    private var day: String { String(WorkingSetFile.timestamp(date).prefix(10)) }

    /// The briefing as Markdown, the quotes as footnotes (`[^1]`).
    var markdown: String {
        var lines = ["# Briefing: \(sections.count) marked record\(sections.count == 1 ? "" : "s")", "",
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
            lines.append("[^\(footnote.number)]: “\(footnote.quote)” — \(footnote.source).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The briefing as a standalone HTML page, the quotes as numbered notes at the end.
    var html: String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let title = "Briefing: \(sections.count) marked record\(sections.count == 1 ? "" : "s")"
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
            lines.append("<li id=\"q\(footnote.number)\">“\(escaped(footnote.quote))” — \(escaped(footnote.source)).</li>")
        }
        lines.append("</ol></body></html>")
        return lines.joined(separator: "\n") + "\n"
    }
}
