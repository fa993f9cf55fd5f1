import Foundation

/// POST /icws/connection body for user id + password (`icAuthConnectionRequestSettings`).
public struct ICAuthConnectionRequest: Codable, Sendable {
    public static let typeName = "urn:inin.com:connection:icAuthConnectionRequestSettings"

    public var type: String
    public var applicationName: String
    public var userID: String
    public var password: String

    public init(applicationName: String, userID: String, password: String) {
        self.type = Self.typeName
        self.applicationName = applicationName
        self.userID = userID
        self.password = password
    }

    enum CodingKeys: String, CodingKey {
        case type = "__type", applicationName, userID, password
    }
}

/// `{featureId, version}` as listed in the login answer or GET /icws/connection/features.
public struct FeatureInfo: Codable, Hashable, Sendable {
    public var featureId: String
    public var version: Int
    public init(featureId: String, version: Int) {
        self.featureId = featureId
        self.version = version
    }
}

public struct FeatureInfoList: Codable, Hashable, Sendable {
    public var featureInfoList: [FeatureInfo]
    public init(_ list: [FeatureInfo]) { featureInfoList = list }
}

/// GET /icws/connection/version.
public struct VersionInfo: Codable, Hashable, Sendable {
    public var majorVersion: String
    public var minorVersion: String
    public var su: String
    public var build: String
    public var productId: String
    public var codebaseId: String
    public var productReleaseDisplayString: String?
    public var productPatchDisplayString: String?

    public init(majorVersion: String, minorVersion: String, su: String, build: String, productId: String,
                codebaseId: String, productReleaseDisplayString: String? = nil, productPatchDisplayString: String? = nil) {
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.su = su
        self.build = build
        self.productId = productId
        self.codebaseId = codebaseId
        self.productReleaseDisplayString = productReleaseDisplayString
        self.productPatchDisplayString = productPatchDisplayString
    }
}

public struct ServerTimeInfo: Codable, Hashable, Sendable {
    public var serverUtcTime: Date?
    public init(serverUtcTime: Date?) { self.serverUtcTime = serverUtcTime }
}

/// 201 answer to POST /icws/connection (`connectionResponse`).
public struct ConnectionResponse: Codable, Sendable {
    public var csrfToken: String
    public var sessionId: String
    public var alternateHostList: [String]?
    public var userID: String?
    public var userDisplayName: String?
    public var icServer: String?
    public var daysUntilPasswordExpiration: Int?
    public var features: [FeatureInfo]?
    public var version: VersionInfo?
    public var serverTimeInfo: ServerTimeInfo?
    /// With `include=default-workstation` (connection 5); may be null.
    public var defaultWorkstationId: String?
    /// With `include=effective-station` (connection 10); may be null.
    public var effectiveStation: EffectiveStation?
    /// With `include=purecloud-integration` (connection 8).
    public var purecloudIntegration: PureCloudIntegration?

    public init(csrfToken: String, sessionId: String, alternateHostList: [String]? = nil, userID: String? = nil,
                userDisplayName: String? = nil, icServer: String? = nil, daysUntilPasswordExpiration: Int? = nil,
                features: [FeatureInfo]? = nil, version: VersionInfo? = nil, serverTimeInfo: ServerTimeInfo? = nil,
                defaultWorkstationId: String? = nil, effectiveStation: EffectiveStation? = nil,
                purecloudIntegration: PureCloudIntegration? = nil) {
        self.csrfToken = csrfToken
        self.sessionId = sessionId
        self.alternateHostList = alternateHostList
        self.userID = userID
        self.userDisplayName = userDisplayName
        self.icServer = icServer
        self.daysUntilPasswordExpiration = daysUntilPasswordExpiration
        self.features = features
        self.version = version
        self.serverTimeInfo = serverTimeInfo
        self.defaultWorkstationId = defaultWorkstationId
        self.effectiveStation = effectiveStation
        self.purecloudIntegration = purecloudIntegration
    }
}

/// GET /icws/{sessionId}/connection: 0 none, 1 up, 2 down.
public struct ConnectionSettings: Codable, Hashable, Sendable {
    public var connectionState: Int
    public var reason: String?
    public var shouldReconnect: Bool?
    public init(connectionState: Int, reason: String? = nil, shouldReconnect: Bool? = nil) {
        self.connectionState = connectionState
        self.reason = reason
        self.shouldReconnect = shouldReconnect
    }
}

/// Error body (`urn:inin.com:common:error`), also the 503 `alternateHosts` body.
///
/// `message` is required by the contract but tolerated missing (older servers, proxies).
public struct ICWSErrorBody: Codable, Hashable, Sendable {
    public var errorId: String?
    public var message: String
    public var errorCode: Int?
    public var alternateHostList: [String]?
    public var propertyName: String?

    public init(errorId: String? = nil, message: String, errorCode: Int? = nil,
                alternateHostList: [String]? = nil, propertyName: String? = nil) {
        self.errorId = errorId
        self.message = message
        self.errorCode = errorCode
        self.alternateHostList = alternateHostList
        self.propertyName = propertyName
    }

    enum CodingKeys: String, CodingKey { case errorId, message, errorCode, alternateHostList, propertyName }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        errorId = try c.decodeIfPresent(String.self, forKey: .errorId)
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        errorCode = try c.decodeIfPresent(Int.self, forKey: .errorCode)
        alternateHostList = try c.decodeIfPresent([String].self, forKey: .alternateHostList)
        propertyName = try c.decodeIfPresent(String.self, forKey: .propertyName)
    }
}

/// Error ids and codes seen on real servers (fact sheet section 5).
public enum ICWSErrorID {
    public static let authenticationFailure = "error.request.connection.authenticationFailure"
    public static let invalidProperty = "error.request.invalidRepresentation.invalidProperty"
    public static let notAcceptingConnections = "error.server.notAcceptingConnections"
    public static let serverUnavailable = "error.server.unavailable"
    public static let authenticationFailureCode = -2147221503
}
