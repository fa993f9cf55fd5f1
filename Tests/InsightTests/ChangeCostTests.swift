import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing

/// Issue 17: one status change costs the model O(1) amortised. Counted, not timed: the model counts
/// its passes over every series, and a change must make none; the glance counts the dashboard
/// draws at every frame must give what the full lists give.
@Suite("A status change walks no series")
struct ChangeCostTests {
    /// `count` jobs of as many series (each its own columns), every tenth still running, with
    /// five finished runs of one more series so that a baseline exists.
    func distinctSeries(_ count: Int) -> [(status: JobStatus, config: JobConfig)] {
        let day = dayWindow(paris, 2026, 3, 2)
        let columns = (0..<count).map { n in config(tables: [table("T\(n)")], window: day) }
        let runs = (0..<count).map { n -> (JobStatus, JobConfig) in
            let submitted = day.end.addingTimeInterval(Double(n))
            if n % 10 == 0 {
                return (JobStatus(id: "r\(n)", name: "run \(n)", submittedUserId: "admin", state: .started, submitTime: submitted,
                                  startedTime: submitted.addingTimeInterval(60)), columns[n])
            }
            return (ended("j\(n)", n % 7 == 0 ? .failed : .finished, submitted: submitted, minutes: 10), columns[n])
        }
        let judged = (0..<5).map { n in
            (ended("b\(n)", submitted: day.end.addingTimeInterval(Double(-86_400 * (n + 1))), minutes: 1), config(window: day))
        }
        return runs + judged
    }

    @Test("recording 400 jobs of 400 series one at a time makes no pass over the series")
    func oneByOne() {
        var model = InsightModel(timeZone: paris)
        for job in distinctSeries(400) { model.record(server: "s", status: job.status, config: job.config) }
        #expect(model.seriesScans.value == 0)
        #expect(model.hasJudgedSeries)
        #expect(model.summaries().count == 401)
    }

    @Test("the glance counts equal the full lists' counts")
    func glanceCounts() {
        var model = InsightModel(timeZone: paris)
        model.record(contentsOf: distinctSeries(200).map { (server: "s", status: $0.status, config: $0.config) })
        let day = dayWindow(paris, 2026, 3, 2)
        let overdue = JobStatus(id: "late", name: "late", submittedUserId: "admin", state: .started,
                                submitTime: day.end, startedTime: day.end.addingTimeInterval(60))
        model.record(server: "s", status: overdue, config: config(window: day))
        let now = day.end.addingTimeInterval(86_400)
        let scans = model.seriesScans.value
        let counts = (model.overdueCount(now: now), model.failingSeriesCount)
        #expect(model.seriesScans.value == scans)
        #expect(counts.0 == model.pendingJobs(now: now).filter(\.progress.overdue).count)
        #expect(counts.0 == 1)
        #expect(counts.1 == model.failingSeries().count)
        #expect(counts.1 > 0)
    }
}
