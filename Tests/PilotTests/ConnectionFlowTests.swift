import DashboardKit
import DashboardRuntime
import ICWSSimulator
import ICWSWire
import Testing

/// The one owner of the connection, seen from the dashboard: the server ending the session, and
/// the server restarting on the same port.
@Suite("Pilot: connection")
struct ConnectionFlowTests {
    @Test func sessionEndedByTheServerLogsInAgainAndKeepsUpdating() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(sampleJob("survives relogin"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                try await pilot.waitFor("connected") { $0.state.servers[0].connection == .connected }
                #expect(await simulator.loginCount() == 1)
                #expect(await simulator.endSessions() == 1)
                await simulator.advance(jobId: id)
                try await pilot.waitFor("the change on the new session") {
                    $0.listRow(containing: "survives relogin").contains("queued")
                }
                #expect(await simulator.loginCount() == 2, "one re-login")
                #expect(pilot.state.servers[0].connection == .connected)
                #expect(pilot.screen.contains("connected"))
            }
        }
    }

    @Test func expiredSessionIsLoggedInOnceMoreAndTheDashboardCarriesOn() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(sampleJob("outlives expiry"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                try await pilot.waitFor("connected and listed") {
                    $0.state.servers[0].connection == .connected && $0.screen.contains("outlives expiry")
                }
                #expect(await simulator.loginCount() == 1)
                #expect(await simulator.expireSessions() == 1)
                // A request of the expired session (the next job's configuration) and the feed's
                // ended stream both meet the 401; they share one re-login.
                try await pilot.press(.char("j"))
                let selected = try #require(pilot.state.selectedId)
                try await pilot.waitFor("the configuration on the new session") {
                    if case .loaded = $0.state.configs[selected] { true } else { false }
                }
                await simulator.advance(jobId: id)
                try await pilot.waitFor("changes on the new session") {
                    $0.listRow(containing: "outlives expiry").contains("queued")
                }
                #expect(await simulator.loginCount() == 2, "one re-login for the expired session")
                #expect(pilot.state.servers[0].connection == .connected)
                #expect(pilot.state.statusMessage == nil, "nothing to report: the re-login is invisible")
            }
        }
    }

    @Test func reconnectsAfterTheServerRestartsOnTheSamePort() async throws {
        let first = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 60, speed: 0))
        let port = try await first.start()
        let id = await first.addJob(sampleJob("before restart"), submittedBy: "jdoe")
        let pilot = try Pilot(simulator: first)
        try await pilot.start()
        try await pilot.waitFor("connected") { $0.state.servers[0].connection == .connected }
        await first.stop()
        try await pilot.waitFor("the link reported down") {
            switch $0.state.servers[0].connection {
            case .reconnecting, .offline: true
            default: false
            }
        }
        // The same seed gives the same jobs; the job added before the restart is added again.
        let second = ICWSSimulator(configuration: SimulatorConfiguration(port: port, jobCount: 60, speed: 0))
        _ = try await second.start()
        let again = await second.addJob(sampleJob("after restart"), submittedBy: "jdoe")
        #expect(again == id)
        try await finally(await afterRestart(pilot, second, again)) {
            await pilot.stop()
            await second.stop()
        }
    }

    private func afterRestart(_ pilot: Pilot, _ second: ICWSSimulator, _ id: String) async throws {
        try await pilot.waitFor("connected again with the reloaded list") {
            $0.state.servers[0].connection == .connected && $0.screen.contains("after restart")
        }
        await second.advance(jobId: id)
        try await pilot.waitFor("changes from the restarted server") {
            $0.listRow(containing: "after restart").contains("queued")
        }
        #expect(pilot.screen.contains("connected"))
    }
}
