@testable import Exporter
import ICWSWire
import Testing

@Suite("Job tally")
struct JobTallyTests {
    /// What the tally reads of a job's status.
    static func status(_ id: String, _ state: JobState) -> JobTally.Seen {
        JobTally.Seen(JobStatus(id: id, name: "job \(id)", submittedUserId: "admin", state: state))
    }

    @Test("counts by state; a change moves one job; an older status arriving late is ignored")
    func counts() {
        var tally = JobTally(window: 10)
        tally.apply([Self.status("1", .started), Self.status("2", .queued), Self.status("3", .finished)])
        #expect(tally.counts == ["started": 1, "queued": 1, "finished": 1])
        tally.apply([Self.status("1", .canceled)])
        #expect(tally.counts["started"] == 0 && tally.counts["canceled"] == 1)
        let wentBack = tally.apply([Self.status("1", .started)])
        #expect(!wentBack && tally.counts["canceled"] == 1, "a state never goes back")
        #expect(Set(tally.unendedIds) == ["2"])
    }

    @Test("states the client does not know share one label")
    func unknownStates() {
        var tally = JobTally(window: 10)
        tally.apply([Self.status("1", .unknown(77)), Self.status("2", .unknown(-3))])
        #expect(tally.counts == ["unknown": 2])
    }

    @Test("beyond the window the oldest known jobs are forgotten, and their counts with them")
    func window() {
        var tally = JobTally(window: 3)
        tally.apply((1...5).map { Self.status(String($0), .finished) })
        #expect(tally.count == 3 && tally.counts["finished"] == 3)
        #expect(!tally.knows("1") && !tally.knows("2") && tally.knows("5"))
    }
}
