import DashboardKit
import DashboardRuntime
import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `R`: the review of what is sent again, through the real runtime and the simulator.
@Suite("Pilot: resubmit")
struct ResubmitFlowTests {
    @Test func shiftedWindowIsWhatTheServerReceives() async throws {
        try await withSimulator { simulator in
            let original = sampleJob("daily wrap-ups")
            let id = await simulator.addJob(original, submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                #expect(pilot.state.selectedId?.id == id)
                try await pilot.press(.char("R"))
                #expect(pilot.screen.contains("Send job \(id) again?"))
                #expect(pilot.screen.contains("table InteractionSummary: InteractionIDKey"))
                try await pilot.press(.char("w"))
                #expect(pilot.screen.contains("window shifted"))
                let before = await simulator.allJobStatuses().count
                try await pilot.press(.char("y"))
                try await pilot.waitFor("the resubmitted job selected") {
                    $0.state.resubmit == nil && $0.state.selectedId?.id != id && $0.state.selectedJob?.name == "daily wrap-ups"
                }
                #expect(await simulator.allJobStatuses().count == before + 1)
                let newId = try #require(pilot.state.selectedId?.id)
                let sent = try #require(await simulator.jobConfig(id: newId))
                #expect(sent.startTimeFilter == original.endTimeFilter)
                #expect(sent.endTimeFilter == original.endTimeFilter?.addingTimeInterval(86_400))
                #expect(sent.submittedUserId == "admin")
            }
        }
    }

    @Test(arguments: [Key.escape, .char("n")])
    func closingSendsNothing(key: Key) async throws {
        try await withSimulator { simulator in
            _ = await simulator.addJob(sampleJob("not again"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                let before = await simulator.allJobStatuses().count
                try await pilot.press(.char("R"), .char("w"), key)
                #expect(pilot.state.resubmit == nil)
                #expect(!pilot.screen.contains("again?"))
                #expect(await simulator.allJobStatuses().count == before)
            }
        }
    }

    @Test func editOpensTheComposerFilledIn() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(sampleJob("edit me"), submittedBy: "jdoe")
            try await withPilot(simulator) { pilot in
                try await pilot.press(.char("R"), .char("e"))
                try await pilot.waitFor(text: "InteractionWrapup")
                #expect(pilot.state.composer?.name == "edit me")
                #expect(pilot.state.composer?.chosen.map(\.name) == ["InteractionSummary"])
                #expect(pilot.screen.contains("(•) same as job \(id)"))
            }
        }
    }

    @Test func readOnlyHasNoResubmit() async throws {
        try await withSimulator { simulator in
            _ = await simulator.addJob(sampleJob("read only"), submittedBy: "jdoe")
            try await withPilot(simulator, readOnly: true) { pilot in
                #expect(!pilot.screen.contains("resubmit"))
                try await pilot.press(.char("R"))
                #expect(pilot.state.resubmit == nil)
                #expect(pilot.screen.contains("Read-only mode: resubmitting jobs is turned off."))
            }
        }
    }
}
