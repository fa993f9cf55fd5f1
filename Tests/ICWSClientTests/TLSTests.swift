import Foundation
import NIOSSL
import Testing
import TLSTestSupport
@testable import ICWSClient

@Suite struct TLSTests {
    /// A throwaway self-signed CA (EC P-256, no key kept), only parsed, never trusted for real traffic.
    static let caPEM = """
    -----BEGIN CERTIFICATE-----
    MIIBhjCCAS2gAwIBAgIUZ7VT9+mmcZTe37rb2wh83fuxjwMwCgYIKoZIzj0EAwIw
    GDEWMBQGA1UEAwwNZHh0b3AtdGVzdC1jYTAgFw0yNjExMjkwNDQzNTRaGA8yMTI2
    MTEwNTA0NDM1NFowGDEWMBQGA1UEAwwNZHh0b3AtdGVzdC1jYTBZMBMGByqGSM49
    AgEGCCqGSM49AwEHA0IABL2whyv2N5KtUqNCpL6lsH33vYcWSELUEn7pwPRqkgIf
    3i+R1qEyPjl1G/NFz6dQ5IDgTjcAIa5aeHXUzEVxqbejUzBRMB0GA1UdDgQWBBRD
    t8+H1IbKNXNZQSd1HBvQVs1j3TAfBgNVHSMEGDAWgBRDt8+H1IbKNXNZQSd1HBvQ
    Vs1j3TAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIDQQGLrgThfC
    X+iYztidO4N37sUuGsjmfUrsKbqpJTPuAiBjL/IOYRKI7RjC18NaKI+z00nw8f3z
    fCTgEWO21ommWw==
    -----END CERTIFICATE-----

    """

    @Test func boringSSLReasonsAreWords() {
        let raw = "handshakeFailed(NIOSSL.BoringSSLError.sslError([Error: 268435581 error:1000007d:SSL routines:"
            + "OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at /x/handshake.cc:393]))"
        #expect(TransportFailure.tlsReason(raw) == "certificate verify failed (the server's certificate is not trusted)")
        #expect(TransportFailure.tlsReason("eof\nx") == "eof x")
    }

    @Test func defaultVerifiesWithSystemRoots() throws {
        let configuration = try TLSOptions().makeTLSConfiguration()
        #expect(configuration.certificateVerification == .fullVerification)
        #expect(configuration.additionalTrustRoots.isEmpty)
    }

    @Test func insecureTurnsVerificationOff() throws {
        #expect(try TLSOptions(insecure: true).makeTLSConfiguration().certificateVerification == .none)
    }

    @Test func caFileAddsTrustRoots() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-ca-\(UUID().uuidString).pem")
        try Data(Self.caPEM.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let configuration = try TLSOptions(caFile: url.path).makeTLSConfiguration()
        #expect(configuration.additionalTrustRoots.count == 1)
        #expect(configuration.certificateVerification == .fullVerification)
    }

    @Test func fileWithoutCertificatesIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-ca-\(UUID().uuidString).pem")
        try Data("not a certificate\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ICWSError.self) { try TLSOptions(caFile: url.path).makeTLSConfiguration() }
    }

    @Test func httpsToAPlainHTTPServerIsATransportError() async throws {
        let fixture = try await SimulatorFixture.start()
        var configuration = fixture.configuration(timeout: .seconds(30))
        configuration.server = ICWSServer(scheme: "https", host: "127.0.0.1", port: fixture.port)
        try await fixture.withSession(configuration) { session in
            do {
                try await session.connect()
                Issue.record("a TLS handshake with a plain HTTP server cannot succeed")
            } catch let error as ICWSError {
                guard case .transport(let message) = error else {
                    Issue.record("expected a transport error, got \(error)")
                    return
                }
                #expect(message.contains("127.0.0.1:\(fixture.port)"))
                #expect(!message.contains("\n"))
                #expect(message.contains("TLS failure"))
            }
        }
    }

    // MARK: A real handshake with the loopback HTTPS server

    /// Logs in to the loopback HTTPS server with `tls`; returns the session info or the error.
    private func login(with tls: TLSOptions) async throws -> Result<SessionInfo, ICWSError> {
        let server = try await HTTPSLoginServer.start()
        let configuration = ICWSClientConfiguration(
            server: ICWSServer(scheme: "https", host: "127.0.0.1", port: server.port),
            credentials: ICWSCredentials(user: "admin", password: "admin-secret"), tls: tls, requestTimeout: .seconds(10))
        let session = try ICWSSession(configuration: configuration)
        let result: Result<SessionInfo, ICWSError>
        do {
            result = .success(try await session.connect())
        } catch let error as ICWSError {
            result = .failure(error)
        }
        await session.shutdown()
        await server.stop()
        return result
    }

    @Test func certificateOfAnUnknownCAIsRefusedByDefault() async throws {
        guard case .failure(let error) = try await login(with: TLSOptions()) else {
            Issue.record("a certificate no system root signed must not be trusted")
            return
        }
        guard case .transport(let message) = error else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(message.contains("certificate"), "\(message)")
        #expect(message.hasPrefix("TLS failure with 127.0.0.1:"))
    }

    @Test func certificateIsAcceptedWithTheCAFile() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-ca-\(UUID().uuidString).pem")
        try Data(TestCertificates.caPEM.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let info = try await login(with: TLSOptions(caFile: url.path)).get()
        #expect(info.sessionId == "4242")
        #expect(info.server.scheme == "https")
    }

    @Test func certificateIsAcceptedWhenInsecure() async throws {
        #expect(try await login(with: TLSOptions(insecure: true)).get().sessionId == "4242")
    }
}
