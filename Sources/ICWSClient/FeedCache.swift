import ICWSWire

/// The feed's view of each watched job: full statuses, deltas merged in.
struct FeedCache: Sendable {
    private(set) var statuses: [String: JobStatus] = [:]

    /// Applies a jobs-statuses message: `isDelta == false` replaces the listed jobs' entries,
    /// `isDelta == true` merges into them (a delta for an unknown job is kept as it is). A status
    /// that would take a job back to an earlier state (`goesBack(from:)`) leaves the known one.
    /// Returns the full statuses of the listed jobs, in message order.
    mutating func apply(_ message: JobStatusMessage) -> [JobStatus] {
        message.jobStatusList.map { incoming in
            var merged: JobStatus
            if message.isDelta, let known = statuses[incoming.id] {
                merged = known.merging(delta: incoming)
            } else {
                merged = incoming
            }
            if let known = statuses[incoming.id], merged.goesBack(from: known) { merged = known }
            statuses[incoming.id] = merged
            return merged
        }
    }

    /// Forgets jobs that are no longer watched.
    mutating func keep(only ids: Set<String>) {
        statuses = statuses.filter { ids.contains($0.key) }
    }
}
