import DashboardCache
import DashboardKit
import DashboardRuntime
import Foundation
import ICWSSimulator
import ICWSWire
import Synchronization
import Testing

/// The dashboard's start from the history cache: real SQLite files in a temporary folder, the
/// real simulator over loopback. A first run walks the history (`G`) and files it; a second
/// start lists it all at once, asking the server only what is new.
/// One test at a time: each reads and files thousands of jobs through SQLite, and side by side
/// they pushed the conformance matrix in the same test process past its timing bounds.
@Suite("Pilot: the start from the history cache", .serialized)
struct CacheStartFlowTests {
    /// The first page (50), two full history pages and a short one.
    static let jobs = 50 + 2 * 1000 + 120
    /// Job lists and jobs by id: what the cache saves (login, subscriptions and the feed are apart).
    static let jobRequests = "GET data-extractor/jobs"

    static func withFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-\(UUID().uuidString)")
        return try await finally(await body(folder)) { try? FileManager.default.removeItem(at: folder) }
    }

    static func store(_ folder: URL, _ name: String = "pilot") -> CachedHistoryStore {
        CachedHistoryStore(url: folder.appendingPathComponent("\(name).sqlite"), label: name, logger: Pilot.logger("cache"))
    }

    /// One dashboard run over `simulators` (one store each, or none): started, `body`, stopped
    /// (which stores every page handed to the stores).
    /// `returnFreedMemory`: counts the runtime's hand-backs of freed memory.
    static func run(_ simulators: [ICWSSimulator], stores: [any HistoryStore], returnFreedMemory: @escaping () -> Void = {},
                    width: Int = 160, height: Int = 45, _ body: (Pilot) async throws -> Void) async throws {
        let options = simulators.count == 1 ? DashboardOptions(server: "pilot", user: "admin")
            : DashboardOptions(contexts: simulators.indices.map { ContextOptions(name: "s\($0)") })
        let pilot = try Pilot(options: options, ports: simulators.map { $0.port ?? 0 }, width: width, height: height,
                              histories: stores, returnFreedMemory: returnFreedMemory)
        try await pilot.start()
        try await finally(await body(pilot)) { await pilot.stop() }
    }

    /// The first run: `G` to the oldest job of every server.
    static func walkAll(_ simulators: [ICWSSimulator], stores: [CachedHistoryStore]) async throws {
        try await run(simulators, stores: stores) { pilot in
            try await pilot.press(.char("G"))
            try await pilot.waitFor("the history") { !$0.state.loadingHistory }
        }
    }

    @Test func aSecondStartListsTheWholeHistoryWithoutGAndOneRequestMore() async throws {
        try await Self.withFolder { folder in
            try await withSimulator({ $0.jobCount = Self.jobs }) { simulator in
                let all = await simulator.allJobStatuses().map(\.id)
                try await Self.walkAll([simulator], stores: [Self.store(folder)])
                // What a start without a cache asks for: the first page and the selected job's configuration.
                let plainStart = simulator.traffic()
                try await Self.run([simulator], stores: []) { _ in }
                let plainTraffic = simulator.traffic().since(plainStart)
                let plain = plainTraffic.requests(startingWith: Self.jobRequests)
                let plainFirstPages = plainTraffic.requests(startingWith: "GET data-extractor/jobs?jobCount=50")
                let warmStart = simulator.traffic()
                let returned = Mutex(0)
                try await Self.run([simulator], stores: [Self.store(folder)], returnFreedMemory: { returned.withLock { $0 += 1 } }) { pilot in
                    try await pilot.waitFor("the cached history") { $0.state.servers[0].paging.phase == .reachedOldest }
                    try await pilot.runUntilQuiet()
                    #expect(pilot.state.loadOrder.map(\.id) == all)
                    #expect(returned.withLock { $0 } == 1, "the memory the restore freed is handed back once")
                    #expect(pilot.state.brokenInvariants.isEmpty)
                    let traffic = simulator.traffic().since(warmStart)
                    #expect(traffic.requests(startingWith: Self.jobRequests) - plain <= 3, "\(traffic.requests)")
                    #expect(traffic.requests(startingWith: "GET data-extractor/jobs?jobCount=1000") == 0, "\(traffic.requests)")
                    #expect(traffic.requests(startingWith: "GET data-extractor/jobs?jobCount=50") == plainFirstPages + 1,
                            "the warm read: one page as long as the dashboard's first, which met the cache: \(traffic.requests)")
                    if ProcessInfo.processInfo.environment["PILOT_TRAFFIC"] != nil { print("TRAFFIC warm start", plain, traffic.requests) }
                    let beforeG = simulator.traffic()
                    try await pilot.press(.char("G"))
                    let walk = simulator.traffic().since(beforeG)
                    #expect(walk.requests(startingWith: "GET data-extractor/jobs?") == 0, "G asks for no page: \(walk.requests)")
                }
            }
        }
    }

    /// A cache filled only with the first page is not the whole history: it is not restored, and
    /// `G` walks on to the oldest job, filing the rest.
    @Test func aPartlyFilledCacheLetsGWalkToTheOldestJob() async throws {
        try await Self.withFolder { folder in
            try await withSimulator({ $0.jobCount = Self.jobs }) { simulator in
                let all = await simulator.allJobStatuses().map(\.id)
                try await Self.run([simulator], stores: [Self.store(folder)]) { _ in }
                try await Self.run([simulator], stores: [Self.store(folder)]) { pilot in
                    // The first run filed only its first page: not the whole history, so nothing is
                    // restored (a warm read would stop at that page) and the pages go on filling it.
                    #expect(pilot.state.loadOrder.count < 1000)
                    #expect(pilot.state.servers[0].paging.phase != .reachedOldest)
                    try await pilot.press(.char("G"))
                    try await pilot.waitFor("the history") { !$0.state.loadingHistory }
                    try await pilot.runUntilQuiet()
                    #expect(pilot.state.loadOrder.map(\.id) == all)
                }
                // That walk filed the rest: a third start has it all.
                try await Self.run([simulator], stores: [Self.store(folder)]) { pilot in
                    try await pilot.waitFor("the cached history") { $0.state.servers[0].paging.phase == .reachedOldest }
                    #expect(pilot.state.loadOrder.map(\.id) == all)
                }
            }
        }
    }

    /// A file that is not a database is rebuilt, one that cannot be opened is left out: one
    /// warning in the status line, and the dashboard lists and walks the server as without a cache.
    @Test(arguments: [false, true])
    func aBrokenCacheWarnsOnceAndTheDashboardWorksAsWithout(unusable: Bool) async throws {
        try await Self.withFolder { folder in
            try await withSimulator({ $0.jobCount = Self.jobs }) { simulator in
                let all = await simulator.allJobStatuses().map(\.id)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let file = folder.appendingPathComponent("pilot.sqlite")
                if unusable {
                    try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
                } else {
                    try Data(repeating: 0x5a, count: 4096).write(to: file)
                }
                try await Self.run([simulator], stores: [Self.store(folder)], width: 80, height: 24) { pilot in
                    try await pilot.waitFor("the warning") { pilot in
                        if case .info(let text) = pilot.state.statusMessage { text.contains("history cache") } else { false }
                    }
                    guard case .info(let text) = pilot.state.statusMessage else { return }
                    #expect(text.contains(unusable ? "cannot be used" : "rebuilt"), "\(text)")
                    #expect(!text.contains("\n"))
                    // At 80 columns the path is cut, never what happened.
                    #expect(pilot.screen.contains(unusable ? "history cache" : "history cache rebuilt from the server"), "\(pilot.screen)")
                    try await pilot.press(.char("G"))
                    try await pilot.waitFor("the history") { !$0.state.loadingHistory }
                    try await pilot.runUntilQuiet()
                    #expect(pilot.state.loadOrder.map(\.id) == all)
                }
            }
        }
    }

    /// A server that caps every list at 25 jobs without saying so (profile `capped-job-count`, an
    /// answer docs/icws-choices.md § 6 leaves open): a short page is not the end of its history,
    /// so `G` lists every job, 25 at a time, until a page with no job (as `jobs list --all` does).
    /// The cache holds the whole history, and a second start lists it from there: no walk, no
    /// page of 1,000, no more than a start asks.
    @Test func aServerThatCapsItsListsIsWalkedWholeAndReadOnceFromTheCache() async throws {
        try await Self.withFolder { folder in
            try await withSimulator({ $0.jobCount = 300; $0.profile = ServerProfile.named("capped-job-count")! }) { simulator in
                let all = await simulator.allJobStatuses().map(\.id)
                let firstStart = simulator.traffic()
                var listed: [String] = []
                try await Self.run([simulator], stores: [Self.store(folder)]) { pilot in
                    try await pilot.press(.char("G"))
                    try await pilot.waitFor("the end of the list") { $0.state.servers[0].paging.phase == .reachedOldest }
                    try await pilot.runUntilQuiet()
                    listed = pilot.state.loadOrder.map(\.id)
                }
                let first = simulator.traffic().since(firstStart).requests(startingWith: Self.jobRequests)
                #expect(listed == all, "every job, in the server's order: \(listed.count) of \(all.count)")
                let secondStart = simulator.traffic()
                try await Self.run([simulator], stores: [Self.store(folder)]) { pilot in
                    try await pilot.waitFor("the cached history") { $0.state.servers[0].paging.phase == .reachedOldest }
                    try await pilot.runUntilQuiet()
                    #expect(pilot.state.loadOrder.map(\.id) == listed)
                    try await pilot.press(.char("G"))
                    try await pilot.runUntilQuiet()
                }
                let second = simulator.traffic().since(secondStart)
                #expect(second.requests(startingWith: Self.jobRequests) <= first + 3, "\(second.requests)")
                #expect(second.requests(startingWith: "GET data-extractor/jobs?jobCount=1000") == 0, "\(second.requests)")
            }
        }
    }

    /// Two servers, one cache each: the second start lists both histories whole.
    @Test func twoServersStartFromTheirOwnCaches() async throws {
        try await Self.withFolder { folder in
            try await withSimulator({ $0.jobCount = 1500 }) { first in
                try await withSimulator({ $0.jobCount = Self.jobs }) { second in
                    let all = await first.allJobStatuses().count + second.allJobStatuses().count
                    let stores = { [Self.store(folder, "first"), Self.store(folder, "second")] }
                    try await Self.walkAll([first, second], stores: stores())
                    try await Self.run([first, second], stores: stores()) { pilot in
                        try await pilot.waitFor("both cached histories") { pilot in
                            pilot.state.servers.allSatisfy { $0.paging.phase == .reachedOldest }
                        }
                        try await pilot.runUntilQuiet()
                        #expect(pilot.state.loadOrder.count == all)
                        #expect(pilot.state.brokenInvariants.isEmpty)
                    }
                }
            }
        }
    }
}
