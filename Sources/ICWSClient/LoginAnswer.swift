import Foundation
import ICWSWire

/// The 201 of POST /icws/connection, read leniently: the session id and CSRF token come from the
/// body, else from the `ININ-ICWS-Session-ID` / `ININ-ICWS-CSRF-Token` headers (a server sends
/// both); only a value missing from both is an error. (`ConnectionResponse` requires them in the
/// body, which is right for the simulator but would make the header fallback unreachable.)
struct LoginAnswer: Sendable {
    let sessionId: String
    let csrfToken: String
    /// `icws_<sessionId>=<value>`: the session needs it on every call.
    let cookie: String
    let alternateHostList: [String]?
    let userID: String?
    let userDisplayName: String?
    let features: [FeatureInfo]?

    init(_ answer: HTTPAnswer, request: String) throws {
        let body = try answer.decode(Body.self, request: request)
        func resolve(_ value: String?, header: String, name: String) throws -> String {
            if let value, !value.isEmpty { return value }
            if let fromHeader = answer.headers.first(name: header), !fromHeader.isEmpty { return fromHeader }
            throw ICWSError.undecodable("\(request): no \(name) in the answer (neither in the body nor in \(header))")
        }
        sessionId = try resolve(body.sessionId, header: ICWSProtocol.sessionIdHeader, name: "session id")
        csrfToken = try resolve(body.csrfToken, header: ICWSProtocol.csrfTokenHeader, name: "CSRF token")
        guard let cookie = SessionCookie.pick(from: answer.headers["Set-Cookie"], sessionId: sessionId) else {
            // Without the cookie every session call is refused: a login that did not work.
            throw ICWSError.authenticationFailed(ServerErrorInfo(
                status: answer.status, message: "\(request): the server set no session cookie (icws_…), so the login cannot be used"))
        }
        self.cookie = cookie
        alternateHostList = body.alternateHostList
        userID = body.userID
        userDisplayName = body.userDisplayName
        features = body.features
    }

    /// The members of `connectionResponse` the session uses, every one optional.
    private struct Body: Decodable {
        var csrfToken: String?
        var sessionId: String?
        var alternateHostList: [String]?
        var userID: String?
        var userDisplayName: String?
        var features: [FeatureInfo]?
    }
}
