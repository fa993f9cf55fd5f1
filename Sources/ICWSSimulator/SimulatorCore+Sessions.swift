import Foundation
import ICWSWire

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
        loginCount += 1
        return session
    }

    /// Ends a session and its event stream.
    func logout(sessionId: String) {
        sessions[sessionId]?.stream?.continuation.finish()
        sessions[sessionId] = nil
    }

    /// Drops every session without a word, as a server's idle timeout does: the next call of each
    /// answers 401 and its event stream ends. Returns how many were dropped.
    func expireSessions() -> Int {
        let live = Array(sessions.keys)
        for id in live { logout(sessionId: id) }
        return live.count
    }

    /// The session checks of every session call, counting the request. With `expireAfter`, a
    /// session that has already made that many requests is dropped and reported unknown. A session
    /// the server ended is unknown except for taking its last messages.
    func check(sessionId: String, csrfToken: String?, cookies: [String], kind: SessionCallKind,
               expireAfter: Int?) -> SessionCheck {
        guard let session = sessions[sessionId] else { return .unknownSession }
        if session.endedByServer, kind != .messageRetrieval { return .unknownSession }
        if kind == .ordinary, csrfToken != session.csrfToken { return .missingToken }
        guard session.cookieMatches(cookies) else { return .missingToken }
        if let expireAfter, session.requestCount >= expireAfter {
            logout(sessionId: sessionId)
            return .unknownSession
        }
        if isIdleTooLong(session) {
            logout(sessionId: sessionId)
            return .unknownSession
        }
        sessions[sessionId]?.requestCount += 1
        sessions[sessionId]?.lastRequest = .now
        return .valid(session)
    }

    private func isIdleTooLong(_ session: SimulatorSession) -> Bool {
        guard let timeout = configuration.profile.sessionIdleTimeout else { return false }
        return ContinuousClock.now - session.lastRequest >= timeout
    }

    /// Drops, without a word, every session idle for longer than the profile's
    /// `sessionIdleTimeout` (its event stream ends), then looks again a quarter of that later.
    /// Runs on the primary while it serves; nothing when the profile has no idle timeout.
    func expireIdleSessions() async {
        guard let timeout = configuration.profile.sessionIdleTimeout else { return }
        while !Task.isCancelled {
            for (id, session) in sessions where !session.endedByServer && isIdleTooLong(session) {
                logout(sessionId: id)
            }
            try? await Task.sleep(for: timeout / 4)
        }
    }

    /// Ends every live session as the server would: queues a `connectionStateChangeMessage`
    /// (up → down, with `reason`) for it, ends its subscription, and lets an open event stream write
    /// that message and then end. Afterwards the session answers 401, except that one poll or event
    /// stream may still take the messages it had queued. Returns how many sessions were ended.
    func endSessions(reason: String) -> Int {
        let change = ConnectionStateChangeMessage(previousConnectionState: 1, newConnectionState: 2,
                                                  reason: reason, shouldReconnect: true)
        guard let message = try? ICWSJSON.encode(change) else { return 0 }
        let live = sessions.filter { !$0.value.endedByServer }.keys
        for id in live {
            sessions[id]?.endedByServer = true
            sessions[id]?.subscribedJobIds = nil
            sessions[id]?.post(message)
            // The stream still writes what was queued (the wake-up above is buffered), then ends.
            sessions[id]?.stream?.continuation.finish()
        }
        return live.count
    }

    static func randomToken(length: Int, using generator: inout SystemRandomNumberGenerator) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
