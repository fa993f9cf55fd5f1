import AsyncHTTPClient
import Foundation
import ICWSSimulator
import ICWSWire
import PrometheusTestSupport
import Testing

/// The series metrics of `dxtop exporter` (the built binary) following two simulators with 70 days
/// of series history (SeriesHistory.swift), asked through a real Prometheus's HTTP API.
@Suite("dxtop exporter's series metrics under a real Prometheus", .serialized,
       .enabled(if: PrometheusBinaries.shouldRun, Comment(rawValue: PrometheusBinaries.skipNote)))
struct ExporterSeriesPrometheusTests {
    @Test("run-duration histogram, last success, failure streak, coverage gaps and overdue of series-history simulators, through /api/v1/query; promtool check metrics on that exposition")
    func seriesHistory() async throws {
        func history(seed: UInt64) -> SimulatorConfiguration {
            var configuration = SimulatorConfiguration(speed: 0, seed: seed)
            configuration.seriesHistory = true
            return configuration
        }
        let east = try await SimulatorFixture.start(history(seed: 5))
        let west = try await SimulatorFixture.start(history(seed: 6))
        defer { Task { await east.stop(); await west.stop() } }
        let config = try CLIContextsListTests.config([("east", east.url), ("west", west.url)])
        var environment = config.environment
        environment["TZ"] = "UTC"  // the simulator's days are UTC days
        let exporter = try DxtopBinary.start(["exporter", "--all-contexts", "--listen", "127.0.0.1:0"], env: environment)
        defer { exporter.send(SIGKILL) }
        try await exporter.waitFor(stdout: "/metrics\n")
        let exporterAddress = try #require(exporter.stdout.text.split(separator: "http://").last?.split(separator: "/").first)
        let prometheus = try RealPrometheus(scraping: String(exporterAddress))
        defer { prometheus.stop() }
        let api = PrometheusAPI(client: HTTPClient.shared, port: prometheus.port)

        for (fixture, context) in [(east, "east"), (west, "west")] {
            let expected = Self.expected(await fixture.simulator.allJobStatuses())
            let selector = "{context=\"\(context)\"}"
            // One series per extract, each run with a start and an end in its histogram once.
            try await api.waitFor("count(dxtop_series_failure_streak\(selector))", equals: Double(expected.count))
            try await api.waitFor("sum(dxtop_series_run_duration_seconds_count\(selector))",
                                  equals: Double(expected.map(\.timedRuns).reduce(0, +)))
            let counts = try await api.values("dxtop_series_run_duration_seconds_count\(selector)")
            #expect(counts.map(\.value).sorted() == expected.map { Double($0.timedRuns) }.sorted())
            let buckets = try await api.values("dxtop_series_run_duration_seconds_bucket{context=\"\(context)\",le=\"+Inf\"}")
            #expect(buckets.map(\.value).sorted() == counts.map(\.value).sorted(), "+Inf buckets equal the counts")
            let streaks = try await api.values("dxtop_series_failure_streak\(selector)")
            #expect(streaks.map(\.value).sorted() == expected.map { Double($0.streak) }.sorted())
            #expect(streaks.contains { $0.value >= 3 }, "the third extract keeps failing: \(streaks)")
            let successes = try await api.values("dxtop_series_last_success_timestamp_seconds\(selector)")
            // The wire carries whole seconds; the simulator's own dates have fractions.
            let exported = successes.map(\.value).sorted(), simulated = expected.compactMap(\.lastSuccess).sorted()
            #expect(exported.count == simulated.count && zip(exported, simulated).allSatisfy { abs($0 - $1) < 1 },
                    "\(exported) against \(simulated)")
            // The first extract's day that failed and was never re-run, and the third's days still failing.
            let gaps = try await api.values("dxtop_series_coverage_gaps\(selector)")
            #expect(gaps.map(\.value).reduce(0, +) >= 2, "\(gaps)")
            let gapSeconds = try await api.values("dxtop_series_coverage_gap_seconds\(selector)")
            #expect(gapSeconds.map(\.value).reduce(0, +) >= 2 * 86_400, "\(gapSeconds)")
            #expect(Set(gaps.compactMap { $0.labels["series"] }) == Set(streaks.compactMap { $0.labels["series"] }))
            #expect(streaks.allSatisfy { ($0.labels["series"] ?? "").count == 10 }, "the series label is the short id")
        }
        // Today's run of the first extract has run three medians: overdue.
        try await api.waitFor("dxtop_jobs_overdue{context=\"east\"}", equals: 1)

        var request = HTTPClientRequest(url: "http://\(exporterAddress)/metrics")
        request.headers.add(name: "Accept", value: "text/plain")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 22)
        let text = String(buffer: body)
        #expect(text.contains("dxtop_series_run_duration_seconds_bucket{") && text.contains("dxtop_series_coverage_gap_seconds{"))
        let lint = try PrometheusBinaries.promtool(["check", "metrics"], input: Data(text.utf8))
        #expect(lint.status == 0, "promtool check metrics:\n\(lint.output)")

        exporter.send(SIGTERM)
        let result = try await exporter.wait(timeout: .seconds(30))
        #expect(result.status == 0, "\(result)")
    }

    /// Per extract (SeriesHistory names each extract uniquely): runs with a run time, failed or
    /// canceled runs in a row back from the newest ended one, when the newest finished one ended.
    struct Extract {
        var timedRuns = 0
        var streak = 0
        var lastSuccess: Double?
    }

    static func expected(_ statuses: [JobStatus]) -> [Extract] {
        let ended = statuses.filter { $0.knownState.hasEnded }
        return Dictionary(grouping: ended, by: \.name).values.map { runs in
            func end(_ status: JobStatus) -> Date {
                status.endTime ?? status.stateChangedTime ?? status.startedTime ?? status.submitTime ?? .distantPast
            }
            let newestFirst = runs.sorted { (end($0), $0.id) > (end($1), $1.id) }
            var extract = Extract()
            extract.timedRuns = runs.filter { status in status.startedTime.map { end(status) >= $0 } ?? false }.count
            extract.streak = newestFirst.prefix { $0.knownState != .finished }.count
            extract.lastSuccess = newestFirst.first { $0.knownState == .finished }.map { end($0).timeIntervalSince1970 }
            return extract
        }
    }
}
