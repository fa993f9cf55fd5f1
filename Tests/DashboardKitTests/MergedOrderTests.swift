import Foundation
import Testing
import ICWSWire
@testable import DashboardKit

/// Several servers' jobs in one list, newest first at every moment (`ListingOrder`, the order of
/// `jobs list --all-contexts`): pages land where their jobs belong, the selection opens on the
/// newest job of all, and where a server's loaded history ends is marked and loaded on.
@Suite("Merged order over servers")
struct MergedOrderTests {
    static let lab = ContextID(0), prod = ContextID(1)

    static func twoServers(width: Int = 120, height: Int = 40) -> DashboardState {
        let options = DashboardOptions(contexts: [ContextOptions(name: "lab"), ContextOptions(name: "prod")], timeFormat: .utc)
        var state = DashboardState(options: options, width: width, height: height)
        for context in [lab, prod] { _ = update(&state, .connectionChanged(context: context, .connected, at: Fixture.base)) }
        return state
    }

    /// Jobs named `prefix-minute`, submitted at those minutes, in the order given (newest first).
    static func jobs(_ prefix: String, _ minutes: [Double]) -> [JobStatus] {
        minutes.map { Fixture.job(Int($0 * 10), .finished, minute: $0, name: "\(prefix)-\($0)") }
    }

    static func names(_ state: DashboardState) -> [String] { state.visibleIds.compactMap { state.jobs[$0]?.name } }

    static func page(_ context: ContextID, _ jobs: [JobStatus], olderThan: String? = nil, requested: Int? = nil) -> Action {
        .pageLoaded(context: context, jobs: jobs, olderThan: olderThan, requested: requested ?? jobs.count, at: Fixture.at(40))
    }

    @Test func pagesOfTwoServersInterleaveNewestFirst() {
        var state = Self.twoServers()
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [30, 20, 10])))
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", [25, 15, 5])))
        #expect(Self.names(state) == ["lab-30.0", "prod-25.0", "lab-20.0", "prod-15.0", "lab-10.0", "prod-5.0"])
        // An older page of one server goes between the other's jobs.
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [8, 4]), olderThan: "100"))
        #expect(Self.names(state) == ["lab-30.0", "prod-25.0", "lab-20.0", "prod-15.0", "lab-10.0", "lab-8.0", "prod-5.0", "lab-4.0"])
        // A new job from the feed goes where its time puts it; ties go to the context listed first.
        Fixture.send(&state, .statusesReceived(context: Self.prod, Self.jobs("prod", [20, 31]), at: Fixture.at(41)))
        #expect(Array(Self.names(state).prefix(5)) == ["prod-31.0", "lab-30.0", "prod-25.0", "lab-20.0", "prod-20.0"])
        #expect(state.loadOrder == state.visibleIds)
        #expect(state.brokenInvariants.isEmpty)
        // Another sort and back to newest gives the same order.
        let newest = state.visibleIds
        for _ in 0..<5 { Fixture.press(&state, .char("s")) }
        #expect(state.sort == .newest)
        #expect(state.visibleIds == newest)
    }

    @Test func theSelectionStaysOnTheNewestJobAsSlowerServersAnswer() {
        var state = Self.twoServers()
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [30, 20, 10])))
        #expect(state.selectedId == state.visibleIds.first)
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", [35, 15, 5])))
        #expect(state.jobs[state.selectedId!]?.name == "prod-35.0", "the newest job of both servers")
        #expect(state.selectedIndex == 0)
        #expect(state.listScroll == 0)
    }

    @Test func afterTheOperatorMovesTheSelectionStaysOnItsJob() {
        var state = Self.twoServers()
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [30, 20, 10])))
        Fixture.press(&state, .char("j"))
        let chosen = state.selectedId
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", [35, 15, 5])))
        #expect(state.selectedId == chosen)
    }

    @Test func whereAServersLoadedHistoryEndsIsMarked() {
        var state = Self.twoServers()
        // Full pages (as many as asked): both have older jobs; prod's reach less far back.
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [30, 20, 10, 5, 2])))
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", [25, 15])))
        let prodEnd = state.visibleIds.firstIndex { state.jobs[$0]?.name == "prod-15.0" }!
        #expect(state.historyEndRows == [prodEnd: Self.prod], "lab's end is the last row: nothing below it looks complete")
        let lines = MultiServerTests.screen(state).lines
        #expect(lines.first { $0.contains("prod-15.0") }?.hasPrefix("┄") == true)
        #expect(lines.filter { $0.hasPrefix("┄") }.count == 1)
        #expect(lines.first { $0.contains("prod-15.0") }.map { line in
            MultiServerTests.screen(state).style(atRow: lines.firstIndex(of: line)!, col: 3).underline } == true)
        // prod's older pages: a short one, then one with no job: its history is all loaded, the mark goes.
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", [3]), olderThan: "150", requested: 50))
        #expect(!state.historyEndRows.isEmpty, "a short page is not the end")
        Fixture.send(&state, Self.page(Self.prod, [], olderThan: "30", requested: 50))
        #expect(state.historyEndRows.isEmpty)
    }

    /// A server need not list its jobs in submission order (the fact sheet leaves the order open;
    /// the simulator's `--series-history` lists runs of weekly and monthly extracts among the daily
    /// ones). The next page starts after the last job the server listed: starting after the oldest
    /// by submission asked for a page overlapping the last, and missed the page read ahead, so `G`
    /// fetched every page twice.
    @Test func anOlderPageStartsAfterTheLastJobTheServerListed() {
        var state = Self.twoServers()
        // A list shorter than the screen asks for older pages at once.
        let first = Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [30, 10, 20])))
        #expect(first.pageLoads == [.loadOlderPage(context: Self.lab, olderThan: "200", count: 50)],
                "lab listed 20.0 last, though 10.0 was submitted earlier")
        let older = Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [8, 5, 9]), olderThan: "200"))
        #expect(older.pageLoads == [.loadOlderPage(context: Self.lab, olderThan: "90", count: 50)])
        let refreshed = Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [40, 30, 10])))
        #expect(refreshed.pageLoads.isEmpty, "a page is in flight")
        #expect(state.servers[0].paging.oldestListed == "90", "a refresh of the newest page leaves where the walk is")
    }

    @Test func movingNearAServersHistoryEndLoadsItsOlderJobs() {
        var state = Self.twoServers()
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", (0..<40).map { 100 - Double($0) })))
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", [99.5, 97.5])))
        var effects: [Effect] = []
        for _ in 0..<3 { effects += Fixture.press(&state, .char("j")) }
        #expect(effects.contains(.loadOlderPage(context: Self.prod, olderThan: "975", count: 50)))
        #expect(!effects.contains { if case .loadOlderPage(Self.lab, _, _, _) = $0 { true } else { false } },
                "lab's end is far below")
    }

    /// Seen in a tryout: server prod stopped during `G`. Its failed page stopped every server's
    /// walk, and lab's next page wiped prod's failure from the status line, so the walk ended
    /// silently part way with lab not loaded to its oldest job either.
    @Test func aServerFailingDuringTheHistoryWalkLeavesTheOthersWalking() {
        var state = Self.twoServers()
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", (0..<40).map { 100 - Double($0) })))
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", (0..<40).map { 99.5 - Double($0) })))
        #expect(Fixture.press(&state, .char("G")).pageLoads == [
            .loadOlderPage(context: Self.lab, olderThan: "610", count: historyPageSize, readAhead: true),
            .loadOlderPage(context: Self.prod, olderThan: "605", count: historyPageSize, readAhead: true),
        ])
        Fixture.send(&state, .pageFailed(context: Self.prod, olderThan: "605", failure: Failure(.unavailable, "refused"), at: Fixture.at(41)))
        let labWalks = state.loadingHistory
        #expect(labWalks, "lab's walk goes on")
        let failure = "prod: Could not load older jobs: "
        #expect(state.statusMessage?.text.hasPrefix(failure) == true)

        let labPage = Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [50, 40]), olderThan: "610", requested: historyPageSize))
        #expect(labPage.pageLoads == [.loadOlderPage(context: Self.lab, olderThan: "400", count: historyPageSize, readAhead: true)],
                "only lab is asked for its next page")
        Fixture.send(&state, .statusesReceived(context: Self.lab, Self.jobs("lab", [101]), at: Fixture.at(42)))
        #expect(state.statusMessage?.text.hasPrefix(failure) == true, "lab's pages and statuses do not end prod's failure")

        Fixture.send(&state, Self.page(Self.lab, [], olderThan: "400", requested: historyPageSize))
        #expect(!state.loadingHistory)
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(state.statusMessage?.text.hasPrefix(failure) == true, "the walk's end keeps the reason prod is not loaded")
        #expect(state.historyEndRows.values.contains(Self.prod), "where prod's loaded history ends stays marked")

        // prod answers again: its failure is over; G walks only prod, and the end names what is loaded.
        Fixture.send(&state, .statusesReceived(context: Self.prod, Self.jobs("prod", [100.5]), at: Fixture.at(43)))
        #expect(state.statusMessage == nil)
        #expect(Fixture.press(&state, .char("G")).pageLoads == [
            .loadOlderPage(context: Self.prod, olderThan: "605", count: historyPageSize, readAhead: true),
        ])
        Fixture.send(&state, Self.page(Self.prod, [], olderThan: "605", requested: historyPageSize))
        #expect(state.statusMessage?.text == "History loaded: 84 jobs listed.")
        #expect(state.brokenInvariants.isEmpty)
    }

    /// At 80x24 (tryout): the failure that names its server takes the status row and the footer's,
    /// whole; the next key gives the footer back, and the walk's progress goes on.
    @Test func aServersFailureAt80x24IsShownWholeUntilTheNextKey() {
        var state = Self.twoServers(width: 80, height: 24)
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", (0..<40).map { 100 - Double($0) })))
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", (0..<40).map { 99.5 - Double($0) })))
        Fixture.press(&state, .char("G"))
        let failure = Failure(.unavailable, "cannot connect to 127.0.0.1:18402: connection refused")
        Fixture.send(&state, .pageFailed(context: Self.prod, olderThan: "605", failure: failure, at: Fixture.at(41)))
        let said = state.statusMessage?.text
        let bottom = MultiServerTests.screen(state).lines.suffix(2).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(bottom.joined(separator: " ") == said, "two rows, nothing cut")
        #expect(bottom[0].hasPrefix("prod: Could not load older jobs:"))
        Fixture.press(&state, .escape)
        let lines = MultiServerTests.screen(state).lines
        #expect(lines.last?.contains("q quit") == true, "the footer is back")
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [50]), olderThan: "610", requested: historyPageSize))
        #expect(state.statusMessage?.text == "Loading history: 81 jobs…")
    }

    /// A walk that ends while a server's failure is no longer shown names the server left short.
    @Test func aWalkEndingWithAServerShortSaysWhich() {
        var state = Self.twoServers()
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", (0..<40).map { 100 - Double($0) })))
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", (0..<40).map { 99.5 - Double($0) })))
        Fixture.press(&state, .char("G"))
        Fixture.send(&state, .pageFailed(context: Self.prod, olderThan: "605", failure: Failure(.timeout, ""), at: Fixture.at(41)))
        Fixture.send(&state, .statusesReceived(context: Self.prod, Self.jobs("prod", [100.5]), at: Fixture.at(42)))
        Fixture.send(&state, Self.page(Self.lab, [], olderThan: "610", requested: historyPageSize))
        #expect(!state.loadingHistory)
        #expect(state.statusMessage?.text == "History loaded but for prod (G to try again): 81 jobs listed.")
    }

    @Test func aJobWhoseSubmissionTimeChangesMoves() {
        var state = Self.twoServers()
        Fixture.send(&state, Self.page(Self.lab, Self.jobs("lab", [30, 20, 10])))
        Fixture.send(&state, Self.page(Self.prod, Self.jobs("prod", [25, 15, 5])))
        var moved = Self.jobs("lab", [10])[0]
        moved.submitTime = Fixture.at(27)
        Fixture.send(&state, .statusesReceived(context: Self.lab, [moved], at: Fixture.at(41)))
        #expect(Array(Self.names(state).prefix(3)) == ["lab-30.0", "lab-10.0", "prod-25.0"])
        #expect(state.brokenInvariants.isEmpty)
    }
}
