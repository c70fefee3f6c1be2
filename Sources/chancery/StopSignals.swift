import ArgumentParser
import Foundation
import Synchronization

/// SIGINT, SIGTERM and SIGHUP turned into a flag for long writes (import, generate), so that they stop at a
/// point where their temporary files are removed and their transaction rolled back, instead of dying mid-write.
enum StopSignals {
    /// The signal that asked the work under way to stop, or 0.
    private static let received = Atomic<Int32>(0)
    private static let numbers = [SIGINT, SIGTERM, SIGHUP]

    /// Runs `work` with the signals caught (and unblocked, for a parent may start chancery with them blocked),
    /// then restores their previous handlers and the signal mask.
    static func whileRunning<T>(_ work: () throws -> T) rethrows -> T {
        received.store(0, ordering: .relaxed)
        let previous = numbers.map { signal($0) { number in StopSignals.received.store(number, ordering: .relaxed) } }
        var caught = sigset_t(), previousMask = sigset_t()
        sigemptyset(&caught)
        for number in numbers { sigaddset(&caught, number) }
        pthread_sigmask(SIG_UNBLOCK, &caught, &previousMask)
        defer {
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            for (number, handler) in zip(numbers, previous) { signal(number, handler) }
        }
        return try work()
    }

    /// Throws `ExitCode(128 + N)` once signal N has arrived.
    static func check() throws {
        let number = received.load(ordering: .relaxed)
        if number != 0 { throw ExitCode(128 + number) }
    }
}
