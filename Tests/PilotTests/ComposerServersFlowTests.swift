import DashboardKit
import DashboardRuntime
import ICWSSimulator
import ICWSWire
import Testing

/// The composer and the resubmit review with two servers: two simulators of the same seed (so the
/// same job ids exist on both), one job service each behind the fan-out. A job goes to the server
/// chosen — and only there — and comes back selected under that server's key.
@Suite("Pilot: composer and resubmit on several servers")
struct ComposerServersFlowTests {
    static let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                     ContextOptions(name: "prod", server: "prod", user: "admin")])

    @Test func composerSendsToTheSelectedJobsServerOnly() async throws {
        try await withTwoServers { lab, prod, pilot in
            try await selectProd(pilot)
            try await pilot.press(.char("n"))
            try await pilot.waitFor(text: "InteractionWrapup")
            #expect(pilot.state.composer?.target == ContextID(1))
            try await pilot.type("/wrapup")
            try await pilot.press(.enter, .char(" "), .char("e"))
            try await pilot.type("prod wrap-ups")
            try await pilot.press(.enter)
            #expect(pilot.screen.contains("Server: prod (c: next server)"))
            let labBefore = await lab.allJobStatuses().count
            let prodBefore = await prod.allJobStatuses().count
            try await pilot.press(.char("y"))
            try await pilot.waitFor("the new job selected") {
                $0.state.composer == nil && $0.state.selectedJob?.name == "prod wrap-ups"
            }
            let key = try #require(pilot.state.selectedId)
            #expect(key.context == ContextID(1))
            #expect(await prod.allJobStatuses().count == prodBefore + 1)
            #expect(await lab.allJobStatuses().count == labBefore, "nothing reached the other server")
            #expect(await prod.jobConfig(id: key.id)?.name == "prod wrap-ups")
            await prod.advance(jobId: key.id)
            try await pilot.waitFor("the new job's progress live") {
                $0.listRow(containing: "prod wrap-ups").contains("queued")
            }
        }
    }

    @Test func cChoosesTheOtherServerAndItsDictionary() async throws {
        try await withTwoServers { lab, prod, pilot in
            try await pilot.press(.char("/"))
            try await pilot.type("lab")
            try await pilot.press(.enter, .char("n"))
            try await pilot.waitFor(text: "InteractionWrapup")
            #expect(pilot.screen.contains("Server: lab (c: next server)"))
            try await pilot.press(.char("c"))
            try await pilot.waitFor("prod's dictionary") {
                if case .loaded? = $0.state.dictionaries[ContextID(1)] { true } else { false }
            }
            #expect(pilot.screen.contains("Server: prod (c: next server)"))
            try await pilot.type("/wrapup")
            try await pilot.press(.enter, .char(" "), .char("e"))
            try await pilot.type("lab filter, prod job")
            let labBefore = await lab.allJobStatuses().count
            try await pilot.press(.enter, .char("y"))
            try await pilot.waitFor("the new job selected, the list filter cleared") {
                $0.state.composer == nil && $0.state.selectedJob?.name == "lab filter, prod job"
            }
            #expect(pilot.state.selectedId?.context == ContextID(1))
            #expect(pilot.state.filter.text.isEmpty)
            #expect(await lab.allJobStatuses().count == labBefore)
            #expect(await prod.allJobStatuses().contains { $0.name == "lab filter, prod job" })
        }
    }

    @Test func aServerWithoutADictionaryLeavesTheOtherUsable() async throws {
        try await withTwoServers(lab: { $0.dataDictionaryVersion = nil }) { lab, prod, pilot in
            try await pilot.press(.char("/"))
            try await pilot.type("alpha on lab")
            try await pilot.press(.enter, .char("n"))
            try await pilot.waitFor(text: "This server has no data dictionary (data-dictionary 2 needed).")
            #expect(pilot.screen.contains("Esc back  c server"), "the keys that work here, from the binding table")
            try await pilot.press(.char("c"))
            try await pilot.waitFor(text: "InteractionWrapup")
            try await pilot.type("/wrapup")
            try await pilot.press(.enter, .char(" "), .char("e"))
            try await pilot.type("prod has a dictionary")
            try await pilot.press(.enter, .char("y"))
            try await pilot.waitFor("the new job selected") { $0.state.selectedJob?.name == "prod has a dictionary" }
            #expect(pilot.state.selectedId?.context == ContextID(1))
            #expect(await lab.allJobStatuses().allSatisfy { $0.name != "prod has a dictionary" })
            #expect(await prod.allJobStatuses().contains { $0.name == "prod has a dictionary" })
        }
    }

    @Test func aReadOnlyServerIsNeverTheTarget() async throws {
        let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                  ContextOptions(name: "prod", server: "prod", user: "admin", readOnly: true)])
        try await withTwoServers(options) { _, _, pilot in
            try await selectProd(pilot)
            try await pilot.press(.char("n"))
            try await pilot.waitFor(text: "InteractionWrapup")
            #expect(pilot.state.composer?.target == ContextID(0))
            #expect(pilot.screen.contains("Server: lab (prod is read-only)"))
            try await pilot.press(.char("c"))
            #expect(pilot.screen.contains("The other servers are read-only."))
            #expect(pilot.state.composer?.target == ContextID(0))
            try await pilot.press(.escape, .char("R"))
            #expect(pilot.state.resubmit == nil)
            #expect(pilot.screen.contains("read-only context prod; resubmitting is turned off there."))
        }
    }

    @Test func resubmitGoesToTheJobsOwnServer() async throws {
        try await withTwoServers { lab, prod, pilot in
            try await selectProd(pilot)
            let original = try #require(pilot.state.selectedId)
            try await pilot.waitFor("the configuration") {
                if case .loaded? = $0.state.configs[original] { true } else { false }
            }
            let labBefore = await lab.allJobStatuses().count
            let prodBefore = await prod.allJobStatuses().count
            try await pilot.press(.char("R"))
            #expect(pilot.screen.contains("Server: prod (the job's own)"))
            try await pilot.press(.char("y"))
            try await pilot.waitFor("the resubmitted job selected") {
                $0.state.resubmit == nil && $0.state.selectedId != original && $0.state.selectedJob?.name == "beta on prod"
            }
            #expect(pilot.state.selectedId?.context == ContextID(1))
            #expect(await prod.allJobStatuses().count == prodBefore + 1)
            #expect(await lab.allJobStatuses().count == labBefore, "nothing reached the other server")
        }
    }

    /// Selects prod's "beta on prod" by filtering on its name (the filter is cleared once a job is submitted).
    private func selectProd(_ pilot: Pilot) async throws {
        try await pilot.press(.char("/"))
        try await pilot.type("beta on prod")
        try await pilot.press(.enter)
        #expect(pilot.state.selectedId?.context == ContextID(1))
        #expect(pilot.state.selectedJob?.name == "beta on prod")
    }

    /// Two simulators of three jobs each (same seed) with "alpha on lab" and "beta on prod" added,
    /// and a started pilot on both; all stopped after `body`.
    private func withTwoServers(_ options: DashboardOptions = Self.options,
                                lab labChange: @escaping (inout SimulatorConfiguration) -> Void = { _ in },
                                _ body: (ICWSSimulator, ICWSSimulator, Pilot) async throws -> Void) async throws {
        try await withSimulator({ $0.jobCount = 3; labChange(&$0) }) { lab in
            try await withSimulator({ $0.jobCount = 3 }) { prod in
                _ = await lab.addJob(sampleJob("alpha on lab"), submittedBy: "jdoe")
                _ = await prod.addJob(sampleJob("beta on prod"), submittedBy: "jdoe")
                let pilot = try Pilot(options: options, simulators: [lab, prod])
                try await pilot.start()
                try await finally(await body(lab, prod, pilot)) { await pilot.stop() }
            }
        }
    }
}
