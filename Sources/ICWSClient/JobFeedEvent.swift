import ICWSWire

/// What a `JobStatusFeed` reports.
public enum JobFeedEvent: Sendable, Equatable {
    /// Full statuses (deltas already merged with the feed's cache) of the jobs a message listed.
    case statuses([JobStatus])
    case connection(FeedState)
    /// The feed has given up for good: the very first login was refused for a reason no retry
    /// can change (credentials, rights, a server without data-extractor 2, an invalid server).
    /// The event stream ends after it.
    case failed(Failure)
}

/// Whether the feed is receiving.
public enum FeedState: Sendable, Equatable {
    case live(FeedTransport)
    /// The event stream is open but has been silent past three of its observed ping intervals;
    /// `.live` follows as soon as anything arrives, `.reconnecting` when it is given up.
    case stale(silentFor: Duration)
    /// Waiting before reconnection attempt `attempt` (1, 2, ...) because of `reason` (one line).
    case reconnecting(attempt: Int, reason: String)
}

/// How messages arrive.
public enum FeedTransport: Sendable, Equatable {
    case serverSentEvents
    case polling
}
