import Foundation
import ICWSSimulator
import ICWSWire
import JobComposition
import Testing

/// The composer's whole flow in the built binary and a real terminal: Space, Tab and typed text
/// (a name, a start and end, sites) as a terminal sends them, the job reaching the simulator, the
/// list showing it.
extension DashboardTmuxTests {
    @Test func composeAndSubmitAJob() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "tmux existing job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.press("n")
                try pane.waitFor("the dataset picker") { $0.contains("1 Datasets") && $0.contains("InteractionWrapup") }
                try pane.type("/wrapup")
                try pane.press("Enter", "Space", "Tab", "a", "Space", "Down", "Space", "f")
                try pane.type("2026-11-30 08:00")
                try pane.press("Enter")
                try pane.type("2026-11-30 17:30")
                try pane.press("Enter", "s")
                try pane.type("2, 4")
                try pane.press("Enter", "e")
                try pane.type("tmux composed")
                try pane.press("Enter")
                try pane.waitFor("the review") {
                    $0.contains("table InteractionWrapup: InteractionIDKey, SiteID") && $0.contains("Name: tmux composed")
                        && $0.contains("Window: 2026-11-30 08:00:00 to 2026-11-30 17:30:00 (end exclusive, 9h30m)") && $0.contains("Sites: 2, 4")
                }
                try pane.press("y")
                try pane.waitFor("the new job listed and the composer closed") {
                    $0.contains("tmux composed") && !$0.contains("1 Datasets") && $0.contains("submitted.")
                }
            }
            let sent = await sim.simulator.allJobStatuses().first { $0.name == "tmux composed" }
            let sentId = try #require(sent?.id)
            let config = try #require(await sim.simulator.jobConfig(id: sentId))
            #expect(config.tableConfigs.first?.column.map(\.name) == ["InteractionIDKey", "SiteID"])
            #expect(TimeWindow(of: config)?.length == 9.5 * 3600)
            #expect(config.siteIds == ["2", "4"])
            try await DxtopBinary.offPool { try pane.press("q"); try pane.waitFor(text: "EXIT=0") }
        }
    }
}
