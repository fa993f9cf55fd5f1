import Foundation
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
