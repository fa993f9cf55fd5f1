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

    @Test func knownIsTheLifecycleOrder() {
        #expect(JobState.known.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
    }

    @Test func stateAsStringIsATypeMismatch() {
        #expect(throws: DecodingError.self) { try ICWSJSON.decode(JobState.self, from: Data(#""2""#.utf8)) }
    }
}
