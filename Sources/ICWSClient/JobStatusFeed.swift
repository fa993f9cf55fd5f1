import AsyncHTTPClient
import ICWSWire
import Logging
import Synchronization

/// The owner of a session's connection: logs in, keeps live job statuses for a watched set of jobs
/// coming (server-sent events when the server offers them, messaging >= 2, or short polling), and
/// reconnects — after a dropped stream, a session the server ended, a switchover — with the
/// session's backoff. Reports liveness (`live`, `stale`, `reconnecting`) as events.
///
/// The session's attempt count (the one reconnection counter) is reset only once a stream or poll
/// proved healthy (a ping or a message delivered), never merely because a stream opened. Every
/// reconnection goes through the backoff and the `ConnectionPolicy`'s budget; a stream that flaps
/// is given up for polling for a while; after a reconnection the subscription is sent again (its
/// full statuses bring the watched jobs up to date) and `.resumed` tells the consumer to look for
/// new jobs, never to reload the list.
///
/// It keeps no job's status: each message's statuses go to the consumer as they came (full, or
/// deltas), and the consumer merges them into its own store (`JobStatus.applied(to:isDelta:)`).
///
/// One consumer: `events()` starts the loop, which runs until `stop()` or until the consumer's
/// iteration ends.
public final class JobStatusFeed: Sendable {
    let session: ICWSSession
    let pollInterval: Duration
    let useServerSentEvents: Bool?
    /// Liveness bounds, the reconnection budget, the fallback for a flapping stream, "offline",
    /// the polling backoff.
    public let policy: ConnectionPolicy
    let state = Mutex(FeedLoopState())
    /// The change to the watched set waiting to be PUT (changes asked for while a PUT runs add
    /// up), so a burst of changes ends in one PUT of the final set. The set itself is the
    /// session's (`ICWSSession.subscribedJobIds`), which sends a repeated set not again.
    private let pendingWatch = Mutex<(change: WatchChange?, sending: Bool)>((nil, false))
    /// Ends a polling wait early after `expectChange()`.
    let pollNudge = PollNudge()

    struct FeedLoopState {
        var loop: Task<Void, Never>?
        var continuation: AsyncStream<JobFeedEvent>.Continuation?
        /// The link was lost and the feed has not resumed since: the next transport that proves
        /// healthy brings the consumer up to date (`resume`).
        var resumeDue = false
    }

    /// - Parameter useServerSentEvents: nil uses them when the server offers them (messaging >= 2).
    public init(session: ICWSSession, pollInterval: Duration = .seconds(2), useServerSentEvents: Bool? = nil,
                policy: ConnectionPolicy = ConnectionPolicy()) {
        self.session = session
        self.pollInterval = pollInterval
        self.useServerSentEvents = useServerSentEvents
        self.policy = policy
    }

    /// Starts the loop and returns its events (a second call replaces the first consumer).
    public func events() -> AsyncStream<JobFeedEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: JobFeedEvent.self)
        let loop = Task { [self] in await run() }
        let previous = state.withLock { state in
            defer {
                state.loop = loop
                state.continuation = continuation
            }
            return (state.loop, state.continuation)
        }
        previous.0?.cancel()
        previous.1?.finish()
        continuation.onTermination = { _ in loop.cancel() }
        return stream
    }

    /// The consumer changed something on the server (a cancel, a submit) and expects to see it:
    /// a polling feed polls now and starts its backoff again; a stream needs nothing.
    public func expectChange() {
        pollNudge.nudge()
    }

    /// Replaces the watched jobs (PUT the subscription; `[]` deletes it). The server answers with
    /// their full statuses, which arrive as a `.statuses` event.
    /// A call arriving while a PUT runs leaves its set for that caller to send next (only the
    /// newest set waits); the caller that sends throws the failure of its last PUT.
    /// A failed PUT is sent again once the feed is live again, unless a newer set was asked for.
    /// The set the session already holds and the server accepted sends nothing (another server's
    /// change repeats this one's set).
    public func watch(jobIds: [String]) async throws {
        try await change(.replace(jobIds))
    }

    /// Adds jobs to the watched set (the dashboard's new jobs), with the same rules as
    /// `watch(jobIds:)`: jobs already watched are not added twice, additions asked for while a
    /// PUT runs go out together in the next one, and in whatever order calls arrive no job added
    /// is lost (a set replaced by an older one could lose one).
    public func watch(adding jobIds: [String]) async throws {
        try await change(.add(jobIds))
    }

    private func change(_ change: WatchChange) async throws {
        let sendsNow = pendingWatch.withLock { pending in
            pending.change = pending.change.map { $0.then(change) } ?? change
            defer { pending.sending = true }
            return !pending.sending
        }
        guard sendsNow else { return }
        var failure: (any Error)?
        while let next = pendingWatch.withLock({ pending -> WatchChange? in
            defer { pending.change = nil }
            if pending.change == nil { pending.sending = false }
            return pending.change
        }) {
            do {
                try await subscribe(next.applied(to: await session.subscribedJobIds))
                failure = nil
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    private func subscribe(_ jobIds: [String]) async throws {
        guard await !session.holdsSubscription(jobIds) else { return }
        if jobIds.isEmpty {
            try await session.unsubscribeJobStatuses()
        } else {
            try await session.subscribeJobStatuses(jobIds: jobIds)
        }
    }

    /// Ends the loop and the event stream.
    public func stop() async {
        let (loop, continuation) = state.withLock { state in
            defer {
                state.loop = nil
                state.continuation = nil
            }
            return (state.loop, state.continuation)
        }
        loop?.cancel()
        await loop?.value
        continuation?.finish()
    }

    func emit(_ event: JobFeedEvent) {
        _ = state.withLock { $0.continuation }?.yield(event)
    }

    /// Ends the consumer's stream (nothing more will come).
    func finish() {
        state.withLock { $0.continuation }?.finish()
    }

    var logger: Logger { session.configuration.logger }
    var backoff: Backoff { session.configuration.backoff }
    var clock: any TimerClock { session.configuration.clock }
}

/// A change to the watched set asked of the feed.
enum WatchChange: Sendable, Equatable {
    case replace([String])
    case add([String])

    /// This change, then `next`.
    func then(_ next: WatchChange) -> WatchChange {
        switch (self, next) {
        case (_, .replace): next
        case (.replace(let ids), .add(let more)): .replace(ids + more)
        case (.add(let ids), .add(let more)): .add(ids + more)
        }
    }

    /// The set after this change to `current`, in the order jobs joined, each once.
    func applied(to current: [String]) -> [String] {
        var seen = Set<String>()
        let ids: [String] = switch self {
        case .replace(let ids): ids
        case .add(let more): current + more
        }
        return ids.filter { seen.insert($0).inserted }
    }
}
