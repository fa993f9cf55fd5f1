import ICWSWire

/// The statuses of the jobs the exporter watches, as the feed's messages left them: the
/// exporter's one copy of them (the insight model and the tally keep what they make of them, not
/// the statuses). The feed keeps none: a delta merges here.
struct WatchedStatuses: Sendable {
    private(set) var statuses: [String: JobStatus] = [:]

    /// Takes a jobs-statuses message in (`JobStatus.applied(to:isDelta:)`: a delta merged into the
    /// status kept, a full one replacing it, neither taking a job back); returns the full statuses
    /// of the jobs it listed, in its order.
    mutating func apply(_ message: JobStatusMessage) -> [JobStatus] {
        message.jobStatusList.map { incoming in
            let full = incoming.applied(to: statuses[incoming.id], isDelta: message.isDelta)
            statuses[incoming.id] = full
            return full
        }
    }

    /// Forgets the jobs no longer watched.
    mutating func keep(only ids: Set<String>) {
        statuses = statuses.filter { ids.contains($0.key) }
    }
}
