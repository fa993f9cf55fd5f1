import ICWSWire

/// Work the update function asks the effect runner to do; each result comes back as an `Action`.
public enum Effect: Equatable, Sendable {
    case loadNewestPage(count: Int)
    case loadOlderPage(olderThan: String, count: Int)
    case loadConfig(id: String)
    case cancelJob(id: String)
    /// The server's data dictionary (tables and views), once per session.
    case loadDictionary
    /// Send a new job (composed or resubmitted).
    case submitJob(JobConfig)
    /// The full set of job ids to subscribe to (replaces the previous set). Sent when the set of
    /// listed jobs that have not ended changes.
    case watch(jobIds: [String])
    case quit
}
