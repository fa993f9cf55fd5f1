import DashboardKit
import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// Two simulators of different seeds, whose histories interleave in time: the merged list is
/// newest first across both at every moment (after each page, each history step, each status
/// change), as `jobs list --all-contexts` orders it.
@Suite("Pilot: interleaved servers")
struct InterleavedServersFlowTests {
    static let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                     ContextOptions(name: "prod", server: "prod", user: "admin")])

    @Test func theMergedListIsNewestFirstThroughPagesHistoryAndChanges() async throws {
        try await withSimulator({ $0.jobCount = 180; $0.seed = 1 }) { lab in
            try await withSimulator({ $0.jobCount = 120; $0.seed = 2 }) { prod in
                let all = await Self.expectedOrder(lab, prod)
                let pilot = try Pilot(options: Self.options, simulators: [lab, prod], height: 40)
                try await pilot.start()
                try await finally(await Self.walk(pilot, lab: lab, prod: prod, all: all)) { await pilot.stop() }
            }
        }
    }

    private static func walk(_ pilot: Pilot, lab: ICWSSimulator, prod: ICWSSimulator, all: [JobKey]) async throws {
        try await pilot.waitFor("both first pages") { $0.state.servers.allSatisfy(\.paging.hasFirstPage) }
        try await pilot.runUntilQuiet()
        Self.expectNewestFirst(pilot, all: all, "at the start")
        #expect(pilot.state.selectedId == all.first, "the dashboard opens at the newest job of both servers")
        #expect(pilot.state.selectedIndex == 0)
        // History steps: paging down loads older pages of each server as the selection nears their ends.
        for step in 0..<6 {
            try await pilot.press(.pageDown)
            Self.expectNewestFirst(pilot, all: all, "after page down \(step)")
        }
        // Status changes on both servers.
        for (simulator, context) in [(lab, ContextID(0)), (prod, ContextID(1))] {
            let active = await simulator.allJobStatuses().first { !$0.knownState.hasEnded }
            if let active {
                await simulator.advance(jobId: active.id)
                let moved = await simulator.jobStatus(id: active.id)?.state
                try await pilot.waitFor("the change of \(active.id)") { $0.state.jobs[JobKey(context: context, id: active.id)]?.state == moved }
            }
            Self.expectNewestFirst(pilot, all: all, "after a status change on \(context)")
        }
        // The whole history of both.
        try await pilot.press(.char("G"))
        try await pilot.waitFor("the whole history") { !$0.state.loadingHistory }
        try await pilot.runUntilQuiet()
        #expect(Array(pilot.state.loadOrder) == all)
        #expect(Array(pilot.state.visibleIds) == all)
        #expect(pilot.state.brokenInvariants.isEmpty, "\(pilot.state.brokenInvariants)")
    }

    /// The loaded jobs are the start of `all` (both servers' histories in `ListingOrder`), apart from
    /// a server's jobs below where its loaded history ends, which are missing and marked.
    private static func expectNewestFirst(_ pilot: Pilot, all: [JobKey], _ when: String) {
        let state = pilot.state
        #expect(state.brokenInvariants.isEmpty, "\(when): \(state.brokenInvariants)")
        let loaded = Set(state.loadOrder)
        #expect(Array(state.loadOrder) == all.filter(loaded.contains), "\(when): loaded jobs in the merged order")
        // Down to the first server's history end, nothing is missing.
        let ends = state.historyEndRows.keys.min() ?? state.loadOrder.count - 1
        #expect(Array(state.loadOrder.prefix(ends + 1)) == Array(all.prefix(ends + 1)), "\(when): complete down to row \(ends)")
    }

    /// Both simulators' jobs as the wire carries them (times to the second), in `ListingOrder`;
    /// one server's jobs of one second keep that server's order.
    static func expectedOrder(_ lab: ICWSSimulator, _ prod: ICWSSimulator) async -> [JobKey] {
        var jobs: [(key: JobKey, time: Date?, position: Int)] = []
        for (index, simulator) in [lab, prod].enumerated() {
            for (position, job) in await simulator.allJobStatuses().enumerated() {
                let time = job.submitTime.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
                jobs.append((JobKey(context: ContextID(index), id: job.id), time, position))
            }
        }
        return jobs.sorted { a, b in
            if ListingOrder.precedes(a.time, context: a.key.context.index, b.time, context: b.key.context.index) { return true }
            if ListingOrder.precedes(b.time, context: b.key.context.index, a.time, context: a.key.context.index) { return false }
            return a.position < b.position
        }.map(\.key)
    }
}
