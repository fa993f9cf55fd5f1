/// `state` of a `subscriptionStateMessage`: 0 none, 1 normal, 2 suspended, 3 faulted. Another
/// number is kept as `.unknown(n)`, never a decoding failure.
public enum SubscriptionState: Hashable, Sendable, Codable {
    case none, normal, suspended, faulted
    case unknown(Int)

    public init(rawValue: Int) {
        switch rawValue {
        case 0: self = .none
        case 1: self = .normal
        case 2: self = .suspended
        case 3: self = .faulted
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: Int {
        switch self {
        case .none: 0
        case .normal: 1
        case .suspended: 2
        case .faulted: 3
        case .unknown(let n): n
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `urn:inin.com:messaging:subscriptionStateMessage`: a subscription changed state.
public struct SubscriptionStateMessage: Codable, Hashable, Sendable {
    public static let typeName = "urn:inin.com:messaging:subscriptionStateMessage"
    public var isDelta: Bool
    public var state: SubscriptionState
    public var error: ICWSErrorBody?

    public init(isDelta: Bool = false, state: SubscriptionState, error: ICWSErrorBody? = nil) {
        self.isDelta = isDelta
        self.state = state
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case type = "__type", isDelta, state, error }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        isDelta = try c.decodeIfPresent(Bool.self, forKey: .isDelta) ?? false
        state = try c.decode(SubscriptionState.self, forKey: .state)
        error = try c.decodeIfPresent(ICWSErrorBody.self, forKey: .error)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(isDelta, forKey: .isDelta)
        try c.encode(state, forKey: .state)
        try c.encodeIfPresent(error, forKey: .error)
    }
}

/// `urn:inin.com:messaging:asyncOperationCompletedMessage`: an asynchronous request finished
/// (`error` is null on success).
public struct AsyncOperationCompletedMessage: Codable, Hashable, Sendable {
    public static let typeName = "urn:inin.com:messaging:asyncOperationCompletedMessage"
    public var isDelta: Bool
    public var requestId: String
    public var error: ICWSErrorBody?

    public init(isDelta: Bool = false, requestId: String, error: ICWSErrorBody? = nil) {
        self.isDelta = isDelta
        self.requestId = requestId
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case type = "__type", isDelta, requestId, error }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        isDelta = try c.decodeIfPresent(Bool.self, forKey: .isDelta) ?? false
        requestId = try c.decode(String.self, forKey: .requestId)
        error = try c.decodeIfPresent(ICWSErrorBody.self, forKey: .error)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(isDelta, forKey: .isDelta)
        try c.encode(requestId, forKey: .requestId)
        try c.encodeIfPresent(error, forKey: .error)
    }
}

/// `urn:inin.com:messaging:multipleSubscriptionMessage`.
public struct MultipleSubscriptionMessage: Codable, Hashable, Sendable {
    public static let typeName = "urn:inin.com:messaging:multipleSubscriptionMessage"
    public var isDelta: Bool
    public var subscriptionId: String?

    public init(isDelta: Bool = false, subscriptionId: String? = nil) {
        self.isDelta = isDelta
        self.subscriptionId = subscriptionId
    }

    enum CodingKeys: String, CodingKey { case type = "__type", isDelta, subscriptionId }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        isDelta = try c.decodeIfPresent(Bool.self, forKey: .isDelta) ?? false
        subscriptionId = try c.decodeIfPresent(String.self, forKey: .subscriptionId)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(isDelta, forKey: .isDelta)
        try c.encodeIfPresent(subscriptionId, forKey: .subscriptionId)
    }
}
