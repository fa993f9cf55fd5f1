import DashboardKit
import ICWSSimulator
import ICWSWire
import Testing

/// `G` walks the whole history in pages of `historyPageSize`, the service reading each page ahead
/// while the one before is merged.
@Suite("Pilot: the history walk")
struct HistoryWalkTests {
    /// 50 newest + three full pages + a short one.
    static let jobs = 50 + 3 * 1000 + 120

    @Test func theWalkListsEveryJobOnceWithOneRequestPerPage() async throws {
        try await withSimulator({ $0.jobCount = Self.jobs }) { simulator in
            let all = await simulator.allJobStatuses().map(\.id)
            try await withPilot(simulator) { pilot in
                let before = simulator.traffic()
                try await pilot.press(.char("G"))
                try await pilot.waitFor("the history") { !$0.state.loadingHistory }
                try await pilot.runUntilQuiet()
                #expect(pilot.state.loadOrder.map(\.id) == all)
                #expect(pilot.state.servers[0].paging.phase == .reachedOldest)
                let lists = simulator.traffic().requests(startingWith: "GET data-extractor/jobs?jobCount=1000")
                    - before.requests(startingWith: "GET data-extractor/jobs?jobCount=1000")
                #expect(lists == 4, "each page asked for once, none after the short one")
            }
        }
    }

    /// A movement key stops the walk whatever is in flight (the page asked for, the one read
    /// ahead): what is listed stays the server's order with no job twice, and `G` again
    /// finishes the walk.
    @Test func aMovementKeyStopsTheWalkWithAPageReadAhead() async throws {
        try await withSimulator({ $0.jobCount = Self.jobs }) { simulator in
            let all = await simulator.allJobStatuses().map(\.id)
            try await withPilot(simulator) { pilot in
                _ = try pilot.hit(.char("G"))  // not run until quiet: that would be the whole walk
                try await pilot.waitFor("a page of the history") { $0.state.loadOrder.count > 50 }
                _ = try pilot.hit(.char("k"))
                #expect(!pilot.state.loadingHistory)
                try await pilot.runUntilQuiet()
                let listed = pilot.state.loadOrder.map(\.id)
                #expect(listed == Array(all.prefix(listed.count)), "a prefix of the history, in order")
                #expect(listed.count < all.count)
                #expect(pilot.state.brokenInvariants.isEmpty)
                try await pilot.press(.char("G"))
                try await pilot.waitFor("the rest of the history") { !$0.state.loadingHistory }
                try await pilot.runUntilQuiet()
                #expect(pilot.state.loadOrder.map(\.id) == all)
            }
        }
    }
}
