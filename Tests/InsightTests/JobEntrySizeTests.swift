import Foundation
@testable import Insight
import JobComposition
import Testing

/// The model keeps one `JobEntry` per job: at 100,000 jobs its dictionary has 262,144 buckets, so
/// every byte of an entry is a quarter of a megabyte (docs/performance.md, "realistic history").
@Suite("What the model keeps per job")
struct JobEntrySizeTests {
    @Test("a job entry is 32 bytes and gives back what it was made with")
    func packed() {
        #expect(MemoryLayout<JobEntry>.stride <= 32)
        let window = TimeWindow(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 86_400))
        let entry = JobEntry(series: 70_000, step: 3, ended: true, window: window)
        #expect(entry.series == 70_000 && entry.step == 3 && entry.ended && entry.window == window)
        let waiting = JobEntry(series: nil, step: nil, ended: false, window: nil)
        #expect(waiting.series == nil && waiting.step == nil && !waiting.ended && waiting.window == nil)
    }
}
