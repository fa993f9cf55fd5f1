import ICWSWire

/// What a `JobStatusFeed` reports.
public enum JobFeedEvent: Sendable, Equatable {
    /// Full statuses (deltas already merged with the feed's cache) of the jobs a message listed.
    case statuses([JobStatus])
    case connection(FeedState)
}

/// Whether the feed is receiving.
public enum FeedState: Sendable, Equatable {
    case live(FeedTransport)
    /// Waiting before reconnection attempt `attempt` (1, 2, ...) because of `reason` (one line).
    case reconnecting(attempt: Int, reason: String)
}

/// How messages arrive.
public enum FeedTransport: Sendable, Equatable {
    case serverSentEvents
    case polling
}
