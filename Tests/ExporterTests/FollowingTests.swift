@testable import Exporter
import Foundation
import ICWSClient
import ICWSSimulator
import ICWSWire
import PrometheusTestSupport
import Synchronization
import TestClock
import Testing

/// The exporter in-process against real simulators over loopback.
@Suite("Exporter following simulators")
struct FollowingTests {
    /// Context names a config file could hold: quotes, backslashes, a line break, braces, non-ASCII.
    static let hostileContexts = ["prod\"} evil{x=\"1", "lab\\n\u{7}\nnext", "δοκιμή ✓"]

    static func server(_ simulator: ICWSSimulator, context: String) throws -> ExportedServer {
        let user = simulator.configuration.users.first { $0.userID == "admin" }!
        return ExportedServer(context: context, configuration: ICWSClientConfiguration(
            server: try ICWSServer(parsing: simulator.baseURL),
            credentials: ICWSCredentials(user: user.userID, password: user.password)))
    }

    static func counts(_ simulator: ICWSSimulator) async -> [String: Double] {
        var counts: [String: Double] = [:]
        for status in await simulator.allJobStatuses() {
            counts[MetricCatalogue.stateLabel(status.state ?? .unknown(-1)), default: 0] += 1
        }
        return counts
    }

    /// Polls the exposition until `condition` holds (a 120 s safety net: a listing page that times
    /// out on a loaded machine is tried again 15 s later); returns the last samples.
    static func waitFor(_ exporter: Exporter, _ what: String,
                        _ condition: ([ExpositionSample]) -> Bool) async throws -> [ExpositionSample] {
        let deadline = ContinuousClock.now + .seconds(120)
        while true {
            let text = String(decoding: exporter.exposition(), as: UTF8.self)
            let samples = try #require(ExpositionSamples.parse(text), "not valid exposition:\n\(text)")
            if condition(samples) { return samples }
            guard ContinuousClock.now < deadline else {
                Issue.record("no \(what) within 120 s:\n\(text)")
                return samples
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test("hostile server data and hostile context names: no trap, valid exposition, labels read back exactly, no job id")
    func hostile() async throws {
        var simulators: [ICWSSimulator] = []
        for seed in 1...3 {
            var configuration = SimulatorConfiguration(jobCount: 12, speed: 0, seed: UInt64(seed), hostileData: true)
            configuration.port = 0
            let simulator = ICWSSimulator(configuration: configuration)
            try await simulator.start()
            simulators.append(simulator)
        }
        let servers = try zip(simulators, Self.hostileContexts).map { try Self.server($0, context: $1) }
        let notes = NoteLog()
        let exporter = try Exporter(servers: servers, version: "0.1.0", note: notes.add)
        exporter.start()
        var expected: [String: [String: Double]] = [:]
        for (simulator, context) in zip(simulators, Self.hostileContexts) { expected[context] = await Self.counts(simulator) }
        let samples = try await Self.waitFor(exporter, "every job counted") { samples in
            Self.hostileContexts.allSatisfy { context in
                MetricCatalogue.stateLabels.allSatisfy { state in
                    ExpositionSamples.value(samples, "dxtop_jobs", ["context": context, "state": state]) == expected[context]?[state] ?? 0
                }
            }
        }
        exporter.publishSeries()
        let text = String(decoding: exporter.exposition(), as: UTF8.self)
        #expect(text.contains("dxtop_series_failure_streak{"), "the series metrics of hostile jobs are in the exposition")
        var ids = Set<String>()
        for simulator in simulators { ids.formUnion(await simulator.allJobStatuses().map(\.id)) }
        let labelValues = Set(try #require(ExpositionSamples.parse(text)).flatMap { Array($0.labels.values) })
        #expect(labelValues.isDisjoint(with: ids), "no job id as a label value")
        let states: Set<String> = Set(samples.filter { $0.name == "dxtop_jobs" }.compactMap { $0.labels["state"] })
        #expect(states == Set(MetricCatalogue.stateLabels))
        #expect(samples.filter { $0.name == "dxtop_server_up" }.count == 3)
        if PrometheusBinaries.path("promtool") != nil {
            let check = try PrometheusBinaries.promtool(["check", "metrics"], input: Data(text.utf8))
            #expect(check.status == 0, "promtool check metrics:\n\(check.output)\n\(text)")
        }
        await exporter.stop()
        for simulator in simulators {
            #expect(await simulator.endSessions() == 0, "stop() logged out of every server")
            await simulator.stop()
        }
        #expect(notes.lines.allSatisfy { !$0.contains("\n") && !$0.contains("\u{7}") }, "notes are one safe line: \(notes.lines)")
    }

    @Test("a cancel shows at once; a stopped server turns to down while another keeps counting; the cost is counted")
    func downServer() async throws {
        var simulators: [ICWSSimulator] = []
        for seed in [3, 4] as [UInt64] {
            let simulator = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 8, speed: 0, seed: seed))
            try await simulator.start()
            simulators.append(simulator)
        }
        let (east, west) = (simulators[0], simulators[1])
        let exporter = try Exporter(servers: [try Self.server(east, context: "east"), try Self.server(west, context: "west")],
                                    version: "0.1.0", note: { _ in })
        exporter.start()
        func canceled(_ context: String) -> ([ExpositionSample]) -> Double? {
            { ExpositionSamples.value($0, "dxtop_jobs", ["context": context, "state": "canceled"]) }
        }
        let eastCounts = await Self.counts(east)
        _ = try await Self.waitFor(exporter, "east counted") { canceled("east")($0) == eastCounts["canceled"] ?? 0 }
        let active = try #require(await east.allJobStatuses().first { !($0.state?.hasEnded ?? true) })
        try await east.cancel(jobId: active.id, as: "admin")
        _ = try await Self.waitFor(exporter, "the cancel") { canceled("east")($0) == (eastCounts["canceled"] ?? 0) + 1 }
        await west.stop()
        let samples = try await Self.waitFor(exporter, "west down") {
            ExpositionSamples.value($0, "dxtop_server_up", ["context": "west"]) == 0
        }
        #expect(ExpositionSamples.value(samples, "dxtop_server_up", ["context": "east"]) == 1)
        #expect((ExpositionSamples.value(samples, "dxtop_server_requests_total", ["context": "east"]) ?? 0) >= 3)
        #expect((ExpositionSamples.value(samples, "dxtop_server_response_bytes_total", ["context": "east"]) ?? 0) > 100)
        #expect(ExpositionSamples.value(samples, "dxtop_server_logins_total", ["context": "east"]) == 1)
        let another = try #require(await east.allJobStatuses().first { !($0.state?.hasEnded ?? true) })
        try await east.cancel(jobId: another.id, as: "admin")
        _ = try await Self.waitFor(exporter, "east still updating") { canceled("east")($0) == (eastCounts["canceled"] ?? 0) + 2 }
        await exporter.stop()
        await east.stop()
    }
}

extension FollowingTests {
    /// The check waits on the session's clock: the test moves it by the real interval.
    @Test("a listing cut short by a failing page is taken up again on the next check, down to the window")
    func listingResumes() async throws {
        let simulator = try await Self.listsFailingAfterOne(jobCount: 1200, seed: 8)
        let options = Exporter.Options()
        let clock = ManualClock(start: Date())
        var server = try Self.server(simulator, context: "east")
        server.configuration.clock = clock
        let exporter = try Exporter(servers: [server], version: "0.1.0", options: options, note: { _ in })
        exporter.start()
        func total(_ samples: [ExpositionSample]) -> Double {
            samples.filter { $0.name == "dxtop_jobs" }.reduce(0) { $0 + $1.value }
        }
        _ = try await Self.waitFor(exporter, "the first page counted") { total($0) == 500 }
        await simulator.setFaults(SimulatorFaults())
        #expect(await clock.waitForSleepers(2), "the check and the stream's watchdog wait on the clock")
        clock.advance(by: options.newestCheckInterval)
        _ = try await Self.waitFor(exporter, "the whole window counted") { total($0) == 1000 }
        await exporter.stop()
        await simulator.stop()
    }
}

extension FollowingTests {
    /// A started simulator whose job lists fail after the first one, until its faults are cleared.
    static func listsFailingAfterOne(jobCount: Int, seed: UInt64) async throws -> ICWSSimulator {
        let simulator = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: jobCount, speed: 0, seed: seed))
        try await simulator.start()
        await simulator.setFaults(SimulatorFaults(failJobListsAfter: 1))
        return simulator
    }
}

/// The exporter's notes, collected.
final class NoteLog: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    func add(_ line: String) { storage.withLock { $0.append(line) } }
}
