import Foundation
import ICWSSimulator
import Testing

/// `dxtop exporter`'s command line: bad options, textfile mode, the unauthenticated-bind line.
@Suite("dxtop exporter command line")
struct CLIExporterTests {
    @Test("a bad --listen is a one-line usage error (status 2) before any server is contacted")
    func badListen() async throws {
        let result = try await DxtopBinary.run(["exporter", "--listen", "nowhere", "--server", "http://127.0.0.1:9", "--user", "u"],
                                               env: ["ICWS_PASSWORD": "pw"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("--listen: expected HOST:PORT"), "\(result)")
    }

    @Test("--textfile writes DIR/dxtop.prom with the server's jobs, rewrites it, and ends with status 0 on SIGTERM")
    func textfile() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 4, speed: 0)) { simulator in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-textfile-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let exporter = try DxtopBinary.start(["exporter", "--textfile", directory, "--textfile-interval", "0.2"],
                                                 env: simulator.environment())
            try await exporter.waitFor(stdout: "dxtop exporter: writing \(directory)/dxtop.prom")
            let deadline = ContinuousClock.now + .seconds(30)
            var text = ""
            while ContinuousClock.now < deadline {
                text = (try? String(contentsOfFile: directory + "/dxtop.prom", encoding: .utf8)) ?? ""
                let counted = text.split(separator: "\n").filter { $0.hasPrefix("dxtop_jobs{") }
                    .compactMap { Double($0.split(separator: " ").last ?? "") }.reduce(0, +)
                if counted == 4 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(text.contains("dxtop_server_up{"), "\(text)")
            exporter.send(SIGTERM)
            let result = try await exporter.wait(timeout: .seconds(30))
            #expect(result.status == 0, "\(result)")
            let final = try String(contentsOfFile: directory + "/dxtop.prom", encoding: .utf8)
            #expect(final.contains("dxtop_server_up{context=\"\(simulator.url)\",server=\"\(simulator.url)\"} 0"), "written once more at the end: \(final)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["dxtop.prom"])
        }
    }

    @Test("bound beyond loopback: exactly one line says /metrics is unauthenticated; on loopback none; SIGINT logs out, status 0",
          arguments: [("0.0.0.0:0", true), ("127.0.0.1:0", false)])
    func unauthenticatedBind(listen: String, warned: Bool) async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 4, speed: 0)) { simulator in
            let exporter = try DxtopBinary.start(["exporter", "--listen", listen], env: simulator.environment())
            try await exporter.waitFor(stdout: "/metrics\n")
            // Serving, and logged in: the stop has a session to end.
            let deadline = ContinuousClock.now + .seconds(30)
            while await simulator.simulator.loginCount() == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            exporter.send(SIGINT)
            let result = try await exporter.wait(timeout: .seconds(30))
            #expect(result.status == 0, "\(result)")
            let lines = result.stderr.split(separator: "\n").filter { $0.contains("unauthenticated") }
            #expect(lines.count == (warned ? 1 : 0), "\(result)")
            if warned {
                #expect(lines.first?.hasPrefix("dxtop: /metrics on 0.0.0.0:") == true, "\(result)")
            }
            #expect(await simulator.simulator.endSessions() == 0, "SIGINT logged out of the server")
        }
    }

    @Test("--textfile into a directory that does not exist: one line, status 1")
    func textfileMissingDirectory() async throws {
        try await SimulatorFixture.with { simulator in
            let result = try await DxtopBinary.run(["exporter", "--textfile", "/nonexistent/dxtop"], env: simulator.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("dxtop: --textfile: cannot create /nonexistent/dxtop/"), "\(result)")
            #expect(result.stderr.hasSuffix(": No such file or directory\n"), "\(result)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }
}
