import Foundation
import ICWSWire

/// The duration the CLI shows for a job: from the start (or the submission, before it started) to
/// its end, or to `now` while it has not ended. Same rule as the dashboard.
enum JobDuration {
    static func seconds(of job: JobStatus, now: Date) -> TimeInterval? {
        guard let begin = job.startedTime ?? job.submitTime else { return nil }
        if job.knownState.hasEnded {
            return job.endTime.map { max(0, $0.timeIntervalSince(begin)) }
        }
        return max(0, now.timeIntervalSince(begin))
    }
}
