import Foundation
import Testing
import TLSTestSupport
@testable import ICWSClient

/// `TLSProbe` and `TLSProblem` against the loopback HTTPS server with each fixture certificate: the
/// kind of each failure, with the date or the names the certificate gives.
@Suite struct TLSProbeTests {
    /// The test CA as a ca-file, removed after `body`.
    static func withCAFile<T>(_ body: (String) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-ca-\(UUID().uuidString).pem")
        try Data(TestCertificates.caPEM.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url.path)
    }

    /// The probe's answer for a server with `certificatePEM`, trusting the test CA unless told.
    static func probe(_ certificatePEM: String, trustingTestCA: Bool = true) async throws -> TLSProblem? {
        try await HTTPSLoginServer.with(certificatePEM: certificatePEM) { server in
            try await withCAFile { caFile in
                try await TLSProbe.problem(host: "127.0.0.1", port: server.port,
                                           tls: TLSOptions(caFile: trustingTestCA ? caFile : nil), timeout: .seconds(20))
            }
        }
    }

    static func utc(_ year: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: 1, day: 1))!
    }

    @Test func aGoodCertificateWithItsCAPasses() async throws {
        #expect(try await Self.probe(TestCertificates.goodPEM) == nil)
    }

    @Test func anUnknownCAIsAnUntrustedChain() async throws {
        #expect(try await Self.probe(TestCertificates.goodPEM, trustingTestCA: false) == .untrustedChain)
    }

    @Test func aSelfSignedCertificateIsAnUntrustedChain() async throws {
        #expect(try await Self.probe(TestCertificates.selfSignedPEM) == .untrustedChain)
    }

    @Test func anExpiredCertificateSaysWhen() async throws {
        let problem = try await Self.probe(TestCertificates.expiredPEM)
        #expect(problem == .expired(Self.utc(2021)))
        #expect(problem?.summary == "the certificate has expired (on 2021-01-01 00:00 UTC)")
    }

    @Test func aCertificateNotYetValidSaysFromWhen() async throws {
        #expect(try await Self.probe(TestCertificates.notYetValidPEM) == .notYetValid(Self.utc(2120)))
    }

    @Test func aCertificateForAnotherNameSaysWhatItCovers() async throws {
        let problem = try await Self.probe(TestCertificates.wrongNamePEM)
        #expect(problem == .nameMismatch(asked: "127.0.0.1", covered: ["cic01.example.com", "cic01"]))
        #expect(problem?.summary == "the certificate is not for 127.0.0.1; it covers cic01.example.com, cic01")
    }

    @Test func aPlainHTTPServerIsNotTLS() async throws {
        let fixture = try await SimulatorFixture.start()
        let problem = try await fixture.withSession { _ in
            try await TLSProbe.problem(host: "127.0.0.1", port: fixture.port, tls: TLSOptions(), timeout: .seconds(20))
        }
        #expect(problem == .notTLS)
    }

    @Test func theClientNamesANameMismatchToo() async throws {
        let (message, port): (String, Int) = try await HTTPSLoginServer.with(certificatePEM: TestCertificates.wrongNamePEM) { server in
            try await Self.withCAFile { caFile in
                let configuration = ICWSClientConfiguration(
                    server: ICWSServer(scheme: "https", host: "127.0.0.1", port: server.port),
                    credentials: ICWSCredentials(user: "admin", password: "admin-secret"), tls: TLSOptions(caFile: caFile),
                    requestTimeout: .seconds(20))
                let session = try ICWSSession(configuration: configuration)
                let message: String
                do {
                    try await session.connect()
                    message = "connected"
                } catch {
                    message = "\(error)"
                }
                await session.shutdown()
                return (message, server.port)
            }
        }
        #expect(message.contains("TLS failure with 127.0.0.1:\(port): the certificate is not for 127.0.0.1"), "\(message)")
    }
}
