import Foundation
import ICWSSimulator
import Testing

/// The questions dxtop asks on a real terminal (tmux): the password prompt without echo, and the
/// y/N confirmation of `jobs cancel`. Terminal work runs off the cooperative pool (`offPool`).
@Suite("dxtop on a terminal", .serialized)
struct CLITerminalTests {
    @Test("the password prompt does not echo, and the command runs with the typed password")
    func passwordPrompt() async throws {
        try await SimulatorFixture.with { sim in
            let password = sim.user("admin").password
            let env = ["ICWS_SERVER": sim.url, "ICWS_USER": "admin"]
            let screen = try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 120, height: 40, environment: env)
                try pane.run("\(DxtopBinary.url.path) jobs list --count 2; echo \"exit=$?\"")
                try pane.waitFor(text: "Password for admin")
                try pane.type(password)
                try pane.press("Enter")
                return try pane.waitFor(text: "exit=0")
            }
            #expect(!screen.contains(password))
            #expect(screen.contains("SUBMITTED BY"))
        }
    }

    @Test("--password-stdin on a terminal reads the password without echo, and restores echo")
    func passwordStdinWithoutEcho() async throws {
        try await SimulatorFixture.with { sim in
            let password = sim.user("admin").password
            let env = ["ICWS_SERVER": sim.url, "ICWS_USER": "admin"]
            // Run from a script: once "ready" shows, the interactive shell's line editor (which turns
            // echo off itself) is out of the way, so echo going off can only be dxtop's doing.
            let script = try Self.script(before: "echo ready", dxtop: "jobs list --count 2 --password-stdin")
            let screen = try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 120, height: 40, environment: env)
                try pane.run("bash --norc --noprofile \(script.path)")
                try pane.waitFor(text: "ready")
                try pane.waitForEcho(false)
                try pane.type(password)
                try pane.press("Enter")
                return try pane.waitFor(text: "tty-")
            }
            #expect(screen.contains("status=0"), "\(screen)")
            #expect(screen.contains("tty-echo") && !screen.contains("tty--echo"), "echo restored: \(screen)")
            #expect(!screen.contains(password))
            #expect(screen.contains("SUBMITTED BY"))
        }
    }

    @Test("Ctrl-C at the password prompt restores echo")
    func promptInterrupted() async throws {
        try await SimulatorFixture.with { sim in
            let env = ["ICWS_SERVER": sim.url, "ICWS_USER": "admin"]
            // A non-interactive shell that ignores SIGINT itself: unlike an interactive bash it does
            // not restore the terminal after a child dies of a signal, and it goes on to report the
            // exit status and the echo setting dxtop left behind.
            let script = try Self.script(before: "trap '' INT", dxtop: "jobs list")
            let screen = try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 120, height: 40, environment: env)
                try pane.run("bash --norc --noprofile \(script.path)")
                try pane.waitFor(text: "Password for admin")
                try pane.type("half-typed")
                try pane.press("C-c")
                try pane.waitFor(text: "status=130")
                return try pane.waitFor(text: "tty-")
            }
            #expect(screen.contains("tty-echo"))
            #expect(!screen.contains("tty--echo"))
            #expect(!screen.contains("half-typed"))
        }
    }

    @Test("cancel asks y/N on a terminal: Enter means No, y cancels")
    func cancelConfirmation() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin", name: "confirm me")
            let pane = try await DxtopBinary.offPool { try TmuxPane(width: 120, height: 40, environment: sim.environment()) }
            let question = try await DxtopBinary.offPool {
                try pane.run("\(DxtopBinary.url.path) jobs cancel \(id); echo \"first=$?\"")
                let screen = try pane.waitFor(text: "[y/N]")
                try pane.press("Enter")
                try pane.waitFor(text: "first=1")
                return screen
            }
            #expect(question.contains("confirm me"))
            #expect(await sim.simulator.jobStatus(id: id)?.state == .submitted)

            try await DxtopBinary.offPool {
                try pane.run("\(DxtopBinary.url.path) jobs cancel \(id); echo \"second=$?\"")
                try pane.waitFor("a second [y/N]") { $0.components(separatedBy: "[y/N]").count == 3 }
                try pane.type("y")
                try pane.press("Enter")
                try pane.waitFor(text: "second=0")
            }
            #expect(await sim.simulator.jobStatus(id: id)?.state == .canceled)
        }
    }

    @Test("Ctrl-C at the cancel question: logged out, nothing canceled, exit 130")
    func cancelQuestionInterrupted() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin", name: "keep me")
            let screen = try await DxtopBinary.offPool {
                let pane = try Self.atCancelQuestion(id, environment: sim.environment(), width: 120)
                try pane.press("C-c")
                return try pane.waitFor(text: "tty-")
            }
            #expect(screen.contains("dxtop: interrupted"), "\(screen)")
            #expect(screen.contains("status=130"), "\(screen)")
            #expect(screen.contains("tty-isig") && !screen.contains("tty--isig"), "the interrupt key works again: \(screen)")
            #expect(await sim.simulator.jobStatus(id: id)?.state == .submitted)
            #expect(await sim.simulator.endSessions() == 0, "dxtop logged out")
        }
    }

    /// A bash script: `before`, then `dxtop <arguments>`, then `status=N` and the echo and
    /// interrupt-key settings dxtop left behind (`tty-echo` or `tty--echo`, `tty-isig` or `tty--isig`).
    /// A pane running `script(before: "trap '' INT", dxtop: "jobs cancel ID")` up to its question
    /// (bash has the script open by then: its file may go).
    static func atCancelQuestion(_ id: String, environment: [String: String], width: Int) throws -> TmuxPane {
        let script = try script(before: "trap '' INT", dxtop: "jobs cancel \(id)")
        let pane = try TmuxPane(width: width, height: 40, environment: environment)
        try pane.run("bash --norc --noprofile \(script.path)")
        try pane.waitFor(text: "[y/N]")
        return pane
    }

    static func script(before: String, dxtop arguments: String) throws -> TemporaryFile {
        try TemporaryFile(contents: """
            \(before)
            \(DxtopBinary.url.path) \(arguments)
            echo "status=$?"
            stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo -e isig -e -isig | sed 's/^/tty-/'
            """, suffix: ".sh")
    }
}
