import DisplayText
import Foundation
import ICWSClient

/// Doctor's TLS step: one handshake verified as the client verifies, and on failure *why* (chain,
/// name, dates, no TLS at all) with what to do next. Behind a proxy the handshake is left to the
/// version step (the probe cannot pass a proxy), which reports TLS failures in general words.
struct DoctorTLSStep {
    let context: ResolvedContext
    let seconds: Double
    /// ` of context 'prod'`, or empty.
    let contextHint: String

    private var server: ICWSServer { context.server }

    func run() throws {
        guard server.scheme == "https" else {
            DoctorLine.warn("tls", "plain HTTP: the password crosses the network unencrypted")
            return
        }
        if context.proxy == nil {
            let (host, port, tls) = (server.host, server.port, context.tls)
            let timeout = Duration.milliseconds(Int64(seconds * 1000))
            let problem = try SessionRun.blocking([]) { _ in
                try await TLSProbe.problem(host: host, port: port, tls: tls, timeout: timeout)
            }
            if let problem { throw DoctorLine.fail("tls", problem.summary, next: next(problem)) }
        }
        DoctorLine.ok("tls", context.tls.insecure ? "connected, certificate NOT verified (insecure)"
                                                  : "certificate chain, name and dates verified" + (context.tls.caFile != nil ? " (with the ca-file)" : ""))
    }

    /// What to do about a problem.
    func next(_ problem: TLSProblem) -> String {
        let caHint = "give the CA that signed it with --ca-file PEM (or ca-file:\(contextHint))"
        switch problem {
        case .verificationFailed:  // the certificate could not be read to say why
            return "check that the certificate is signed by a CA this machine trusts (else \(caHint)) and that it has not expired"
        case .untrustedChain:
            if let caFile = context.tls.caFile {
                return "the ca-file \(TerminalSafe.clean(caFile)) does not sign this certificate: give the CA of this server instead (a self-signed server certificate can itself be the ca-file)"
            }
            return "the server's certificate is not signed by a CA this machine trusts: \(caHint); a self-signed certificate can itself be the ca-file"
        case .nameMismatch(let asked, let covered):
            let use = covered.first.map { " (server: https://\(TerminalSafe.clean($0)):\(server.port))" } ?? ""
            return "connect by a name the certificate covers\(use), or have the certificate reissued for \(TerminalSafe.clean(asked))"
        case .expired:
            return "the server's certificate must be renewed (ask the CIC administrator); check this machine's clock too (now \(Self.now()))"
        case .notYetValid:
            return "check this machine's clock (now \(Self.now())) and the certificate's start date"
        case .notTLS:
            return "the port does not speak HTTPS: use http://\(server.host):\(server.port) if the server is plain HTTP"
        case .other:
            return "if the server uses its own CA, \(caHint); check the certificate's name matches \(server.host) and it has not expired"
        }
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
