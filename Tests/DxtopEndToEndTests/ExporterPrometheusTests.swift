import AsyncHTTPClient
import Foundation
import ICWSSimulator
import ICWSWire
import PrometheusTestSupport
import Testing

/// `dxtop exporter` (the built binary) following two simulators, scraped every second by a real
/// Prometheus on loopback, asked through its HTTP API.
@Suite("dxtop exporter under a real Prometheus", .serialized,
       .enabled(if: PrometheusBinaries.shouldRun, Comment(rawValue: PrometheusBinaries.skipNote)))
struct ExporterPrometheusTests {
    @Test("job counts match both simulators; a cancel shows within two scrapes; a stopped simulator turns down while the other updates; SIGTERM logs out")
    func twoSimulators() async throws {
        let east = try await SimulatorFixture.start(SimulatorConfiguration(jobCount: 9, speed: 0, seed: 5))
        let west = try await SimulatorFixture.start(SimulatorConfiguration(jobCount: 6, speed: 0, seed: 6))
        defer { Task { await east.stop(); await west.stop() } }
        let config = try CLIContextsListTests.config([("east", east.url), ("west", west.url)])
        let exporter = try DxtopBinary.start(["exporter", "--all-contexts", "--listen", "127.0.0.1:0"], env: config.environment)
        try await exporter.waitFor(stdout: "/metrics\n")
        let exporterAddress = try #require(exporter.stdout.text.split(separator: "http://").last?.split(separator: "/").first)

        let prometheus = try RealPrometheus(scraping: String(exporterAddress))
        defer { prometheus.stop() }
        let client = HTTPClient.shared
        let api = PrometheusAPI(client: client, port: prometheus.port)

        // Every state of both servers, as Prometheus stored it.
        for (fixture, context) in [(east, "east"), (west, "west")] {
            let expected = await Self.counts(fixture.simulator)
            for state in JobState.known.map(\.word) {
                try await api.waitFor("dxtop_jobs{context=\"\(context)\",state=\"\(state)\"}", equals: expected[state] ?? 0)
            }
        }

        // A cancel on east: seen within two scrapes of the exporter. Counted from Prometheus's own
        // samples (the scrapes after the cancel up to the first that shows it), so a stall of this
        // test process while it polls does not count.
        let canceled = "dxtop_jobs{context=\"east\",state=\"canceled\"}"
        let canceledBefore = try #require(try await api.value(canceled))
        let active = try #require(await east.activeJob())
        try await east.simulator.cancel(jobId: active.id, as: "admin")
        let canceledAt = Date().timeIntervalSince1970
        try await api.waitFor(canceled, equals: canceledBefore + 1, pollEvery: .milliseconds(100))
        let samples = try await api.samples(canceled + "[1h]")
        let shown = try #require(samples.first { $0.time > canceledAt && $0.value == canceledBefore + 1 })
        let scrapes = samples.filter { $0.time > canceledAt && $0.time <= shown.time }.count
        #expect(scrapes <= 2, "the cancel took \(scrapes) scrapes to show")

        // West stops: its server_up goes to 0; east stays up and keeps updating.
        await west.stop()
        try await api.waitFor("dxtop_server_up{context=\"west\"}", equals: 0)
        #expect(try await api.value("dxtop_server_up{context=\"east\"}") == 1)
        let another = try #require(await east.activeJob())
        try await east.simulator.cancel(jobId: another.id, as: "admin")
        try await api.waitFor("dxtop_jobs{context=\"east\",state=\"canceled\"}", equals: canceledBefore + 2)

        // The exposition as the text format passes promtool's lint.
        var request = HTTPClientRequest(url: "http://\(exporterAddress)/metrics")
        request.headers.add(name: "Accept", value: "text/plain")
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let lint = try PrometheusBinaries.promtool(["check", "metrics"], input: Data(body.readableBytesView))
        #expect(lint.status == 0, "promtool check metrics:\n\(lint.output)")

        exporter.send(SIGTERM)
        let result = try await exporter.wait(timeout: .seconds(30))
        #expect(result.status == 0, "\(result)")
        #expect(await east.simulator.endSessions() == 0, "the exporter logged out of east")
        #expect(!result.stderr.contains("admin-secret") && !result.stdout.contains("admin-secret"))
    }

    static func counts(_ simulator: ICWSSimulator) async -> [String: Double] {
        var counts: [String: Double] = [:]
        for status in await simulator.allJobStatuses() { counts[status.knownState.word, default: 0] += 1 }
        return counts
    }
}
