import Foundation
import ICWSWire
import Synchronization

extension JobStatusFeed {
    /// Connect, receive until something breaks, wait (backoff and budget), repeat.
    func run() async {
        /// The server refused the stream (4xx): poll for good.
        var refusedStream = false
        /// The stream flapped: poll until then.
        var unstableUntil: ContinuousClock.Instant?
        var flaps = StreamFlaps(policy: policy)
        var budget = ReconnectionBudget(limit: policy.reconnectionsPerWindow, window: policy.budgetWindow)
        var everConnected = false
        /// The reconnection time the server asked for with `retry:`, a floor under the backoff.
        var serverRetry = Duration.zero
        while !Task.isCancelled {
            let trouble: LinkTrouble
            do {
                let info = try await session.connect()
                everConnected = true
                if let until = unstableUntil {
                    try await poll(every: policy.unstablePollInterval, until: until,
                                   as: .pollingWhileStreamUnstable(every: policy.unstablePollInterval))
                    // The polling period is over: the stream gets another chance.
                    unstableUntil = nil
                    continue
                }
                if !refusedStream, useServerSentEvents ?? info.supportsServerSentEvents {
                    try await receiveEvents(serverRetry: &serverRetry)
                } else {
                    try await poll(every: pollInterval, backingOffTo: policy.idlePollCap, until: nil, as: .polling)
                }
                continue
            } catch is CancellationError {
                break
            } catch let refusal as EventStreamRefused {
                logger.info("server-sent events unavailable (\(refusal.reason)); polling instead")
                refusedStream = true
                continue
            } catch let lost as StreamLost {
                trouble = lost.trouble
                if lost.trouble == .notAnEventStream || flaps.streamEnded(opened: lost.opened, at: clock.instant) {
                    logger.warning("the event stream is unstable (\(lost.trouble.words)); polling every \(policy.unstablePollInterval.spoken) for \(policy.unstablePollingPeriod.spoken)")
                    unstableUntil = clock.instant + policy.unstablePollingPeriod
                }
            } catch is SessionEnded {
                trouble = .sessionEnded
            } catch {
                let failure = Failure(error)
                if !everConnected, Self.noRetryHelps(failure.kind) {
                    emit(.failed(failure))
                    finish()
                    break
                }
                trouble = .failed(failure)
            }
            if Task.isCancelled { break }
            if await session.isShutDown {
                // Nothing will ever work again: end the consumer's stream.
                finish()
                break
            }
            state.withLock { $0.resumeDue = true }
            let attempt = await session.recordFailedAttempt()
            emit(.connection(attempt >= policy.offlineAfterAttempts
                ? .offline(attempt: attempt, because: trouble) : .reconnecting(attempt: attempt, because: trouble)))
            let wanted = clock.instant + backoff.delay(attempt: attempt, floor: serverRetry)
            do {
                try await clock.sleep(until: budget.admit(wanted: wanted))
            } catch {
                break
            }
            await session.pausedBefore(attempt: attempt)
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

    /// Short polling: one GET at a time, `interval` apart, until `deadline` (nil: until it throws);
    /// with `cap`, the gap doubles after each round that brought no job statuses, up to `cap`, and
    /// is `interval` again after one that did. A poll round whose messages did not end the session
    /// proves the connection healthy.
    private func poll(every interval: Duration, backingOffTo cap: Duration? = nil, until deadline: ContinuousClock.Instant?,
                      as transport: FeedTransport) async throws {
        var live = false
        var gap = interval
        while deadline.map({ clock.instant < $0 }) ?? true {
            try Task.checkCancellation()
            let generation = await session.generation
            let messages = try await session.pollMessages()
            if !live {
                live = true
                emit(.connection(.live(transport)))
                await session.retryFailedSubscription()
                await resume()
            }
            for message in messages { _ = try await handle(message, generation: generation) }
            await session.retryFailedSubscription(notSoonerThan: Self.subscriptionRetryGap)
            if let cap {
                let active = messages.contains { if case .jobStatus = $0 { true } else { false } }
                gap = active ? interval : min(gap * 2, max(cap, interval))
            }
            let next = clock.instant + gap
            if try await pollNudge.sleep(on: clock, until: deadline.map { min($0, next) } ?? next) { gap = interval }
        }
    }

    /// After a reconnection, once the link proved healthy: the subscription is sent again, so its
    /// full statuses bring the watched jobs up to date, and the consumer is told to look for new
    /// jobs (`.resumed`).
    func resume() async {
        let lost = state.withLock { state in
            defer { state.resumeDue = false }
            return state.resumeDue
        }
        guard lost else { return }
        await session.subscribeAgain()
        emit(.resumed)
    }

    /// Handles one event's data; true when one of its messages proved the stream healthy.
    func handlePayload(_ text: String, generation: Int) async throws -> Bool {
        let decoded = MessageDecoding.decode(Data(text.utf8))
        for problem in decoded.problems { logger.warning("skipped a message: \(problem)") }
        if let unreadable = decoded.unreadable { logger.warning("skipped an event: \(unreadable)") }
        var healthy = false
        for message in decoded.messages {
            if try await handle(message, generation: generation) { healthy = true }
        }
        return healthy
    }

    /// Job statuses go to the consumer as they came; "connection down" ends the session of
    /// login `generation` and throws, so the loop logs in again through the backoff. Returns true
    /// for a message that shows the connection works.
    private func handle(_ message: ICWSMessage, generation: Int) async throws -> Bool {
        switch message {
        case .jobStatus(let statusMessage):
            // A full answer listing no job still tells a consumer that none of its jobs is known.
            if !statusMessage.jobStatusList.isEmpty || !statusMessage.isDelta { emit(.statuses(statusMessage)) }
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

/// The server does not serve `text/event-stream` here (it said so with a 4xx): poll instead.
struct EventStreamRefused: Error {
    let reason: String
}

/// An event stream that had opened (at `opened`) is gone, because of `trouble`.
struct StreamLost: Error {
    let trouble: LinkTrouble
    let opened: ContinuousClock.Instant
}

/// The server reported the session ended.
struct SessionEnded: Error, CustomStringConvertible {
    var description: String { "the server ended the session; logging in again" }
}
