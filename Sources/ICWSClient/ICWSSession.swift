import AsyncHTTPClient
import Foundation
import ICWSWire
import Logging
import NIOHTTP1

/// One logged-in ICWS session: login (with switchover), the data-extractor calls, and the
/// subscription. A 401 logs in again once (concurrent 401s share one re-login) and retries once;
/// a 503 on a session call goes through the switchover logic once.
///
/// Every login goes through `establish`, one at a time. A login that follows one whose session
/// never proved usable (no successful call, no healthy event stream) first waits the backoff for
/// the number of such logins in a row, so a server that refuses every new session is not stormed.
///
/// Call `shutdown()` when done: it logs out and shuts the HTTP client down.
public actor ICWSSession {
    let configuration: ICWSClientConfiguration
    let transport: HTTPTransport
    var logger: Logger { configuration.logger }
    /// What the session's and its feed's timers wait on (the configuration's).
    public nonisolated var clock: any TimerClock { configuration.clock }

    var token: SessionToken?
    var loginInFlight: Task<SessionToken, any Error>?
    var generation = 0
    /// The job ids of the jobs-statuses subscription, re-PUT after every re-login: the one record
    /// of the watched set on the client side.
    var subscribedJobIds: [String] = []
    /// The last PUT of `subscribedJobIds` failed; `retryFailedSubscription()` sends it again.
    var subscriptionFailed = false
    /// When the last PUT of the subscription started (paces `retryFailedSubscription`).
    var lastSubscriptionPut: ContinuousClock.Instant?
    /// The one reconnection counter: connection attempts in a row since the connection last
    /// proved usable (a 2xx session call, a ping or a message on the stream). A login after an
    /// unproven one counts as an attempt unless the feed's failed reconnection already counted it.
    private(set) var unprovenAttempts = 0
    /// The attempt whose backoff pause was already waited (by the feed before reconnecting), so the
    /// login of that attempt does not wait again.
    private var pausedAttempt = 0
    /// A login happened and its session has not proved usable yet.
    private var loginUnproven = false
    /// The current unproven attempt was counted after the last login (by the feed).
    private var attemptCountedSinceLogin = false
    /// Where the next login starts after the server ended the session (the host last connected).
    private var resumeServer: ICWSServer?
    /// `alternateHostList` of the last login, tried when the connected host stops answering.
    var knownAlternates: [String] = []
    /// The data dictionary of the connected server (see `ICWSSession+Dictionary.swift`).
    var dictionaryCache = DictionaryCache()
    /// Set by `shutdown()`; the feed ends when it sees it.
    private(set) var isShutDown = false

    /// The session established by the latest login; nil before `connect()`.
    public internal(set) var info: SessionInfo?

    /// Creates the HTTP client (with the TLS options); no request is made until `connect()`.
    public init(configuration: ICWSClientConfiguration) throws {
        let client = try HTTPClientFactory.client(for: configuration)
        self.configuration = configuration
        self.transport = HTTPTransport(
            client: client, logger: configuration.logger, timeout: configuration.requestTimeout,
            acceptLanguage: configuration.acceptLanguage,
            redaction: Redaction(password: configuration.credentials.password), traffic: configuration.traffic)
    }

    /// A session released without `shutdown()` (an early exit, a failed test) still closes its HTTP
    /// client, without logging out: AsyncHTTPClient traps on a client released while running.
    deinit {
        if !isShutDown { transport.client.shutdown { _ in } }
    }

    /// Logs in (POST /icws/connection?include=features), trying alternate hosts on a 503, and checks
    /// that the server offers data-extractor version 2 or later. When already connected, returns the
    /// current session without a new login.
    @discardableResult
    public func connect() async throws -> SessionInfo {
        if token != nil, let info { return info }
        _ = try await establish(startingAt: token?.server ?? resumeServer ?? configuration.server)
        guard let info else { throw ICWSError.transport("the login did not complete") }
        return info
    }

    /// Logs out (DELETE /icws/{id}/connection); errors are ignored.
    public func logout() async {
        guard let current = token else { return }
        token = nil
        info = nil
        await deleteSession(current)
    }

    /// DELETE /icws/{id}/connection, ignoring every error.
    func deleteSession(_ session: SessionToken) async {
        var call = HTTPCall(method: .DELETE, server: session.server, path: ICWSPath.sessionConnection(session.sessionId))
        call.headers = Self.sessionHeaders(session)
        _ = try? await transport.send(call)
    }

    /// Logs out if connected, then shuts the HTTP client down. The session is unusable afterwards.
    public func shutdown() async {
        guard !isShutDown else { return }
        isShutDown = true
        await logout()
        try? await transport.client.shutdown()
    }

    // MARK: Session calls

    /// Sends a session call with the current token, handling 401 (re-login) and 503 (switchover) once.
    /// A success proves the session usable.
    func sessionCall(_ method: HTTPMethod, _ path: @Sendable (String) -> String, query: [(String, String)] = [],
                     body: Data? = nil) async throws -> HTTPAnswer {
        // A POST is not repeated after a transport error: the job may have been created before the
        // connection broke.
        try await withRenewal(failOverOnTransportError: method != .POST) { current in
            let answer = try await transport.send(Self.call(method, path, query: query, body: body, token: current))
            guard answer.isSuccess else { return .refused(answer) }
            sessionProved(generation: current.generation)
            return .done(answer)
        }
    }

    /// The session of login `generation` answered a call, or its event stream delivered a ping or
    /// a message: the next re-login needs no pause.
    func sessionProved(generation: Int) {
        guard token?.generation == generation else { return }
        unprovenAttempts = 0
        pausedAttempt = 0
        loginUnproven = false
    }

    /// The feed's reconnection failed (or its stream ended before proving anything): one more
    /// attempt in a row. Returns the attempt number, whose backoff the feed waits before
    /// `pausedBefore(attempt:)`.
    func recordFailedAttempt() -> Int {
        unprovenAttempts += 1
        attemptCountedSinceLogin = true
        return unprovenAttempts
    }

    /// The feed has waited the backoff of `attempt`: a login for it goes at once.
    func pausedBefore(attempt: Int) {
        pausedAttempt = max(pausedAttempt, attempt)
    }

    /// The server reported the session of login `generation` ended (a connection-down message):
    /// it is forgotten, and the next call or `connect()` logs in again (paced like any re-login).
    func sessionEnded(generation: Int) {
        guard let current = token, current.generation == generation else { return }
        resumeServer = current.server
        token = nil
    }

    /// Sends the subscription again when its last PUT failed and started at least `gap` ago (the
    /// feed calls this once it is live, and while it stays live: a re-login's PUT can fail after
    /// the stream opened).
    func retryFailedSubscription(notSoonerThan gap: Duration = .zero) async {
        guard subscriptionFailed, !subscribedJobIds.isEmpty else { return }
        if let last = lastSubscriptionPut, configuration.clock.instant - last < gap { return }
        try? await subscribeJobStatuses(jobIds: subscribedJobIds)
    }

    /// `jobIds` is the subscription already sent and accepted.
    func holdsSubscription(_ jobIds: [String]) -> Bool {
        lastSubscriptionPut != nil && !subscriptionFailed && subscribedJobIds == jobIds
    }

    /// Sends the subscription again, when jobs are watched: the server answers with their full
    /// statuses, which bring them up to date after a reconnection.
    func subscribeAgain() async {
        guard !subscribedJobIds.isEmpty else { return }
        try? await subscribeJobStatuses(jobIds: subscribedJobIds)
    }

    /// Opens a streaming session call (server-sent events), with the same renewal rules.
    func openSessionStream(_ path: @Sendable (String) -> String, accept: String) async throws -> HTTPClientResponse {
        try await withRenewal(failOverOnTransportError: true) { current in
            var call = Self.call(.GET, path, query: [], body: nil, token: current)
            call.accept = accept
            switch try await transport.open(call) {
            case .streaming(let response): return .done(response)
            case .refused(let answer): return .refused(answer)
            }
        }
    }

    /// What one attempt of a session call came to.
    enum Attempt<Value: Sendable>: Sendable {
        case done(Value)
        /// A non-2xx answer: 401 and 503 renew the session once, anything else is its error.
        case refused(HTTPAnswer)
    }

    /// Runs `attempt` with the current token; renews the session once (re-login, which follows
    /// switchover alternates) and runs it again after a 401 or 503, or, when `failOverOnTransportError`
    /// and the last login named alternates, after a transport error (the host went away; a partner
    /// may have taken over).
    private func withRenewal<Value: Sendable>(
        failOverOnTransportError: Bool, _ attempt: (SessionToken) async throws -> Attempt<Value>
    ) async throws -> Value {
        var current = try await currentToken()
        var renewed = false
        while true {
            let outcome: Attempt<Value>
            do {
                outcome = try await attempt(current)
            } catch ICWSError.transport(let message) where !renewed && failOverOnTransportError && !knownAlternates.isEmpty {
                logger.debug("session call failed (\(message)); trying the switchover partners")
                renewed = true
                current = try await renew(after: current)
                continue
            }
            switch outcome {
            case .done(let value):
                return value
            case .refused(let answer):
                guard !renewed, answer.status == 401 || answer.status == 503 else { throw answer.error }
                logger.debug("session call answered \(answer.status); logging in again")
                renewed = true
                current = try await renew(after: current)
            }
        }
    }

    /// Logs in again unless another caller already did since `stale` was issued.
    func renew(after stale: SessionToken) async throws -> SessionToken {
        if let current = token, current.generation != stale.generation { return current }
        return try await establish(startingAt: stale.server)
    }

    private func currentToken() async throws -> SessionToken {
        if let token { return token }
        guard !isShutDown else { throw ICWSError.transport("the session has been shut down") }
        return try await establish(startingAt: resumeServer ?? configuration.server)
    }

    /// The one login path. Runs one login at a time: callers arriving while a login runs wait for
    /// the same result. Paced by the backoff while logins keep producing unusable sessions.
    func establish(startingAt server: ICWSServer) async throws -> SessionToken {
        if let loginInFlight { return try await loginInFlight.value }
        if loginUnproven, !attemptCountedSinceLogin { unprovenAttempts += 1 }
        let attempt = unprovenAttempts
        var pause = Duration.zero
        if attempt > pausedAttempt {
            pause = configuration.backoff.delay(attempt: attempt)
            pausedAttempt = attempt
            logger.info("the last session was never usable; logging in again after \(pause.spoken) (attempt \(attempt))")
        }
        let clock = configuration.clock
        let task = Task {
            if pause > .zero { try await clock.sleep(for: pause) }
            return try await self.login(startingAt: server)
        }
        loginInFlight = task
        defer { loginInFlight = nil }
        let fresh = try await task.value
        loginUnproven = true
        attemptCountedSinceLogin = false
        return fresh
    }

    static func call(_ method: HTTPMethod, _ path: (String) -> String, query: [(String, String)], body: Data?,
                     token: SessionToken) -> HTTPCall {
        HTTPCall(method: method, server: token.server, path: path(token.sessionId), query: query,
                 headers: sessionHeaders(token), body: body)
    }

    static func sessionHeaders(_ token: SessionToken) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: ICWSProtocol.csrfTokenHeader, value: token.csrfToken)
        if let cookie = token.cookie { headers.add(name: "Cookie", value: cookie) }
        return headers
    }
}
