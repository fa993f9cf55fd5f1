import DashboardKit
import Foundation
import ICWSSimulator
import ICWSWire
import TestClock
import Testing

/// On a polling server (messaging v1) the feed backs off while idle; the operator's own cancel
/// must still show at once: the service tells the feed a change is expected, which polls now.
/// The connection's clock never moves here, so only that poll can bring the change.
@Suite("Pilot: our own change on a polling server")
struct OwnChangeFlowTests {
    @Test func ourCancelShowsWithoutWaitingForThePollingGap() async throws {
        try await withSimulator({ $0.profile = ServerProfile.named("messaging-v1")! }) { simulator in
            let mine = await simulator.addJob(sampleJob("own change"), submittedBy: "jdoe")
            let clock = ManualClock(start: Date())
            let pilot = try Pilot(options: DashboardOptions(server: "pilot", user: "admin"), ports: [simulator.port ?? 0],
                                  refreshInterval: .seconds(15), streamIdleTimeout: .seconds(3600), connectionClock: clock)
            try await pilot.start()
            try await finally(await cancelMine(pilot, simulator, mine)) { await pilot.stop() }
        }
    }

    private func cancelMine(_ pilot: Pilot, _ simulator: ICWSSimulator, _ mine: String) async throws {
        try await pilot.waitFor("polling, the job listed") {
            $0.state.servers[0].connection == .connected && $0.state.selectedId?.id == mine
        }
        try await pilot.runUntilQuiet()
        try await pilot.press(.char("c"))
        try await pilot.press(.char("y"))
        try await pilot.waitFor("our cancel shown from a poll") {
            $0.state.jobs[JobKey(id: mine)]?.state == .canceled && $0.listRow(containing: "own change").contains("canceled")
        }
        #expect(await simulator.jobStatus(id: mine)?.state == .canceled)
    }
}
