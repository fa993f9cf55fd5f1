import Foundation
import ICWSWire
import JobQuery
import Testing

@Suite("JobQuery")
struct JobQueryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func job(_ name: String, state: JobState, user: String = "jdoe", id: String = "3f2b6c1e-0000-0000-0000-000000000001",
                    hoursAgo: Double = 1) -> JobStatus {
        let at = now.addingTimeInterval(-hoursAgo * 3600)
        var job = JobStatus(id: id, name: name, submittedUserId: user, state: state, submitTime: at.addingTimeInterval(-60))
        switch state {
        case .failed: job.failedTime = at
        case .started: job.startedTime = at
        case .finished: job.finishedTime = at
        default: break
        }
        return job
    }

    func matches(_ filter: String, _ job: JobStatus, context: String? = "prod") throws -> Bool {
        try JobQuery(parsing: filter).matches(job, context: context, now: Self.now)
    }

    @Test("fields combine: state, user, ctx, name, since all hold")
    func fieldsCombine() throws {
        let failed = Self.job("Nightly export", state: .failed, hoursAgo: 5)
        #expect(try matches("state:failed user:JDOE ctx:prod name:nightly since:2d", failed))
        #expect(try !matches("state:failed user:jdoe ctx:lab", failed), "every term must hold")
        #expect(try !matches("user:jdo", failed), "a user is matched whole")
        #expect(try !matches("since:2h", failed), "failed 5 hours ago")
        #expect(try matches("before:2h", failed))
        #expect(try matches("state:finished,failed", failed), "a comma is either")
    }

    @Test("! inverts a term; free words keep the substring match over name, id, user and context")
    func invertAndFreeWords() throws {
        let started = Self.job("weekly", state: .started, user: "admin")
        #expect(try matches("!state:failed", started))
        #expect(try !matches("!state:started", started))
        #expect(try matches("EEK 3f2b", started), "part of the name and of the id")
        #expect(try matches("pro", started), "part of the context")
        #expect(try !matches("!adm", started))
        #expect(try matches("state:active", started) && !matches("state:ended", started))
        #expect(try matches("", started), "an empty filter matches every job")
        #expect(try matches("name:\"wee\" id:3F2B", started))
    }

    @Test("since/before measure from the time of the job's current state")
    func ages() throws {
        let started = Self.job("x", state: .started, hoursAgo: 3)
        #expect(try matches("before:2h", started) && !matches("before:4h", started))
        #expect(try matches("since:1d12h", started) && !matches("since:90m", started))
        #expect(Age.seconds("1w") == 604_800)
        #expect(Age.seconds("2") == nil && Age.seconds("h") == nil && Age.seconds("2x") == nil && Age.seconds("0h") == nil)
    }

    @Test("clear one-line parse errors")
    func errors() {
        func message(_ text: String) -> String {
            do {
                _ = try JobQuery(parsing: text)
                return "parsed"
            } catch {
                return error.message
            }
        }
        #expect(message("stat:failed") == "filter: unknown field 'stat' in 'stat:failed' (fields: state, user, ctx, name, id, since, before)")
        #expect(message("state:broken") == "filter: unknown state 'broken' (states: submitted, queued, started, failed, canceled, finished, active, ended)")
        #expect(message("since:yesterday") == "filter: 'since:yesterday' is not an age; write a number and a unit, e.g. 90m, 2h, 2d, 1w")
        #expect(message("user:") == "filter: 'user:' needs a value (e.g. user:jdoe)")
        #expect(message("!") == "filter: '!' must come before a term (e.g. !state:failed)")
        #expect(message("name:\"open") == "filter: a double quote is not closed in 'name:\"open'")
        #expect(message("name:\u{1B}[2J:x").contains("\u{1B}") == false)
    }
}
