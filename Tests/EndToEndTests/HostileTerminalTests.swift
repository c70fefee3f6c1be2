import Foundation
import Testing

/// One tmux server on a private socket with one pane running a shell command, and the files the command
/// leaves behind: its exit status and `stty -a` as it was after the browser ended.
///
/// The tmux server, and so every process in the pane, starts with the signal mask it is given: by default none
/// blocked and every signal at its default action, as a login shell has it. (The test runner's threads block
/// nearly every signal, and a child inherits that; `blockedSignals` keeps it, to start the browser that way.)
private struct Pane {
    let socket = "chancery-hostile-\(UUID().uuidString.prefix(8))"
    let files = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-term-\(UUID().uuidString)")

    var exitFile: String { files.appendingPathComponent("exit").path }
    var sttyFile: String { files.appendingPathComponent("stty").path }
    var errorFile: String { files.appendingPathComponent("stderr").path }
    var outputFile: String { files.appendingPathComponent("stdout").path }

    /// Starts `command` (run by sh) in a `width`×`height` pane; afterwards the pane records the exit status
    /// and the terminal settings, then waits, so that the pane can be inspected.
    init(_ command: String, width: Int = 100, height: Int = 30, blockedSignals: Bool = false) throws {
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        // Written aside and moved into place, so that a file that exists is complete.
        let wrapped = "\(command); echo $? > '\(exitFile)'; stty -a > '\(sttyFile).new'; mv '\(sttyFile).new' '\(sttyFile)'; sleep 120"
        // bash, not sh: dash clears the signal mask it starts with, bash passes it on.
        try startServer(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "bash", "-c", wrapped],
                        blockedSignals: blockedSignals)
    }

    /// Starts an interactive bash (job control on, no rc files) in the pane.
    init(interactiveShellWidth width: Int, height: Int) throws {
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try startServer(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                         "env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"], blockedSignals: false)
    }

    /// Runs the tmux command that starts the server, with every signal unblocked and at its default action,
    /// or with all of them blocked.
    private func startServer(_ arguments: [String], blockedSignals: Bool) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        if blockedSignals { sigfillset(&mask) } else { sigemptyset(&mask) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environment)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw POSIXError(.ECHILD) }
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> Chancery.Output {
        try Chancery.run(["-L", socket] + arguments, executable: "tmux")
    }

    func close() {
        // The pane's processes may block SIGHUP (see `blockedSignals`), which is how kill-server ends them.
        if let pid = (try? value("#{pane_pid}")).flatMap({ pid_t($0) }), pid > 1 { kill(-pid, SIGKILL) }
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: files)
    }

    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : [])).stdout
    }

    func value(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "main", format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func keys(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Polls until `condition` holds, for up to `seconds`; returns whether it did.
    @discardableResult
    func wait(seconds: Double = 15, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    /// The command's exit status, once it has ended.
    func exitStatus(seconds: Double = 15) -> Int? {
        wait(seconds: seconds) { FileManager.default.fileExists(atPath: sttyFile) }
        return (try? String(contentsOfFile: exitFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func contents(of path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Checks the terminal is as a shell wants it: cooked, echoing, newline translation on,
    /// cursor visible, normal screen.
    func expectSane(_ settings: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let flags = Set(settings.split(whereSeparator: \.isWhitespace).map(String.init))
        for flag in ["icanon", "echo", "icrnl", "onlcr", "isig", "opost"] {
            #expect(flags.contains(flag) && !flags.contains("-" + flag), "\(context): stty shows \(flag) off:\n\(settings)",
                    sourceLocation: sourceLocation)
        }
        #expect(try value("#{alternate_on}") == "0", "\(context): left on the alternate screen", sourceLocation: sourceLocation)
        #expect(try value("#{cursor_flag}") == "1", "\(context): cursor left hidden", sourceLocation: sourceLocation)
    }

    /// Checks the terminal after the command ended: settings recorded by the pane, screen and cursor.
    func expectSaneAfterExit(_ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSane(contents(of: sttyFile), context, sourceLocation: sourceLocation)
    }
}

/// The browser over the bundled data, with the shared end-to-end store.
private let browser = "'\(Chancery.binary)' --store '\(Chancery.storePath)'"

/// Lines without trailing spaces, as `capture-pane` prints them.
private func lines(_ screen: String) -> [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var line = String(line)
        while line.last == " " { line.removeLast() }
        return line
    }
}

@Suite(.serialized) struct HostileTerminalTests {
    init() throws {
        // Build the shared store before any pane starts, so the browser opens at once.
        let built = try Chancery.run(["list", "sources", "--store", Chancery.storePath])
        try #require(built.status == 0, "\(built.stderr)")
    }

    @Test(arguments: [(1, 1), (20, 5), (80, 24), (300, 100)])
    func startsAtAnySizeAndQuitsCleanly(_ width: Int, _ height: Int) throws {
        let pane = try Pane(browser + " 2> /dev/null", width: width, height: height)
        defer { pane.close() }
        #expect(try pane.wait { try pane.value("#{alternate_on}") == "1" }, "the browser took the screen")
        if width > 1 {
            let expected = try Chancery.run(["snapshot", "--store", Chancery.storePath, "--size", "\(width)x\(height)"])
            let want = Array(lines(expected.stdout).dropLast())
            let shown = try pane.wait { Array(lines(try pane.capture()).prefix(want.count)) == want }
            #expect(shown, "at \(width)x\(height) the terminal shows what snapshot prints:\n\((try? pane.capture()) ?? "")")
        }
        try pane.keys("q")
        #expect(pane.exitStatus() == 0)
        try pane.expectSaneAfterExit("\(width)x\(height)")
    }

    @Test func aStormOfResizesLeavesAWorkingBrowser() throws {
        let pane = try Pane(browser + " 2> /dev/null", width: 100, height: 30)
        defer { pane.close() }
        #expect(try pane.wait { try pane.capture().contains("Timeline") })
        var generator = SystemRandomNumberGenerator()
        let started = Date()
        for _ in 0..<200 {
            let width = Int.random(in: 1...300, using: &generator), height = Int.random(in: 1...100, using: &generator)
            try pane.run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
        }
        let elapsed = Date().timeIntervalSince(started)
        try pane.run(["resize-window", "-t", "main", "-x", "100", "-y", "30"])
        try pane.keys("2")
        let expected = try Chancery.run(["snapshot", "--store", Chancery.storePath, "--size", "100x30", "--keys", "2"])
        let want = Array(lines(expected.stdout).dropLast())
        let settled = try pane.wait { Array(lines(try pane.capture()).prefix(want.count)) == want }
        #expect(settled, "after \(String(format: "%.1f", elapsed))s of resizes, the screen is whole again:\n\((try? pane.capture()) ?? "")")
        try pane.keys("q")
        #expect(pane.exitStatus() == 0)
        try pane.expectSaneAfterExit("after the resize storm")
    }

    /// Terminal types: a usable one works; one that cannot place the cursor, or none, is refused with a
    /// message naming it and what to use instead, and the terminal is left as it was.
    @Test(arguments: [
        ("TERM=vt100", nil),
        ("TERM=dumb", "the terminal type \"dumb\" is unknown or cannot position the cursor"),
        ("env -u TERM", "TERM is not set"),
        ("TERM=no-such-terminal", "\"no-such-terminal\" is unknown"),
        ("TERM=\"$(printf 'x\\033]0;pwned\\007')\"", "x␛]0;pwned␇"),
    ] as [(String, String?)])
    func terminalTypes(_ setting: String, _ refusal: String?) throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-term-\(UUID().uuidString).err").path
        let real = try Pane("\(setting) \(browser) 2> '\(errors)'", width: 100, height: 30)
        defer {
            real.close()
            try? FileManager.default.removeItem(atPath: errors)
        }
        if let refusal {
            #expect(real.exitStatus() == 1)
            let message = real.contents(of: errors)
            #expect(message.contains(refusal) && message.contains("chancery snapshot"), "\(message)")
            #expect(!message.contains("\u{1B}"), "the message cannot retitle the window")
        } else {
            #expect(try real.wait { try real.capture().contains("Timeline") }, "\(setting): the browser works")
            try real.keys("q")
            #expect(real.exitStatus() == 0)
        }
        #expect(try real.value("#{pane_title}") != "pwned")
        try real.expectSaneAfterExit(setting)
    }

    @Test func noColorDrawsWithoutColours() throws {
        func sgr(_ environment: String) throws -> Set<String> {
            let pane = try Pane("\(environment) \(browser)", width: 100, height: 30)
            defer { pane.close() }
            #expect(try pane.wait { try pane.capture().contains("Timeline") })
            Thread.sleep(forTimeInterval: 0.3)
            let screen = try pane.capture(escapes: true)
            try pane.keys("q")
            #expect(pane.exitStatus() == 0)
            try pane.expectSaneAfterExit(environment)
            // Every SGR parameter used on the screen.
            var parameters: Set<String> = []
            for piece in screen.components(separatedBy: "\u{1B}[").dropFirst() {
                guard let end = piece.firstIndex(of: "m") else { continue }
                parameters.formUnion(piece[..<end].split(separator: ";").map(String.init))
            }
            return parameters
        }
        // `swift test` itself sets NO_COLOR, and the panes inherit it.
        let coloured = try sgr("env -u NO_COLOR TERM=xterm-256color")
        let plain = try sgr("env NO_COLOR=1 TERM=xterm-256color")
        // SGR colour parameters: 30–37 and 40–47 (and 38/48 for extended colours), 90–97 and 100–107 bright.
        let colours = { (parameters: Set<String>) in
            parameters.filter { Int($0).map { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) } ?? false }
        }
        #expect(!colours(coloured).isEmpty, "colours by default: \(coloured.sorted())")
        #expect(colours(plain).isEmpty, "NO_COLOR: \(plain.sorted())")
        #expect(plain.contains("7"), "the selection still shows, in reverse video")
    }

    @Test(arguments: ["> \"$F\"", "< /dev/null", "< /dev/null > \"$F\"", "| cat > \"$F\""])
    func standardInputOrOutputNotATerminalIsRefused(_ redirection: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-redirected-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let pane = try Pane("F='\(output)'; touch \"$F\"; \(browser) 2> '\(output).err' \(redirection)", width: 100, height: 30)
        defer {
            pane.close()
            try? FileManager.default.removeItem(atPath: output + ".err")
        }
        let status = pane.exitStatus()
        // In a pipeline the shell reports cat's status; the message tells what happened either way.
        if !redirection.hasPrefix("|") { #expect(status == 1) }
        let message = pane.contents(of: output + ".err")
        #expect(message.contains("needs an interactive terminal") && message.contains("chancery snapshot"), "\(message)")
        #expect(pane.contents(of: output).isEmpty, "nothing, escape sequences least of all, is written to the file")
        try pane.expectSaneAfterExit(redirection)
    }

    /// An error thrown in the middle of the loop, once a frame is drawn (`CHANCERY_FAULT=frame`, a test-only
    /// trigger): the terminal is given back before the message is printed, and the exit status says it failed.
    @Test func aFaultInTheMiddleOfAFrameLeavesTheTerminalSane() throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-fault-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let pane = try Pane("CHANCERY_FAULT=frame \(browser) 2> '\(errors)'", width: 100, height: 30)
        defer { pane.close() }
        #expect(pane.exitStatus() == 1)
        #expect(pane.contents(of: errors).contains("injected fault (CHANCERY_FAULT=frame)"), "\(pane.contents(of: errors))")
        try pane.expectSaneAfterExit("after a fault mid-frame")
    }

    /// Started with every signal blocked (as from a thread that blocks them, which Swift's test runner's do):
    /// the browser unblocks the ones it needs, so it still follows a resize, and still quits on SIGTERM with
    /// the terminal restored.
    @Test func signalsBlockedByWhoeverStartedItAreUnblocked() throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-pid-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let pane = try Pane("bash -c 'echo $$ > \(pidFile); exec \(browser)'", width: 100, height: 30, blockedSignals: true)
        defer { pane.close() }
        #expect(try pane.wait { try pane.capture().contains("Timeline") })
        try pane.run(["resize-window", "-t", "main", "-x", "80", "-y", "24"])
        let expected = try Chancery.run(["snapshot", "--store", Chancery.storePath, "--size", "80x24"])
        let want = Array(lines(expected.stdout).dropLast())
        #expect(try pane.wait { Array(lines(try pane.capture()).prefix(want.count)) == want },
                "the browser followed the resize:\n\((try? pane.capture()) ?? "")")
        let pid = pane.contents(of: pidFile).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try Chancery.run(["-TERM", pid], executable: "kill")
        #expect(pane.exitStatus() == 143)
        try pane.expectSaneAfterExit("after SIGTERM")
    }

    /// Typed or pasted, scalars that join the Character before them (an NFD accent, a flag, a skin tone, a ZWJ
    /// family) arrive one by one; editing after them used to trap (exit 132) and leave the alternate screen on.
    @Test func pastedGraphemeClustersCanBeEditedInThePrompts() throws {
        let pane = try Pane(browser + " 2> /dev/null", width: 100, height: 30)
        defer { pane.close() }
        #expect(try pane.wait { try pane.capture().contains("Timeline") })
        for prompt in ["/", "d"] {
            try pane.keys(prompt)
            try pane.keys("-l", "Cafe\u{301}")
            try pane.keys("x", "BSpace", "C-u")
            try pane.keys("-l", "🇦🇿👍🏽👨\u{200D}👩\u{200D}👧")
            try pane.keys("BSpace", "Left", "a", "End", "BSpace")
            try pane.keys("-l", "e\u{301}")
            #expect(try pane.wait { try pane.capture().contains("aé") }, "\(prompt): \((try? pane.capture()) ?? "")")
            try pane.keys("Escape")
            Thread.sleep(forTimeInterval: 0.1)
            try pane.keys("Escape")
        }
        try pane.keys("q")
        #expect(pane.exitStatus() == 0, "no trap: the browser quit on q")
        try pane.expectSaneAfterExit("after editing grapheme clusters")
    }

    /// Held down, a key the browser does not bind (F1, Insert) used to count as "no input", and after 1,000 of them the
    /// browser quit with status 0.
    @Test func aFloodOfUnboundKeysIsIgnored() throws {
        let pane = try Pane(browser + " 2> /dev/null", width: 100, height: 30)
        defer { pane.close() }
        #expect(try pane.wait { try pane.capture().contains("Timeline") })
        for _ in 0..<11 {
            try pane.run(["send-keys", "-t", "main"] + Array(repeating: "F1", count: 90) + ["F5", "F12", "IC", "F2", "F3", "F4", "F6", "F7", "F8", "F9"])
        }
        try pane.keys("2")
        #expect(try pane.wait { try pane.capture().contains("2 Organizations") && !pane.capture().contains("exit") },
                "still running after 1,100 unbound keys:\n\((try? pane.capture()) ?? "")")
        try pane.keys("q")
        #expect(pane.exitStatus() == 0)
    }

    /// A paste of 10,000 characters into the filter is cut at the input's limit, says so, and Esc still clears it.
    @Test func aLongPasteIntoTheFilterIsBoundedAndEscapeAnswers() throws {
        let pane = try Pane(browser + " 2> /dev/null", width: 100, height: 30)
        defer { pane.close() }
        #expect(try pane.wait { try pane.capture().contains("Timeline") })
        try pane.keys("/")
        try pane.keys("-l", String(repeating: "azerbaijan ", count: 910))
        #expect(try pane.wait { try pane.capture().contains("at most 256 characters") },
                "the line says where it stopped:\n\((try? pane.capture()) ?? "")")
        try pane.keys("Escape")
        #expect(try pane.wait { try !pane.capture().contains("/Timeline:") && pane.capture().contains("1 Timeline 142") },
                "Esc closed the line and cleared the filter:\n\((try? pane.capture()) ?? "")")
        try pane.keys("q")
        #expect(pane.exitStatus() == 0)
        try pane.expectSaneAfterExit("after a long paste")
    }

    @Test func suspendAndResumeRestoreAndRetakeTheTerminal() throws {
        let pane = try Pane(interactiveShellWidth: 100, height: 30)
        defer { pane.close() }
        #expect(try pane.wait { try pane.capture().contains("$") })
        try pane.keys("-l", browser)
        try pane.keys("Enter")
        #expect(try pane.wait { try pane.capture().contains("Timeline") })
        try pane.keys("j")

        try pane.keys("C-z")
        #expect(try pane.wait { try pane.capture().contains("Stopped") }, "the shell has the terminal back:\n\((try? pane.capture()) ?? "")")
        try pane.keys("-l", "stty -a > '\(pane.sttyFile).new'; mv '\(pane.sttyFile).new' '\(pane.sttyFile)'")
        try pane.keys("Enter")
        #expect(pane.wait { FileManager.default.fileExists(atPath: pane.sttyFile) })
        Thread.sleep(forTimeInterval: 0.3)
        try pane.expectSane(pane.contents(of: pane.sttyFile), "while suspended")

        try pane.keys("-l", "fg")
        try pane.keys("Enter")
        #expect(try pane.wait { try pane.value("#{alternate_on}") == "1" && pane.capture().contains("Timeline") },
                "the browser is back and redrawn:\n\((try? pane.capture()) ?? "")")
        #expect(try pane.value("#{cursor_flag}") == "0", "the cursor is hidden again")
        try pane.keys("q")
        #expect(try pane.wait { try pane.value("#{alternate_on}") == "0" })
        try FileManager.default.removeItem(atPath: pane.sttyFile)
        // `fg` reports the browser's exit status.
        try pane.keys("-l", "echo \"status=$?\"; stty -a > '\(pane.sttyFile).new'; mv '\(pane.sttyFile).new' '\(pane.sttyFile)'")
        try pane.keys("Enter")
        #expect(pane.wait { FileManager.default.fileExists(atPath: pane.sttyFile) })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try pane.capture().contains("status=0"))
        try pane.expectSane(pane.contents(of: pane.sttyFile), "after quitting")
    }
}
