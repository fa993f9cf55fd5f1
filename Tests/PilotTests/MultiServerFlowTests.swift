import DashboardKit
import DashboardRuntime
import ICWSSimulator
import ICWSWire
import Testing

/// Two servers in one dashboard: two simulators on two loopback ports, one job service each behind
/// the fan-out. Both simulators have the same seed, so the same job ids exist on both: only the
/// (context, id) key tells them apart.
@Suite("Pilot: several servers")
struct MultiServerFlowTests {
    static let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                     ContextOptions(name: "prod", server: "prod", user: "admin")])

    @Test func bothListsAreMergedWithAContextColumn() async throws {
        try await withTwoSimulators { lab, prod in
            let labJob = await lab.addJob(sampleJob("alpha on lab"), submittedBy: "jdoe")
            let prodJob = await prod.addJob(sampleJob("beta on prod"), submittedBy: "jdoe")
            #expect(labJob == prodJob, "same seed, same id on both servers")
            try await withPilot(lab, prod) { pilot in
                try await pilot.waitFor("both servers connected") { $0.state.servers.allSatisfy { $0.connection == .connected } }
                #expect(pilot.state.jobs.count == 2 * 4)
                #expect(pilot.screen.contains("CONTEXT"))
                #expect(pilot.listRow(containing: "alpha on lab").contains("lab"))
                #expect(pilot.listRow(containing: "beta on prod").contains("prod"))
                #expect(pilot.state.jobs[JobKey(context: ContextID(0), id: labJob)]?.name == "alpha on lab")
                #expect(pilot.state.jobs[JobKey(context: ContextID(1), id: prodJob)]?.name == "beta on prod")
                #expect(pilot.screen.contains("2/2 connected"))
            }
        }
    }

    @Test func cancelGoesToTheJobsOwnServer() async throws {
        try await withTwoSimulators { lab, prod in
            let keep = await lab.addJob(sampleJob("keep me"), submittedBy: "jdoe")
            let cancel = await prod.addJob(sampleJob("cancel me"), submittedBy: "jdoe")
            #expect(keep == cancel, "the same id on both servers")
            try await withPilot(lab, prod) { pilot in
                try await pilot.press(.char("/"))
                try await pilot.type("cancel me")
                try await pilot.press(.enter)
                #expect(pilot.state.selectedId == JobKey(context: ContextID(1), id: cancel))
                try await pilot.press(.char("c"), .char("y"))
                #expect(await prod.jobStatus(id: cancel)?.state == .canceled)
                #expect(await lab.jobStatus(id: keep)?.state == .submitted, "the other server's job of the same id is untouched")
                try await pilot.waitFor("the prod job shown as canceled") {
                    $0.state.jobs[JobKey(context: ContextID(1), id: cancel)]?.state == .canceled
                }
                #expect(pilot.state.jobs[JobKey(context: ContextID(0), id: keep)]?.state == .submitted)
            }
        }
    }

    @Test func theFilterMatchesTheContextName() async throws {
        try await withTwoSimulators { lab, prod in
            try await withPilot(lab, prod) { pilot in
                try await pilot.press(.char("/"))
                try await pilot.type("prod")
                try await pilot.press(.enter)
                #expect(pilot.state.visibleIds.count == 3)
                #expect(pilot.state.visibleIds.allSatisfy { $0.context == ContextID(1) })
            }
        }
    }

    @Test func aServerThatStopsDoesNotHoldUpTheOther() async throws {
        try await withTwoSimulators { lab, prod in
            let id = await prod.addJob(sampleJob("still moving"), submittedBy: "jdoe")
            try await withPilot(lab, prod) { pilot in
                try await pilot.waitFor("both servers connected") { $0.state.servers.allSatisfy { $0.connection == .connected } }
                await lab.stop()
                try await pilot.waitFor("lab reported down") {
                    switch $0.state.servers[0].connection {
                    case .reconnecting, .offline: true
                    default: false
                    }
                }
                #expect(pilot.screen.contains("1/2 connected, lab "))
                await prod.advance(jobId: id)
                try await pilot.waitFor("prod's change while lab is down") {
                    $0.listRow(containing: "still moving").contains("queued")
                }
                #expect(pilot.state.servers[1].connection == .connected)
            }
        }
    }

    /// Two simulators of three jobs each (same seed), stopped after `body`.
    private func withTwoSimulators(_ body: (ICWSSimulator, ICWSSimulator) async throws -> Void) async throws {
        try await withSimulator({ $0.jobCount = 3 }) { lab in
            try await withSimulator({ $0.jobCount = 3 }) { prod in try await body(lab, prod) }
        }
    }

    private func withPilot(_ lab: ICWSSimulator, _ prod: ICWSSimulator, _ body: (Pilot) async throws -> Void) async throws {
        let pilot = try Pilot(options: Self.options, simulators: [lab, prod])
        try await pilot.start()
        try await finally(await body(pilot)) { await pilot.stop() }
    }
}
