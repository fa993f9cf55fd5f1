import DashboardKit
import DashboardRuntime
import Foundation
import ICWSSimulator
import ICWSWire
import JobComposition
import Testing

/// The composer (`n`) through the real runtime and the simulator's data dictionary: what the
/// simulator receives is what was picked, refusals send nothing, read-only has no composer.
@Suite("Pilot: composer")
struct ComposerFlowTests {
    /// Opens the composer and waits for the dictionary.
    private func openComposer(_ pilot: Pilot) async throws {
        try await pilot.press(.char("n"))
        try await pilot.waitFor(text: "InteractionWrapup")
    }

    /// Picks InteractionWrapup's first two columns and yesterday's window, named `name`.
    private func composeWrapups(_ pilot: Pilot, name: String) async throws {
        try await pilot.type("/wrapup")
        try await pilot.press(.enter, .char(" "), .tab, .char("a"), .char(" "), .down, .char(" "))
        try await pilot.press(.tab, .down, .down, .char(" "), .tab, .char("e"))
        try await pilot.type(name)
        try await pilot.press(.enter)
    }

    @Test func composedJobIsSentSelectedAndWatched() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                try await openComposer(pilot)
                try await composeWrapups(pilot, name: "Wrap-ups yesterday")
                #expect(pilot.screen.contains("table InteractionWrapup: InteractionIDKey, SiteID"))
                #expect(pilot.screen.contains("(•) yesterday"))
                let before = await simulator.allJobStatuses().count
                try await pilot.press(.char("y"))
                try await pilot.waitFor("the new job selected") {
                    $0.state.composer == nil && $0.state.selectedJob?.name == "Wrap-ups yesterday"
                }
                #expect(await simulator.allJobStatuses().count == before + 1)
                let id = try #require(pilot.state.selectedId?.id)
                let sent = try #require(await simulator.jobConfig(id: id))
                #expect(sent.tableConfigs.map(\.name) == ["InteractionWrapup"])
                #expect(sent.tableConfigs.first?.column.map(\.name) == ["InteractionIDKey", "SiteID"])
                let window = try #require(TimeWindow(of: sent))
                #expect(window == WindowPreset.yesterday.window(now: try #require(pilot.state.clock), timeZone: .current))
                #expect(sent.submittedUserId == "admin")
                await simulator.advance(jobId: id)
                try await pilot.waitFor("the new job's progress live") {
                    $0.listRow(containing: "Wrap-ups yesterday").contains("queued")
                }
            }
        }
    }

    @Test func typedWindowIsShownAndSentAsTyped() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                try await openComposer(pilot)
                try await pilot.type("/wrapup")
                try await pilot.press(.enter, .char(" "), .char("f"))
                try await pilot.type("2026-11-30 08:00")
                try await pilot.press(.enter)
                try await pilot.type("2026-11-30 17:30")
                try await pilot.press(.enter)
                #expect(pilot.screen.contains("(•) typed (f/t): from 2026-11-30 08:00 to 2026-11-30 17:30 = 2026-11-30 08:00:00 to 2026-11-30 17:30:00 (end exclusive, 9h30m)"))
                try await pilot.press(.char("e"))
                try await pilot.type("Wrap-ups day shift")
                try await pilot.press(.enter)
                #expect(pilot.screen.contains("Window: 2026-11-30 08:00:00 to 2026-11-30 17:30:00 (end exclusive, 9h30m)"))
                try await pilot.press(.char("y"))
                try await pilot.waitFor("the new job selected") {
                    $0.state.composer == nil && $0.state.selectedJob?.name == "Wrap-ups day shift"
                }
                let id = try #require(pilot.state.selectedId?.id)
                let sent = try #require(await simulator.jobConfig(id: id))
                #expect(sent.startTimeFilter == TypedTime.parse("2026-11-30 08:00", timeZone: .current))
                #expect(sent.endTimeFilter == TypedTime.parse("2026-11-30 17:30", timeZone: .current))
            }
        }
    }

    @Test func typedStartNotBeforeEndIsRefusedKeepingWhatWasTyped() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                try await openComposer(pilot)
                try await pilot.type("/wrapup")
                try await pilot.press(.enter, .char(" "), .char("f"))
                try await pilot.type("2026-11-30 17:00")
                try await pilot.press(.enter)
                try await pilot.type("2026-11-30 08:00")
                try await pilot.press(.enter)
                #expect(pilot.screen.contains("(the end must be later than the start)"))
                try await pilot.press(.char("e"))
                try await pilot.type("backwards")
                let before = await simulator.allJobStatuses().count
                try await pilot.press(.enter, .char("y"))
                #expect(pilot.screen.contains("endTimeFilter must be later than startTimeFilter."))
                #expect(await simulator.allJobStatuses().count == before)
                #expect(pilot.state.composer?.typedStart == "2026-11-30 17:00")
                #expect(pilot.state.composer?.typedEnd == "2026-11-30 08:00")
                #expect(pilot.state.composer?.name == "backwards")
                // An end that cannot be read is refused the same way, and stays as typed.
                try await pilot.press(.char("t"), .backspace, .backspace, .backspace, .backspace, .backspace)
                try await pilot.type("x:y")
                try await pilot.press(.enter, .char("y"))
                #expect(pilot.screen.contains("End of the typed window: cannot read \"2026-11-30 x:y\""))
                #expect(pilot.state.composer?.typedEnd == "2026-11-30 x:y")
                #expect(await simulator.allJobStatuses().count == before)
            }
        }
    }

    @Test func sitesAreShownAndSentOnlyWhereADatasetHasASiteColumn() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                try await openComposer(pilot)
                try await pilot.type("/icapplications")
                try await pilot.press(.enter, .char(" "))
                #expect(pilot.screen.contains("No chosen dataset has a site-id filter column: every site."))
                try await pilot.press(.char("s"))
                #expect(pilot.screen.contains("No chosen dataset has a site-id filter column."))
                #expect(pilot.state.composer?.typing == nil)
                try await pilot.press(.char(" "), .char("/"))
                for _ in "icapplications" { try await pilot.press(.backspace) }
                try await pilot.type("wrapup")
                try await pilot.press(.enter, .char(" "), .char("s"))
                try await pilot.type("1, 3 3")
                try await pilot.press(.enter, .char("e"))
                try await pilot.type("Wrap-ups two sites")
                try await pilot.press(.enter)
                #expect(pilot.screen.contains("Sites: 1, 3 3  (s types site ids"))
                #expect(pilot.screenLines.contains("Sites: 1, 3"), "the review lists each site once")
                try await pilot.press(.char("y"))
                try await pilot.waitFor("the new job selected") {
                    $0.state.composer == nil && $0.state.selectedJob?.name == "Wrap-ups two sites"
                }
                let id = try #require(pilot.state.selectedId?.id)
                let sent = try #require(await simulator.jobConfig(id: id))
                #expect(sent.siteIds == ["1", "3"])
                #expect(sent.tableConfigs.map(\.name) == ["InteractionWrapup"])
            }
        }
    }

    @Test func nameOverTheLimitIsRefusedAndNothingIsSent() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                try await openComposer(pilot)
                let long = String(repeating: "x", count: 101)
                try await composeWrapups(pilot, name: long)
                let before = await simulator.allJobStatuses().count
                try await pilot.press(.char("y"))
                #expect(pilot.screen.contains("The job name is 101 characters long; at most 100 are allowed."))
                #expect(await simulator.allJobStatuses().count == before)
                #expect(pilot.state.composer?.name == long)
                #expect(pilot.state.composer?.chosen.first?.columns == ["InteractionIDKey", "SiteID"])
            }
        }
    }

    @Test func noColumnsIsRefused() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                try await openComposer(pilot)
                try await pilot.type("/wrapup")
                try await pilot.press(.enter, .char(" "), .tab, .char("a"), .tab, .tab, .char("e"))
                try await pilot.type("none")
                let before = await simulator.allJobStatuses().count
                try await pilot.press(.enter, .char("y"))
                #expect(pilot.screen.contains("InteractionWrapup needs at least one column."))
                #expect(await simulator.allJobStatuses().count == before)
            }
        }
    }

    @Test func serverWithoutDictionarySaysSoAndTheRestWorks() async throws {
        try await withSimulator({ $0.dataDictionaryVersion = nil }) { simulator in
            try await withPilot(simulator) { pilot in
                let first = pilot.state.selectedId
                try await pilot.press(.char("n"))
                try await pilot.waitFor(text: "This server has no data dictionary (data-dictionary 2 needed).")
                try await pilot.press(.escape)
                #expect(pilot.state.composer == nil)
                try await pilot.press(.char("j"))
                #expect(pilot.state.selectedId != first)
            }
        }
    }

    @Test func readOnlyHasNoComposer() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator, readOnly: true) { pilot in
                #expect(!pilot.screen.contains("new job"))
                try await pilot.press(.char("n"))
                #expect(pilot.state.composer == nil)
                #expect(pilot.screen.contains("Read-only mode: composing jobs is turned off."))
            }
        }
    }
}

extension Pilot {
    /// The screen's lines with the box's borders and the blanks around them taken off.
    var screenLines: [String] {
        screen.split(separator: "\n").map { $0.replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces) }
    }
}
