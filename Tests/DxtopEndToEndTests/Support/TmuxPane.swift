import ChildProcess
import Foundation

/// A real terminal for end-to-end tests: a tmux server of its own (private socket), one window of a
/// fixed size running an interactive shell, driven with `send-keys` and read with `capture-pane`.
final class TmuxPane: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let socket: String
    private let environment: [String: String]

    /// Starts `bash` (no rc files, prompt `$ `) in a `width`×`height` window. `environment` reaches the
    /// shell through the tmux server's own environment, so secrets never appear in an argv.
    init(width: Int, height: Int, environment: [String: String]) throws {
        socket = FileManager.default.temporaryDirectory
            .appendingPathComponent("dxtop-tmux-\(UUID().uuidString.prefix(8))").path
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        env["PS1"] = "$ "
        env["TERM"] = "xterm-256color"
        env.removeValue(forKey: "TMUX")
        // The test runner may export NO_COLOR; each test says itself whether it wants colour.
        if environment["NO_COLOR"] == nil { env.removeValue(forKey: "NO_COLOR") }
        // The dashboard's history cache goes to a folder of the test's own, never the runner's home.
        if environment["XDG_CACHE_HOME"] == nil {
            env["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-tmux-cache-\(UUID().uuidString)").path
        }
        self.environment = env
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "dxtop", "-x", "\(width)", "-y", "\(height)",
                  "bash --norc --noprofile"])
        try tmux(["set-option", "-g", "status", "off"])
        try tmux(["set-option", "-g", "default-terminal", env["TERM"]!])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "dxtop", "-l", text])
    }

    /// Sends tmux key names: "Enter", "Escape", "Down", "C-c", "Tab", …
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "dxtop"] + keys)
    }

    /// Sends many tmux key names in one `send-keys`.
    func press(contentsOf keys: [String]) throws {
        try tmux(["send-keys", "-t", "dxtop"] + keys)
    }

    /// Types a command line and presses Enter.
    func run(_ commandLine: String) throws {
        try type(commandLine)
        try press("Enter")
    }

    /// Sets a global option of this tmux server (`set-option -g NAME VALUE`).
    func setGlobalOption(_ name: String, _ value: String) throws {
        try tmux(["set-option", "-g", name, value])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "dxtop", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Ends the tmux server, as an SSH drop would: the pane's terminal goes away.
    func killServer() throws {
        try tmux(["kill-server"])
    }

    /// The pane's title, which an OSC 0/2 escape sequence written to the terminal would change.
    func title() throws -> String {
        try tmux(["display-message", "-p", "-t", "dxtop", "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the pane shows the alternate screen (a full-screen program left it on if so).
    func alternateScreenOn() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "dxtop", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// A tmux format of the pane, e.g. `#{mouse_sgr_flag}` (what the program asked the terminal for).
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "dxtop", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process id of the pane's shell.
    func shellPID() throws -> Int32 {
        let text = try tmux(["display-message", "-p", "-t", "dxtop", "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "no pane pid in '\(text)'")
        }
        return pid
    }

    /// Whether the pane's terminal echoes typed input right now (`stty -a -F` on the pane's tty).
    func echoes() throws -> Bool {
        let tty = try tmux(["display-message", "-p", "-t", "dxtop", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, text) = try Self.run(["stty", "-a", "-F", tty], environment: nil)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        guard status == 0, words.contains("echo") || words.contains("-echo") else {
            throw Failure(description: "stty -a -F \(tty) failed: \(text)")
        }
        return words.contains("echo")
    }

    /// The size the pane's terminal has in the kernel (`stty size -F` on the pane's tty): what the
    /// program in it and the shell after it see. tmux sets it a moment after `resize` (it batches
    /// resizes), and only then sends SIGWINCH.
    func terminalSize() throws -> (width: Int, height: Int) {
        let tty = try tmux(["display-message", "-p", "-t", "dxtop", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, text) = try Self.run(["stty", "size", "-F", tty], environment: nil)
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard status == 0, numbers.count == 2 else { throw Failure(description: "stty size -F \(tty) failed: \(text)") }
        return (numbers[1], numbers[0])
    }

    /// Waits until the pane's terminal has the size `resize` asked for; fails after `timeout`.
    func waitForTerminalSize(width: Int, height: Int, timeout: Duration = .seconds(30)) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if try terminalSize() == (width, height) { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Failure(description: "timed out after \(timeout) waiting for the terminal to be \(width)x\(height)")
    }

    /// Re-reads the echo setting until it is `on`; fails after `timeout`.
    func waitForEcho(_ on: Bool, timeout: Duration = .seconds(30)) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if try echoes() == on { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Failure(description: "timed out after \(timeout) waiting for echo \(on ? "on" : "off")")
    }

    /// The visible screen as text, one line per row.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "dxtop"])
    }

    /// The visible screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func screenWithAttributes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "dxtop"])
    }

    /// Re-reads the screen until `condition` holds; fails after `timeout` with the last screen.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(30), _ condition: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while clock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "timed out after \(timeout) waiting for \(what); screen was:\n\(last)")
    }

    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(30)) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Runs `body` with no signal blocked on this thread. A child inherits the spawning thread's
    /// mask, and threads of the test runner block signals; a tmux server started from one would
    /// pass that mask on to the shell and to dxtop, and Ctrl-C would do nothing.
    /// Runs one tmux client command.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let (status, text) = try Self.run(["tmux", "-S", socket] + arguments, environment: environment)
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// Runs a command found on the PATH to its end: its exit status and what it wrote (standard
    /// output, then standard error). The tmux server a `new-session` forks inherits no descriptor
    /// of ours (the child's above 2 are closed), so the output ends when the client does.
    private static func run(_ command: [String], environment: [String: String]?) throws -> (Int32, String) {
        let process = try ChildProcess(executable: "/usr/bin/env", arguments: command, environment: environment,
                                       stdin: .null, stdout: .pipe, stderr: .pipe)
        let output = DescriptorReading.all(process.standardOutput!.fileDescriptor)
        let errors = DescriptorReading.all(process.standardError!.fileDescriptor)
        let status = process.wait()?.status ?? -1
        return (status, String(decoding: output + errors, as: UTF8.self))
    }
}
