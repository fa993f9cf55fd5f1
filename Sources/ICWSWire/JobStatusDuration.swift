import Foundation

extension JobStatus {
    /// Seconds the job has run (or waited, before it started) up to `now`, or its total duration
    /// once ended; never negative. Nil without a start or submit time, or for an ended job without
    /// an end time. The one rule the dashboard and the CLI show.
    public func duration(now: Date) -> TimeInterval? {
        guard let begin = startedTime ?? submitTime else { return nil }
        if knownState.hasEnded {
            return endTime.map { max(0, $0.timeIntervalSince(begin)) }
        }
        return max(0, now.timeIntervalSince(begin))
    }
}
