import Foundation
import ICWSWire
import Testing
@testable import ICWSSimulator

/// A job list in `status` mode is joined from each job's entry, encoded once and kept until the
/// job changes: the answer must stay what encoding the whole `JobList` gives.
@Suite("Job list encoding")
struct JobListEncodingTests {
    private func store(hostile: Bool, active: Int? = nil) -> JobStore {
        var configuration = SimulatorConfiguration(jobCount: 300, speed: 0)
        configuration.hostileData = hostile
        configuration.activeJobCount = active
        return JobStore(seed: configuration.seed, seeded: SeedJobs.make(configuration, now: Date(timeIntervalSince1970: 1_800_000_000)))
    }

    private func encoded(_ records: [JobRecord]) throws -> Data {
        try ICWSJSON.encode(JobList(records.map { Job(jobStatus: $0.status) }))
    }

    @Test(arguments: [false, true])
    func joinedEntriesAreTheEncodedJobListByteForByte(hostile: Bool) throws {
        var jobs = store(hostile: hostile)
        func joined(_ fromJobId: String?, _ count: Int) -> Data {
            JobRoutes.jobList(jobs.statusEntries(fromJobId: fromJobId, count: count))
        }
        let newest = jobs.page(fromJobId: nil, count: 100)
        #expect(try joined(nil, 100) == encoded(newest))
        let from = try #require(newest.last?.status.id)
        let older = jobs.page(fromJobId: from, count: 1000)
        #expect(try joined(from, 1000) == encoded(older), "a short page")
        #expect(try joined(from, 1000) == encoded(older), "entries kept")
        #expect(try joined(UUID().uuidString, 10) == encoded([]))
    }

    @Test func aJobThatChangesIsEncodedAgain() throws {
        var jobs = store(hostile: false, active: 5)
        let before = jobs.statusEntries(fromJobId: nil, count: 10)
        let job = try #require(jobs.page(fromJobId: nil, count: 10).first { !$0.state.hasEnded })
        guard case .success = jobs.cancel(id: job.status.id, by: "admin", isAdministrator: true, at: Date(timeIntervalSince1970: 1_800_000_100)) else {
            Issue.record("the cancel was refused")
            return
        }
        let after = jobs.statusEntries(fromJobId: nil, count: 10)
        let changed = try #require(jobs.page(fromJobId: nil, count: 10).firstIndex { $0.status.id == job.status.id })
        #expect(after[changed] != before[changed])
        #expect(after[changed] == (try ICWSJSON.encode(Job(jobStatus: jobs[job.status.id]?.status))))
        #expect(String(decoding: after[changed], as: UTF8.self).contains(#""cancelUserId":"admin""#))
        for index in after.indices where index != changed { #expect(after[index] == before[index]) }
    }

    /// Every ASCII control character, quotes, backslashes, slashes and text beyond ASCII, in each
    /// string field, and every optional field absent or present.
    @Test func anEntryIsWhatTheEncoderWritesForAnyText() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let texts = [controls, "\"quoted\" \\ back / slash", "\u{7F}\u{9B}\u{202E}\u{2028}\u{2029} 夜間 🧪", "", "plain"]
        let date = Date(timeIntervalSince1970: 1_800_000_000.75)
        for text in texts {
            let full = JobStatus(id: text + "id", name: text, submittedUserId: text, submittedUserSiteId: -7, state: .unknown(42),
                                 submitTime: date, queuedTime: date, startedTime: date, finishedTime: date, failedTime: date,
                                 canceledTime: date, stateChangedTime: date, cancelUserId: text, outputFolder: text, errorInfo: text)
            let bare = JobStatus(id: text, name: text, submittedUserId: text)
            for status in [full, bare] {
                let entry = StatusEntryJSON.encode(status)
                let expected = try ICWSJSON.encode(Job(jobStatus: status))
                #expect(entry == expected, "\(String(decoding: entry, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
            }
        }
    }
}
