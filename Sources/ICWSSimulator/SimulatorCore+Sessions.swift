import Foundation

extension SimulatorCore {
    /// Creates a session when the password matches; nil otherwise.
    func login(userID: String, password: String, language: String) -> SimulatorSession? {
        guard let user = user(userID), user.password == password else { return nil }
        var generator = SystemRandomNumberGenerator()
        var id: String
        repeat {
            id = String(UInt32.random(in: 10_000_000...99_999_999, using: &generator))
        } while sessions[id] != nil
        let session = SimulatorSession(
            id: id,
            csrfToken: Self.randomToken(length: 32, using: &generator),
            cookieName: "icws_\(id)",
            cookieValue: "\(UUID().uuidString.lowercased())|languageId=\(language)",
            user: user,
            language: language)
        sessions[id] = session
        return session
    }

    /// Ends a session and its event stream.
    func logout(sessionId: String) {
        sessions[sessionId]?.stream?.continuation.finish()
        sessions[sessionId] = nil
    }

    /// The session checks of every session call, counting the request. With `expireAfter`, a
    /// session that has already made that many requests is dropped and reported unknown.
    func check(sessionId: String, csrfToken: String?, cookies: [String], requireCSRF: Bool,
               expireAfter: Int?) -> SessionCheck {
        guard let session = sessions[sessionId] else { return .unknownSession }
        if requireCSRF, csrfToken != session.csrfToken { return .missingToken }
        guard session.cookieMatches(cookies) else { return .missingToken }
        if let expireAfter, session.requestCount >= expireAfter {
            logout(sessionId: sessionId)
            return .unknownSession
        }
        sessions[sessionId]?.requestCount += 1
        return .valid(session)
    }

    static func randomToken(length: Int, using generator: inout SystemRandomNumberGenerator) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
