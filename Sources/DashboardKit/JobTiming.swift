import Foundation
import ICWSWire

/// Durations shown for a job.
enum JobTiming {
    /// Seconds the job has run (or waited, before it started) up to `now`, or its total duration
    /// once ended. Nil without a start or submit time.
    static func duration(of job: JobStatus, now: Date) -> TimeInterval? {
        guard let begin = job.startedTime ?? job.submitTime else { return nil }
        if job.knownState.hasEnded {
            return job.endTime.map { $0.timeIntervalSince(begin) }
        }
        return now.timeIntervalSince(begin)
    }
}
