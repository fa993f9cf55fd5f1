import Hummingbird
import ICWSWire

/// What a session route gets once the checks passed.
struct SessionRequest: Sendable {
    let session: SimulatorSession
    let request: Request
}

/// The checks in front of every `/icws/{sessionId}/...` route, in order: listener switched over (503
/// with the alternate hosts), session id known and not ended by the server (401 code 1), CSRF header
/// and cookie match (401 code 2), session not expired by the fault (401 code 1), then the injected 500s.
struct SessionGate: Sendable {
    let core: SimulatorCore
    let faults: ListenerFaults

    func handle(_ request: Request, context: some RequestContext, kind: SessionCallKind = .ordinary,
                _ body: @Sendable (SessionRequest) async -> Response) async -> Response {
        let sessionId = context.parameters.get("sessionId") ?? ""
        let current = await faults.faults
        if let alternates = current.switchedOver {
            return ICWSResponse.notAcceptingConnections(alternateHosts: alternates)
        }
        let check = await core.check(
            sessionId: sessionId, csrfToken: request.headers[.icwsCSRFToken], cookies: request.cookieHeaders,
            kind: kind, expireAfter: current.expireSessionsAfterRequests)
        switch check {
        case .unknownSession:
            return ICWSResponse.unknownSession
        case .missingToken:
            return ICWSResponse.missingToken
        case .valid(let session):
            if await faults.consumeFailure() {
                return ICWSResponse.error(.internalServerError, errorId: "error.server.internal",
                                          message: "The server encountered an internal error (injected fault).")
            }
            return await body(SessionRequest(session: session, request: request))
        }
    }
}
