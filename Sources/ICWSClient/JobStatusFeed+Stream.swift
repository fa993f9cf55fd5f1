import AsyncHTTPClient
import Foundation
import ICWSWire
import Synchronization

extension JobStatusFeed {
    /// One server-sent event stream, until it ends, goes silent, or belongs to an ended or
    /// replaced session; then throws `StreamLost` (or the error of its opening).
    func receiveEvents(serverRetry: inout Duration) async throws {
        let response: HTTPClientResponse
        do {
            response = try await session.openMessageStream()
        } catch let error as ICWSError {
            switch error {
            case .badRequest, .notFound, .gone: throw EventStreamRefused(reason: error.description)
            // Still refused after the session's renewal (a 401 or 503 on every stream, a 5xx):
            // the stream flaps, while the other calls may well work.
            case .authenticationFailed, .unavailable, .serverError:
                throw StreamLost(trouble: .failed(Failure(error)), opened: clock.instant)
            default: throw error
            }
        }
        let opened = clock.instant
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        guard contentType.lowercased().hasPrefix(ICWSProtocol.eventStreamType) else {
            logger.warning("the event stream was answered with '\(VisibleText.ascii(contentType, limit: 60))'")
            throw StreamLost(trouble: .notAnEventStream, opened: opened)
        }
        emit(.connection(.live(.serverSentEvents)))
        await session.retryFailedSubscription()
        let liveness = Shared(StreamLiveness(openedAt: opened, fallbackGap: policy.fallbackPingGap,
                                             minimumGap: policy.minimumPingGap))
        defer {
            if let asked = liveness.withLock({ $0.serverRetry }) { serverRetry = asked }
        }
        do {
            try await follow(response, liveness: liveness)
        } catch is CancellationError {
            throw CancellationError()
        } catch is SessionEnded {
            throw StreamLost(trouble: .sessionEnded, opened: opened)
        } catch StreamTrouble.silent(let silent) {
            throw StreamLost(trouble: .streamSilent(silent), opened: opened)
        } catch StreamTrouble.replaced {
            throw StreamLost(trouble: .sessionReplaced, opened: opened)
        } catch {
            throw StreamLost(trouble: .failed(Failure(error)), opened: opened)
        }
        throw StreamLost(trouble: .streamEnded, opened: opened)
    }

    /// Reads the open stream until its body ends (returns) or something breaks (throws).
    private func follow(_ response: HTTPClientResponse, liveness: Shared<StreamLiveness>) async throws {
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
                        let recovered = state.heard(pings: pings, healthy: healthy, at: clock.instant)
                        return (recovered, state.proven && !wasProven)
                    }
                    if firstProof {
                        await session.sessionProved(generation: generation)
                        await resume()
                    }
                    if recovered { emit(.connection(.live(.serverSentEvents))) }
                }
            }
            group.addTask { [self] in
                // Watchdog: a silent stream, or a stream of a session that was replaced.
                while true {
                    let tick = liveness.withLock { min($0.staleAfter / 4, .seconds(1)) }
                    try await clock.sleep(for: tick)
                    switch liveness.withLock({ $0.check(at: clock.instant) }) {
                    case .fine: break
                    case .becameStale(let silent): emit(.connection(.stale(silentFor: silent)))
                    case .dead(let silent): throw StreamTrouble.silent(silent)
                    }
                    if await session.generation != generation { throw StreamTrouble.replaced }
                    await session.retryFailedSubscription(notSoonerThan: Self.subscriptionRetryGap)
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}

/// Why the watchdog gave an open stream up.
enum StreamTrouble: Error {
    case silent(Duration)
    case replaced
}
