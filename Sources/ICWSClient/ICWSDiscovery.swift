import AsyncHTTPClient
import Foundation
import ICWSWire

/// The calls that need no session: GET /icws/connection/version and /icws/connection/features.
/// For first-setup checks (`dxtop doctor`), before any password is sent. Call `shutdown()` when done.
public struct ICWSDiscovery: Sendable {
    let server: ICWSServer
    let transport: HTTPTransport

    public init(configuration: ICWSClientConfiguration) throws {
        server = configuration.server
        transport = HTTPTransport(
            client: try HTTPClientFactory.client(for: configuration), logger: configuration.logger,
            timeout: configuration.requestTimeout, acceptLanguage: configuration.acceptLanguage,
            redaction: Redaction(password: configuration.credentials.password))
    }

    public func version() async throws -> VersionInfo {
        let answer = try await transport.send(HTTPCall(method: .GET, server: server, path: "/icws/connection/version"))
        guard answer.isSuccess else { throw answer.error }
        return try answer.decode(VersionInfo.self, request: "GET connection/version")
    }

    /// Feature id → version, as the server lists them.
    public func features() async throws -> [String: Int] {
        let answer = try await transport.send(HTTPCall(method: .GET, server: server, path: "/icws/connection/features"))
        guard answer.isSuccess else { throw answer.error }
        let list = try answer.decode(FeatureInfoList.self, request: "GET connection/features").featureInfoList
        return Dictionary(list.map { ($0.featureId, $0.version) }, uniquingKeysWith: max)
    }

    public func shutdown() async {
        try? await transport.client.shutdown()
    }
}
