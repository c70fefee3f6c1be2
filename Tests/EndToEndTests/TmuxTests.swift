import Foundation
import TerminalUI
import Testing

/// A tmux server of its own, so tests never touch the user's sessions.
private struct Tmux {
    let socket = "chancery-test-\(UUID().uuidString.prefix(8))"

    @discardableResult
    func run(_ arguments: [String]) throws -> Chancery.Output {
        try Chancery.run(["-u", "-L", socket] + arguments, executable: "tmux")
    }

    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", "main"]).stdout
    }

    func value(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "main", format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane until `condition` holds for its text, for up to `seconds`.
    func waitFor(seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = try capture()
        while !condition(text) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            text = try capture()
        }
        return text
    }

    /// Sends one scripted key the way a person types it.
    func send(_ key: Key) throws {
        switch key {
        case .character(let character): try run(["send-keys", "-t", "main", "-l", String(character)])
        default: try run(["send-keys", "-t", "main", KeyNotation.tmuxName(of: key)])
        }
        Thread.sleep(forTimeInterval: 0.05)
    }
}

/// Lines without trailing spaces, as `capture-pane` prints them.
private func trimmed(_ screen: String) -> [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var line = String(line)
        while line.last == " " { line.removeLast() }
        return line
    }
}

@Suite(.serialized) struct TmuxTests {
    @Test(arguments: ["2/csw<Enter>j<Tab><Enter>", "3jj<Enter>jjjjjjjj<Enter>", "/tajik<Enter>d2024<Enter>"])
    func realTerminalShowsWhatSnapshotPrintsAndQuitsCleanly(_ keys: String) throws {
        let expected = try Chancery.run(["snapshot", "--store", Chancery.storePath, "--size", "100x30", "--keys", keys])
        try #require(expected.status == 0, "\(expected.stderr)")
        let tmux = Tmux()
        let stty = FileManager.default.temporaryDirectory.appendingPathComponent("stty-\(UUID().uuidString)").path
        let command = "'\(Chancery.binary)' --store '\(Chancery.storePath)'; echo \"exit=$?\"; stty -a > '\(stty)'; sleep 60"
        try tmux.run(["new-session", "-d", "-s", "main", "-x", "100", "-y", "30", "sh", "-c", command])
        defer { _ = try? tmux.run(["kill-server"]) }
        _ = try tmux.waitFor { $0.contains("Timeline") }
        for step in try KeyScript.parse(keys) {
            if case .key(let key) = step { try tmux.send(key) }
        }
        let want = trimmed(expected.stdout).dropLast()
        let screen = try tmux.waitFor { trimmed($0).prefix(want.count) == want }
        #expect(Array(trimmed(screen).prefix(want.count)) == Array(want))
        #expect(try tmux.value("#{alternate_on}") == "1")

        try tmux.send(.character("q"))
        let after = try tmux.waitFor { $0.contains("exit=") }
        #expect(after.contains("exit=0"))
        #expect(!after.contains("Timeline"), "the browser's screen is gone")
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.value("#{cursor_flag}") == "1")
        Thread.sleep(forTimeInterval: 0.3)
        let settings = try String(contentsOfFile: stty, encoding: .utf8)
        #expect(settings.contains(" icanon") && settings.contains(" echo ") && !settings.contains("-icanon"))
    }

    @Test(arguments: [("C-c", "exit=130"), ("TERM", "exit=143"), ("HUP", "exit=129"), ("C-\\", "exit=131")])
    func signalsRestoreTheTerminal(_ signal: String, _ expectedExit: String) throws {
        let tmux = Tmux()
        let stty = FileManager.default.temporaryDirectory.appendingPathComponent("stty-\(UUID().uuidString)").path
        // The inner shell writes its pid, then becomes chancery in the foreground of the pane's terminal;
        // the outer one survives the signal (its trap resets to the default in children) to report.
        let command = "trap 'true' INT TERM HUP QUIT; sh -c 'echo $$ > \(stty).pid; exec \(Chancery.binary) --store \(Chancery.storePath)'; "
            + "echo \"exit=$?\"; stty -a > '\(stty)'; sleep 60"
        try tmux.run(["new-session", "-d", "-s", "main", "-x", "100", "-y", "30", "sh", "-c", command])
        defer { _ = try? tmux.run(["kill-server"]) }
        _ = try tmux.waitFor { $0.contains("Timeline") }
        if signal.hasPrefix("C-") {
            // Ctrl-C and Ctrl-\ as typed: the terminal turns them into SIGINT and SIGQUIT.
            try tmux.run(["send-keys", "-t", "main", signal])
        } else {
            let pid = try String(contentsOfFile: stty + ".pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try Chancery.run(["-\(signal)", pid], executable: "kill")
        }
        let after = try tmux.waitFor { $0.contains("exit=") }
        #expect(after.contains(expectedExit))
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.value("#{cursor_flag}") == "1")
        Thread.sleep(forTimeInterval: 0.3)
        let settings = try String(contentsOfFile: stty, encoding: .utf8)
        #expect(settings.contains(" icanon") && !settings.contains("-echo "))
    }
}
