import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing

@Suite("The dashboard's cheap questions: recent runs, streaks, failing series, names")
struct GlanceTests {
    let t0 = at(paris, 2026, 11, 2, 1)

    func model(_ states: [JobState], server: String = "prod") -> (InsightModel, SeriesKey) {
        var model = InsightModel(timeZone: paris)
        for (i, state) in states.enumerated() {
            let window = dayWindow(paris, 2026, 11, 1 + i)
            model.record(server: server, status: ended("r\(i)", state, submitted: t0.addingTimeInterval(Double(i) * 86_400), minutes: 10 + Double(i)),
                         config: config(window: window))
        }
        return (model, model.seriesKey(server: server, jobId: "r0")!)
    }

    @Test("recent runs are the newest, newest first; the streak counts back to the last finished run")
    func recentAndStreak() {
        let (model, key) = model([.finished, .finished, .failed, .finished, .failed, .canceled])
        #expect(model.recentRuns(server: "prod", key: key, count: 3).map(\.jobId) == ["r5", "r4", "r3"])
        #expect(model.recentRuns(server: "prod", key: key, count: 99).count == 6)
        #expect(model.failureStreak(server: "prod", key: key) == 2)
        #expect(model.failureStreak(server: "other", key: key) == 0)
        #expect(model.baseline(server: "prod", key: key)?.runCount == 3)
        #expect(model.summaries()[0].failureStreak == 2)
    }

    @Test("found by a job: its series' recent runs, and the streak only on the series' newest run")
    func byJob() {
        let (model, _) = model([.finished, .failed, .failed])
        #expect(model.recentRuns(server: "prod", jobId: "r0", count: 2).map(\.jobId) == ["r2", "r1"])
        #expect(model.streakEnding(server: "prod", jobId: "r2") == 2)
        #expect(model.streakEnding(server: "prod", jobId: "r1") == 0)
        #expect(model.streakEnding(server: "other", jobId: "r2") == 0)
        #expect(model.recentRuns(server: "prod", jobId: "nope", count: 2).isEmpty)
        #expect(model.summaries()[0].finished == 1 && model.summaries()[0].failed == 2 && model.summaries()[0].canceled == 0)
    }

    @Test("failing series name their newest run; a series that recovered is not failing")
    func failing() {
        let (failing, key) = model([.finished, .failed, .failed])
        let found = failing.failingSeries()
        #expect(found.count == 1 && found[0].key == key && found[0].streak == 2 && found[0].lastJobId == "r2")
        let (recovered, _) = model([.failed, .failed, .finished])
        #expect(recovered.failingSeries().isEmpty)
    }

    @Test("series names come from the newest run, or a pending job")
    func names() {
        var (model, key) = model([.finished, .finished])
        #expect(model.seriesNames().map(\.name) == ["job r1"])
        model.record(server: "lab", status: JobStatus(id: "p", name: "lab nightly", submittedUserId: "admin", state: .started,
                                                      submitTime: t0, startedTime: t0),
                     config: config(window: dayWindow(paris, 2026, 11, 20)))
        #expect(model.seriesNames().map(\.name) == ["lab nightly", "job r1"])
        #expect(model.pendingRuns(server: "lab", key: key).map(\.jobId) == ["p"])
    }
}
