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

/// One ended job of a series.
public struct Run: Hashable, Sendable {
    public let jobId: String
    public let name: String
    public let outcome: RunOutcome
    public let submitted: Date?
    public let started: Date?
    /// When it ended (the state's own time, else the last state change, else the submission).
    public let ended: Date
    public let window: TimeWindow?
    public let errorInfo: String?

    init(status: JobStatus, outcome: RunOutcome, window: TimeWindow?) {
        jobId = status.id
        name = status.name
        self.outcome = outcome
        submitted = status.submitTime
        started = status.startedTime
        ended = status.endTime ?? status.stateChangedTime ?? status.startedTime ?? status.submitTime ?? .distantPast
        self.window = window
        errorInfo = status.errorInfo
    }

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
    static func before(_ a: Run, _ b: Run) -> Bool { (a.ended, a.jobId) < (b.ended, b.jobId) }
}

/// A job of a series that has not ended yet.
public struct PendingRun: Hashable, Sendable {
    public let jobId: String
    public let name: String
    public let state: JobState
    public let submitted: Date?
    public let started: Date?
}
