import AsyncHTTPClient
import Foundation
import ICWSWire

extension JobStatusFeed {
    /// Connect, receive until something breaks, wait (backoff), repeat.
    func run() async {
        var attempt = 0
        var forcePolling = false
        while !Task.isCancelled {
            let reason: String
            do {
                if await session.info == nil { try await session.connect() }
                let offered = await session.info?.supportsServerSentEvents ?? false
                if !forcePolling, useServerSentEvents ?? offered {
                    try await receiveEvents(attempt: &attempt)
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
                reason = String(describing: error)
            }
            if Task.isCancelled { break }
            if await session.isShutDown {
                // Nothing will ever work again: end the consumer's stream.
                state.withLock { $0.continuation }?.finish()
                break
            }
            attempt += 1
            emit(.connection(.reconnecting(attempt: attempt, reason: reason)))
            do {
                try await Task.sleep(for: FeedBackoff.delay(attempt: attempt))
            } catch {
                break
            }
        }
    }

    /// Short polling: one GET at a time, `pollInterval` apart. Returns only by throwing.
    private func poll(attempt: inout Int) async throws {
        var live = false
        while true {
            try Task.checkCancellation()
            let messages = try await session.pollMessages()
            if !live {
                live = true
                attempt = 0
                emit(.connection(.live(.polling)))
            }
            for message in messages { try await handle(message, duringStream: false) }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// One server-sent event stream, until it ends, goes idle or a message asks for a reconnect.
    private func receiveEvents(attempt: inout Int) async throws {
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
        attempt = 0
        emit(.connection(.live(.serverSentEvents)))
        let lastActivity = LockedBox(ContinuousClock.now)
        let idleTimeout = self.idleTimeout
        let session = self.session
        let loginGeneration = await session.generation
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                var parser = SSEParser()
                for try await chunk in response.body {
                    lastActivity.withLock { $0 = .now }
                    for event in try parser.feed(chunk.readableBytesView) where event.type == "message" {
                        try await handlePayload(event.data)
                    }
                }
            }
            group.addTask {
                // Watchdog: a silent stream (no pings) or a stream of a session that was replaced.
                while true {
                    try await Task.sleep(for: min(idleTimeout / 4, .seconds(1)))
                    let idle = ContinuousClock.now - lastActivity.withLock { $0 }
                    if idle > idleTimeout { throw ICWSError.timeout("the event stream was silent for \(idle.spoken)") }
                    if await session.generation != loginGeneration { throw SessionReplaced() }
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func handlePayload(_ text: String) async throws {
        let decoded = MessageDecoding.decode(Data(text.utf8))
        for problem in decoded.problems { logger.warning("skipped a message: \(problem)") }
        if let unreadable = decoded.unreadable { logger.warning("skipped an event: \(unreadable)") }
        for message in decoded.messages { try await handle(message, duringStream: true) }
    }

    /// Job statuses go through the cache to the consumer; "connection down" logs in again.
    private func handle(_ message: ICWSMessage, duringStream: Bool) async throws {
        switch message {
        case .jobStatus(let statusMessage):
            let statuses = state.withLock { $0.cache.apply(statusMessage) }
            if !statuses.isEmpty { emit(.statuses(statuses)) }
        case .connectionStateChange(let change) where change.newConnectionState == 2:
            logger.info("the server reported the session down; logging in again")
            try await session.relogin()
            if duringStream { throw SessionReplaced() }
        case .subscriptionState(let change) where change.state != .normal:
            let detail = change.error.map { ": \(VisibleText.ascii($0.message, limit: 200))" } ?? ""
            logger.warning("the server reports the subscription in state \(change.state.rawValue)\(detail)")
        case .connectionStateChange, .subscriptionState, .asyncOperationCompleted, .multipleSubscription, .other:
            break
        }
    }
}

/// The server does not serve `text/event-stream` here: poll instead.
struct EventStreamRefused: Error {
    let reason: String
}

/// The stream belonged to a session that has been replaced.
struct SessionReplaced: Error, CustomStringConvertible {
    var description: String { "the server ended the session; logged in again" }
}
