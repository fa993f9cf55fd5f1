import Foundation
import ICWSWire
import Testing

@Suite("Connection fixtures")
struct ConnectionFixtureTests {
    @Test func loginAnswerDecodesWithFeaturesVersionAndServerTime() throws {
        let answer = try Fixture.decode(ConnectionResponse.self, "login-201.json")
        #expect(answer.sessionId == "54613001")
        #expect(answer.csrfToken == "WAhhZG1pbmhBRE1JTlhJMTAuMC4wLjU0YWRtaW4=")
        #expect(answer.alternateHostList == ["cic-backup"])
        #expect(answer.userID == "jdoe")
        #expect(answer.userDisplayName == "John Doe")
        #expect(answer.icServer == "cic-primary")
        #expect(answer.daysUntilPasswordExpiration == 42)
        #expect(answer.version?.majorVersion == "15")
        #expect(answer.version?.productReleaseDisplayString == "2015 R1")
        #expect(answer.serverTimeInfo?.serverUtcTime == utc(2026, 11, 28, 10, 15, 0))
        let features = answer.features ?? []
        #expect(features.first { $0.featureId == ICWSProtocol.dataExtractorFeature }?.version == 2)
        #expect(features.first { $0.featureId == ICWSProtocol.messagingFeature }?.version == ICWSProtocol.minimumSSEMessagingVersion)
    }

    @Test func loginAnswerWithEveryIncludeDecodes() throws {
        let answer = try Fixture.decode(ConnectionResponse.self, "login-201-all-includes.json")
        #expect(answer.defaultWorkstationId == "Workstation7")
        #expect(answer.effectiveStation?.stationId == ConfigurationId(
            id: "Station101", displayName: "Station 101", uri: "/icws/54613001/configuration/stations/Station101"))
        #expect(answer.purecloudIntegration == PureCloudIntegration(integrationEnabled: true, webRTCIntegrationEnabled: false))
        #expect(try encodedJSON(answer) == Fixture.json("login-201-all-includes.json"), "the new members encode back the same")
        // The older answer has none of them.
        let plain = try Fixture.decode(ConnectionResponse.self, "login-201.json")
        #expect(plain.defaultWorkstationId == nil && plain.effectiveStation == nil && plain.purecloudIntegration == nil)
    }

    @Test func nullIncludesAndABareStationIdDecode() throws {
        let json = #"""
        {"csrfToken":"c","sessionId":"1","defaultWorkstationId":null,"effectiveStation":{"stationId":"Station7"},
         "purecloudIntegration":{"integrationEnabled":false}}
        """#
        let answer = try ICWSJSON.decode(ConnectionResponse.self, from: Data(json.utf8))
        #expect(answer.defaultWorkstationId == nil)
        #expect(answer.effectiveStation?.stationId == ConfigurationId(id: "Station7"))
        #expect(answer.purecloudIntegration == PureCloudIntegration(integrationEnabled: false))
        let nullStation = #"{"csrfToken":"c","sessionId":"1","effectiveStation":null}"#
        #expect(try ICWSJSON.decode(ConnectionResponse.self, from: Data(nullStation.utf8)).effectiveStation == nil)
    }

    @Test func switchoverStatusDecodesAndEncodesBack() throws {
        let status = try Fixture.decode(SwitchoverStatus.self, "switchover-status.json")
        #expect(status == SwitchoverStatus(
            isSwitchoverActive: true, primaryHost: "cic-primary", backupHost: "cic-backup", isBackupICStopping: false,
            isBackupICStarting: false, isManualSwitchOnly: false, backupState: 2, backupVersion: "2025 R1 Patch3",
            subsystemsDown: ["Recorder Server", "Tracker Server"]))
        #expect(try encodedJSON(status) == Fixture.json("switchover-status.json"))
        let minimal = try ICWSJSON.decode(SwitchoverStatus.self, from: Data(#"{"isSwitchoverActive":false,"primaryHost":"cic01"}"#.utf8))
        #expect(minimal == SwitchoverStatus(isSwitchoverActive: false, primaryHost: "cic01"))
    }

    @Test func featureListAndVersionDecode() throws {
        let features = try Fixture.decode(FeatureInfoList.self, "features.json").featureInfoList
        #expect(features.map(\.featureId) == ["connection", "data-dictionary", "data-extractor", "messaging"])
        #expect(features.contains(FeatureInfo(featureId: "data-extractor", version: 2)))

        let version = try Fixture.decode(VersionInfo.self, "version.json")
        #expect(version == VersionInfo(majorVersion: "15", minorVersion: "1", su: "0", build: "15.1.0.42", productId: "ININ_IC",
                                       codebaseId: "cic_2015_r1", productReleaseDisplayString: "2015 R1",
                                       productPatchDisplayString: "Patch0"))
    }

    @Test func loginRequestCarriesTypeAndMatchesFixture() throws {
        let request = ICAuthConnectionRequest(applicationName: "dxtop", userID: "jdoe", password: "example-only")
        #expect(try encodedJSON(request) == Fixture.json("login-request.json"))
        let text = String(decoding: try ICWSJSON.encode(request), as: UTF8.self)
        #expect(text.hasPrefix(#"{"__type":"urn:inin.com:connection:icAuthConnectionRequestSettings""#))
    }

    @Test(arguments: [
        ("error-400-authentication-failure.json", ICWSErrorBody(
            errorId: ICWSErrorID.authenticationFailure, message: "The authentication process failed.",
            errorCode: ICWSErrorID.authenticationFailureCode)),
        ("error-401-session-id.json", ICWSErrorBody(message: "This request requires a session ID!", errorCode: 1)),
        ("error-401-csrf-token.json", ICWSErrorBody(
            message: "An authentication token was expected in the request, but not found.", errorCode: 2)),
        ("error-403.json", ICWSErrorBody(
            errorId: "error.request.accessDenied", message: "You do not have the right to cancel jobs submitted by other users.")),
        ("error-400-invalid-property.json", ICWSErrorBody(
            errorId: ICWSErrorID.invalidProperty, message: "The property 'jobsResponseMode' has an invalid value.",
            propertyName: "jobsResponseMode")),
        ("error-503-alternate-hosts.json", ICWSErrorBody(
            errorId: ICWSErrorID.notAcceptingConnections,
            message: "This Session Manager is not currently accepting connections.", alternateHostList: ["otherserver"])),
    ])
    func errorBodiesDecode(file: String, expected: ICWSErrorBody) throws {
        #expect(try Fixture.decode(ICWSErrorBody.self, file) == expected)
    }

    @Test func errorBodyWithoutMessageIsTolerated() throws {
        let body = try ICWSJSON.decode(ICWSErrorBody.self, from: Data(#"{"errorCode":-2147221499,"errorId":"x"}"#.utf8))
        #expect(body == ICWSErrorBody(errorId: "x", message: "", errorCode: -2147221499))
    }
}
