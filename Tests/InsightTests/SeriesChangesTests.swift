import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing

/// The journal of touched series: what a list of every series reads to update only their rows.
@Suite("The series touched since a mark")
struct SeriesChangesTests {
    let day = dayWindow(paris, 2026, 3, 2)

    func job(_ id: String, _ state: JobState = .finished, table name: String, minutes: Double = 10) -> (JobStatus, JobConfig) {
        (ended(id, state, submitted: day.end.addingTimeInterval(3600), minutes: minutes), config(tables: [table(name)], window: day))
    }

    @Test("each series made, given a job, or whose job ended, once, with its newest name; a job without configuration is in none; no pass over the series")
    func touchedOnce() throws {
        var model = InsightModel(timeZone: paris)
        for (status, config) in [job("a1", table: "A"), job("b1", table: "B")] { model.record(server: "s", status: status, config: config) }
        let mark = model.seriesChangeMark
        #expect(model.seriesChanged(since: mark)?.isEmpty == true)
        let (running, config) = job("a2", .started, table: "A")
        model.record(server: "s", status: running, config: config)
        for (status, config) in [job("c1", table: "C"), job("a2", table: "A")] { model.record(server: "s", status: status, config: config) }
        model.record(server: "s", status: ended("lone", submitted: day.end, minutes: 1), config: nil)
        let touched = try #require(model.seriesChanged(since: mark))
        #expect(touched.map(\.name) == ["job a2", "job c1"])
        #expect(touched.map(\.ref) == ["a1", "c1"].map { model.seriesRef(server: "s", jobId: $0) })
        #expect(touched.map(\.key) == ["a1", "c1"].map { model.seriesKey(server: "s", jobId: $0) })
        #expect(model.seriesScans.value == 0)
        #expect(model.seriesChanged(since: model.seriesChangeMark)?.isEmpty == true)
    }

    @Test("a mark older than what the journal keeps gives nil: the reader lists every series again")
    func tooOld() {
        var model = InsightModel(timeZone: paris)
        let mark = model.seriesChangeMark
        for n in 0..<5000 {
            let (status, config) = job("j\(n)", table: "T\(n % 10)")
            model.record(server: "s", status: status, config: config)
        }
        #expect(model.seriesChanged(since: mark) == nil)
        let recent = model.seriesChangeMark - 100
        #expect(model.seriesChanged(since: recent)?.count == 10)
        #expect(model.seriesChanged(since: model.seriesChangeMark + 1) == nil)
    }
}
