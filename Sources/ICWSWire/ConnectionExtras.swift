/// `effectiveStation` of the login answer: the station the session is logged in to.
public struct EffectiveStation: Codable, Hashable, Sendable {
    public var stationId: ConfigurationId

    public init(stationId: ConfigurationId) { self.stationId = stationId }
}

/// An ICWS `configurationId`: `{id, displayName?, uri?}`. A bare string is read as the id, since
/// the fact sheet does not show the value and a lenient reader costs nothing. Encodes as an object.
public struct ConfigurationId: Codable, Hashable, Sendable {
    public var id: String
    public var displayName: String?
    public var uri: String?

    public init(id: String, displayName: String? = nil, uri: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.uri = uri
    }

    enum CodingKeys: String, CodingKey { case id, displayName, uri }

    public init(from decoder: any Decoder) throws {
        if let bare = try? decoder.singleValueContainer().decode(String.self) {
            self.init(id: bare)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id),
                  displayName: try c.decodeIfPresent(String.self, forKey: .displayName),
                  uri: try c.decodeIfPresent(String.self, forKey: .uri))
    }
}

/// `purecloudIntegration` of the login answer.
public struct PureCloudIntegration: Codable, Hashable, Sendable {
    public var integrationEnabled: Bool
    public var webRTCIntegrationEnabled: Bool?

    public init(integrationEnabled: Bool, webRTCIntegrationEnabled: Bool? = nil) {
        self.integrationEnabled = integrationEnabled
        self.webRTCIntegrationEnabled = webRTCIntegrationEnabled
    }
}

/// GET /icws/{sessionId}/connection/switchover-status (connection 11).
public struct SwitchoverStatus: Codable, Hashable, Sendable {
    public var isSwitchoverActive: Bool
    public var primaryHost: String
    public var backupHost: String?
    public var isBackupICStopping: Bool?
    public var isBackupICStarting: Bool?
    public var isManualSwitchOnly: Bool?
    /// 0 active, 1 upgradeLower, 2 upgradeHigher, 3 upgradeHigherManual.
    public var backupState: Int?
    public var backupVersion: String?
    public var subsystemsDown: [String]?

    public init(isSwitchoverActive: Bool, primaryHost: String, backupHost: String? = nil,
                isBackupICStopping: Bool? = nil, isBackupICStarting: Bool? = nil, isManualSwitchOnly: Bool? = nil,
                backupState: Int? = nil, backupVersion: String? = nil, subsystemsDown: [String]? = nil) {
        self.isSwitchoverActive = isSwitchoverActive
        self.primaryHost = primaryHost
        self.backupHost = backupHost
        self.isBackupICStopping = isBackupICStopping
        self.isBackupICStarting = isBackupICStarting
        self.isManualSwitchOnly = isManualSwitchOnly
        self.backupState = backupState
        self.backupVersion = backupVersion
        self.subsystemsDown = subsystemsDown
    }
}
