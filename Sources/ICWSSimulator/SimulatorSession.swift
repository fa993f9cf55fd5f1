import Foundation

/// What wakes a server-sent event stream.
enum SSEEvent: Sendable {
    /// Messages are waiting in the session queue. The stream takes them from the queue only when it
    /// is about to write them, so a stream whose client has gone loses nothing it had not sent.
    case messagesQueued
    /// Time for a keep-alive comment.
    case ping
}

/// A logged-in session: credentials the client must echo, its subscription and its message queue.
struct SimulatorSession: Sendable {
    let id: String
    let csrfToken: String
    /// `icws_{id}`.
    let cookieName: String
    /// `{guid}|languageId={lang}`.
    let cookieValue: String
    let user: SimulatorUser
    let language: String
    /// Session requests made so far (for the expiry fault).
    var requestCount = 0
    /// When it last made a request (for `ServerProfile.sessionIdleTimeout`).
    var lastRequest = ContinuousClock.now
    /// Job ids of the jobs-statuses subscription; nil when not subscribed.
    var subscribedJobIds: Set<String>?
    /// Messages not yet polled or written to the event stream.
    var queue: [Data] = []
    /// The attached event stream, if any.
    var stream: StreamAttachment?
    /// Ended by the server (`ICWSSimulator.endSessions`): only its last messages may still be taken
    /// (once, by a poll or an event stream); every other call answers 401.
    var endedByServer = false

    /// Oldest messages are dropped past this many, so an abandoned session cannot grow without bound.
    static let maximumQueuedMessages = 1000

    /// Queues a message and wakes the attached event stream, if any.
    mutating func post(_ message: Data) {
        queue.append(message)
        if queue.count > Self.maximumQueuedMessages { queue.removeFirst(queue.count - Self.maximumQueuedMessages) }
        stream?.continuation.yield(.messagesQueued)
    }

    /// `Set-Cookie` value for the login answer.
    var setCookieHeader: String { "\(cookieName)=\(cookieValue); Path=/icws/\(id); HttpOnly" }

    /// True when the `Cookie` header(s) carry this session's cookie with the value it was given.
    func cookieMatches(_ cookieHeaders: [String]) -> Bool {
        for header in cookieHeaders {
            for pair in header.split(separator: ";") {
                let trimmed = pair.trimmingCharacters(in: .whitespaces)
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                if trimmed[..<equals] == cookieName, trimmed[trimmed.index(after: equals)...] == cookieValue { return true }
            }
        }
        return false
    }
}

/// An open server-sent event stream of one session.
struct StreamAttachment: Sendable {
    let token: UUID
    /// The listener serving it, so stopping a listener ends its streams only.
    let listenerID: UUID
    let events: AsyncStream<SSEEvent>
    let continuation: AsyncStream<SSEEvent>.Continuation
}

/// Which checks a session route needs.
enum SessionCallKind: Sendable {
    /// CSRF header and cookie.
    case ordinary
    /// GET messages (polling or event stream): the cookie only, like the ICWS JavaScript SDK and
    /// browsers' `EventSource`; a session the server ended may still take its last messages.
    case messageRetrieval
}

/// Outcome of the session checks on a request.
enum SessionCheck: Sendable {
    case valid(SimulatorSession)
    /// Unknown, logged out or expired session id (401, errorCode 1).
    case unknownSession
    /// CSRF header or cookie missing or wrong (401, errorCode 2).
    case missingToken
}
