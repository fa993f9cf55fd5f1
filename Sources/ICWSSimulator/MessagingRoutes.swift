import Foundation
import Hummingbird
import ICWSWire

/// Subscriptions, message polling, server-sent events and the heartbeat.
struct MessagingRoutes: Sendable {
    let core: SimulatorCore
    let gate: SessionGate
    let listenerID: UUID
    let configuration: SimulatorConfiguration
    let traffic: TrafficCounter

    func register(on router: Router<SimulatorRequestContext>) {
        let subscription = RouterPath("/icws/:sessionId/messaging/subscriptions/data-extractor/jobs-statuses")
        router.put(subscription) { request, context in
            await gate.handle(request, context: context) { call in
                switch await call.request.decodeBody(JobStatusSubscription.self) {
                case .success(let body):
                    await core.subscribe(sessionId: call.session.id, jobIds: body.jobIds)
                    return ICWSResponse.noContent()
                case .failure(let error):
                    return error.response
                }
            }
        }
        router.delete(subscription) { request, context in
            await gate.handle(request, context: context) { call in
                await core.unsubscribe(sessionId: call.session.id)
                return ICWSResponse.noContent()
            }
        }
        // Like the ICWS JavaScript SDK (and browsers' EventSource), pollers send the cookie but no CSRF header.
        router.get("/icws/:sessionId/messaging/messages") { request, context in
            await gate.handle(request, context: context, kind: .messageRetrieval) { call in
                Self.wantsEventStream(call.request) ? await eventStream(call.session, call.request) : await poll(call.session)
            }
        }
        router.post("/icws/:sessionId/messaging/heartbeat") { request, context in
            await gate.handle(request, context: context) { _ in ICWSResponse.noContent() }
        }
    }

    private func poll(_ session: SimulatorSession) async -> Response {
        let messages = await core.drainMessages(sessionId: session.id)
        var array = Data("[".utf8)
        for (index, message) in messages.enumerated() {
            if index > 0 { array.append(UInt8(ascii: ",")) }
            array.append(message)
        }
        array.append(UInt8(ascii: "]"))
        return ICWSResponse.raw(array)
    }

    private func eventStream(_ session: SimulatorSession, _ request: Request) async -> Response {
        guard configuration.messagingVersion >= ICWSProtocol.minimumSSEMessagingVersion else {
            return ICWSResponse.error(.notAcceptable, errorId: "error.request.notAcceptable",
                                      message: "Server-sent events need messaging version 2; poll the messages instead.")
        }
        let faults = await gate.faults.faults
        if let answer = faults.eventStreamAnswer { return Self.answer(answer) }
        if faults.endSessionOnStreamOpen {
            _ = await core.endSessions(reason: "The session was ended by the server (injected fault).")
        }
        guard let attachment = await core.attachStream(sessionId: session.id, listenerID: listenerID) else {
            return ICWSResponse.unknownSession
        }
        // Hummingbird closes the connection when a stream it watches for inbound close ends; say so,
        // or a client could reuse the connection for its next request and lose that request.
        let headers: HTTPFields = [.contentType: ICWSProtocol.eventStreamType, .cacheControl: "no-cache",
                                   .connection: "close"]
        let kind = TrafficCounter.kind(of: request)
        let profile = configuration.profile
        let framing = EventStreamFraming(profile: profile)
        return Response(status: .ok, headers: headers, body: ResponseBody { [core, traffic] writer in
            let lastWrite = LastWrite()
            func send(_ frame: [UInt8]) async throws {
                for (index, piece) in framing.writes(frame).enumerated() {
                    // Apart in time, so each piece reaches the client in a TCP segment of its own.
                    if index > 0 { try await Task.sleep(for: .milliseconds(5)) }
                    try await writer.write(ByteBuffer(bytes: piece))
                }
                lastWrite.now()
                if let kind { traffic.add(bytes: frame.count, to: kind) }
            }
            let idleCloser = profile.idleStreamLimit.map { limit in
                Task { await Self.close(attachment, idleFor: limit, since: lastWrite) }
            }
            defer { idleCloser?.cancel() }
            // A client that hangs up ends the stream at once, rather than at the next failed write.
            try await request.body.consumeWithInboundCloseHandler { _ in
                // The profile's ping at open, or the same as a fault set on this listener.
                if profile.pingAtOpen { try await send(framing.ping) }
                for await event in attachment.events {
                    switch event {
                    case .ping:
                        if await gate.faults.faults.silentStreams { continue }
                        try await send(framing.ping)
                    case .messagesQueued:
                        let messages = await core.drainMessages(sessionId: session.id)
                        for message in messages { try await send(framing.data(message)) }
                        if profile.pingAfterMessages, !messages.isEmpty { try await send(framing.ping) }
                    }
                }
            } onInboundClosed: {
                attachment.continuation.finish()
            }
            try await writer.finish(nil)
        })
    }

    /// A proxy in front (`idleStreamLimit`): ends the stream once nothing was written on it for `limit`.
    private static func close(_ attachment: StreamAttachment, idleFor limit: Duration, since lastWrite: LastWrite) async {
        while !Task.isCancelled {
            let deadline = lastWrite.instant + limit
            if ContinuousClock.now >= deadline {
                attachment.continuation.finish()
                return
            }
            try? await Task.sleep(until: deadline)
        }
    }

    /// An event-stream request answered by `SimulatorFaults.eventStreamAnswer`.
    private static func answer(_ fault: EventStreamFault) -> Response {
        switch fault {
        case .status(let code):
            return ICWSResponse.error(HTTPResponse.Status(code: code), errorId: "error.request.injectedFault",
                                      message: "The event stream was refused (injected fault).")
        case .closedAtOnce:
            return Response(status: .ok, headers: [.contentType: ICWSProtocol.eventStreamType, .connection: "close"],
                            body: ResponseBody(byteBuffer: ByteBuffer()))
        case .emptyOK:
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer()))
        }
    }

    static func wantsEventStream(_ request: Request) -> Bool {
        request.headers[values: .accept].contains { $0.lowercased().contains(ICWSProtocol.eventStreamType) }
    }
}
