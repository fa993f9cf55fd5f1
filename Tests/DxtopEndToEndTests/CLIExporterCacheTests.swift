import Foundation
import ICWSSimulator
import Testing

/// `dxtop exporter` and the history cache on disk: a corrupt file, a folder that cannot be used, `--no-cache`.
@Suite("dxtop exporter and the history cache")
struct CLIExporterCacheTests {
    /// Runs the exporter in textfile mode until every job of `simulator` is counted, then SIGTERM;
    /// returns its stderr.
    static func exportOnce(_ simulator: SimulatorFixture, env: [String: String], options: [String] = []) async throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-textfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let total = Double(await simulator.simulator.allJobStatuses().count)
        let exporter = try DxtopBinary.start(["exporter", "--textfile", directory, "--textfile-interval", "0.2"] + options, env: env)
        try await exporter.waitFor(stdout: "dxtop exporter: writing")
        let deadline = ContinuousClock.now + .seconds(30)
        var counted = 0.0
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: directory + "/dxtop.prom", encoding: .utf8)) ?? ""
            counted = text.split(separator: "\n").filter { $0.hasPrefix("dxtop_jobs{") }
                .compactMap { Double($0.split(separator: " ").last ?? "") }.reduce(0, +)
            if counted == total { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        exporter.send(SIGTERM)
        let result = try await exporter.wait(timeout: .seconds(30))
        #expect(result.status == 0, "\(result)")
        #expect(counted == total, "every job counted: \(counted) of \(total); \(result)")
        return result.stderr
    }

    static func lines(_ stderr: String, containing text: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.contains(text) }
    }

    @Test("a corrupt cache file is rebuilt with one warning line, and the next start is quiet")
    func corruptCache() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 30, speed: 0)) { simulator in
            let (env, folder) = CLIHistoryCacheTests.cacheEnvironment(simulator)
            defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
            let cold = try await Self.exportOnce(simulator, env: env)
            #expect(Self.lines(cold, containing: "history cache").isEmpty, "\(cold)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sqlite") }
            #expect(files.count == 1, "one file for the server and user: \(files)")
            let file = folder.appendingPathComponent(try #require(files.first))
            try Data("not a database, not at all".utf8).write(to: file)
            let rebuilt = try await Self.exportOnce(simulator, env: env)
            let warnings = Self.lines(rebuilt, containing: "history cache")
            #expect(warnings.count == 1 && warnings[0].contains("rebuilt from the server"), "\(rebuilt)")
            let again = try await Self.exportOnce(simulator, env: env)
            #expect(Self.lines(again, containing: "history cache").isEmpty, "the rebuilt file is a good one: \(again)")
        }
    }

    @Test("a cache folder that cannot be created: one warning line, the server followed without it")
    func unusableFolder() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 30, speed: 0)) { simulator in
            let (env, folder) = CLIHistoryCacheTests.cacheEnvironment(simulator)
            defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
            // A file where the folder should be: even root cannot make a folder there.
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: folder)
            let stderr = try await Self.exportOnce(simulator, env: env)
            let warnings = Self.lines(stderr, containing: "history cache")
            #expect(warnings.count == 1, "\(stderr)")
            #expect(warnings.first?.contains("cannot be used (") == true, "\(stderr)")
            #expect(warnings.first?.hasSuffix("; following the server without it") == true, "\(stderr)")
        }
    }

    @Test("--no-cache opens no file: no cache folder is made")
    func noCache() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 30, speed: 0)) { simulator in
            let (env, folder) = CLIHistoryCacheTests.cacheEnvironment(simulator)
            defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
            let stderr = try await Self.exportOnce(simulator, env: env, options: ["--no-cache"])
            #expect(Self.lines(stderr, containing: "history cache").isEmpty, "\(stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().path), "nothing under XDG_CACHE_HOME")
            _ = try await Self.exportOnce(simulator, env: env)
            #expect(FileManager.default.fileExists(atPath: folder.path), "without --no-cache the folder is made")
        }
    }
}
