import Foundation
import ChanceryTestSupport
import Testing

/// Runs the `chancery` binary built beside the test bundle.
enum Chancery {
    /// The built binary.
    static let binary: String = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // `swift test` runs …/debug/ChanceryPackageTests.xctest; the binary sits in …/debug.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("chancery").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return "chancery"
    }()

    /// A store file in a temporary directory, so tests never touch the user's cache.
    static let storePath = TestStore.temporaryStorePath(prefix: "chancery-e2e")

    /// The result of one run.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`, stdin from /dev/null, and waits for it.
    static func run(_ arguments: [String], executable: String = binary, environment: [String: String]? = nil) throws -> Output {
        try StartedProcess(arguments, executable: executable, environment: environment).wait()
    }
}

/// A process started without waiting for it, stdin from /dev/null, its output going to files. It uses posix_spawn
/// and waitpid rather than Foundation's Process, whose exit detection waits for descendants too, so a daemon left
/// behind (a tmux server) would hang it; output goes through files for the same reason.
struct StartedProcess {
    /// The process id.
    let pid: pid_t
    private let outPath: String
    private let errPath: String

    /// Starts `executable` (a path, or a name looked up in PATH) with `arguments`.
    init(_ arguments: [String], executable: String = Chancery.binary, environment: [String: String]? = nil) throws {
        let directory = FileManager.default.temporaryDirectory
        outPath = directory.appendingPathComponent("chancery-out-\(UUID().uuidString)").path
        errPath = directory.appendingPathComponent("chancery-err-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, variables)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        self.pid = pid
    }

    /// Waits for the process and returns what it wrote; the status is 128 + N for a death by signal N.
    func wait() -> Chancery.Output {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return finished(status)
    }

    /// What the process wrote if it has ended, without waiting; nil while it runs.
    func poll() -> Chancery.Output? {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid ? finished(status) : nil
    }

    private func finished(_ status: Int32) -> Chancery.Output {
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        return Chancery.Output(status: status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                               stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                               stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
