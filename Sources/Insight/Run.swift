import Foundation
import ICWSWire
import JobComposition

/// How an ended job ended.
public enum RunOutcome: String, Hashable, Sendable {
    case finished, failed, canceled

    init?(_ state: JobState) {
        switch state {
        case .finished: self = .finished
        case .failed: self = .failed
        case .canceled: self = .canceled
        case .submitted, .queued, .started, .unknown: return nil
        }
    }
}

/// One ended job of a series. Times are kept as seconds (`none` for a missing one): 96 bytes a
/// run, not 120 with optional dates and window.
public struct Run: Hashable, Sendable {
    public let jobId: String
    public let name: String
    public let outcome: RunOutcome
    private let submittedSeconds: Double
    private let startedSeconds: Double
    private let endedSeconds: Double
    private let windowStart: Double
    private let windowEnd: Double
    public let errorInfo: String?

    private static let none = -Double.infinity

    init(status: JobStatus, outcome: RunOutcome, window: TimeWindow?) {
        jobId = status.id
        name = status.name
        self.outcome = outcome
        submittedSeconds = Self.seconds(status.submitTime)
        startedSeconds = Self.seconds(status.startedTime)
        let ended = status.endTime ?? status.stateChangedTime ?? status.startedTime ?? status.submitTime ?? .distantPast
        endedSeconds = ended.timeIntervalSinceReferenceDate
        windowStart = Self.seconds(window?.start)
        windowEnd = Self.seconds(window?.end)
        errorInfo = status.errorInfo
    }

    public var submitted: Date? { Self.date(submittedSeconds) }
    public var started: Date? { Self.date(startedSeconds) }
    /// When it ended (the state's own time, else the last state change, else the submission).
    public var ended: Date { Date(timeIntervalSinceReferenceDate: endedSeconds) }
    public var window: TimeWindow? {
        Self.date(windowStart).map { TimeWindow(start: $0, end: Date(timeIntervalSinceReferenceDate: windowEnd)) }
    }

    private static func seconds(_ date: Date?) -> Double { date?.timeIntervalSinceReferenceDate ?? none }
    private static func date(_ seconds: Double) -> Date? { seconds == none ? nil : Date(timeIntervalSinceReferenceDate: seconds) }

    /// Started → ended; nil without a start time or with an end before the start.
    public var runTime: TimeInterval? {
        guard let started, ended >= started else { return nil }
        return ended.timeIntervalSince(started)
    }

    /// Submitted → started, kept apart from the run time.
    public var queueWait: TimeInterval? {
        guard let submitted, let started, started >= submitted else { return nil }
        return started.timeIntervalSince(submitted)
    }

    /// The order of a series' runs: by end, then id (so any order of arrival gives one order).
    static func before(_ a: Run, _ b: Run) -> Bool { (a.endedSeconds, a.jobId) < (b.endedSeconds, b.jobId) }
}

/// A job of a series that has not ended yet.
public struct PendingRun: Hashable, Sendable {
    public let jobId: String
    public let name: String
    public let state: JobState
    public let submitted: Date?
    public let started: Date?
    public let window: TimeWindow?
}
