@testable import Exporter
import Foundation
import HistoryCache
import ICWSClient
import ICWSSimulator
import ICWSWire
import PrometheusTestSupport
import TestClock
import Testing

/// The exporter's first listing through the history cache, against a real simulator and a real
/// SQLite file in a temporary folder.
/// One test at a time: each follows thousands of jobs through SQLite, and side by side they pushed
/// the conformance matrix in the same test process past its timing bounds (3 of 4 full runs).
@Suite("Exporter with the history cache", .serialized)
struct HistoryCacheFollowingTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-exporter-cache-\(UUID().uuidString)")
    }

    /// Requests since `before` for the history: job lists and jobs by id (not the newest-job check,
    /// `jobCount=1`, every 15 s).
    static func historyRequests(_ before: SimulatorTraffic, _ after: SimulatorTraffic) -> [String: Int] {
        after.since(before).requests.filter { $0.key.hasPrefix("GET data-extractor/jobs") && $0.key != "GET data-extractor/jobs?jobCount=1" }
    }

    /// Follows `simulator` until every job is counted, publishes the series at `now`, stops; returns
    /// the job and series samples (the server metrics, whose requests differ, left out).
    static func followOnce(_ simulator: ICWSSimulator, cache: HistoryCache?, now: Date,
                           note: @escaping @Sendable (String) -> Void = { _ in }) async throws -> [ExpositionSample] {
        var options = Exporter.Options()
        options.window = 5000
        options.timeZone = TimeZone(identifier: "UTC")!
        var server = try FollowingTests.server(simulator, context: "east")
        server.cache = cache
        let exporter = try Exporter(servers: [server], version: "0.1.0", options: options, note: note)
        exporter.start()
        let total = Double(await simulator.allJobStatuses().count)
        let counted = try await FollowingTests.waitFor(exporter, "every job counted") { Self.total($0) >= total }
        #expect(Self.total(counted) == total, "the server's jobs, no more")
        exporter.publishSeries(now: now)
        let text = String(decoding: exporter.exposition(), as: UTF8.self)
        await exporter.stop()
        return try #require(ExpositionSamples.parse(text)).filter { $0.name.hasPrefix("dxtop_jobs") || $0.name.hasPrefix("dxtop_series_") }
    }

    /// The cache file of the simulator's admin in `folder` (the CLI's name for it).
    static func cacheFile(_ simulator: ICWSSimulator, in folder: URL) throws -> URL {
        CacheFiles.database(server: try ICWSServer(parsing: simulator.baseURL).description, user: "admin", in: folder)
    }

    /// Every job counted in `dxtop_jobs`.
    static func total(_ samples: [ExpositionSample]) -> Double {
        samples.filter { $0.name == "dxtop_jobs" }.reduce(0) { $0 + $1.value }
    }

    /// An exporter (started) following `simulator` through a cache file in `folder`, its session
    /// on `clock` (so the test moves the newest-job check), a window of 5000.
    static func startCached(_ simulator: ICWSSimulator, folder: URL, clock: ManualClock,
                            note: @escaping @Sendable (String) -> Void = { _ in }) throws -> (exporter: Exporter, file: URL) {
        let file = try Self.cacheFile(simulator, in: folder)
        var options = Exporter.Options()
        options.window = 5000
        var server = try FollowingTests.server(simulator, context: "east")
        server.cache = try HistoryCache(at: file)
        server.configuration.clock = clock
        let exporter = try Exporter(servers: [server], version: "0.1.0", options: options, note: note)
        exporter.start()
        return (exporter, file)
    }

    static func sorted(_ samples: [ExpositionSample]) -> [String] {
        samples.map { "\($0.name)\($0.labels.sorted { $0.key < $1.key }) \($0.value)" }.sorted()
    }

    @Test("a warm start against an unchanged server lists its history in one request and exports what a cold start and --no-cache export")
    func warmStart() async throws {
        var configuration = SimulatorConfiguration(jobCount: 2500, speed: 0, seed: 11)
        configuration.seriesHistory = true
        let simulator = ICWSSimulator(configuration: configuration)
        try await simulator.start()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.cacheFile(simulator, in: folder)
        let now = Date()

        let t0 = simulator.traffic()
        let cold = try await Self.followOnce(simulator, cache: try HistoryCache(at: file), now: now)
        let t1 = simulator.traffic()
        let coldCost = Self.historyRequests(t0, t1)
        #expect(coldCost["GET data-extractor/jobs?jobCount=1000"] == 4, "cold: every page and the empty one: \(coldCost)")
        #expect(try HistoryCache(at: file).info().jobs > 2000, "the cold start filed the ended jobs")

        let warm = try await Self.followOnce(simulator, cache: try HistoryCache(at: file), now: now)
        let warmCost = Self.historyRequests(t1, simulator.traffic())
        #expect(warmCost.values.reduce(0, +) <= 3, "warm: the newest page (and the jobs not ended beyond it): \(warmCost)")
        #expect(warmCost["GET data-extractor/jobs?jobCount=1000"] == 1, "\(warmCost)")

        let uncached = try await Self.followOnce(simulator, cache: nil, now: now)
        #expect(cold.contains { $0.name == "dxtop_series_failure_streak" }, "series exported")
        #expect(Self.sorted(warm) == Self.sorted(cold))
        #expect(Self.sorted(uncached) == Self.sorted(cold))
        await simulator.stop()
    }

    @Test("a server restarted on the same port with another history: the old jobs, marked purged, are not counted; one note")
    func restartedServer() async throws {
        let first = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 300, speed: 0, seed: 14))
        let port = try await first.start()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.cacheFile(first, in: folder)
        _ = try await Self.followOnce(first, cache: try HistoryCache(at: file), now: Date())
        await first.stop()
        var configuration = SimulatorConfiguration(jobCount: 200, speed: 0, seed: 15)
        configuration.port = port
        let second = ICWSSimulator(configuration: configuration)
        try await second.start()
        let notes = NoteLog()
        _ = try await Self.followOnce(second, cache: try HistoryCache(at: file), now: Date(), note: notes.add)
        let purged = notes.lines.filter { $0.contains("no longer listed by the server") }
        #expect(purged.count == 1 && purged[0].hasPrefix("context 'east': note: "), "\(notes.lines)")
        #expect(try HistoryCache(at: file).info().purged > 0)
        await second.stop()
    }

    /// The check waits on the session's clock: the test moves it while the first listing runs.
    @Test("a newest-job check while the first (cold) listing runs does not walk the history a second time")
    func checkDuringListing() async throws {
        let simulator = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 2500, speed: 0, seed: 16))
        try await simulator.start()
        await simulator.setFaults(SimulatorFaults(latency: .milliseconds(400)))
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock(start: Date())
        let (exporter, _) = try Self.startCached(simulator, folder: folder, clock: clock)
        let page = "GET data-extractor/jobs?jobCount=1000"
        let deadline = ContinuousClock.now + .seconds(30)
        while simulator.traffic().requests[page, default: 0] == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await clock.waitForSleepers(2), "the check and the stream's watchdog wait on the clock")
        clock.advance(by: Exporter.Options().newestCheckInterval)
        _ = try await FollowingTests.waitFor(exporter, "every job counted") { Self.total($0) == 2500 }
        await exporter.stop()
        let traffic = simulator.traffic().requests
        #expect(traffic["GET data-extractor/jobs?jobCount=1"] == 1, "the check ran: \(traffic)")
        #expect(traffic[page] == 4, "one cold walk (three pages and the empty one): \(traffic)")
        await simulator.stop()
    }

    /// The check waits on the session's clock: the test moves it by the real interval.
    @Test("a job added after the start costs one page of 500, as without the cache, and is filed in the cache")
    func laterListing() async throws {
        let simulator = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 2500, speed: 0, seed: 13))
        try await simulator.start()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock(start: Date())
        let (exporter, file) = try Self.startCached(simulator, folder: folder, clock: clock)
        _ = try await FollowingTests.waitFor(exporter, "every job counted") { Self.total($0) == 2500 }
        let before = simulator.traffic()
        let added = await simulator.addJob(JobConfig(name: "added after the start", submittedUserId: "admin",
                                                     tables: [DataSetConfig(name: "UserWorkgroups", column: [ColumnRef(name: "UserId")])]),
                                           submittedBy: "admin")
        while await simulator.jobStatus(id: added)?.state?.hasEnded == false { await simulator.advance(jobId: added) }
        #expect(await clock.waitForSleepers(2), "the check and the stream's watchdog wait on the clock")
        clock.advance(by: Exporter.Options().newestCheckInterval)
        _ = try await FollowingTests.waitFor(exporter, "the added job counted") { Self.total($0) == 2501 }
        let cost = Self.historyRequests(before, simulator.traffic())
        #expect(cost == ["GET data-extractor/jobs?jobCount=500": 1], "one page, no job by id: \(cost)")
        #expect(try HistoryCache(at: file).known([added]) == [added], "the ended job is cached")
        await exporter.stop()
        await simulator.stop()
    }

    /// The check waits on the session's clock: the test moves it by the real interval.
    @Test("a first listing cut short after one page leaves no gap: the next one walks the whole history again, in the server's order")
    func cutShort() async throws {
        let simulator = try await FollowingTests.listsFailingAfterOne(jobCount: 2500, seed: 12)
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock(start: Date())
        let notes = NoteLog()
        let (exporter, file) = try Self.startCached(simulator, folder: folder, clock: clock, note: notes.add)
        let deadline = ContinuousClock.now + .seconds(30)
        while !notes.lines.contains(where: { $0.contains("listing the jobs failed") }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try HistoryCache(at: file).info().jobs > 0, "the first page was filed: \(notes.lines)")
        await simulator.setFaults(SimulatorFaults())
        #expect(await clock.waitForSleepers(2), "the check and the stream's watchdog wait on the clock")
        clock.advance(by: Exporter.Options().newestCheckInterval)
        let total = Double(await simulator.allJobStatuses().count)
        _ = try await FollowingTests.waitFor(exporter, "every job counted") { Self.total($0) == total }
        await exporter.stop()
        let ended = await simulator.allJobStatuses().filter(\.knownState.hasEnded).map(\.id)
        #expect(try HistoryCache(at: file).jobs().map(\.status.id) == ended, "every ended job cached, newest first")
        await simulator.stop()
    }
}
