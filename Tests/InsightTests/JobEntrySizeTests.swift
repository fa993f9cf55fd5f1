import Foundation
import ICWSWire
@testable import Insight
import JobComposition
import Testing

/// The model keeps one `JobEntry` per job (docs/performance.md, "realistic history").
@Suite("What the model keeps per job")
struct JobEntrySizeTests {
    @Test("a job entry is 24 bytes and gives back what it was made with")
    func packed() {
        #expect(MemoryLayout<JobEntry>.stride <= 24)
        let window = TimeWindow(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 86_400))
        let entry = JobEntry(series: 70_000, step: 3, ended: true, window: window)
        #expect(entry.series == 70_000 && entry.step == 3 && entry.ended && entry.window == window)
        let waiting = JobEntry(series: nil, step: nil, ended: false, window: nil)
        #expect(waiting.series == nil && waiting.step == nil && !waiting.ended && waiting.window == nil)
    }
}

@Suite("The model's job table")
struct JobTableTests {
    @Test("jobs are found by server and id as the table grows, and a job set again is replaced")
    func findsAndReplaces() {
        var table = JobTable()
        for number in 0..<5000 {
            for server in 0..<2 {
                table.set(JobEntry(series: number, step: server, ended: false, window: nil), for: JobRef(server: server, id: "job-\(number)"))
            }
        }
        table.set(JobEntry(series: 7, step: 5, ended: true, window: nil), for: JobRef(server: 1, id: "job-42"))
        #expect(table.count == 10_000)
        #expect(table[JobRef(server: 0, id: "job-4999")]?.series == 4999)
        #expect(table[JobRef(server: 0, id: "job-42")].map { ($0.series, $0.step, $0.ended) } ?? (nil, nil, false) == (42, 0, false))
        #expect(table[JobRef(server: 1, id: "job-42")].map { ($0.series, $0.step, $0.ended) } ?? (nil, nil, false) == (7, 5, true))
        #expect(table[JobRef(server: 2, id: "job-42")] == nil)
        #expect(table[JobRef(server: 0, id: "job-5000")] == nil)
    }
}

@Suite("What the model keeps per run")
struct RunSizeTests {
    @Test("a run is 96 bytes and gives back its times, with none kept as none")
    func packed() {
        #expect(MemoryLayout<Run>.stride <= 96)
        let at = { (minutes: Double) in Date(timeIntervalSince1970: 1_800_000_000 + minutes * 60) }
        var status = JobStatus(id: "j1", name: "nightly", submittedUserId: "ops", state: .finished)
        status.submitTime = at(0)
        status.startedTime = at(2)
        status.finishedTime = at(12)
        let window = TimeWindow(start: at(-1440), end: at(0))
        let run = Run(status: status, outcome: .finished, window: window)
        #expect(run.submitted == at(0) && run.started == at(2) && run.ended == at(12) && run.window == window)
        #expect(run.runTime == 600 && run.queueWait == 120)
        var bare = JobStatus(id: "j2", name: "nightly", submittedUserId: "ops", state: .failed)
        bare.failedTime = at(5)
        let failed = Run(status: bare, outcome: .failed, window: nil)
        #expect(failed.submitted == nil && failed.started == nil && failed.window == nil && failed.ended == at(5))
        #expect(failed == Run(status: bare, outcome: .failed, window: nil), "equal with nothing kept")
    }
}
