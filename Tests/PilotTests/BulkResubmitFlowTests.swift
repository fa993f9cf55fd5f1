import DashboardKit
import ICWSSimulator
import ICWSWire
import Testing

/// `R` with marks over two servers, one a read-only context: one review grouped by server, the
/// read-only job left out and counted, the windows shifted, nothing sent before `y`, then each
/// job's result (one taken, one refused by the server's rules, one skipped).
@Suite("Pilot: bulk resubmit")
struct BulkResubmitFlowTests {
    static let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                     ContextOptions(name: "prod", server: "prod", user: "admin", readOnly: true)])

    static func refusedJob(_ name: String) -> JobConfig {
        var config = sampleJob(name)
        config.tables?.tableList[0].name = "NoSuchTable"
        return config
    }

    @Test func oneReviewOfEveryMarkedJobThenEachResult() async throws {
        try await withSimulator({ $0.jobCount = 5 }) { lab in
            try await withSimulator({ $0.jobCount = 5; $0.seed = 2 }) { prod in
                let labGood = await lab.addJob(sampleJob("br-lab-good"), submittedBy: "jdoe")
                let labBad = await lab.addJob(Self.refusedJob("br-lab-bad"), submittedBy: "jdoe")
                let prodJob = await prod.addJob(sampleJob("br-prod"), submittedBy: "jdoe")
                let pilot = try Pilot(options: Self.options, simulators: [lab, prod])
                try await pilot.start()
                try await finally(await run(pilot)) { await pilot.stop() }

                func run(_ pilot: Pilot) async throws {
                    try await pilot.waitFor("the three jobs listed") { pilot in
                        ["br-lab-good", "br-lab-bad", "br-prod"].allSatisfy { pilot.screen.contains($0) }
                    }
                    try await pilot.press(.char("/"))
                    try await pilot.type("br-")
                    try await pilot.press(.enter, .char("g"), .char(" "), .char(" "), .char(" "), .escape)
                    let (good, bad, readOnly) = (JobKey(context: ContextID(0), id: labGood), JobKey(context: ContextID(0), id: labBad),
                                                 JobKey(context: ContextID(1), id: prodJob))
                    #expect(pilot.state.marks.keys == [good, bad, readOnly])
                    let before = (await lab.allJobStatuses().count, await prod.allJobStatuses().count)

                    try await pilot.press(.char("R"))
                    try await pilot.waitFor("the configurations") { !$0.screen.contains("configuration loading") }
                    #expect(pilot.screen.contains("Resubmit 2 jobs on 1 server?"))
                    #expect(pilot.screen.contains("1 job on read-only contexts left out."))
                    #expect(pilot.screen.contains("lab (2)") && pilot.screen.contains("prod (1)"), "grouped by server")
                    #expect(pilot.screen.contains("left out: read-only context"))
                    try await pilot.press(.char("w"))
                    #expect(pilot.screen.contains("every window shifted forward"))
                    #expect(await lab.allJobStatuses().count == before.0, "nothing sent before y")

                    try await pilot.press(.char("y"))
                    try await pilot.waitFor("every answer") { pilot in
                        pilot.state.bulkResubmit?.entries.allSatisfy { $0.outcome != .queued && $0.outcome != .sending } == true
                    }
                    let entries = try #require(pilot.state.bulkResubmit).entries
                    func outcome(_ key: JobKey) -> BulkResubmit.Outcome? { entries.first { $0.key == key }?.outcome }
                    guard case .sent(let newJob) = outcome(good) else { Issue.record("good: \(String(describing: outcome(good)))"); return }
                    guard case .refused(let failure) = outcome(bad) else { Issue.record("bad: \(String(describing: outcome(bad)))"); return }
                    #expect(outcome(readOnly) == .skipped(.readOnly))
                    #expect(failure.message.contains("NoSuchTable"), "the server's words: \(failure.message)")
                    #expect(pilot.screen.contains("1 sent, 1 refused, 0 still to send, 1 skipped."))
                    #expect(pilot.screen.contains("sent: new job \(newJob.id)"))
                    #expect(pilot.screen.contains("refused: "))

                    #expect(await lab.allJobStatuses().count == before.0 + 1)
                    #expect(await prod.allJobStatuses().count == before.1, "nothing goes to a read-only context")
                    let sent = try #require(await lab.jobConfig(id: newJob.id))
                    #expect(sent.startTimeFilter == sampleJob("").endTimeFilter, "the window shifted by its length")
                    #expect(pilot.state.marks.keys == [bad, readOnly], "the sent job loses its mark")
                    try await pilot.press(.escape)
                    #expect(pilot.state.bulkResubmit == nil)
                }
            }
        }
    }

    @Test(arguments: [Key.escape, .char("n")])
    func closingTheReviewSendsNothing(key: Key) async throws {
        try await withSimulator({ $0.jobCount = 5 }) { lab in
            try await withSimulator({ $0.jobCount = 5; $0.seed = 2 }) { prod in
                let pilot = try Pilot(options: Self.options, simulators: [lab, prod])
                try await pilot.start()
                try await finally(await run(pilot)) { await pilot.stop() }

                func run(_ pilot: Pilot) async throws {
                    try await pilot.waitFor("both servers") { $0.state.servers.allSatisfy(\.paging.hasFirstPage) }
                    let before = await lab.allJobStatuses().count
                    try await pilot.press(.char(" "), .char(" "), .char("R"))
                    try await pilot.waitFor("the configurations") { !$0.screen.contains("configuration loading") }
                    try await pilot.press(.char("w"), key)
                    #expect(pilot.state.bulkResubmit == nil)
                    #expect(await lab.allJobStatuses().count == before)
                }
            }
        }
    }
}
