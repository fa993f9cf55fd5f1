import Foundation
import ICWSSimulator
import Testing

/// The `[y/N]` questions on a real terminal (tmux): what they show, what they skip, and Ctrl-C.
@Suite("dxtop questions on a terminal", .serialized)
struct CLITerminalQuestionTests {
    /// The `echo "status=$?"` after the command has printed (not the typed command line).
    static func exited(_ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.hasPrefix("status=") }
    }

    @Test("Ctrl-C at the question ends it at once on a new line (exit 130); what is typed next reaches the shell")
    func interruptedQuestion() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin", name: "keep me")
            let screen = try await DxtopBinary.offPool {
                let pane = try CLITerminalTests.atCancelQuestion(id, environment: sim.environment(), width: 160)
                // Typed with Ctrl-C in one write, before dxtop can see a signal: a question still
                // reading the terminal would take the line as its answer.
                try pane.press("C-c", "echo typed-after-$((6*7))", "Enter")
                return try pane.waitFor(text: "typed-after-42")
            }
            let lines = screen.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("dxtop: interrupted") }, "on a line of its own:\n\(screen)")
            #expect(screen.contains("status=130"), "\(screen)")
            #expect(await sim.simulator.jobStatus(id: id)?.state == .submitted)
        }
    }

    @Test("Ctrl-Z at the question suspends dxtop; after fg the question is asked again and Enter means No")
    func suspendedQuestion() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin", name: "keep me")
            let screen = try await DxtopBinary.offPool {
                let pane = try CLITerminalTests.atCancelQuestion(id, environment: sim.environment(), width: 160)
                try pane.press("C-z")
                try pane.waitFor(text: "Stopped")
                try pane.run("fg")
                try pane.waitFor("the question again") { $0.components(separatedBy: "[y/N]").count == 3 }
                try pane.press("Enter")
                return try pane.waitFor(text: "not canceled")
            }
            #expect(await sim.simulator.jobStatus(id: id)?.state == .submitted)
        }
    }

    @Test("cancel of a job that has already ended: no question, it says so, exit 1")
    func endedJobNotAsked() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin", name: "done already")
            await sim.driveToEnd(jobId: id)
            let screen = try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 160, height: 40, environment: sim.environment())
                try pane.run("\(DxtopBinary.url.path) jobs cancel \(String(id.prefix(8))); echo \"status=$?\"")
                return try pane.waitFor("the exit status", Self.exited)
            }
            #expect(!screen.contains("[y/N]"), "\(screen)")
            #expect(screen.contains("has already ended"), "\(screen)")
            #expect(screen.contains("status=1"), "\(screen)")
        }
    }

    @Test("submit FILE on a terminal shows the summary with the server and asks; Enter means No")
    func submitFileAsks() async throws {
        try await SimulatorFixture.with { sim in
            let file = try TemporaryFile(contents: """
                {"name": "from a file", "tables": {"tableList": [{"name": "UserWorkgroups", "column": [{"name": "UserId"}]}]}}
                """)
            let before = await sim.simulator.allJobStatuses().count
            let screen = try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 160, height: 40, environment: sim.environment())
                try pane.run("\(DxtopBinary.url.path) jobs submit \(file.path); echo \"status=$?\"")
                let question = try pane.waitFor(text: "[y/N]")
                try pane.press("Enter")
                try pane.waitFor("the exit status", Self.exited)
                return question
            }
            #expect(screen.contains("from a file") && screen.contains("UserWorkgroups"), "the summary:\n\(screen)")
            #expect(screen.contains(sim.url) && screen.contains("as admin"), "the server and user:\n\(screen)")
            #expect(await sim.simulator.allJobStatuses().count == before, "nothing submitted")
        }
    }
}
