import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing

@Suite("Baselines, ETA, the overdue rule and failure streaks")
struct BaselineTests {
    let extract = config(window: dayWindow(paris, 2026, 11, 1))
    let t0 = at(paris, 2026, 11, 2, 1)

    /// A model with one series whose finished runs took `minutes` (oldest first), a day apart.
    func model(_ minutes: [Double], states: [JobState]? = nil, queued: TimeInterval = 60) -> InsightModel {
        var model = InsightModel(timeZone: paris)
        for (i, m) in minutes.enumerated() {
            let state = states?[i] ?? .finished
            model.record(server: "prod", status: ended("r\(i)", state, submitted: t0.addingTimeInterval(Double(i) * 86_400), queued: queued, minutes: m),
                         config: extract)
        }
        return model
    }

    func baseline(_ model: InsightModel) -> Baseline { model.summaries()[0].baseline }

    @Test("median and MAD need five finished runs; a stuck run moves neither")
    func minimumRuns() {
        let four = baseline(model([10, 12, 11, 13]))
        #expect(four.runCount == 4)
        #expect(four.median == nil && four.mad == nil && !four.isJudged)
        #expect(!four.isOverdue(elapsed: 10_000))
        let five = baseline(model([10, 12, 11, 13, 300]))
        #expect(five.runCount == 5)
        #expect(close(five.median, 12 * 60))
        #expect(close(five.mad, 1 * 60))
    }

    @Test("only the last 20 finished runs count; failed and canceled runs never")
    func lastRunsOnly() {
        let old = [Double](repeating: 100, count: 25)  // all 45 runs: median 100
        let recent = [Double](repeating: 20, count: 20)
        #expect(close(baseline(model(old + recent)).median, 20 * 60))
        let withFailures = baseline(model([10, 10, 10, 10, 500, 500], states: [.finished, .finished, .finished, .finished, .failed, .canceled]))
        #expect(withFailures.runCount == 4)
        #expect(!withFailures.isJudged)
    }

    @Test("queue wait is kept apart from the run time")
    func queueWait() {
        let b = baseline(model([10, 10, 10, 10, 10], queued: 300))
        #expect(close(b.median, 600))
        #expect(close(b.queueMedian, 300))
        #expect(close(b.queueMAD, 0))
    }

    @Test("overdue past median + 3·MAD and at least 1.5 × the median")
    func overdueRule() {
        let tight = baseline(model([10, 10, 10, 9, 11]))  // median 10m, MAD 0m
        #expect(close(tight.median, 600) && close(tight.mad, 0))
        #expect(!tight.isOverdue(elapsed: 899.9))  // past median + 3·MAD, under 1.5×
        #expect(tight.isOverdue(elapsed: 900.1))
        let wide = baseline(model([10, 14, 6, 10, 10, 18, 2]))  // median 10m, MAD 4m
        #expect(close(wide.mad, 240))
        #expect(!wide.isOverdue(elapsed: 22 * 60 - 0.1))  // past 1.5×, under median + 3·MAD
        #expect(wide.isOverdue(elapsed: 22 * 60 + 0.1))
    }

    @Test("a running job: elapsed, ETA from its start, overdue once past the rule")
    func progress() {
        var m = model([10, 10, 10, 10, 10])
        let started = at(paris, 2026, 11, 20, 1)
        let running = JobStatus(id: "live", name: "Agent queue stats daily", submittedUserId: "admin", state: .started,
                                submitTime: started.addingTimeInterval(-30), startedTime: started)
        m.record(server: "prod", status: running, config: config(window: dayWindow(paris, 2026, 11, 19)))
        let early = m.progress(server: "prod", jobId: "live", now: started.addingTimeInterval(240))!
        #expect(early.elapsed == 240)
        #expect(early.eta == started.addingTimeInterval(600))
        #expect(!early.overdue)
        let late = m.progress(server: "prod", jobId: "live", now: started.addingTimeInterval(16 * 60))!
        #expect(late.overdue)
        #expect(m.pendingJobs(now: started.addingTimeInterval(16 * 60)).map(\.progress.overdue) == [true])
        // Without five runs there is no judgement.
        var young = model([10, 10])
        young.record(server: "prod", status: running, config: config(window: dayWindow(paris, 2026, 11, 19)))
        let unjudged = young.progress(server: "prod", jobId: "live", now: started.addingTimeInterval(3600))!
        #expect(unjudged.eta == nil && !unjudged.overdue)
    }

    @Test("the failure streak counts failed and canceled runs back to the last success")
    func streak() {
        let m = model([10, 10, 10, 10], states: [.failed, .finished, .failed, .canceled])
        let summary = m.summaries()[0]
        #expect(summary.failureStreak == 2)
        #expect(summary.lastFailure?.jobId == "r2")
        #expect(summary.lastFailure?.errorInfo == "disk full")
        #expect(summary.lastSuccess == m.runs(server: "prod", key: summary.key).first { $0.outcome == .finished }?.ended)
        var healed = m
        healed.record(server: "prod", status: ended("r9", submitted: t0.addingTimeInterval(9 * 86_400), minutes: 10), config: extract)
        #expect(healed.summaries()[0].failureStreak == 0)
    }
}
