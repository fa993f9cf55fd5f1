import AsyncHTTPClient
import Foundation
import ICWSWire
import Synchronization

extension JobStatusFeed {
    /// Connect, receive until something breaks, wait (backoff), repeat.
    func run() async {
        var attempt = 0
        var forcePolling = false
        var everConnected = false
        /// The reconnection time the server asked for with `retry:`, a floor under the backoff.
        var serverRetry = Duration.zero
        while !Task.isCancelled {
            let reason: String
            do {
                let info = try await session.connect()
                everConnected = true
                if !forcePolling, useServerSentEvents ?? info.supportsServerSentEvents {
                    try await receiveEvents(attempt: &attempt, serverRetry: &serverRetry)
                    reason = "the event stream ended"
                } else {
                    try await poll(attempt: &attempt)
                    reason = "polling stopped"
                }
            } catch is CancellationError {
                break
            } catch let refusal as EventStreamRefused {
                logger.info("server-sent events unavailable (\(refusal.reason)); polling instead")
                forcePolling = true
                continue
            } catch {
                let failure = Failure(error)
                if !everConnected, Self.noRetryHelps(failure.kind) {
                    emit(.failed(failure))
                    finish()
                    break
                }
                reason = failure.message
            }
            if Task.isCancelled { break }
            if await session.isShutDown {
                // Nothing will ever work again: end the consumer's stream.
                finish()
                break
            }
            attempt += 1
            emit(.connection(.reconnecting(attempt: attempt, reason: reason)))
            do {
                try await Task.sleep(for: backoff.delay(attempt: attempt, floor: serverRetry))
            } catch {
                break
            }
        }
    }

    /// While live, a subscription whose PUT failed is sent again at most this often.
    static let subscriptionRetryGap: Duration = .seconds(5)

    /// Failures of a first login that the same request would meet again.
    static func noRetryHelps(_ kind: FailureKind) -> Bool {
        switch kind {
        case .authentication, .permission, .featureMissing, .invalidArgument: true
        case .notFound, .alreadyEnded, .badRequest, .timeout, .unavailable, .undecodable: false
        }
    }

    /// Short polling: one GET at a time, `pollInterval` apart. Returns only by throwing. A poll
    /// round whose messages did not end the session proves the connection healthy.
    private func poll(attempt: inout Int) async throws {
        var live = false
        while true {
            try Task.checkCancellation()
            let generation = await session.generation
            let messages = try await session.pollMessages()
            if !live {
                live = true
                emit(.connection(.live(.polling)))
                await session.retryFailedSubscription()
            }
            for message in messages { _ = try await handle(message, generation: generation) }
            await session.retryFailedSubscription(notSoonerThan: Self.subscriptionRetryGap)
            attempt = 0
            try await Task.sleep(for: pollInterval)
        }
    }

    /// One server-sent event stream, until it ends, goes silent, or belongs to an ended or
    /// replaced session.
    private func receiveEvents(attempt: inout Int, serverRetry: inout Duration) async throws {
        let response: HTTPClientResponse
        do {
            response = try await session.openMessageStream()
        } catch let error as ICWSError {
            switch error {
            case .badRequest, .notFound, .gone: throw EventStreamRefused(reason: error.description)
            default: throw error
            }
        }
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        guard contentType.lowercased().hasPrefix(ICWSProtocol.eventStreamType) else {
            throw EventStreamRefused(reason: "the server answered with '\(contentType.prefix(60))'")
        }
        emit(.connection(.live(.serverSentEvents)))
        await session.retryFailedSubscription()
        let liveness = Shared(StreamLiveness(openedAt: .now, fallbackGap: idleTimeout / 3))
        defer {
            let (proven, asked) = liveness.withLock { ($0.proven, $0.serverRetry) }
            if proven { attempt = 0 }
            if let asked { serverRetry = asked }
        }
        let session = self.session
        let generation = await session.generation
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                var parser = SSEParser()
                for try await chunk in response.body {
                    session.transport.countStreamed(chunk.readableBytes)
                    let pingsBefore = parser.commentCount
                    var healthy = false
                    for event in try parser.feed(chunk.readableBytesView) where event.type == "message" {
                        if try await handlePayload(event.data, generation: generation) { healthy = true }
                    }
                    let pings = parser.commentCount - pingsBefore
                    let asked = parser.retryMilliseconds.map { Duration.milliseconds($0) }
                    let (recovered, firstProof) = liveness.withLock { state in
                        state.serverRetry = asked ?? state.serverRetry
                        let wasProven = state.proven
                        let recovered = state.heard(pings: pings, healthy: healthy, at: .now)
                        return (recovered, state.proven && !wasProven)
                    }
                    if firstProof { await session.sessionProved(generation: generation) }
                    if recovered { emit(.connection(.live(.serverSentEvents))) }
                }
            }
            group.addTask { [self] in
                // Watchdog: a silent stream, or a stream of a session that was replaced.
                while true {
                    let tick = liveness.withLock { min($0.staleAfter / 4, .seconds(1)) }
                    try await Task.sleep(for: tick)
                    switch liveness.withLock({ $0.check(at: .now) }) {
                    case .fine: break
                    case .becameStale(let silent): emit(.connection(.stale(silentFor: silent)))
                    case .dead(let silent): throw ICWSError.timeout("the event stream was silent for \(silent.spoken)")
                    }
                    if await session.generation != generation { throw SessionReplaced() }
                    await session.retryFailedSubscription(notSoonerThan: Self.subscriptionRetryGap)
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Handles one event's data; true when one of its messages proved the stream healthy.
    private func handlePayload(_ text: String, generation: Int) async throws -> Bool {
        let decoded = MessageDecoding.decode(Data(text.utf8))
        for problem in decoded.problems { logger.warning("skipped a message: \(problem)") }
        if let unreadable = decoded.unreadable { logger.warning("skipped an event: \(unreadable)") }
        var healthy = false
        for message in decoded.messages {
            if try await handle(message, generation: generation) { healthy = true }
        }
        return healthy
    }

    /// Job statuses go through the cache to the consumer; "connection down" ends the session of
    /// login `generation` and throws, so the loop logs in again through the backoff. Returns true
    /// for a message that shows the connection works.
    private func handle(_ message: ICWSMessage, generation: Int) async throws -> Bool {
        switch message {
        case .jobStatus(let statusMessage):
            let statuses = state.withLock { $0.cache.apply(statusMessage) }
            if !statuses.isEmpty { emit(.statuses(statuses)) }
        case .connectionStateChange(let change) where change.newConnectionState == 2:
            logger.info("the server reported the session down; logging in again")
            await session.sessionEnded(generation: generation)
            throw SessionEnded()
        case .subscriptionState(let change) where change.state != .normal:
            let detail = change.error.map { ": \(VisibleText.ascii($0.message, limit: 200))" } ?? ""
            logger.warning("the server reports the subscription in state \(change.state.rawValue)\(detail)")
        case .connectionStateChange, .subscriptionState, .asyncOperationCompleted, .multipleSubscription, .other:
            break
        }
        return true
    }
}

/// The server does not serve `text/event-stream` here: poll instead.
struct EventStreamRefused: Error {
    let reason: String
}

/// The stream belonged to a session that has been replaced.
struct SessionReplaced: Error, CustomStringConvertible {
    var description: String { "the session was replaced by a new login" }
}

/// The server reported the session ended.
struct SessionEnded: Error, CustomStringConvertible {
    var description: String { "the server ended the session; logging in again" }
}
