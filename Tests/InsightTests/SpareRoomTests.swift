import Foundation
import ICWSWire
@testable import Insight
import Testing

/// A history read in pages grows each series' runs by doubling; once it is all in, the model
/// gives the spare room back and keeps every run as it was.
@Suite struct SpareRoomTests {
    @Test func theRunsOfASeriesKeepLittleMoreRoomThanTheyNeed() {
        var model = InsightModel(timeZone: paris)
        for page in 0..<30 {
            let jobs = (0..<10).map { n -> (server: String, status: JobStatus, config: JobConfig?) in
                let day = 300 - (page * 10 + n)
                let status = ended("j\(day)", submitted: at(paris, 2026, 1, 1).addingTimeInterval(Double(day) * 86_400), minutes: 5)
                return ("s", status, config(window: dayWindow(paris, 2026, 1, day), id: "j\(day)"))
            }
            model.record(contentsOf: jobs)
        }
        let runs = model.series.map(\.runs)
        #expect(runs.map(\.count) == [300])
        let room = { model.series[0].runs.capacity - model.series[0].runs.count }
        #expect(room() > 300 / 8 + 4, "grown by doubling")
        model.releaseSpareRoom()
        #expect(room() <= 300 / 8 + 4)
        #expect(model.series.map(\.runs) == runs)
    }
}
