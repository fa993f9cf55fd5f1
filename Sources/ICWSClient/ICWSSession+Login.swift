import Foundation
import ICWSWire

extension ICWSSession {
    /// POST /icws/connection against `first`, then against each alternate host a 503 names (same
    /// scheme and port, each at most once). Installs the new token and re-PUTs the subscription.
    func login(startingAt first: ICWSServer) async throws -> SessionToken {
        var queue = [first]
        var tried: [String] = []
        var lastUnavailable: ServerErrorInfo?
        var lastFailure: (any Error)?
        // Host names are case-insensitive: `CIC02` and `cic02` are one host, tried once.
        func enqueue(_ hosts: [String], from server: ICWSServer) {
            for host in hosts where !tried.contains(host.lowercased()) && !queue.contains(where: { $0.host.lowercased() == host.lowercased() }) {
                queue.append(server.replacingHost(host))
            }
        }
        while !queue.isEmpty {
            let server = queue.removeFirst()
            tried.append(server.host.lowercased())
            let answer: HTTPAnswer
            do {
                answer = try await transport.send(loginCall(server))
            } catch let error as ICWSError {
                switch error {
                case .transport, .timeout:
                    // A host that is down during a switchover: try the partners we heard of.
                    lastFailure = error
                    enqueue(knownAlternates, from: server)
                    continue
                default:
                    throw error
                }
            }
            if answer.isSuccess { return try await accept(answer, from: server) }
            let info = answer.errorInfo
            switch answer.status {
            case 503:
                lastUnavailable = info
                let alternates = validAlternates(answer.alternateHosts, from: server)
                enqueue(alternates, from: server)
                logger.debug("login refused with 503 by \(server.host); alternates: \(alternates)")
            case 400 where info.errorId == ICWSErrorID.authenticationFailure || info.errorCode == ICWSErrorID.authenticationFailureCode,
                 401:
                throw ICWSError.authenticationFailed(info)
            default:
                throw answer.error
            }
        }
        if let lastUnavailable { throw ICWSError.unavailable(lastUnavailable, triedHosts: tried) }
        throw lastFailure ?? ICWSError.transport("no server to log in to")
    }

    private func loginCall(_ server: ICWSServer) throws -> HTTPCall {
        let request = ICAuthConnectionRequest(
            applicationName: configuration.applicationName, userID: configuration.credentials.user,
            password: configuration.credentials.password)
        let body: Data
        do {
            body = try ICWSJSON.encode(request)
        } catch {
            throw ICWSError.undecodable("the login request could not be encoded")
        }
        return HTTPCall(method: .POST, server: server, path: ICWSPath.connection, query: [("include", "features")], body: body)
    }

    /// Reads the 201: session id, CSRF token, cookie, features; checks data-extractor >= 2.
    private func accept(_ answer: HTTPAnswer, from server: ICWSServer) async throws -> SessionToken {
        let response = try LoginAnswer(answer, request: "login to \(server.host)")
        generation += 1
        let fresh = SessionToken(sessionId: response.sessionId, csrfToken: response.csrfToken, cookie: response.cookie,
                                 server: server, generation: generation)
        let features: [FeatureInfo]
        if let listed = response.features {
            features = listed
        } else {
            features = try await fetchFeatures(server)
        }
        let dataExtractor = features.first { $0.featureId == ICWSProtocol.dataExtractorFeature }?.version
        guard let dataExtractor, dataExtractor >= ICWSProtocol.minimumDataExtractorVersion else {
            await deleteSession(fresh)
            let offered = dataExtractor.map { "the server offers version \($0)" } ?? "the server does not offer the data-extractor feature"
            throw ICWSError.featureMissing(
                "data-extractor version \(ICWSProtocol.minimumDataExtractorVersion) or later is required; \(offered)")
        }
        let messaging = features.first { $0.featureId == ICWSProtocol.messagingFeature }?.version
        token = fresh
        transport.redaction.remember(csrfToken: fresh.csrfToken, cookie: fresh.cookie)
        if let listed = response.alternateHostList { knownAlternates = validAlternates(listed, from: server) }
        info = SessionInfo(
            sessionId: response.sessionId, userID: response.userID ?? configuration.credentials.user,
            userDisplayName: response.userDisplayName, server: server, dataExtractorVersion: dataExtractor,
            messagingVersion: messaging,
            supportsServerSentEvents: (messaging ?? 0) >= ICWSProtocol.minimumSSEMessagingVersion)
        logger.debug("logged in to \(server.host) as session \(response.sessionId)")
        await resubscribe(fresh)
        return fresh
    }

    /// The alternate hosts a server named that are plain host names or addresses (the same check as
    /// `ICWSServer(parsing:)`): anything else could change the URL the login POST goes to
    /// (`evil@host`, `h/x?`), so it is skipped and logged, sanitised.
    func validAlternates(_ hosts: [String], from server: ICWSServer) -> [String] {
        hosts.compactMap { candidate in
            if let host = ICWSServer.validHost(candidate) { return host }
            logger.warning("ignored an invalid alternate host named by \(server.host): '\(VisibleText.ascii(candidate, limit: 80))'")
            return nil
        }
    }

    func fetchFeatures(_ server: ICWSServer) async throws -> [FeatureInfo] {
        let answer = try await transport.send(HTTPCall(method: .GET, server: server, path: ICWSPath.features))
        guard answer.isSuccess else { throw answer.error }
        return try answer.decode(FeatureInfoList.self, request: "GET \(ICWSPath.features)").featureInfoList
    }

    /// After a re-login the new session has no subscription: PUT the remembered job ids again. A
    /// failed PUT is marked for the feed to send again once it is live (as a failed subscribe is).
    private func resubscribe(_ fresh: SessionToken) async {
        let jobIds = subscribedJobIds
        guard !jobIds.isEmpty, let body = try? ICWSJSON.encode(JobStatusSubscription(jobIds: jobIds)) else { return }
        let call = Self.call(.PUT, ICWSPath.jobStatusSubscription, query: [], body: body, token: fresh)
        var failure: String?
        lastSubscriptionPut = configuration.clock.instant
        do {
            let answer = try await transport.send(call)
            if !answer.isSuccess { failure = answer.errorInfo.message }
        } catch {
            failure = "\(error)"
        }
        guard subscribedJobIds == jobIds else { return }
        subscriptionFailed = failure != nil
        if let failure { logger.warning("re-subscribing after login failed: \(failure)") }
    }
}
