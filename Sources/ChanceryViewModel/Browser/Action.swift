import ChanceryModel
import TerminalUI

/// Something that happened, which the browser reacts to.
public enum Action: Hashable, Sendable {
    /// The browser opened: load what the panes show.
    case started
    /// The user pressed a key; what it does depends on the mode (`KeyBindings`).
    case keyPressed(Key)
    /// The note written in the editor came back (or the editor could not run), for `record`.
    case noteEdited(EntitySummary, Result<String, ReadFailure>)
    /// The mouse clicked or turned its wheel.
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resized(width: Int, height: Int)
    /// A window of a pane's list arrived, or could not be read.
    case pageLoaded(Pane, request: Int, Result<EntityPage, ReadFailure>)
    /// The count of a pane's list, left for later by the window that came first, arrived or could not be read.
    case rowsCounted(Pane, request: Int, Result<Int, ReadFailure>)
    /// The categories a pane's kind has in the store arrived, or could not be read.
    case categoriesLoaded(Pane, Result<[String], ReadFailure>)
    /// Which kinds have machine-coded entities in the store arrived, or could not be read.
    case codedKindsLoaded(Result<Set<EntityKind>, ReadFailure>)
    /// A detail arrived (nil when no such entity), or could not be read.
    case detailLoaded(request: Int, Result<EntityDetail?, ReadFailure>)
    /// A source's text arrived (nil when the store does not hold it), or could not be read.
    case sourceTextLoaded(request: Int, Result<String?, ReadFailure>)
    /// A row was picked directly (by a pointer, or a benchmark placing the selection), not by moving to it.
    case selected(row: Int, in: Pane)
    /// How the Timeline's dates spread over the years arrived, or could not be read.
    case dateSpreadLoaded(request: Int, Result<DateSpread, ReadFailure>)
    /// The counts of the facet view arrived, or could not be read.
    case facetsLoaded(request: Int, Result<[FacetCount], ReadFailure>)
    /// A pane's list was written to a file, or could not be.
    case listWritten(Result<ListFileReceipt, ReadFailure>)
    /// A record was asked for by its id, from outside the panes (a test walking every record): its detail opens.
    case opened(id: String)
    /// The countries the words typed after `p` match arrived, or could not be read.
    case countriesFound(request: Int, Result<[EntitySummary], ReadFailure>)
    /// The ledger of two countries arrived (nil when either is not a country), or could not be read.
    case pairLedgerLoaded(request: Int, Result<PairLedger?, ReadFailure>)
    /// The marks and notes were read, or could not be.
    case workingSetRead(Result<KeptWorkingSet, ReadFailure>)
    /// A saved view was asked for when the browser opened (`chancery --view NAME`): it opens once the working set is read.
    case viewRequested(String)
    /// The records the palette's words name arrived, or could not be read.
    case recordsFound(request: Int, Result<[EntitySummary], ReadFailure>)
    /// A trail was written to a file, or could not be.
    case trailWritten(Result<TrailReceipt, ReadFailure>)
    /// A briefing was written to a file, or could not be.
    case briefingWritten(Result<BriefingReceipt, ReadFailure>)
    /// A change to them was saved (the answer holds what is kept now, another browser's changes too), or was not.
    case workingSetSaved(Result<KeptWorkingSet, ReadFailure>)
}

/// Why a read failed, as a message for the status line.
public struct ReadFailure: Error, Hashable, Sendable {
    /// The message.
    public var message: String
    /// True when a newer read superseded it: not an error to show, and asked again if still needed.
    public var wasInterrupted: Bool

    /// A failure with `message`.
    public init(message: String, wasInterrupted: Bool = false) {
        self.message = message
        self.wasInterrupted = wasInterrupted
    }

    init(_ error: any Error) {
        self.init(message: "\(error)", wasInterrupted: error is QueryInterrupted)
    }

}

/// Something the shell does for the browser: a read against the store, answered with an action, or a copy to the
/// terminal's clipboard, which nothing answers.
public enum Effect: Hashable, Sendable {
    /// Read a window of a pane's list; the store may leave its count for later.
    case loadPage(Pane, request: Int, filter: EntityFilter, offset: Int, limit: Int, after: String?)
    /// Count a pane's list, whose window came without its count.
    case countRows(Pane, request: Int, filter: EntityFilter)
    /// Read the detail of an entity.
    case loadDetail(request: Int, id: String)
    /// Read which categories a pane's kind has.
    case loadCategories(Pane)
    /// Read which kinds have machine-coded entities (their orders and facets are offered only then).
    case loadCodedKinds
    /// Read the text of a source.
    case loadSourceText(request: Int, id: String)
    /// Read how the dates of what a filter keeps spread over the years.
    case loadDateSpread(request: Int, filter: EntityFilter)
    /// Put this text on the terminal's clipboard (OSC 52); the run loop gives it to the terminal.
    case copyToClipboard(String)
    /// Let the user edit `text`, the note on `record`, in their editor; the run loop gives it the terminal.
    case editInEditor(record: EntitySummary, text: String)
    /// Count what a filter keeps by a facet.
    case loadFacets(request: Int, filter: EntityFilter, facet: Facet)
    /// Write the whole list a filter keeps to a new file (CSV, or JSON or NDJSON by its extension).
    case writeList(filter: EntityFilter, path: String)
    /// Read the countries a filter keeps (at most a screenful), to choose the other of a pair.
    case findCountries(request: Int, filter: EntityFilter)
    /// Read the ledger of two countries.
    case loadPairLedger(request: Int, first: String, second: String)
    /// Read the analyst's marks and notes.
    case readWorkingSet
    /// Save changes to them, merged with what is kept now.
    case saveWorkingSet([WorkingSet.Change])
    /// Read the records whose names hold the words, of every kind (a few of each), for the palette.
    case searchRecords(request: Int, words: String)
    /// Write these steps to a new file as a key script headed by the size and the store's content fingerprint.
    case writeTrail(steps: [ScriptStep], width: Int, height: Int, path: String)
    /// Write a briefing of the marked records to a new file (Markdown, or HTML by its extension).
    case writeBriefing(WorkingSet, path: String)

    /// Whether the shell must run it even when a newer key supersedes the reads queued: the user asked for a file,
    /// or for marks and notes, which are never dropped.
    public var isRequestedOutput: Bool {
        switch self {
        case .writeList, .readWorkingSet, .saveWorkingSet, .writeBriefing, .writeTrail: true
        default: false
        }
    }

    /// For a read whose answer the state takes only for its newest request (one pending at a time), what it reads: a later
    /// read of the same slot supersedes it, so a caller holding both may run the later alone. Nil for the rest.
    var readSlot: String? {
        switch self {
        case .loadPage(let pane, _, _, _, _, _): "page \(pane)"
        case .countRows(let pane, _, _): "count \(pane)"
        case .loadDateSpread: "date spread"
        case .searchRecords: "records"
        default: nil
        }
    }

    /// The action that answers the read with `failure`, without reading (a read superseded before it ran); nil for a
    /// copy, which nothing answers.
    public func answer(with failure: ReadFailure) -> Action? {
        switch self {
        case .loadPage(let pane, let request, _, _, _, _): .pageLoaded(pane, request: request, .failure(failure))
        case .countRows(let pane, let request, _): .rowsCounted(pane, request: request, .failure(failure))
        case .loadDetail(let request, _): .detailLoaded(request: request, .failure(failure))
        case .loadCategories(let pane): .categoriesLoaded(pane, .failure(failure))
        case .loadCodedKinds: .codedKindsLoaded(.failure(failure))
        case .loadSourceText(let request, _): .sourceTextLoaded(request: request, .failure(failure))
        case .loadDateSpread(let request, _): .dateSpreadLoaded(request: request, .failure(failure))
        case .loadFacets(let request, _, _): .facetsLoaded(request: request, .failure(failure))
        case .writeList: .listWritten(.failure(failure))
        case .findCountries(let request, _): .countriesFound(request: request, .failure(failure))
        case .loadPairLedger(let request, _, _): .pairLedgerLoaded(request: request, .failure(failure))
        case .readWorkingSet: .workingSetRead(.failure(failure))
        case .saveWorkingSet: .workingSetSaved(.failure(failure))
        case .searchRecords(let request, _): .recordsFound(request: request, .failure(failure))
        case .writeBriefing: .briefingWritten(.failure(failure))
        case .writeTrail: .trailWritten(.failure(failure))
        case .editInEditor(let record, _): .noteEdited(record, .failure(failure))
        case .copyToClipboard: nil
        }
    }

    /// Runs the read (or the save of marks and notes, by `keeper`) and returns the action that answers it; nil for a
    /// copy, which is the terminal's to do.
    public func perform(using queries: some EntityQueries, keeper: any WorkingSetKeeper) -> Action? {
        switch self {
        case .loadPage(let pane, let request, let filter, let offset, let limit, let after):
            return .pageLoaded(pane, request: request, Result { try queries.window(filter, offset: offset, limit: limit, after: after) }
                .mapError(ReadFailure.init))
        case .countRows(let pane, let request, let filter):
            return .rowsCounted(pane, request: request, Result { try queries.count(filter) }.mapError(ReadFailure.init))
        case .loadDetail(let request, let id):
            return .detailLoaded(request: request, Result { try queries.detail(id: id) }
                .mapError(ReadFailure.init))
        case .loadCategories(let pane):
            return .categoriesLoaded(pane, Result { try queries.categories(of: pane.kind) }.mapError(ReadFailure.init))
        case .loadCodedKinds:
            return .codedKindsLoaded(Result { try queries.codedKinds() }.mapError(ReadFailure.init))
        case .loadSourceText(let request, let id):
            return .sourceTextLoaded(request: request, Result { try queries.sourceText(id: id) }.mapError(ReadFailure.init))
        case .loadDateSpread(let request, let filter):
            return .dateSpreadLoaded(request: request, Result { try queries.dateSpread(filter) }.mapError(ReadFailure.init))
        case .loadFacets(let request, let filter, let facet):
            return .facetsLoaded(request: request, Result { try queries.facets(filter, by: facet) }.mapError(ReadFailure.init))
        case .writeList(let filter, let path):
            return .listWritten(Result { try Self.write(filter, to: path, using: queries) }.mapError(ReadFailure.init))
        case .findCountries(let request, let filter):
            return .countriesFound(request: request, Result { try queries.page(filter, offset: 0, limit: 50).rows }.mapError(ReadFailure.init))
        case .loadPairLedger(let request, let first, let second):
            return .pairLedgerLoaded(request: request, Result { try queries.pairLedger(first, second) }.mapError(ReadFailure.init))
        case .readWorkingSet:
            return .workingSetRead(Result {
                let (workingSet, problems) = try keeper.load()
                return KeptWorkingSet(workingSet: workingSet, warning: problems.first.map {
                    "Marks and notes: \(problems.count) unreadable line(s), from line \($0.line) (\($0.message)); the next change keeps the file aside"
                })
            }.mapError(ReadFailure.init))
        case .saveWorkingSet(let changes):
            return .workingSetSaved(Result {
                let (workingSet, warning) = try keeper.save(changes)
                return KeptWorkingSet(workingSet: workingSet, warning: warning)
            }.mapError(ReadFailure.init))
        case .searchRecords(let request, let words):
            let kinds: [EntityKind] = [.organization, .person, .place, .event, .visit, .document, .source]
            return .recordsFound(request: request, Result {
                try kinds.flatMap { try queries.page(EntityFilter(kind: $0, text: words), offset: 0, limit: 4).rows }
            }.mapError(ReadFailure.init))
        case .writeBriefing(let workingSet, let path):
            return .briefingWritten(Result {
                let briefing = try Briefing.of(workingSet, queries: queries, day: Briefing.today())
                let text = briefing.text(forFile: path)
                let written = try NewFile.write(to: path, text: text)
                return BriefingReceipt(path: written, records: briefing.count)
            }.mapError(ReadFailure.init))
        case .writeTrail(let steps, let width, let height, let path):
            return .trailWritten(Result {
                let text = Trail.text(of: steps, width: width, height: height, fingerprint: try queries.contentFingerprint())
                return TrailReceipt(path: try NewFile.write(to: path, text: text), steps: steps.count)
            }.mapError(ReadFailure.init))
        case .copyToClipboard, .editInEditor:
            return nil  // the terminal's to do
        }
    }

    /// Reads the list `filter` keeps a thousand rows at a time into a new file at `path`; a read interrupted by a
    /// newer key is read again.
    private static func write(_ filter: EntityFilter, to path: String, using queries: some EntityQueries) throws -> ListFileReceipt {
        var offset = 0, total = Int.max
        return try ListFile.write(kind: filter.kind, to: path) {
            guard offset < total else { return nil }
            for attempt in 1... {
                do {
                    let page = try queries.page(filter, offset: offset, limit: 1_000)
                    (offset, total) = (offset + page.rows.count, page.rows.isEmpty ? offset : page.total)
                    return page.rows.isEmpty ? nil : page.rows
                } catch is QueryInterrupted where attempt < 5 {
                    continue
                }
            }
            return nil
        }
    }
}
