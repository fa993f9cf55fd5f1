import Foundation

/// A job's way through its states, the one rule the dashboard's detail and `jobs show` follow:
/// submitted, queued, started, then the end it came to (finished, failed or canceled; the end
/// time stands in for a missing step time), each with its time, the time since the step before,
/// and whether it was reached, skipped, is current, or has not been reached.
public struct JobTimeline: Sendable, Equatable {
    public enum Step: String, Sendable, CaseIterable {
        case submitted, queued, started, finished, failed, canceled
    }

    public enum Progress: Sendable, Equatable {
        /// Passed, with a time.
        case reached
        /// The job's state now (with or without a time).
        case current
        /// No time, but a later step of the job's progress has one.
        case skipped
        /// No time and not passed: not yet (the job runs) or never (it ended before).
        case notReached
    }

    public struct Entry: Sendable, Equatable {
        public var step: Step
        public var time: Date?
        /// Since the previous step that has a time.
        public var sincePrevious: TimeInterval?
        public var progress: Progress
    }

    public let entries: [Entry]

    public init(_ job: JobStatus) {
        let state = job.knownState
        let end: (Step, Date?) = switch state {
        case .failed: (.failed, job.failedTime ?? job.endTime)
        case .canceled: (.canceled, job.canceledTime ?? job.endTime)
        case .finished: (.finished, job.finishedTime ?? job.endTime)
        default: (.finished, nil)
        }
        let steps: [(Step, Date?)] = [(.submitted, job.submitTime), (.queued, job.queuedTime), (.started, job.startedTime), end]
        let current: Int? = switch state {
        case .submitted: 0
        case .queued: 1
        case .started: 2
        case .failed, .canceled, .finished: 3
        case .unknown: nil
        }
        // A cancel or failure can end a job before a step: then that step was never reached, not skipped.
        let progressed = state == .failed || state == .canceled ? Array(steps.dropLast()) : steps
        var previous: Date?
        var entries: [Entry] = []
        for (index, (step, time)) in steps.enumerated() {
            let progress: Progress
            if index == current {
                progress = .current
            } else if time != nil {
                progress = .reached
            } else if progressed.dropFirst(index + 1).contains(where: { $0.1 != nil }) {
                progress = .skipped
            } else {
                progress = .notReached
            }
            let since: TimeInterval? = if let time, let previous { time.timeIntervalSince(previous) } else { nil }
            entries.append(Entry(step: step, time: time, sincePrevious: since, progress: progress))
            if let time { previous = time }
        }
        self.entries = entries
    }

    /// The steps that have a time, in order.
    public var timed: [Entry] { entries.filter { $0.time != nil } }

    /// When the current step began (its own time, or the last time before it), for "so far".
    public var currentSince: Date? {
        guard let index = entries.firstIndex(where: { $0.progress == .current }) else { return nil }
        return entries[...index].last { $0.time != nil }?.time
    }
}
