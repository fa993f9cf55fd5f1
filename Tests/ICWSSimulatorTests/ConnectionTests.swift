import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("Connection: login, logout, features, version")
struct ConnectionTests {
    @Test func loginAnswers201WithHeadersCookieAndBody() async throws {
        try await withSimulator { simulator in
            let response = try await WireClient(baseURL: simulator.baseURL).login("jdoe", "jdoe-secret")
            #expect(response.status == 201)
            #expect(response.header("Content-Type") == ICWSProtocol.mediaType)
            let body = try response.decode(ConnectionResponse.self)
            #expect(body.userID == "jdoe")
            #expect(body.userDisplayName == "John Doe")
            #expect(Int(body.sessionId) != nil)
            #expect(!body.csrfToken.isEmpty)
            #expect(body.features?.first { $0.featureId == "data-extractor" }?.version == 2)
            #expect(body.features?.first { $0.featureId == "messaging" }?.version == 2)
            #expect(body.version?.majorVersion == "25")
            #expect(body.alternateHostList == [])
            #expect(response.header(ICWSProtocol.sessionIdHeader) == body.sessionId)
            #expect(response.header(ICWSProtocol.csrfTokenHeader) == body.csrfToken)
            #expect(response.header("Location") == "/icws/\(body.sessionId)/connection")
            let cookie = try #require(response.header("Set-Cookie"))
            let pattern = #"^icws_\#(body.sessionId)=[0-9a-f-]{36}\|languageId=en-us; Path=/icws/\#(body.sessionId); HttpOnly$"#
            #expect(cookie.range(of: pattern, options: .regularExpression) != nil, "\(cookie)")
        }
    }

    @Test func loginWithoutIncludeOmitsFeaturesAndVersion() async throws {
        try await withSimulator { simulator in
            let response = try await WireClient(baseURL: simulator.baseURL).login("admin", "admin-secret", include: "")
            let body = try response.decode(ConnectionResponse.self)
            #expect(body.features == nil)
            #expect(body.version == nil)
        }
    }

    @Test func wrongPasswordAnswersAuthenticationFailure() async throws {
        try await withSimulator { simulator in
            let response = try await WireClient(baseURL: simulator.baseURL).login("jdoe", "wrong")
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == ICWSProtocol.mediaType)
            let object = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
            #expect(object["errorId"] as? String == "error.request.connection.authenticationFailure")
            #expect(object["errorCode"] as? Int == -2147221503)
            #expect(object["message"] as? String == "The authentication process failed.")
        }
    }

    @Test func lastLoginRecordsLanguageAndApplicationButNoPassword() async throws {
        try await withSimulator { simulator in
            #expect(await simulator.lastLogin() == nil)
            _ = try await WireClient(baseURL: simulator.baseURL).login("jdoe", "wrong-password", language: "de-DE, en;q=0.5")
            #expect(await simulator.lastLogin() == RecordedLogin(acceptLanguage: "de-DE, en;q=0.5",
                                                                 applicationName: "dxtop tests", userID: "jdoe"),
                    "recorded as sent, even when the password is wrong")
            #expect(!String(reflecting: await simulator.lastLogin()).contains("wrong-password"))
        }
    }

    @Test func loginWithoutAcceptLanguageIs400() async throws {
        try await withSimulator { simulator in
            let response = try await WireClient(baseURL: simulator.baseURL).login("jdoe", "jdoe-secret", language: nil)
            #expect(response.status == 400)
            #expect(response.error?.message.contains("Accept-Language") == true)
        }
    }

    @Test func acceptLanguageTakesTheFirstTagAndRefusesJunk() async throws {
        try await withSimulator { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            let french = try await client.login("admin", "admin-secret", language: "fr-CA, en;q=0.5")
            #expect(french.header("Set-Cookie")?.contains("|languageId=fr-ca; Path=") == true)
            let junk = try await client.login("admin", "admin-secret", language: "en us=x")
            #expect(junk.status == 400)
        }
    }

    @Test func loginAcceptsPlainJSONAndRefusesOtherMediaTypes() async throws {
        try await withSimulator { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            let body = try ICWSJSON.encode(ICAuthConnectionRequest(applicationName: "t", userID: "admin", password: "admin-secret"))
            let plain = try await client.send(.POST, ICWSPath.connection, headers: [("Accept-Language", "en-us")],
                                              body: body, contentType: "application/json")
            #expect(plain.status == 201)
            let text = try await client.send(.POST, ICWSPath.connection, headers: [("Accept-Language", "en-us")],
                                             body: body, contentType: "text/plain")
            #expect(text.status == 415)
        }
    }

    @Test func loginWithoutTypeIs400() async throws {
        try await withSimulator { simulator in
            let body = Data(#"{"applicationName":"t","userID":"admin","password":"admin-secret"}"#.utf8)
            let response = try await WireClient(baseURL: simulator.baseURL)
                .send(.POST, ICWSPath.connection, headers: [("Accept-Language", "en-us")], body: body)
            #expect(response.status == 400)
            #expect(response.error?.propertyName == "__type")
        }
    }

    @Test func featuresAndVersionNeedNoSession() async throws {
        try await withSimulator(.with { $0.dataExtractorVersion = 1; $0.messagingVersion = 1 }) { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            let features = try await client.send(.GET, ICWSPath.features)
            #expect(features.status == 200)
            #expect(features.header("Content-Type") == ICWSProtocol.mediaType)
            let list = try features.decode(FeatureInfoList.self).featureInfoList
            #expect(Set(list.map(\.featureId)) == ["connection", "messaging", "data-extractor", "data-dictionary"])
            #expect(list.first { $0.featureId == "data-extractor" }?.version == 1)
            let one = try await client.send(.GET, ICWSPath.features + "/messaging")
            #expect(try one.decode(FeatureInfo.self) == FeatureInfo(featureId: "messaging", version: 1))
            let unknown = try await client.send(.GET, ICWSPath.features + "/telepathy")
            #expect(unknown.status == 400)
            let version = try await client.send(.GET, ICWSPath.version)
            #expect(try version.decode(VersionInfo.self).productReleaseDisplayString == "2025 R1")
        }
    }

    @Test func sessionConnectionAndLogout() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let state = try await session.send(.GET, ICWSPath.sessionConnection(session.id))
            #expect(try state.decode(ConnectionSettings.self).connectionState == 1)
            let logout = try await session.send(.DELETE, ICWSPath.sessionConnection(session.id))
            #expect(logout.status == 204)
            let after = try await session.jobs()
            #expect(after.status == 401)
            #expect(after.error?.errorCode == 1)
        }
    }
}
