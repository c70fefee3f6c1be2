import ChanceryModel
import ChanceryViewModel
import Dispatch
import Synchronization

/// Runs the browser's reads on a background queue, so typing never waits for the store.
/// Answers come back as actions for the input loop to send; a newer key interrupts the read under way and
/// cancels those still queued (their answers would be stale), and the state asks again for anything it still needs.
final class EffectRunner: Sendable {
    private let store: any EntityQueries
    private let keeper: any WorkingSetKeeper
    private let queue = DispatchQueue(label: "chancery.store")
    private let answers = Mutex<[Action]>([])
    private let inFlight = Atomic<Int>(0)
    /// Bumped by each interrupting run: reads queued under an older generation are answered as interrupted, unread.
    private let generation = Atomic<Int>(0)

    init(store: any EntityQueries, keeper: any WorkingSetKeeper) {
        self.store = store
        self.keeper = keeper
    }

    /// True while reads are queued or running.
    var isBusy: Bool { inFlight.load(ordering: .acquiring) > 0 }

    /// Queues `effects`; with `interruptingOthers`, the read under way is stopped and those queued are dropped first.
    func run(_ effects: [Effect], interruptingOthers: Bool) {
        if interruptingOthers && isBusy {
            generation.add(1, ordering: .relaxed)
            store.interrupt()
        }
        let queuedIn = generation.load(ordering: .relaxed)
        for effect in effects {
            inFlight.add(1, ordering: .relaxed)
            queue.async { [self] in
                let answer = generation.load(ordering: .relaxed) == queuedIn || effect.isRequestedOutput
                    ? effect.perform(using: store, keeper: keeper)
                    : effect.answer(with: ReadFailure(message: "superseded", wasInterrupted: true))
                if let answer { answers.withLock { $0.append(answer) } }
                inFlight.subtract(1, ordering: .releasing)
            }
        }
    }

    /// Stops the read under way, answers the reads queued unread, and returns once what the user asked for (a file, a
    /// save of marks and notes) is done.
    func finish() {
        generation.add(1, ordering: .relaxed)
        store.interrupt()
        queue.sync {}
    }

    /// True when answers are waiting to be taken.
    var hasAnswers: Bool { answers.withLock { !$0.isEmpty } }

    /// The answers that arrived since the last call, oldest first.
    func takeAnswers() -> [Action] {
        answers.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
