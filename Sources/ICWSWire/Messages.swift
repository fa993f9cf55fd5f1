import Foundation

/// `urn:inin.com:dataExtractor:jobStatusMessage`.
public struct JobStatusMessage: Codable, Hashable, Sendable {
    public static let typeName = "urn:inin.com:dataExtractor:jobStatusMessage"
    public var isDelta: Bool
    public var jobStatusList: [JobStatus]

    public init(isDelta: Bool, jobStatusList: [JobStatus]) {
        self.isDelta = isDelta
        self.jobStatusList = jobStatusList
    }

    enum CodingKeys: String, CodingKey { case type = "__type", isDelta, jobStatusList }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        isDelta = try c.decodeIfPresent(Bool.self, forKey: .isDelta) ?? false
        // A status that does not decode (no id) is skipped with a warning; the others are kept.
        jobStatusList = try c.decode([LenientElement<JobStatus>].self, forKey: .jobStatusList).compactMap(\.value)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(isDelta, forKey: .isDelta)
        try c.encode(jobStatusList, forKey: .jobStatusList)
    }
}

/// `urn:inin.com:connection:connectionStateChangeMessage`: the session went up or down.
public struct ConnectionStateChangeMessage: Codable, Hashable, Sendable {
    public static let typeName = "urn:inin.com:connection:connectionStateChangeMessage"
    public var isDelta: Bool
    public var previousConnectionState: Int?
    public var newConnectionState: Int
    public var reason: String
    public var shouldReconnect: Bool?

    public init(previousConnectionState: Int?, newConnectionState: Int, reason: String, shouldReconnect: Bool? = nil) {
        self.isDelta = false
        self.previousConnectionState = previousConnectionState
        self.newConnectionState = newConnectionState
        self.reason = reason
        self.shouldReconnect = shouldReconnect
    }

    enum CodingKeys: String, CodingKey {
        case type = "__type", isDelta, previousConnectionState, newConnectionState, reason, shouldReconnect
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        isDelta = try c.decodeIfPresent(Bool.self, forKey: .isDelta) ?? false
        previousConnectionState = try c.decodeIfPresent(Int.self, forKey: .previousConnectionState)
        newConnectionState = try c.decode(Int.self, forKey: .newConnectionState)
        reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
        shouldReconnect = try c.decodeIfPresent(Bool.self, forKey: .shouldReconnect)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(isDelta, forKey: .isDelta)
        try c.encodeIfPresent(previousConnectionState, forKey: .previousConnectionState)
        try c.encode(newConnectionState, forKey: .newConnectionState)
        try c.encode(reason, forKey: .reason)
        try c.encodeIfPresent(shouldReconnect, forKey: .shouldReconnect)
    }
}

/// One message from GET /messaging/messages or one server-sent event, by `__type`.
/// Types this client does not use are kept by name and ignored by consumers.
public enum ICWSMessage: Codable, Hashable, Sendable {
    case jobStatus(JobStatusMessage)
    case connectionStateChange(ConnectionStateChangeMessage)
    case subscriptionState(SubscriptionStateMessage)
    case asyncOperationCompleted(AsyncOperationCompletedMessage)
    case multipleSubscription(MultipleSubscriptionMessage)
    case other(type: String)

    enum TypeKey: String, CodingKey { case type = "__type" }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decodeIfPresent(String.self, forKey: .type) ?? ""
        switch type {
        case JobStatusMessage.typeName: self = .jobStatus(try JobStatusMessage(from: decoder))
        case ConnectionStateChangeMessage.typeName: self = .connectionStateChange(try ConnectionStateChangeMessage(from: decoder))
        case SubscriptionStateMessage.typeName: self = .subscriptionState(try SubscriptionStateMessage(from: decoder))
        case AsyncOperationCompletedMessage.typeName: self = .asyncOperationCompleted(try AsyncOperationCompletedMessage(from: decoder))
        case MultipleSubscriptionMessage.typeName: self = .multipleSubscription(try MultipleSubscriptionMessage(from: decoder))
        default: self = .other(type: type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .jobStatus(let m): try m.encode(to: encoder)
        case .connectionStateChange(let m): try m.encode(to: encoder)
        case .subscriptionState(let m): try m.encode(to: encoder)
        case .asyncOperationCompleted(let m): try m.encode(to: encoder)
        case .multipleSubscription(let m): try m.encode(to: encoder)
        case .other(let type):
            var c = encoder.container(keyedBy: TypeKey.self)
            try c.encode(type, forKey: .type)
        }
    }
}
