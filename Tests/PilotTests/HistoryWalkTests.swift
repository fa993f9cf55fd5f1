import DashboardKit
import ICWSSimulator
import ICWSWire
import Synchronization
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
                #expect(lists == 5, "each page asked for once, and one after the short one, which has no job")
            }
        }
    }

    /// Decoding a walk's pages frees megabytes the allocator would otherwise keep: the runtime
    /// hands them back once, when the walk is over and nothing is in flight, not at every page.
    @Test func freedMemoryIsHandedBackOnceTheWalkIsOver() async throws {
        try await withSimulator({ $0.jobCount = Self.jobs }) { simulator in
            let returned = Mutex(0)
            let pilot = try Pilot(options: DashboardOptions(server: "pilot", user: "admin"), ports: [simulator.port ?? 0],
                                  returnFreedMemory: { returned.withLock { $0 += 1 } })
            try await pilot.start()
            let count = { returned.withLock { $0 } }
            try await finally(await Self.walk(pilot, count)) { await pilot.stop() }
        }
    }

    private static func walk(_ pilot: Pilot, _ returned: () -> Int) async throws {
        #expect(returned() == 0, "a first page of 50 is not worth it")
        try await pilot.press(.char("G"))
        try await pilot.waitFor("the history") { !$0.state.loadingHistory }
        try await pilot.runUntilQuiet()
        #expect(returned() == 1)
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
