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
        self.environment = env
        try tmux(closingInheritedDescriptors: true, ["-f", "/dev/null", "new-session", "-d", "-s", "dxtop", "-x", "\(width)", "-y", "\(height)",
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["stty", "-a", "-F", tty]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: DescriptorReading.all(output.fileHandleForReading.fileDescriptor), as: UTF8.self)
        process.waitUntilExit()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        guard process.terminationStatus == 0, words.contains("echo") || words.contains("-echo") else {
            throw Failure(description: "stty -a -F \(tty) failed: \(text)")
        }
        return words.contains("echo")
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
    private static func withEmptySignalMask<T>(_ body: () throws -> T) rethrows -> T {
        var empty = sigset_t(), previous = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Runs one tmux client command.
    ///
    /// `closingInheritedDescriptors` is for the command that forks the tmux server: Foundation's
    /// `Process` notices a child's exit when a socket it hands the child is closed, and a server
    /// forked from that child would inherit the socket and keep it open, so `waitUntilExit` would
    /// never return. A bash wrapper closes every descriptor above 2 before starting tmux.
    @discardableResult
    private func tmux(closingInheritedDescriptors: Bool = false, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let command = ["tmux", "-S", socket] + arguments
        process.arguments = closingInheritedDescriptors
            ? ["bash", "-c", #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && exec {fd}>&-; done 2>/dev/null; exec "$@""#,
               "close-fds"] + command
            : command
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try Self.withEmptySignalMask { try process.run() }
        let data = DescriptorReading.all(output.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}
