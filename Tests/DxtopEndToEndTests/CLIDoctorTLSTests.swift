import Foundation
import Testing
import TLSTestSupport

/// `dxtop doctor`'s TLS step against loopback HTTPS servers with the fixture certificates: each
/// problem told apart (chain, name, dates), with what to do next, and the doctor stops there.
@Suite("dxtop doctor: TLS")
struct CLIDoctorTLSTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let certificatePEM: String
        let withCAFile: Bool
        /// On the FAIL line.
        let says: String
        /// On the `next:` line (`PORT` stands for the server's port).
        let next: String
    }

    static let cases: [Case] = [
        Case(testDescription: "unknown CA", certificatePEM: TestCertificates.goodPEM, withCAFile: false,
             says: "not signed by a known CA, or self-signed", next: "give the CA that signed it with --ca-file PEM"),
        Case(testDescription: "self-signed", certificatePEM: TestCertificates.selfSignedPEM, withCAFile: true,
             says: "not signed by a known CA, or self-signed", next: "does not sign this certificate"),
        Case(testDescription: "expired", certificatePEM: TestCertificates.expiredPEM, withCAFile: true,
             says: "the certificate has expired (on 2021-01-01 00:00 UTC)", next: "must be renewed"),
        Case(testDescription: "not yet valid", certificatePEM: TestCertificates.notYetValidPEM, withCAFile: true,
             says: "not valid yet (only from 2120-01-01 00:00 UTC)", next: "check this machine's clock"),
        Case(testDescription: "name mismatch", certificatePEM: TestCertificates.wrongNamePEM, withCAFile: true,
             says: "the certificate is not for 127.0.0.1; it covers cic01.example.com, cic01",
             next: "connect by a name the certificate covers (server: https://cic01.example.com:PORT)"),
    ]

    /// Runs `dxtop doctor` against an HTTPS server with `certificatePEM`; the port with the result.
    static func doctor(_ certificatePEM: String, withCAFile: Bool) async throws -> (DxtopResult, Int) {
        let caFile = try TemporaryFile(contents: TestCertificates.caPEM)
        return try await HTTPSLoginServer.with(certificatePEM: certificatePEM) { server in
            let environment = ["ICWS_SERVER": "https://127.0.0.1:\(server.port)", "ICWS_USER": "admin", "ICWS_PASSWORD": "admin-secret"]
            let result = try await DxtopBinary.run(["doctor"] + (withCAFile ? ["--ca-file", caFile.path] : []), env: environment)
            return (result, server.port)
        }
    }

    @Test("each certificate problem fails the TLS step with its own words and next step", arguments: cases)
    func problem(_ example: Case) async throws {
        let (result, port) = try await Self.doctor(example.certificatePEM, withCAFile: example.withCAFile)
        #expect(result.status == 1, "\(result)")
        #expect(CLIDoctorTests.steps(result) == ["ok server", "ok reach", "FAIL tls"], "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let fail = lines.first { $0.hasPrefix("FAIL") } ?? ""
        let next = lines.first { $0.hasPrefix("      next: ") } ?? ""
        #expect(fail.contains(example.says), "\(result)")
        #expect(next.contains(example.next.replacingOccurrences(of: "PORT", with: "\(port)")), "\(result)")
        #expect(!result.stdout.contains("admin-secret") && !result.stderr.contains("admin-secret"))
    }

    @Test("the good certificate with its CA passes the TLS step; a server that is not ICWS then fails the version step")
    func goodCertificate() async throws {
        let (result, _) = try await Self.doctor(TestCertificates.goodPEM, withCAFile: true)
        // The loopback server answers only the login: its empty answer to the version is no ICWS.
        #expect(CLIDoctorTests.steps(result) == ["ok server", "ok reach", "ok tls", "FAIL version"], "\(result)")
        #expect(result.stdout.contains("next: the server answered but not as ICWS"), "\(result)")
        #expect(result.status == 1)
        #expect(result.stdout.contains("certificate chain, name and dates verified (with the ca-file)"), "\(result)")
    }
}
