import ChanceryModel
import TerminalUI

/// Runs the browser's state machine against a store: each action's reads run at once and are answered,
/// so after `send` returns the state holds everything the screen needs.
public struct BrowserSession {
    /// The browser's state.
    public private(set) var state: BrowserState
    /// What the browser last put on the clipboard, as a terminal would have received it.
    public private(set) var clipboard: String?
    private let queries: any EntityQueries
    private let keeper: any WorkingSetKeeper
    private let editor: (@Sendable (String) -> Result<String, ReadFailure>)?

    /// A browser of `width` × `height` over `queries`, its marks and notes kept by `keeper` (by default in memory,
    /// starting empty), with `bindings` and a first `notice` (see `BrowserState.init`), its first reads done.
    public init(width: Int, height: Int, queries: any EntityQueries, keeper: any WorkingSetKeeper = MemoryWorkingSetKeeper(),
                bindings: KeyMap = .standard, notice: String? = nil,
                editor: (@Sendable (String) -> Result<String, ReadFailure>)? = nil) {
        self.editor = editor
        state = BrowserState(width: width, height: height, bindings: bindings, notice: notice)
        self.queries = queries
        self.keeper = keeper
        send(.started)
    }

    /// Sends `action`, then runs every read it leads to until none is left.
    public mutating func send(_ action: Action) {
        run(state.send(action))
    }

    /// Runs `effects` and every read their answers lead to, until none is left. A read a later one of the same slot
    /// supersedes is not run: the state would ignore its answer.
    private mutating func run(_ pending: [Effect]) {
        var effects = pending
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            if let slot = effect.readSlot, effects.contains(where: { $0.readSlot == slot }) { continue }
            if case .copyToClipboard(let text) = effect { clipboard = text }
            if case .editInEditor(let record, let text) = effect {
                // No terminal to lend: the editor given, if any, stands in for the user's.
                let result = editor?(text) ?? .failure(ReadFailure(message: "No editor without a terminal: a writes the note in the line"))
                effects += state.send(.noteEdited(record, result))
            }
            if let answer = effect.perform(using: queries, keeper: keeper) { effects += state.send(answer) }
        }
    }

    /// Presses the keys of a key script in order (a resize step resizes), stopping once the user quits. While a line is
    /// typed, the reads of a keystroke that the next one supersedes (the next types or deletes a character) wait and
    /// are dropped for the newer, as the browser drops a read a key typed ahead interrupts: `/arbitration` reads the
    /// lists once, for the whole word, not once a letter. The last screen is the one typing key by key gives.
    public mutating func play(_ steps: [ScriptStep]) {
        var waiting: [Effect] = []
        for (index, step) in steps.enumerated() where !state.shouldQuit {
            switch step {
            case .key(let key): waiting += state.send(.keyPressed(key))
            case .resize(let width, let height): waiting += state.send(.resized(width: width, height: height))
            case .mouse(let event): waiting += state.send(.mouse(event))
            }
            if state.input != nil, index + 1 < steps.count, case .key(let next) = steps[index + 1], next.typesOrDeletes { continue }
            run(waiting)
            waiting = []
        }
        run(waiting)
    }
}

extension Key {
    /// True for a character typed or Backspace: keys that only change the text of a line.
    fileprivate var typesOrDeletes: Bool {
        switch self {
        case .character, .backspace: true
        default: false
        }
    }
}
