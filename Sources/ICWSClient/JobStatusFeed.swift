import AsyncHTTPClient
import ICWSWire
import Logging
import Synchronization

/// The owner of a session's connection: logs in, keeps live job statuses for a watched set of jobs
/// coming (server-sent events when the server offers them, messaging >= 2, or short polling), and
/// reconnects — after a dropped stream, a session the server ended, a switchover — with the
/// session's backoff. Reports liveness (`live`, `stale`, `reconnecting`) as events.
///
/// The backoff's attempt count is reset only once a stream or poll proved healthy (a ping or a
/// message delivered), never merely because a stream opened.
///
/// One consumer: `events()` starts the loop, which runs until `stop()` or until the consumer's
/// iteration ends.
public final class JobStatusFeed: Sendable {
    let session: ICWSSession
    let pollInterval: Duration
    let useServerSentEvents: Bool?
    /// Until the stream's ping interval is known, silence for this long makes it stale, and for
    /// twice this long it is reopened (afterwards: three and six observed ping intervals).
    let idleTimeout: Duration
    let state = Mutex(FeedLoopState())

    struct FeedLoopState {
        var loop: Task<Void, Never>?
        var continuation: AsyncStream<JobFeedEvent>.Continuation?
        var cache = FeedCache()
    }

    /// - Parameter useServerSentEvents: nil uses them when the server offers them (messaging >= 2).
    public convenience init(session: ICWSSession, pollInterval: Duration = .seconds(2), useServerSentEvents: Bool? = nil) {
        self.init(session: session, pollInterval: pollInterval, useServerSentEvents: useServerSentEvents,
                  idleTimeout: .seconds(90))
    }

    init(session: ICWSSession, pollInterval: Duration, useServerSentEvents: Bool?, idleTimeout: Duration) {
        self.session = session
        self.pollInterval = pollInterval
        self.useServerSentEvents = useServerSentEvents
        self.idleTimeout = idleTimeout
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

    /// Replaces the watched jobs (PUT the subscription; `[]` deletes it). The server answers with
    /// their full statuses, which arrive as a `.statuses` event.
    /// A failed PUT is sent again once the feed is live again, unless a newer set was asked for.
    public func watch(jobIds: [String]) async throws {
        state.withLock { $0.cache.keep(only: Set(jobIds)) }
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
}
