import ChanceryModel

/// A view as the working set keeps it: the focused pane, the narrowing, and each pane's filters, sort, marks-only
/// and chosen links where they differ from the pane's default, as flat string fields (`timeline.text`, …).
enum SavedViewFields {
    /// The fields of the browser's current view.
    static func fields(of state: BrowserState) -> [String: String] {
        var fields = ["focus": key(of: state.paneFocus)]
        if case .pinned(let organization, let includingSubBodies) = state.narrowing {
            fields["narrowing"] = organization.id
            fields["narrowing.name"] = organization.name
            fields["narrowing.subBodies"] = includingSubBodies ? "yes" : "no"
        }
        for pane in Pane.allCases {
            let prefix = key(of: pane) + "."
            let paneState = state[pane], filter = paneState.filter
            if !filter.text.isEmpty { fields[prefix + "text"] = filter.text }
            if let since = filter.since { fields[prefix + "since"] = since.edtf }
            if let until = filter.until { fields[prefix + "until"] = until.edtf }
            if filter.dateMatch != .within { fields[prefix + "match"] = filter.dateMatch.rawValue }
            if !filter.categories.isEmpty { fields[prefix + "kinds"] = filter.categories.joined(separator: ",") }
            if !filter.cameoRoots.isEmpty { fields[prefix + "cameo"] = filter.cameoRoots.joined(separator: ",") }
            if !filter.quadClasses.isEmpty { fields[prefix + "quad"] = filter.quadClasses.map { String($0.rawValue) }.joined(separator: ",") }
            if filter.order != .standard(for: pane.kind) { fields[prefix + "order"] = filter.order.rawValue }
            if paneState.marksOnly { fields[prefix + "marksOnly"] = "yes" }
            for (index, link) in paneState.chosenLinks.enumerated() {
                fields[prefix + "link.\(index + 1)"] = "\(link.facet.rawValue) \(link.id) \(link.name)"
            }
        }
        return fields
    }

    /// What the fields say, or why they cannot be read (a hand-edited file): the focus, the narrowing and each pane's
    /// filter (narrowed as the view is), marks-only and chosen links.
    static func read(_ fields: [String: String], name: String) throws(SavedViewError) -> (focus: Pane, narrowing: Narrowing, panes: [PaneSettings]) {
        func fail(_ field: String) -> SavedViewError {
            SavedViewError(message: "the view “\(name)” has a bad “\(field)”: \(fields[field] ?? "")")
        }
        guard let focus = Pane.allCases.first(where: { key(of: $0) == fields["focus"] ?? "timeline" }) else { throw fail("focus") }
        var narrowing = Narrowing.off
        if let id = fields["narrowing"] {
            guard EntityKind(id: id) == .organization else { throw fail("narrowing") }
            let organization = EntitySummary(id: id, kind: .organization, category: "", name: fields["narrowing.name"] ?? id)
            narrowing = .pinned(organization, includingSubBodies: fields["narrowing.subBodies"] != "no")
        }
        var panes: [PaneSettings] = []
        for pane in Pane.allCases {
            let prefix = key(of: pane) + "."
            var settings = PaneSettings(filter: EntityFilter(kind: pane.kind), marksOnly: fields[prefix + "marksOnly"] == "yes", links: [])
            settings.filter.text = fields[prefix + "text"] ?? ""
            for (field, bound) in [("since", \EntityFilter.since), ("until", \EntityFilter.until)] {
                guard let text = fields[prefix + field] else { continue }
                guard let date = EDTFDate(text) else { throw fail(prefix + field) }
                settings.filter[keyPath: bound] = date
            }
            if let match = fields[prefix + "match"] {
                guard let dateMatch = DateMatch(rawValue: match) else { throw fail(prefix + "match") }
                settings.filter.dateMatch = dateMatch
            }
            settings.filter.categories = fields[prefix + "kinds"].map { $0.split(separator: ",").map(String.init) } ?? []
            settings.filter.cameoRoots = fields[prefix + "cameo"].map { $0.split(separator: ",").map(String.init) } ?? []
            if let quad = fields[prefix + "quad"] {
                let classes = quad.split(separator: ",").compactMap { Int($0).flatMap(QuadClass.init) }
                guard classes.count == quad.split(separator: ",").count else { throw fail(prefix + "quad") }
                settings.filter.quadClasses = classes
            }
            if let order = fields[prefix + "order"] {
                guard let listOrder = ListOrder(rawValue: order), pane.orders(coded: true).contains(listOrder) else { throw fail(prefix + "order") }
                settings.filter.order = listOrder
            }
            var index = 1
            while let text = fields[prefix + "link.\(index)"] {
                let parts = text.split(separator: " ", maxSplits: 2).map(String.init)
                guard parts.count == 3, let facet = Facet(rawValue: parts[0]), EntityKind(id: parts[1]) != nil else {
                    throw fail(prefix + "link.\(index)")
                }
                let link = ChosenLink(facet: facet, id: parts[1], name: parts[2])
                settings.filter = link.added(to: settings.filter)
                settings.links.append(link)
                index += 1
            }
            if Narrowing.narrowedPanes.contains(pane) { settings.filter = narrowing.applied(to: settings.filter) }
            panes.append(settings)
        }
        return (focus, narrowing, panes)
    }

    /// A pane's name in the fields.
    private static func key(of pane: Pane) -> String {
        pane.title.lowercased()
    }
}

/// One pane's part of a saved view.
struct PaneSettings {
    var filter: EntityFilter
    var marksOnly: Bool
    var links: [ChosenLink]
}

/// Why a saved view cannot be opened: a field a hand edit left unreadable.
public struct SavedViewError: Error, CustomStringConvertible {
    /// The message, naming the view and the field.
    public var message: String
    /// The message, as the command line prints it.
    public var description: String { message }
}

extension WorkingSet {
    /// The list the saved view `name` shows in its focused pane: that pane's filter, narrowed as the view is, and
    /// marks only as marked now; nil when there is no such view. Throws when a field cannot be read.
    public func listFilter(ofView name: String) throws(SavedViewError) -> EntityFilter? {
        guard let view = views[name] else { return nil }
        let settings = try SavedViewFields.read(view.fields, name: name)
        let focused = settings.panes[settings.focus.rawValue]
        return conditions(on: focused.filter, marksOnly: focused.marksOnly)
    }
}

extension BrowserState {
    /// `:save NAME`: the current view is kept under `name` in the working set (replacing one of that name).
    mutating func saveView(named name: String) {
        change(.saveView(name: name, fields: SavedViewFields.fields(of: self)))
        report(StatusMessage(text: "Saved the view “\(name)” (:view \(name) opens it)", isError: false))
    }

    /// `:view NAME` (or `chancery --view NAME`): the saved view replaces the current one, as a step back undoes.
    mutating func openView(named name: String) {
        guard let view = workingSet.views[name] else {
            let names = workingSet.views.keys.sorted()
            return report(StatusMessage(text: "No view named “\(name)”" + (names.isEmpty ? "; :save NAME saves one" : "; saved: " + names.joined(separator: ", ")),
                                        isError: true))
        }
        let settings: (focus: Pane, narrowing: Narrowing, panes: [PaneSettings])
        do {
            settings = try SavedViewFields.read(view.fields, name: name)
        } catch {
            return report(StatusMessage(text: error.message, isError: true))
        }
        navigate { state in
            state.narrowing = settings.narrowing
            for (pane, paneSettings) in zip(Pane.allCases, settings.panes) {
                state[pane].marksOnly = paneSettings.marksOnly
                state[pane].chosenLinks = paneSettings.links
                state.setFilter(paneSettings.filter, of: pane)
            }
            state.detail = nil
            state.focus(settings.focus)
        }
        report(StatusMessage(text: "Opened the view “\(name)”", isError: false))
    }

    /// `:delete NAME`: the saved view is deleted from the working set.
    mutating func deleteView(named name: String) {
        guard workingSet.views[name] != nil else {
            return report(StatusMessage(text: "No view named “\(name)”", isError: true))
        }
        change(.deleteView(name: name))
        report(StatusMessage(text: "Deleted the view “\(name)”", isError: false))
    }
}
