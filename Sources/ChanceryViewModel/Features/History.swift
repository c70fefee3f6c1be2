/// What back and forward restore: everything the user navigated, not the transient bits.
struct NavigationEntry: Hashable, Sendable {
    var panes: [PaneState]
    var focus: Focus
    var paneFocus: Pane
    var narrowing: Narrowing
    var detail: DetailState?
}

/// The views back and forward return to. Every change of view or of filters is a step: recorded here with the view
/// it left, and undone by back.
struct History: Hashable, Sendable {
    var back: [NavigationEntry] = []
    var forward: [NavigationEntry] = []

    /// Records the step from `before` to `after`, unless nothing changed; forward is forgotten.
    mutating func record(from before: NavigationEntry, to after: NavigationEntry) {
        guard before != after else { return }
        back.append(before)
        forward.removeAll()
    }

    /// The view before `current`, which becomes a step forward; nil at the start.
    mutating func goBack(from current: NavigationEntry) -> NavigationEntry? {
        guard let entry = back.popLast() else { return nil }
        forward.append(current)
        return entry
    }

    /// The view after `current`, which becomes a step back; nil at the end.
    mutating func goForward(from current: NavigationEntry) -> NavigationEntry? {
        guard let entry = forward.popLast() else { return nil }
        back.append(current)
        return entry
    }
}
