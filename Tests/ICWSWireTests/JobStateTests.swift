import Foundation
import ICWSWire
import Testing

@Suite("JobState")
struct JobStateTests {
    @Test(arguments: [
        (0, JobState.submitted, "submitted", true, false),
        (1, .queued, "queued", true, false),
        (2, .started, "started", true, false),
        (3, .failed, "failed", false, true),
        (4, .canceled, "canceled", false, true),
        (5, .finished, "finished", false, true),
        (9, .unknown(9), "unknown(9)", false, false),
        (-1, .unknown(-1), "unknown(-1)", false, false),
    ])
    func numbersWordsAndPredicates(number: Int, state: JobState, word: String, cancelable: Bool, ended: Bool) throws {
        #expect(JobState(rawValue: number) == state)
        #expect(state.rawValue == number)
        #expect(state.word == word)
        #expect(state.description == word)
        #expect(state.isCancelable == cancelable)
        #expect(state.hasEnded == ended)
        #expect(try ICWSJSON.decode(JobState.self, from: Data("\(number)".utf8)) == state)
        #expect(String(decoding: try ICWSJSON.encode(state), as: UTF8.self) == "\(number)")
    }

    @Test func wordsParseCaseInsensitivelyAndNumbersToo() {
        #expect(JobState(word: "Started") == .started)
        #expect(JobState(word: "FINISHED") == .finished)
        #expect(JobState(word: "3") == .failed)
        #expect(JobState(word: "9") == .unknown(9))
        #expect(JobState(word: "running") == nil)
        #expect(JobState(word: "") == nil)
    }

    /// The never-go-back rule every merge of statuses uses (feed, dashboard, `jobs watch`, exporter).
    @Test func aStateEarlierInTheLifeGoesBackAndUnknownOnesNever() {
        #expect(JobState.queued.goesBack(from: .started))
        #expect(JobState.started.goesBack(from: .finished))
        #expect(!JobState.canceled.goesBack(from: .finished), "ended states are one step")
        #expect(!JobState.started.goesBack(from: .queued))
        #expect(!JobState.unknown(9).goesBack(from: .finished) && !JobState.submitted.goesBack(from: .unknown(9)))
    }

    /// The one merge of a feed's status into what a consumer kept (issue 16: each status stored
    /// once, by the consumer): a delta merged, a full status as it is, never back, nothing kept.
    @Test func aStatusIsAppliedToTheOneAConsumerKept() {
        var kept = JobStatus(id: "1", name: "nightly", submittedUserId: "jdoe", state: .started)
        kept.startedTime = Date(timeIntervalSince1970: 100)
        var delta = JobStatus(id: "1", name: "", submittedUserId: "")
        delta.state = .finished
        let merged = delta.applied(to: kept, isDelta: true)
        #expect(merged.state == .finished && merged.name == "nightly" && merged.startedTime == kept.startedTime)
        #expect(delta.applied(to: kept, isDelta: false) == delta, "a full status replaces")
        #expect(delta.applied(to: nil, isDelta: true) == delta, "a delta for a job not kept is kept as it is")
        var older = delta
        older.state = .queued
        #expect(older.applied(to: kept, isDelta: true) == kept)
        #expect(older.applied(to: kept, isDelta: false) == kept)
        var unknown = delta
        unknown.state = .unknown(9)
        #expect(unknown.applied(to: kept, isDelta: false) == unknown, "an unknown state is never judged older")
    }

    @Test func knownIsTheLifecycleOrder() {
        #expect(JobState.known.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
    }

    @Test func stateAsStringIsATypeMismatch() {
        #expect(throws: DecodingError.self) { try ICWSJSON.decode(JobState.self, from: Data(#""2""#.utf8)) }
    }
}
