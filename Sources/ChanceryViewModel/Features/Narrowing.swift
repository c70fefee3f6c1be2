import ChanceryModel

/// Whether Timeline and Visits are narrowed to one organization. It changes only by an explicit act (`n` on an
/// organization, `x`, Esc, back), never by moving through a pane.
public enum Narrowing: Hashable, Sendable {
    /// Timeline and Visits list everything their own filters let through.
    case off
    /// Timeline and Visits list only what links to this organization and, unless told not to, to its sub-bodies.
    case pinned(EntitySummary, includingSubBodies: Bool = true)

    /// The organization pinned, if any.
    public var organization: EntitySummary? {
        if case .pinned(let organization, _) = self { return organization }
        return nil
    }

    /// Whether links to the pinned organization's sub-bodies count too.
    public var includesSubBodies: Bool {
        if case .pinned(_, let including) = self { return including }
        return false
    }

    /// The panes it narrows.
    static let narrowedPanes: [Pane] = [.timeline, .visits]

    /// `filter` with the narrowing's link condition in place of the one it had; links chosen in the facet view (never
    /// to organizations, which narrow instead) stay.
    func applied(to filter: EntityFilter) -> EntityFilter {
        var filter = filter
        filter.linkedTo = (organization.map { [$0.id] } ?? []) + filter.linkedTo.filter { EntityKind(id: $0) != .organization }
        filter.includesSubBodies = includesSubBodies
        return filter
    }
}
