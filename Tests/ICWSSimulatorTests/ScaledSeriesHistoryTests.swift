import Foundation
@testable import ICWSSimulator
import ICWSWire
import Testing

/// `simulate --series-history --jobs N`: a realistic large history (a few hundred series, not one
/// series per job), the six extracts' history unchanged inside it.
@Suite("Series history scaled to a job count")
struct ScaledSeriesHistoryTests {
    static func statuses(jobs: Int, seed: UInt64 = 5) async -> [JobStatus] {
        var configuration = SimulatorConfiguration(jobCount: jobs, speed: 0, seed: seed)
        configuration.seriesHistory = true
        return await ICWSSimulator(configuration: configuration).allJobStatuses()
    }

    /// The jobs of the extracts `names` before `cutoff` (today's are moved by the clock): name, state and submit time.
    static func fingerprint(_ statuses: [JobStatus], names: Set<String>, before cutoff: Date) -> [String] {
        statuses.filter { names.contains($0.name) && ($0.submitTime ?? .distantFuture) < cutoff }.map { "\($0.name)|\($0.state.map { "\($0)" } ?? "-")|\($0.submitTime?.timeIntervalSince1970 ?? 0)" }
    }

    @Test("about N jobs in a few hundred series, oldest first, the same for the same seed")
    func aboutTheJobCountInAFewHundredSeries() async {
        let jobs = await Self.statuses(jobs: 20_000)
        #expect((19_000...21_000).contains(jobs.count), "\(jobs.count) jobs")
        let series = Set(jobs.map(\.name))
        #expect((60...120).contains(series.count), "\(series.count) series for 20,000 jobs")
        #expect(jobs.filter { $0.state == .started }.count == 1, "only the late job still runs")
        #expect(Set(jobs.compactMap(\.state)).isSuperset(of: [.finished, .failed, .canceled]))
        let again = await Self.statuses(jobs: 20_000)
        #expect(again.map(\.id) == jobs.map(\.id))
    }

    @Test("the six extracts' history (gap, streak, overlap, late job) is the same inside the scaled one")
    func theSixExtractsAreUnchanged() async {
        let cutoff = Date().addingTimeInterval(-36 * 3600)
        let small = await Self.statuses(jobs: 60)
        let six = Set(small.map(\.name))
        #expect(six.count == 6)
        let large = await Self.statuses(jobs: 5_000)
        #expect(large.count > 4_500)
        let before = Self.fingerprint(small, names: six, before: cutoff)
        #expect(before.count > 200)
        #expect(Self.fingerprint(large, names: six, before: cutoff) == before)
    }
}

/// A server lists no job from the future: the re-run two hours after one of today's failures
/// is left out until then.
@Suite("Series history and the clock")
struct SeriesHistoryClockTests {
    @Test(arguments: [3, 7, 12]) func noJobIsSubmittedOrEndsAfterNow(hour: Int) {
        var configuration = SimulatorConfiguration(jobCount: 20_000, speed: 0, seed: 5)
        configuration.seriesHistory = true
        let now = Date(timeIntervalSince1970: 1_796_601_600 + Double(hour) * 3600)  // 2026-12-07, hour:00 UTC
        let statuses = SeriesHistory.make(configuration, now: now).map(\.status)
        #expect(statuses.count > 19_000)
        let late = statuses.filter { ($0.submitTime ?? now) > now || ($0.endTime ?? now) > now }
        #expect(late.isEmpty, "\(late.count) jobs after now, the first submitted \(late.first?.submitTime.map { "\($0)" } ?? "-")")
    }
}
