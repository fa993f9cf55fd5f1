import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dxtop simulate`: a standalone simulator that dxtop itself can use.
@Suite("dxtop simulate")
struct CLISimulateTests {
    @Test("prints its URL and users, serves dxtop, stops with exit 0 on SIGTERM and SIGINT", arguments: [SIGTERM, SIGINT])
    func foreground(signal: Int32) async throws {
        let simulate = try DxtopBinary.start(["simulate", "--port", "0", "--jobs", "7", "--speed", "0"])
        try await simulate.waitFor(stdout: "Press Ctrl-C to stop.")
        let banner = simulate.stdout.text
        #expect(banner.contains("admin / admin-secret") && banner.contains("jdoe / jdoe-secret"))
        let url = try #require(banner.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+/)).output
        let list = try await DxtopBinary.run(["jobs", "list", "--json"],
                                             env: ["ICWS_SERVER": String(url), "ICWS_USER": "jdoe", "ICWS_PASSWORD": "jdoe-secret"])
        #expect(list.status == 0, "\(list)")
        #expect(try CLIListTests.ids(list.stdout).count == 7)
        simulate.send(signal)
        let result = try await simulate.wait(timeout: .seconds(30))
        #expect(result.status == 0, "\(result)")
    }

    @Test("a port in use: exit 1 with one readable line")
    func portInUse() async throws {
        try await SimulatorFixture.with { sim in
            let port = try #require(sim.simulator.port)
            let result = try await DxtopBinary.run(["simulate", "--port", "\(port)"], env: [:])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr == "dxtop: cannot listen on 127.0.0.1:\(port): address already in use\n", "\(result)")
        }
    }

    @Test("--profile: a known name is announced; an unknown one is one line listing the names, exit 2")
    func profile() async throws {
        let unknown = try await DxtopBinary.run(["simulate", "--port", "0", "--profile", "pingz"], env: [:])
        #expect(unknown.status == 2, "\(unknown)")
        #expect(unknown.stderr.split(separator: "\n").count == 1, "\(unknown)")
        #expect(unknown.stderr.contains("no profile named 'pingz'") && unknown.stderr.contains("ping-at-open, irregular-pings"),
                "\(unknown)")

        let simulate = try DxtopBinary.start(["simulate", "--port", "0", "--jobs", "3", "--speed", "0", "--profile", "CRLF"])
        try await simulate.waitFor(stdout: "Press Ctrl-C to stop.")
        #expect(simulate.stdout.text.contains("Profile crlf: CRLF line endings"), "\(simulate.stdout.text)")
        simulate.send(SIGTERM)
        #expect(try await simulate.wait(timeout: .seconds(30)).status == 0)
    }
}
