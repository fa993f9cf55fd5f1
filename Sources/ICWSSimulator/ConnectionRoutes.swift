import Foundation
import Hummingbird
import ICWSWire

/// Login, logout, features and version.
struct ConnectionRoutes: Sendable {
    let core: SimulatorCore
    let faults: ListenerFaults
    let gate: SessionGate
    let listenerID: UUID
    let configuration: SimulatorConfiguration

    static let version = VersionInfo(
        majorVersion: "25", minorVersion: "1", su: "0", build: "25.1.0.214", productId: "ININ.CIC",
        codebaseId: "25.1", productReleaseDisplayString: "2025 R1")

    var features: [FeatureInfo] {
        [FeatureInfo(featureId: "connection", version: 16),
         FeatureInfo(featureId: ICWSProtocol.messagingFeature, version: configuration.messagingVersion),
         FeatureInfo(featureId: ICWSProtocol.dataExtractorFeature, version: configuration.dataExtractorVersion)]
            + (configuration.dataDictionaryVersion.map { [FeatureInfo(featureId: ICWSProtocol.dataDictionaryFeature, version: $0)] } ?? [])
    }

    func register(on router: Router<SimulatorRequestContext>) {
        router.post("/icws/connection") { request, _ in await login(request) }
        router.get("/icws/connection/features") { _, _ in ICWSResponse.json(FeatureInfoList(features)) }
        router.get("/icws/connection/features/:featureId") { _, context in
            let featureId = context.parameters.get("featureId") ?? ""
            guard let feature = features.first(where: { $0.featureId == featureId }) else {
                return ICWSResponse.error(.badRequest, errorId: "error.request.featureNotSupported",
                                          message: "The feature \(featureId) is not supported by this server.")
            }
            return ICWSResponse.json(feature)
        }
        router.get("/icws/connection/version") { _, _ in ICWSResponse.json(Self.version) }
        router.get("/icws/:sessionId/connection") { request, context in
            await gate.handle(request, context: context) { _ in
                ICWSResponse.json(ConnectionSettings(connectionState: 1))
            }
        }
        router.delete("/icws/:sessionId/connection") { request, context in
            await gate.handle(request, context: context) { session in
                await core.logout(sessionId: session.session.id)
                return ICWSResponse.noContent()
            }
        }
        router.get("/icws/:sessionId/connection/switchover-status") { request, context in
            await gate.handle(request, context: context) { _ in
                ICWSResponse.json(SwitchoverStatus(isSwitchoverActive: false, primaryHost: configuration.host))
            }
        }
    }

    private func login(_ request: Request) async -> Response {
        if let alternates = await faults.faults.loginRefusal {
            return ICWSResponse.notAcceptingConnections(alternateHosts: alternates)
        }
        guard let language = Self.language(request.headers[.acceptLanguage]) else {
            return ICWSResponse.error(.badRequest, errorId: "error.request.missingHeader",
                                      message: "The Accept-Language header is required (a language tag such as en-US).")
        }
        let body: LoginBody
        switch await request.decodeBody(LoginBody.self) {
        case .success(let decoded): body = decoded
        case .failure(let error): return error.response
        }
        await core.record(RecordedLogin(acceptLanguage: request.headers[.acceptLanguage],
                                        applicationName: body.applicationName, userID: body.userID))
        if let invalid = body.validationError { return invalid }
        guard let session = await core.login(userID: body.userID ?? "", password: body.password ?? "", language: language) else {
            return ICWSResponse.error(.badRequest, errorId: ICWSErrorID.authenticationFailure,
                                      message: "The authentication process failed.",
                                      errorCode: ICWSErrorID.authenticationFailureCode)
        }
        let include = Set((request.query("include") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        })
        let answer = ConnectionResponse(
            csrfToken: session.csrfToken, sessionId: session.id,
            alternateHostList: await core.alternateHosts(excluding: listenerID),
            userID: session.user.userID, userDisplayName: session.user.displayName, icServer: "CICSIM01",
            daysUntilPasswordExpiration: 90,
            features: include.contains("features") ? features : nil,
            version: include.contains("version") ? Self.version : nil,
            serverTimeInfo: include.contains("server-time") ? ServerTimeInfo(serverUtcTime: Date()) : nil)
        return ICWSResponse.json(answer, status: .created, headers: [
            .icwsSessionID: session.id,
            .icwsCSRFToken: session.csrfToken,
            .location: ICWSPath.sessionConnection(session.id),
            .setCookie: session.setCookieHeader,
        ])
    }

    /// The first language tag, lower-cased ("en-US,en;q=0.9" → "en-us"); nil when absent or not a
    /// tag (letters, digits and hyphens only, since it goes into the cookie).
    static func language(_ header: String?) -> String? {
        guard let header else { return nil }
        let first = header.split(separator: ",").first?.split(separator: ";").first ?? ""
        let tag = first.trimmingCharacters(in: .whitespaces).lowercased()
        let isTag = !tag.isEmpty && tag.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        return isTag ? tag : nil
    }
}

/// The login body as received; every field optional so each omission gets its own 400.
struct LoginBody: Decodable {
    var type: String?
    var applicationName: String?
    var userID: String?
    var password: String?

    enum CodingKeys: String, CodingKey { case type = "__type", applicationName, userID, password }

    var validationError: Response? {
        guard let type else {
            return ICWSResponse.error(.badRequest, errorId: "error.request.invalidRepresentation.missingProperty",
                                      message: "The __type property is required.", propertyName: "__type")
        }
        guard type == ICAuthConnectionRequest.typeName else {
            return ICWSResponse.invalidProperty("__type", "Only \(ICAuthConnectionRequest.typeName) is supported by this server.")
        }
        for (name, value) in [("applicationName", applicationName), ("userID", userID), ("password", password)] where value == nil {
            return ICWSResponse.error(.badRequest, errorId: "error.request.invalidRepresentation.missingProperty",
                                      message: "The \(name) property is required.", propertyName: name)
        }
        return nil
    }
}
