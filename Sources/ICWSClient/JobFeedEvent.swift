import ICWSWire

/// What a `JobStatusFeed` reports.
public enum JobFeedEvent: Sendable, Equatable {
    /// The statuses a message listed, as they came: full (`isDelta` false) or only the fields that
    /// changed. The consumer merges them into what it keeps (`JobStatus.applied(to:isDelta:)`).
    case statuses(JobStatusMessage)
    case connection(FeedState)
    /// The link works again after a reconnection and the subscription has been sent again (its
    /// full statuses follow as `.statuses`, even when they list no job). Jobs submitted meanwhile
    /// are not in it: the consumer looks for them (one `jobCount=1` check), it does not read the
    /// whole list again.
    case resumed
    /// The feed has given up for good: the very first login was refused for a reason no retry
    /// can change (credentials, rights, a server without data-extractor 2, an invalid server).
    /// The event stream ends after it.
    case failed(Failure)
}

/// Whether the feed is receiving. Typed up to the view: the words are the front end's.
public enum FeedState: Sendable, Equatable {
    case live(FeedTransport)
    /// The event stream is open but has been silent past three of its observed ping intervals;
    /// `.live` follows as soon as anything arrives, `.reconnecting` when it is given up.
    case stale(silentFor: Duration)
    /// Waiting before reconnection attempt `attempt` (1, 2, ...) because of `trouble`.
    case reconnecting(attempt: Int, because: LinkTrouble)
    /// The same, from `ConnectionPolicy.offlineAfterAttempts` failed attempts in a row on: the
    /// feed keeps trying (through the backoff and the budget), the link reads "offline".
    case offline(attempt: Int, because: LinkTrouble)
}

/// How messages arrive.
public enum FeedTransport: Sendable, Equatable {
    case serverSentEvents
    case polling
    /// The event stream flapped (or answered with something else): the feed polls every this
    /// long for a while (`ConnectionPolicy.unstablePollingPeriod`), then tries the stream again.
    case pollingWhileStreamUnstable(every: Duration)
}
