import DashboardKit
import DashboardRuntime
import Foundation
import ICWSSimulator
import ICWSWire
import JobComposition
import Testing

/// The history (`h`), timeline (`t`) and coverage (`C`) screens on the real runtime against two
/// simulators seeded with 70 days of series (`seriesHistory`), the whole history loaded with `G`.
@Suite("Pilot: history, timeline and coverage on two servers")
struct InsightScreensFlowTests {
    static let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                     ContextOptions(name: "prod", server: "prod", user: "admin")],
                                          timeFormat: .utc)

    @Test func historyOfTheSelectedJobsSeries() async throws {
        try await withSeries { _, _, pilot in
            try await pilot.press(.char("/"))
            try await pilot.type("Agent queue stats daily")
            try await pilot.press(.enter, .char("h"))
            #expect(pilot.screen.contains("History  Agent queue stats daily"), "\(pilot.screen)")
            #expect(pilot.screen.contains("baseline  median"))
            #expect(pilot.screen.contains("failure rate"))
            #expect(pilot.screen.contains("last failure"))
            try await pilot.press(.escape)
            #expect(!pilot.screen.contains("History  "))
        }
    }

    @Test func timelineShowsBothServersAndJumpsToAJob() async throws {
        try await withSeries { _, _, pilot in
            try await pilot.press(.char("t"), .left, .left, .left, .left)  // yesterday: every extract ran
            #expect(pilot.screen.contains("Timeline"))
            #expect(pilot.screen.contains("lab (peak") && pilot.screen.contains("prod (peak"), "\(pilot.screen)")
            let before = pilot.state.selectedId
            try await pilot.press(.char("j"), .enter)
            #expect(!pilot.screen.contains("Timeline  "))
            #expect(pilot.state.selectedId != nil && pilot.state.selectedId != before)
        }
    }

    @Test func coverageGapIsFilledOnlyAfterYes() async throws {
        try await withSeries { lab, _, pilot in
            try await pilot.press(.char("C"))
            #expect(pilot.screen.contains("Coverage"))
            #expect(pilot.screen.contains("lab Agent queue stats daily") && pilot.screen.contains("prod Agent queue stats daily"),
                    "\(pilot.screen)")
            // The second row is lab's daily agent queue stats; walk back until the cursor is on its gap.
            try await pilot.press(.down)
            var steps = 0
            while !pilot.screen.contains("never tried") && !pilot.screen.contains("tried and failed"), steps < 120 {
                try await pilot.press(.left)
                steps += 1
            }
            #expect(pilot.screen.contains("Enter: fill it"), "\(pilot.screen)")
            let jobsBefore = await lab.allJobStatuses().count
            try await pilot.press(.enter)
            #expect(pilot.screen.contains("Fill the gap: send 1 job"), "\(pilot.screen)")
            #expect(await lab.allJobStatuses().count == jobsBefore, "nothing sent before y")
            try await pilot.press(.char("y"))
            try await pilot.runUntilQuiet()
            let after = await lab.allJobStatuses()
            #expect(after.count == jobsBefore + 1)
            let sent = try #require(after.max { ($0.submitTime ?? .distantPast) < ($1.submitTime ?? .distantPast) })
            let window = try #require(await lab.jobConfig(id: sent.id).flatMap(TimeWindow.init(of:)))
            #expect(window.length == 86_400, "one day: the gap's period, in the series' newest configuration")
            #expect(await lab.jobConfig(id: sent.id)?.name == "Agent queue stats daily")
        }
    }

    private func withSeries(_ body: (ICWSSimulator, ICWSSimulator, Pilot) async throws -> Void) async throws {
        try await withSimulator({ $0.seriesHistory = true; $0.seed = 1 }) { lab in
            try await withSimulator({ $0.seriesHistory = true; $0.seed = 2 }) { prod in
                let pilot = try Pilot(options: Self.options, simulators: [lab, prod], width: 160, height: 45)
                try await pilot.start()
                try await finally(await Self.loaded(pilot, then: { try await body(lab, prod, pilot) })) { await pilot.stop() }
            }
        }
    }

    private static func loaded(_ pilot: Pilot, then body: () async throws -> Void) async throws {
        try await pilot.waitFor("both servers connected") { $0.state.servers.allSatisfy { $0.connection == .connected } }
        try await pilot.press(.char("G"))
        try await pilot.waitFor("the whole history") { !$0.state.loadingHistory }
        try await pilot.runUntilQuiet()
        try await pilot.press(.char("g"))
        try await body()
    }
}
