import Foundation
import ICWSSimulator
import Testing

/// `dxtop --context A --context B` in a real terminal: one dashboard over two simulators from a
/// config file (passwords from each context's password-command, before curses starts).
@Suite("Dashboard over several contexts in tmux", .serialized)
struct DashboardContextsTmuxTests {
    @Test func twoContextsOpenOneDashboard() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0, seed: 9)) { west in
                let eastJob = await east.addJob(submittedBy: "jdoe", name: "east tmux job")
                let westJob = await west.addJob(submittedBy: "jdoe", name: "west tmux job")
                let config = try CLIContextsListTests.config([("east", east.url), ("west", west.url)])
                let environment = config.environment.merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { $1 }
                try await DxtopBinary.offPool {
                    let pane = try TmuxPane(width: 160, height: 45, environment: environment)
                    try pane.run("\(DxtopBinary.url.path) --context east --context west; echo EXIT=$?")
                    let screen = try pane.waitFor("both servers' jobs") {
                        $0.contains("east tmux job") && $0.contains("west tmux job") && $0.contains("2/2 connected")
                    }
                    #expect(screen.contains("CONTEXT"))
                    let rows = screen.split(separator: "\n").map(String.init)
                    #expect(rows.contains { $0.contains("east tmux job") && $0.contains("east ") && $0.contains(String(eastJob.prefix(8))) })
                    #expect(rows.contains { $0.contains("west tmux job") && $0.contains("west ") && $0.contains(String(westJob.prefix(8))) })
                    try pane.press("q")
                    try pane.waitFor(text: "EXIT=0")
                }
            }
        }
    }
}
