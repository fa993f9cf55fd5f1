import Foundation
import ICWSSimulator
import Testing

/// HTTP proxies: `proxy:` of a context, `HTTP_PROXY`/`http_proxy`, `NO_PROXY`.
///
/// The server named is 127.0.0.1:9, where nothing listens; the proxy tunnels every connection to
/// a simulator instead, so a command that works went through the proxy.
@Suite("dxtop through an HTTP proxy")
struct CLIProxyTests {
    static let target = "http://127.0.0.1:9"

    static func withProxy(_ body: (LoopbackProxy, SimulatorFixture) async throws -> Void) async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0)) { sim in
            let proxy = try LoopbackProxy(upstreamPort: try #require(sim.simulator.port))
            defer { proxy.stop() }
            try await body(proxy, sim)
        }
    }

    @Test("proxy: in the context sends every connection through the proxy")
    func contextProxy() async throws {
        try await Self.withProxy { proxy, _ in
            let config = try ConfigFixture("""
                current-context: p
                contexts:
                  p:
                    server: \(Self.target)
                    user: admin
                    password-command: echo admin-secret
                    proxy: \(proxy.url)
                """)
            let result = try await DxtopBinary.run(["jobs", "list"], env: config.environment)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n").count == 4)
            #expect(!proxy.targets.isEmpty && proxy.targets.allSatisfy { $0 == "127.0.0.1:9" }, "\(proxy.targets)")
        }
    }

    @Test("HTTP_PROXY and http_proxy are honoured for an http:// server", arguments: ["HTTP_PROXY", "http_proxy"])
    func environmentProxy(variable: String) async throws {
        try await Self.withProxy { proxy, _ in
            let environment = ["ICWS_SERVER": Self.target, "ICWS_USER": "admin", "ICWS_PASSWORD": "admin-secret", variable: proxy.url]
            let result = try await DxtopBinary.run(["jobs", "list"], env: environment)
            #expect(result.status == 0, "\(result)")
            #expect(!proxy.targets.isEmpty, "\(result)")
        }
    }

    @Test("NO_PROXY naming the host bypasses the proxy", arguments: ["127.0.0.1", "*", "example.com,127.0.0.1:9"])
    func noProxy(exclusions: String) async throws {
        try await Self.withProxy { proxy, _ in
            let environment = ["ICWS_SERVER": Self.target, "ICWS_USER": "admin", "ICWS_PASSWORD": "admin-secret",
                               "HTTP_PROXY": proxy.url, "NO_PROXY": exclusions]
            let result = try await DxtopBinary.run(["jobs", "list"], env: environment)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("connection refused"), "\(result)")
            #expect(proxy.targets.isEmpty, "\(proxy.targets)")
        }
    }

    @Test("a proxy URL that is not http://host:port is a usage error that does not repeat it")
    func badProxy() async throws {
        let environment = ["ICWS_SERVER": Self.target, "ICWS_USER": "admin", "ICWS_PASSWORD": "pw",
                           "HTTP_PROXY": "socks5://user:proxy-secret@host:1080"]
        let result = try await DxtopBinary.run(["jobs", "list"], env: environment)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("HTTP_PROXY is not an http://host:port proxy URL") && !result.stderr.contains("proxy-secret"), "\(result)")
    }
}
