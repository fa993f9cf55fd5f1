@testable import Insight
import Testing

/// The model's job table reserves room at every batch recorded (a warm start's slices): it grows
/// twofold, never to the exact count, which copied every job at every slice.
@Suite struct JobTableGrowthTests {
    @Test func reservingSliceBySliceGrowsTwofold() {
        var table = JobTable()
        var growths = 0
        var capacity = table.capacity
        for slice in 1...25 {
            table.reserveCapacity(slice * 4000)
            #expect(table.capacity >= slice * 4000)
            if table.capacity != capacity { (growths, capacity) = (growths + 1, table.capacity) }
        }
        #expect(growths <= 6, "100,000 jobs reserved 4,000 at a time: \(growths) copies")
    }
}
