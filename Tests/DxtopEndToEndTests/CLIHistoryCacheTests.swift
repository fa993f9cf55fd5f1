import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// The history cache of `series list`, `history` and `coverage` against the simulator: what a warm
/// start costs the server (its traffic counter), a corrupt cache, `--no-cache`, `cache info|clear`.
@Suite("dxtop history cache")
struct CLIHistoryCacheTests {
    /// Requests since `before`, per kind.
    static func delta(_ before: SimulatorTraffic, _ after: SimulatorTraffic) -> [String: Int] {
        after.requests.compactMapValues { $0 }.reduce(into: [:]) { result, entry in
            let added = entry.value - (before.requests[entry.key] ?? 0)
            if added > 0 { result[entry.key] = added }
        }
    }

    static func cacheEnvironment(_ sim: SimulatorFixture) -> (env: [String: String], folder: URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-e2e-\(UUID().uuidString)")
        var env = sim.environment()
        env["XDG_CACHE_HOME"] = home.path
        return (env, home.appendingPathComponent("dxtop"))
    }

    /// A server that caps its lists at 25 jobs without saying so (profile `capped-job-count`):
    /// `jobs list --all` and the history cache's walk both go on past its short pages, so the
    /// list and the series count every job (the dashboard's walk: `CacheStartFlowTests`).
    @Test("a server that caps its lists: jobs list --all and series list see every job")
    func cappedServerListsEveryJob() async throws {
        var configuration = SimulatorConfiguration(jobCount: 120, speed: 0)
        configuration.profile = try #require(ServerProfile.named("capped-job-count"))
        try await SimulatorFixture.with(configuration) { sim in
            let (env, _) = Self.cacheEnvironment(sim)
            let all = await sim.simulator.allJobStatuses()
            let listed = try await DxtopBinary.run(["jobs", "list", "--all", "-o", "jsonl"], env: env)
            #expect(listed.status == 0, "\(listed)")
            let ids = listed.stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
            }
            #expect(ids == all.map(\.id))
            let series = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env)
            #expect(series.status == 0, "\(series)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(series.stdout.utf8)) as? [[String: Any]])
            let runs = rows.map { $0["runs"] as? Int ?? 0 }.reduce(0, +)
            #expect(runs == all.filter { $0.knownState.hasEnded }.count, "every ended job is a run of its series")
        }
    }

    @Test("a second series list against an unchanged server costs 3 requests: login, one page, logout")
    func warmStartCost() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2500, speed: 0)) { sim in
            let (env, folder) = Self.cacheEnvironment(sim)
            let t0 = sim.simulator.traffic()
            let cold = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env)
            #expect(cold.status == 0, "\(cold)")
            let t1 = sim.simulator.traffic()
            #expect(Self.delta(t0, t1)["GET data-extractor/jobs?jobCount=1000"] == 4, "cold: three pages and the empty one: \(Self.delta(t0, t1))")

            let warm = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env)
            #expect(warm.status == 0, "\(warm)")
            #expect(warm.stdout == cold.stdout)
            #expect(warm.stderr.isEmpty, "\(warm.stderr)")
            let t2 = sim.simulator.traffic()
            let cost = Self.delta(t1, t2)
            let pending = await sim.simulator.allJobStatuses().dropFirst(1000).filter { !$0.knownState.hasEnded }.count
            #expect(cost["GET data-extractor/jobs?jobCount=1000"] == 1, "\(cost)")
            #expect(cost["POST connection"] == 1, "\(cost)")
            let lists = cost.filter { $0.key.hasPrefix("GET data-extractor/jobs") }.values.reduce(0, +)
            #expect(lists == 1 + pending, "one page, and one request per job not ended beyond the first page (none here): \(cost)")
            #expect(cost.values.reduce(0, +) <= 3 + pending, "login, the page, logout; the purge check is hourly and the cold run was one: \(cost)")

            // A job added since: the warm start shows it, still from one page.
            let added = await sim.addJob(submittedBy: "admin", name: "added after the cache")
            await sim.driveToEnd(jobId: added)
            let history = try await DxtopBinary.run(["history", String(added.prefix(8)), "--utc", "-o", "json"], env: env)
            let t3 = sim.simulator.traffic()
            #expect(history.status == 0, "\(history)")
            #expect(history.stdout.contains(added))
            #expect(Self.delta(t2, t3)["GET data-extractor/jobs?jobCount=1000"] == 1, "\(Self.delta(t2, t3))")

            let info = try await DxtopBinary.run(["cache", "info"], env: env)
            #expect(info.status == 0, "\(info)")
            #expect(info.stdout.contains(folder.path), "\(info)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sqlite") }
            #expect(files.count == 1)
            let mode = (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(files[0]).path)[.posixPermissions] as? Int ?? 0) & 0o777
            #expect(mode == 0o600)

            // --no-cache walks everything again.
            let uncached = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json", "--no-cache"], env: env)
            #expect(uncached.status == 0)
            #expect(Self.delta(t3, sim.simulator.traffic())["GET data-extractor/jobs?jobCount=1000"] == 4)

            let clear = try await DxtopBinary.run(["cache", "clear"], env: env)
            #expect(clear.status == 0, "\(clear)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sqlite") }.isEmpty)
        }
    }

    @Test("a corrupt cache is rebuilt from the server with a one-line warning; the output is the same")
    func corruptCache() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 300, speed: 0)) { sim in
            let (env, folder) = Self.cacheEnvironment(sim)
            let cold = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env)
            #expect(cold.status == 0, "\(cold)")
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".sqlite") })
            try Data(repeating: 0x5a, count: 8192).write(to: folder.appendingPathComponent(file))
            let rebuilt = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env)
            #expect(rebuilt.status == 0, "\(rebuilt)")
            #expect(rebuilt.stdout == cold.stdout)
            let lines = rebuilt.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("rebuilt from the server"), "\(rebuilt.stderr)")
            let again = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env)
            #expect(again.stderr.isEmpty && again.stdout == cold.stdout, "\(again)")
        }
    }

    @Test("a server restarted on the same port with another history: the old jobs stay, marked purged, with a note")
    func restartedServer() async throws {
        let first = ICWSSimulator(configuration: SimulatorConfiguration(host: "127.0.0.1", port: 0, jobCount: 200, speed: 0, seed: 1))
        let port = try await first.start()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-e2e-\(UUID().uuidString)")
        let env = ["ICWS_SERVER": first.baseURL, "ICWS_USER": "admin", "ICWS_PASSWORD": first.configuration.users[0].password,
                   "XDG_CACHE_HOME": home.path]
        let before = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env)
        let oldest = try #require(await first.allJobStatuses().last { $0.knownState.hasEnded })
        let pending = await first.allJobStatuses().filter { !$0.knownState.hasEnded }.count
        await first.stop()
        #expect(before.status == 0, "\(before)")

        let second = ICWSSimulator(configuration: SimulatorConfiguration(host: "127.0.0.1", port: port, jobCount: 200, speed: 0, seed: 2))
        _ = try await second.start()
        let after = try await DxtopBinary.run(["history", oldest.id, "--utc", "-o", "json"], env: env)
        let traffic = second.traffic()
        // A purged job cannot be acted on: one line saying so, before any request.
        let cancel = try await DxtopBinary.run(["jobs", "cancel", oldest.id, "--yes"], env: env)
        let resubmit = try await DxtopBinary.run(["jobs", "resubmit", String(oldest.id.prefix(13)), "--yes"], env: env)
        let afterActions = second.traffic()
        await second.stop()
        for (result, verb) in [(cancel, "canceled"), (resubmit, "resubmitted")] {
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.split(separator: "\n").count == 1
                && result.stderr.contains("job \(oldest.id) was purged: the server no longer lists it") && result.stderr.contains("cannot be \(verb)"),
                    "\(result)")
        }
        #expect(afterActions.requests.values.reduce(0, +) == traffic.requests.values.reduce(0, +), "refused without asking the server")
        #expect(after.status == 0, "\(after)")
        #expect(after.stderr.contains("are no longer listed by the server; kept in the history, marked purged"), "\(after.stderr)")
        let runs = try CLIInsightTests.json(after.stdout)
        #expect(runs.contains { $0["id"] as? String == oldest.id && $0["purged"] as? Bool == true }, "\(after.stdout)")
        #expect(traffic.requests(startingWith: "GET data-extractor/jobs/") == pending,
                "each job pending on the old server asked for once (404, forgotten); no purge check: the whole list was read")
    }
}
