@testable import Exporter
import Foundation
import ICWSSimulator
import ICWSWire
import Insight
import PrometheusTestSupport
import Testing

@Suite("Series metrics from the insight model")
struct SeriesMetricsTests {
    @Test("every series of the simulator exported by its short id, with the model's streak, last success and run count; more changed series than one refresh step takes")
    func series() async throws {
        let simulator = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 1200, speed: 0, seed: 11))
        try await simulator.start()
        var options = Exporter.Options()
        options.timeZone = TimeZone(identifier: "UTC")!
        options.window = 2000
        let exporter = try Exporter(servers: [try FollowingTests.server(simulator, context: "east")], version: "0.1.0",
                                    options: options, note: { _ in })
        exporter.start()
        _ = try await FollowingTests.waitFor(exporter, "every job counted") { samples in
            samples.filter { $0.name == "dxtop_jobs" }.reduce(0) { $0 + $1.value } == 1200
        }
        let now = Date()
        exporter.publishSeries(now: now)
        var reference = InsightModel(timeZone: TimeZone(identifier: "UTC")!)
        for status in await simulator.allJobStatuses() {
            reference.record(server: "east", status: status, config: await simulator.jobConfig(id: status.id))
        }
        let summaries = reference.summaries()
        #expect(summaries.count >= 2, "the seeded simulator has series")
        let text = String(decoding: exporter.exposition(), as: UTF8.self)
        let samples = try #require(ExpositionSamples.parse(text))
        let exportedIds = Set(samples.filter { $0.name == "dxtop_series_failure_streak" }.compactMap { $0.labels["series"] })
        // The cap keeps the series seen first (a label set stays once exported): which ones depends
        // on how the listing's pages and the refreshes interleaved, so only the count is fixed.
        #expect(exportedIds.count == SeriesMetrics.cap && exportedIds.isSubset(of: Set(summaries.map(\.key.id))))
        #expect(exportedIds.allSatisfy { $0.count == 10 && $0.allSatisfy(\.isHexDigit) })
        #expect(summaries.count > Exporter.seriesPerStep, "the simulator's random jobs form more series than one refresh step takes")
        #expect(ExpositionSamples.value(samples, "dxtop_series_dropped", ["context": "east"])
                == Double(summaries.count - SeriesMetrics.cap), "the series beyond the cap are counted")
        for summary in summaries where exportedIds.contains(summary.key.id) {
            let labels = ["context": "east", "series": summary.key.id]
            #expect(ExpositionSamples.value(samples, "dxtop_series_failure_streak", labels) == Double(summary.failureStreak))
            if let success = summary.lastSuccess {
                // The wire carries whole seconds; the simulator's own dates have fractions.
                let exported = try #require(ExpositionSamples.value(samples, "dxtop_series_last_success_timestamp_seconds", labels))
                #expect(abs(exported - success.timeIntervalSince1970) < 1)
            }
            let timed = reference.runs(server: "east", key: summary.key).filter { $0.runTime != nil }.count
            #expect(ExpositionSamples.value(samples, "dxtop_series_run_duration_seconds_count", labels) == Double(timed))
        }
        exporter.publishSeries(now: now)
        let again = try #require(ExpositionSamples.parse(String(decoding: exporter.exposition(), as: UTF8.self)))
        let counts = { (samples: [ExpositionSample]) in samples.filter { $0.name == "dxtop_series_run_duration_seconds_count" }.map(\.value) }
        #expect(counts(again) == counts(samples), "a second publish records no run twice")
        if PrometheusBinaries.path("promtool") != nil {
            let check = try PrometheusBinaries.promtool(["check", "metrics"], input: Data(text.utf8))
            #expect(check.status == 0, "\(check.output)")
        }
        await exporter.stop()
        await simulator.stop()
    }
}
