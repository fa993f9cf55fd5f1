import Foundation
import ICWSWire
import Testing
@testable import ICWSSimulator

/// A job list is joined from each job's entry, written field by field (a status encoded once and
/// kept until the job changes): the answer must stay what encoding the whole `JobList` gives.
@Suite("Job list encoding")
struct JobListEncodingTests {
    private func store(hostile: Bool, active: Int? = nil) -> JobStore {
        var configuration = SimulatorConfiguration(jobCount: 300, speed: 0)
        configuration.hostileData = hostile
        configuration.activeJobCount = active
        return JobStore(seed: configuration.seed, seeded: SeedJobs.make(configuration, now: Date(timeIntervalSince1970: 1_800_000_000)))
    }

    private func encoded(_ records: [JobRecord], _ mode: JobsResponseMode) throws -> Data {
        try ICWSJSON.encode(JobList(records.map { JobRoutes.job($0, mode: mode) }))
    }

    @Test(arguments: [false, true], [JobsResponseMode.status, .configuration, .all])
    func joinedEntriesAreTheEncodedJobListByteForByte(hostile: Bool, mode: JobsResponseMode) throws {
        var jobs = store(hostile: hostile)
        func joined(_ fromJobId: String?, _ count: Int) -> Data {
            JobRoutes.jobList(jobs.entries(fromJobId: fromJobId, count: count, mode: mode))
        }
        func encoded(_ records: [JobRecord]) throws -> Data { try self.encoded(records, mode) }
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
        let before = jobs.entries(fromJobId: nil, count: 10, mode: .status)
        let job = try #require(jobs.page(fromJobId: nil, count: 10).first { !$0.state.hasEnded })
        guard case .success = jobs.cancel(id: job.status.id, by: "admin", isAdministrator: true, at: Date(timeIntervalSince1970: 1_800_000_100)) else {
            Issue.record("the cancel was refused")
            return
        }
        let after = jobs.entries(fromJobId: nil, count: 10, mode: .status)
        let changed = try #require(jobs.page(fromJobId: nil, count: 10).firstIndex { $0.status.id == job.status.id })
        #expect(after[changed] != before[changed])
        #expect(after[changed] == (try ICWSJSON.encode(Job(jobStatus: jobs[job.status.id]?.status))))
        #expect(String(decoding: after[changed], as: UTF8.self).contains(#""cancelUserId":"admin""#))
        for index in after.indices where index != changed { #expect(after[index] == before[index]) }
    }

    /// Every ASCII control character, quotes, backslashes, slashes and text beyond ASCII, in each
    /// string field, and every optional field absent or present, in each mode.
    @Test func anEntryIsWhatTheEncoderWritesForAnyText() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let texts = [controls, "\"quoted\" \\ back / slash", "\u{7F}\u{9B}\u{202E}\u{2028}\u{2029} 夜間 🧪", "", "plain"]
        let date = Date(timeIntervalSince1970: 1_800_000_000.75)
        for text in texts {
            let full = JobStatus(id: text + "id", name: text, submittedUserId: text, submittedUserSiteId: -7, state: .unknown(42),
                                 submitTime: date, queuedTime: date, startedTime: date, finishedTime: date, failedTime: date,
                                 canceledTime: date, stateChangedTime: date, cancelUserId: text, outputFolder: text, errorInfo: text)
            let bare = JobStatus(id: text, name: text, submittedUserId: text)
            let column = [ColumnRef(name: text), ColumnRef(name: "b")]
            let fullConfig = JobConfig(
                id: text, name: text, submittedUserId: text,
                tables: [DataSetConfig(name: text, dateTimeFilterColumn: text, siteIdFilterColumn: text, column: column),
                         DataSetConfig(name: "t", column: [])],
                views: [DataSetConfig(name: text, column: column)], startTimeFilter: date, endTimeFilter: date,
                siteIdFilters: [text, "2"])
            let bareConfig = JobConfig(name: text, submittedUserId: text)
            for status in [full, bare] {
                for config in [fullConfig, bareConfig] {
                    for mode in [JobsResponseMode.status, .configuration, .all] {
                        let entry = JobEntryJSON.entry(config: config, statusEntry: JobEntryJSON.status(status), mode: mode)
                        let expected = try ICWSJSON.encode(Job(jobStatus: mode == .configuration ? nil : status,
                                                               jobConfig: mode == .status ? nil : config))
                        #expect(entry == expected, "\(String(decoding: entry, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
                    }
                }
            }
        }
    }
}
