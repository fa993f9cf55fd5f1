import DashboardKit
import DashboardRuntime
import ICWSSimulator
import ICWSWire
import Testing

/// Cancel, another client's cancel, paging, filter and sort — through the real runtime and the
/// simulator, asserting on the rendered grid, on what the server believes, and on public state.
@Suite("Pilot: jobs")
struct JobFlowTests {
    @Test func cancelAnsweredNoLeavesTheJobRunning() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(sampleJob("keep me running"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                #expect(pilot.state.selectedId?.id == id)
                try await pilot.press(.char("c"))
                #expect(pilot.screen.contains("Cancel job keep me running"))
                try await pilot.press(.char("n"))
                #expect(!pilot.screen.contains("Cancel job keep me running"))
                try await pilot.press(.char("c"), .escape)
                #expect(!pilot.screen.contains("Cancel job keep me running"))
                try await pilot.press(.char("c"), .enter)  // No is selected
                #expect(!pilot.screen.contains("Cancel job keep me running"))
            }
            #expect(await simulator.jobStatus(id: id)?.state == .submitted)
        }
    }

    @Test func cancelAnsweredYesCancelsTheJob() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(sampleJob("cancel me"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                try await pilot.press(.char("c"))
                #expect(pilot.screen.contains("Cancel job cancel me"))
                try await pilot.press(.char("y"))
                // The DELETE has been answered (quiet); the feed then reports the end state.
                let status = await simulator.jobStatus(id: id)
                #expect(status?.state == .canceled)
                #expect(status?.cancelUserId == "admin")
                try await pilot.waitFor("the job shown as canceled") {
                    $0.listRow(containing: "cancel me").contains("canceled") && $0.state.jobs[JobKey(id: id)]?.state == .canceled
                }
            }
        }
    }

    @Test func jobCanceledByAnotherClientIsShown() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(sampleJob("someone else cancels"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                try await pilot.waitFor("connected") { $0.state.servers[0].connection == .connected }
                // A first change on screen proves the subscription is in place.
                await simulator.advance(jobId: id)
                try await pilot.waitFor("the job shown as queued") {
                    $0.listRow(containing: "someone else cancels").contains("queued")
                }
                try await simulator.cancel(jobId: id, as: "jdoe")
                try await pilot.waitFor("the job shown as canceled") {
                    $0.listRow(containing: "someone else cancels").contains("canceled")
                }
                #expect(pilot.state.jobs[JobKey(id: id)]?.cancelUserId == "jdoe")
            }
        }
    }

    @Test func scrollingToTheEndLoadsOlderPages() async throws {
        try await withSimulator { simulator in
            let all = await simulator.allJobStatuses()
            let oldest = try #require(all.last)
            try await withPilot(simulator) { pilot in
                #expect(pilot.state.jobs.count == 50, "one page of 50 at first")
                #expect(pilot.state.jobs[JobKey(id: oldest.id)] == nil)
                try await pilot.press(.end)
                try await pilot.waitFor("the older page") { $0.state.jobs.count == all.count }
                try await pilot.press(.end)
                #expect(pilot.state.selectedId?.id == oldest.id)
                #expect(pilot.listRow(containing: oldest.name).contains(oldest.name))
            }
        }
    }

    @Test func filterKeepsOnlyMatchingJobs() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(sampleJob("zebra quarterly"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                try await pilot.press(.end)  // away from the job, so the filter has to bring it back
                try await pilot.press(.char("/"))
                try await pilot.type("zebra")
                try await pilot.press(.enter)
                #expect(pilot.state.visibleIds.map(\.id) == [id])
                #expect(pilot.state.selectedId?.id == id)
                #expect(pilot.screen.contains("zebra quarterly"))
                #expect(pilot.screen.contains("filter \"zebra\""))
            }
        }
    }

    @Test func sortCyclesTheOrder() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                #expect(pilot.screen.contains("sort newest"))
                let newestFirst = pilot.state.visibleIds
                try await pilot.press(.char("s"))
                #expect(pilot.screen.contains("sort state"))
                #expect(pilot.state.visibleIds != newestFirst)
                #expect(Set(pilot.state.visibleIds) == Set(newestFirst), "sorting keeps every job")
            }
        }
    }

    @Test func resizeRelaysTheScreenOut() async throws {
        try await withSimulator { simulator in
            _ = await simulator.addJob(sampleJob("resize job"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                try await pilot.resize(width: 40, height: 10)
                #expect(pilot.screen.contains("Terminal too small"))
                try await pilot.resize(width: 160, height: 45)
                #expect(pilot.screen.contains("resize job"))
                #expect(pilot.state.width == 160)
            }
        }
    }
}
