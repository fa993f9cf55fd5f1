import Foundation
import ICWSSimulator
import Testing

/// A bulk cancel on a real terminal (tmux): one question for every job, No by default.
@Suite("dxtop bulk cancel on a terminal", .serialized)
struct CLIBulkQuestionTests {
    @Test("the question lists the jobs and counts the ended one; Enter is No (nothing sent, exit 1); y sends each")
    func asksOnce() async throws {
        try await SimulatorFixture.with { sim in
            let first = await sim.addJob(submittedBy: "admin", name: "first of two")
            let second = await sim.addJob(submittedBy: "admin", name: "second of two")
            let ended = await sim.addJob(submittedBy: "admin", name: "over already")
            await sim.driveToEnd(jobId: ended)
            let command = "\(DxtopBinary.url.path) jobs cancel \(first) \(second) \(ended)"
            let (declined, accepted) = try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 200, height: 40, environment: sim.environment())
                try pane.run("\(command); echo \"status=$?\"")
                _ = try pane.waitFor(text: "[y/N]")
                try pane.press("Enter")
                let declined = try pane.waitFor("the exit status") { $0.split(separator: "\n").contains { $0.hasPrefix("status=") } }
                try pane.run("clear; \(command); echo \"again=$?\"")
                // The second question: the first run's screen (its status line with it) cleared away.
                _ = try pane.waitFor("the second question") { $0.contains("[y/N]") && !$0.contains("status=") }
                try pane.type("y")
                try pane.press("Enter")
                let accepted = try pane.waitFor("the second exit status") { $0.split(separator: "\n").contains { $0.hasPrefix("again=") } }
                return (declined, accepted)
            }
            #expect(declined.contains("Cancel 2 jobs on 1 server? 1 already ended and will be skipped [y/N]"), "\(declined)")
            #expect(declined.contains("  job \(first) \"first of two\" (submitted)"), "\(declined)")
            #expect(declined.contains("status=1"), "\(declined)")
            #expect(accepted.contains("sent: cancel of job \(second)") && accepted.contains("again=0"), "\(accepted)")
            #expect(await sim.simulator.jobStatus(id: first)?.state == .canceled)
            #expect(await sim.simulator.jobStatus(id: second)?.state == .canceled)
        }
    }
}
