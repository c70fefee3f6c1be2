import ChanceryModel

/// The working set as its keeper returned it, with a warning to show (lines of the file kept aside), if any.
public struct KeptWorkingSet: Hashable, Sendable {
    /// The marks and notes kept.
    public var workingSet: WorkingSet
    /// What to tell the analyst about the file, if anything.
    public var warning: String?

    /// `workingSet` as kept, with `warning`.
    public init(workingSet: WorkingSet, warning: String? = nil) {
        self.workingSet = workingSet
        self.warning = warning
    }
}

extension WorkingSet {
    /// The marked ids of `kind`, in id order.
    func markedIDs(of kind: EntityKind) -> [String] {
        marks.keys.filter { EntityKind(id: $0) == kind }.sorted()
    }

    /// `filter` with the conditions the working set gives a list: only the marked records of its kind when it shows
    /// marks only, and the records whose notes hold its words.
    func conditions(on filter: EntityFilter, marksOnly: Bool) -> EntityFilter {
        var filter = filter
        filter.onlyIDs = marksOnly ? markedIDs(of: filter.kind) : nil
        filter.notedIDs = notedIDs(matching: filter.text, kind: filter.kind)
        return filter
    }

    /// The ids of `kind` whose notes hold the words of `text` (as the / filter reads them), in id order.
    func notedIDs(matching text: String, kind: EntityKind) -> [String] {
        let query = SearchQuery(text)
        guard query.hasSearchableTerm else { return [] }
        return notes.filter { id, note in EntityKind(id: id) == kind && query.matches(words: SearchFolding.words(note.text)) }
            .keys.sorted()
    }
}

extension BrowserState {
    /// What `m` and `a` act on: the record whose detail is open, else the selected row.
    private var workingSetTarget: EntitySummary? {
        isDetailOpen ? detail?.detail?.summary : self[currentPane].selectedRow
    }

    /// `m`: marks the record, or unmarks it; saved at once, merged with what another browser saved meanwhile.
    mutating func toggleMark() {
        guard let record = workingSetTarget else {
            return report(StatusMessage(text: "m marks a record: select one, or open its detail", isError: true))
        }
        let marking = !workingSet.isMarked(record.id)
        change(marking ? .mark(id: record.id, title: record.displayName) : .unmark(id: record.id))
        report(StatusMessage(text: "\(marking ? "Marked" : "Unmarked") \(record.displayName)", isError: false))
    }

    /// `a`: a line holding the record's note, to write or change it (empty removes it).
    mutating func editNote() {
        guard let record = workingSetTarget else {
            return report(StatusMessage(text: "a writes a note on a record: select one, or open its detail", isError: true))
        }
        openLine(for: .note(record), text: workingSet.notes[record.id]?.text ?? "")
    }

    /// `A`: the note, however long, in the user's editor; what comes back is saved.
    mutating func editNoteInEditor() {
        guard let record = workingSetTarget else {
            return report(StatusMessage(text: "A writes a note on a record: select one, or open its detail", isError: true))
        }
        outbox.append(.editInEditor(record: record, text: workingSet.notes[record.id]?.text ?? ""))
    }

    /// Enter on the note's line: the note is kept as typed, or removed when the line is empty.
    mutating func saveNote(_ text: String, on record: EntitySummary) {
        change(.note(id: record.id, text: text))
        report(StatusMessage(text: text.isEmpty ? "Removed the note on \(record.displayName)" : "Noted \(record.displayName)", isError: false))
    }

    /// `M`: the pane lists only the marked records, or all again; a step back undoes.
    mutating func toggleMarksOnly() {
        let pane = currentPane
        navigate {
            $0[pane].marksOnly.toggle()
            $0.setFilter($0[pane].filter, of: pane)
        }
    }

    /// The working set as read or saved arrived: lists that depend on it (marks only, words found in notes) follow.
    mutating func receiveWorkingSet(_ result: Result<KeptWorkingSet, ReadFailure>, saved: Bool) {
        switch result {
        case .success(let kept):
            workingSet = kept.workingSet
            if let warning = kept.warning { report(StatusMessage(text: warning, isError: true)) }
        case .failure(let failure):
            report(StatusMessage(text: (saved ? "Not saved: " : "Marks and notes not read: ") + failure.message, isError: true))
            // What is on disk is what counts: read it again.
            if saved { outbox.append(.readWorkingSet) }
        }
        refreshWorkingSetConditions()
        if !saved {
            hasReadWorkingSet = true
            if let name = viewAwaitingWorkingSet {
                viewAwaitingWorkingSet = nil
                openView(named: name)
            }
        }
    }

    /// Applies `change` here at once (the screen shows it) and asks the keeper to save it.
    mutating func change(_ change: WorkingSet.Change) {
        workingSet.apply(change, at: "")
        outbox.append(.saveWorkingSet([change]))
        refreshWorkingSetConditions()
    }

    /// Puts each pane's marks-only and notes conditions in step with the working set.
    private mutating func refreshWorkingSetConditions() {
        for pane in Pane.allCases { setFilter(self[pane].filter, of: pane) }
    }
}
