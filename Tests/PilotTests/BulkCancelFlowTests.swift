import DashboardKit
import ICWSSimulator
import ICWSWire
import Testing

/// Marks and the bulk cancel over three servers: two that take cancels and one read-only context.
/// The pilot logs in as jdoe, who may cancel only her own jobs: the simulator refuses the other
/// one with its own words.
@Suite("Pilot: marks and bulk cancel")
struct BulkCancelFlowTests {
    static let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "jdoe"),
                                                     ContextOptions(name: "prod", server: "prod", user: "jdoe"),
                                                     ContextOptions(name: "archive", server: "archive", user: "jdoe", readOnly: true)],
                                          pageSize: 3)

    @Test func marksSurviveARefreshAndPagesAndTheBulkCancelReportsEachJob() async throws {
        try await withSimulator({ $0.jobCount = 4 }) { lab in
            try await withSimulator({ $0.jobCount = 4 }) { prod in
                try await withSimulator({ $0.jobCount = 4 }) { archive in
                    let labMine = await lab.addJob(sampleJob("mk-lab-mine"), submittedBy: "jdoe")
                    let labTheirs = await lab.addJob(sampleJob("mk-lab-theirs"), submittedBy: "admin")
                    let prodMine = await prod.addJob(sampleJob("mk-prod-mine"), submittedBy: "jdoe")
                    let prodDone = await prod.addJob(sampleJob("mk-prod-done"), submittedBy: "jdoe")
                    for _ in 0..<4 { await prod.advance(jobId: prodDone) }
                    let archived = await archive.addJob(sampleJob("mk-archive-mine"), submittedBy: "jdoe")
                    let pilot = try Pilot(options: Self.options, simulators: [lab, prod, archive], user: "jdoe", password: "jdoe-secret")
                    try await pilot.start()
                    try await finally(await run(pilot)) { await pilot.stop() }

                    func run(_ pilot: Pilot) async throws {
                        try await pilot.waitFor("the five jobs listed") { pilot in
                            ["mk-lab-mine", "mk-lab-theirs", "mk-prod-mine", "mk-archive-mine"].allSatisfy { pilot.screen.contains($0) }
                                && pilot.state.jobs[JobKey(context: ContextID(1), id: prodDone)]?.knownState.hasEnded == true
                        }
                        try await pilot.press(.char("/"))
                        try await pilot.type("mk-")
                        try await pilot.press(.enter, .char("g"), .char(" "), .char(" "), .char(" "), .char(" "), .char(" "), .escape)
                        let marked: Set<JobKey> = [JobKey(context: ContextID(0), id: labMine), JobKey(context: ContextID(0), id: labTheirs),
                                                   JobKey(context: ContextID(1), id: prodMine), JobKey(context: ContextID(1), id: prodDone),
                                                   JobKey(context: ContextID(2), id: archived)]
                        #expect(pilot.state.marks.keys == marked)
                        #expect(pilot.screen.contains("5 marked"))
                        #expect(pilot.listRow(containing: "mk-prod-mine").contains("◆"))

                        // A refresh, a sort, and the whole history in pages: the marks stay.
                        try await pilot.press(.char("r"), .char("s"), .char("G"))
                        try await pilot.waitFor("the history loaded") { $0.state.servers.allSatisfy { $0.paging.phase == .reachedOldest } }
                        #expect(pilot.state.jobs.count > 3 * 3, "older pages were loaded")
                        try await pilot.press(.char("s"), .char("s"), .char("s"), .char("s"), .char("g"))
                        #expect(pilot.state.marks.keys == marked)
                        #expect(pilot.listRow(containing: "mk-lab-theirs").contains("◆"))

                        try await pilot.press(.char("c"))
                        let dialog = try #require(pilot.state.bulkCancel)
                        #expect(!dialog.yesSelected)
                        #expect(pilot.screen.contains("Cancel 3 jobs on 2 servers? 1 already ended and will be skipped."))
                        #expect(pilot.screen.contains("1 job on read-only contexts left out."))
                        #expect(["lab · ", "prod · ", "archive · "].allSatisfy { pilot.screen.contains($0) }, "grouped by server")
                        #expect(pilot.screen.contains("prod · finished (1)") || pilot.screen.contains("prod · failed (1)"), "and by state")

                        try await pilot.press(.char("y"))
                        try await pilot.waitFor("every answer") { pilot in
                            pilot.state.bulkCancel?.entries.allSatisfy { $0.outcome != .waiting } == true
                        }
                        let results = try #require(pilot.state.bulkCancel).entries
                        func outcome(_ context: Int, _ id: String) -> BulkCancel.Outcome? {
                            results.first { $0.key == JobKey(context: ContextID(context), id: id) }?.outcome
                        }
                        #expect(outcome(0, labMine) == .sent)
                        #expect(outcome(1, prodMine) == .sent)
                        guard case .refused(let failure) = outcome(0, labTheirs) else {
                            Issue.record("the other user's job: \(String(describing: outcome(0, labTheirs)))")
                            return
                        }
                        #expect(failure.kind == .permission)
                        if case .skipped(.ended) = outcome(1, prodDone) {} else { Issue.record("the ended job was not skipped") }
                        #expect(outcome(2, archived) == .skipped(.readOnly))
                        #expect(pilot.screen.contains("2 sent, 1 refused, 0 waiting for an answer, 2 skipped."))
                        #expect(pilot.screen.contains("refused: "))
                        #expect(pilot.screen.contains("skipped: read-only context"))

                        #expect(await lab.jobStatus(id: labMine)?.state == .canceled)
                        #expect(await prod.jobStatus(id: prodMine)?.state == .canceled)
                        #expect(await lab.jobStatus(id: labTheirs)?.knownState.hasEnded != true)
                        #expect(await archive.jobStatus(id: archived)?.knownState.hasEnded != true, "nothing goes to a read-only context")
                        // The refused and the read-only job keep their marks, for another try.
                        #expect(pilot.state.marks.keys == [JobKey(context: ContextID(0), id: labTheirs), JobKey(context: ContextID(2), id: archived)])
                        try await pilot.press(.escape)
                        #expect(pilot.state.bulkCancel == nil)
                        try await pilot.press(.char("u"))
                        #expect(pilot.state.marks.isEmpty)
                    }
                }
            }
        }
    }
}
