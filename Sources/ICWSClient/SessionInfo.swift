import Foundation

/// What a successful login established.
public struct SessionInfo: Sendable, Hashable {
    public var sessionId: String
    public var userID: String
    public var userDisplayName: String?
    /// The host actually connected (after a switchover, the partner).
    public var server: ICWSServer
    public var dataExtractorVersion: Int
    /// Nil when the server did not list the `messaging` feature.
    public var messagingVersion: Int?
    /// Messaging version 2 or later: the feed can use server-sent events.
    public var supportsServerSentEvents: Bool

    public init(sessionId: String, userID: String, userDisplayName: String?, server: ICWSServer,
                dataExtractorVersion: Int, messagingVersion: Int?, supportsServerSentEvents: Bool) {
        self.sessionId = sessionId
        self.userID = userID
        self.userDisplayName = userDisplayName
        self.server = server
        self.dataExtractorVersion = dataExtractorVersion
        self.messagingVersion = messagingVersion
        self.supportsServerSentEvents = supportsServerSentEvents
    }
}

/// The secrets of a live session, sent on every session call.
struct SessionToken: Sendable {
    var sessionId: String
    var csrfToken: String
    /// `icws_<sessionId>=<value>`, when the server set one.
    var cookie: String?
    var server: ICWSServer
    /// Increases with every login, so callers that saw a 401 on an old token do not log in twice.
    var generation: Int
}
