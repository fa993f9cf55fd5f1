import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `jobs list --overdue/--failing` and `coverage --fill` against the simulator's series history
/// (docs/simulator.md): one overdue running job, one series failing for days, one failed day never
/// re-run.
@Suite("dxtop jobs list --overdue/--failing and coverage --fill")
struct CLIInsightActionTests {
    static func seriesHistory(seed: UInt64 = 42) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(speed: 0, seed: seed)
        configuration.seriesHistory = true
        return configuration
    }

    static func withCache(_ env: [String: String]) -> [String: String] {
        env.merging(["XDG_CACHE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-fill-\(UUID().uuidString)").path]) { $1 }
    }

    @Test("--overdue lists each context's late running job, --failing the last job of each failing series, in every format")
    func overdueAndFailing() async throws {
        try await SimulatorFixture.with(Self.seriesHistory()) { east in
            try await SimulatorFixture.with(Self.seriesHistory(seed: 7)) { west in
                let config = try CLIContextsListTests.config([("east", east.url), ("west", west.url)])
                let env = Self.withCache(config.environment)
                let late = Set([try #require(await east.activeJob()).id, try #require(await west.activeJob()).id])

                let overdue = try await DxtopBinary.run(["jobs", "list", "--overdue", "--all-contexts", "--utc", "-o", "json"], env: env)
                #expect(overdue.status == 0, "\(overdue)")
                let rows = try CLIInsightTests.json(overdue.stdout)
                #expect(Set(rows.compactMap { $0["id"] as? String }) == late, "\(overdue.stdout.prefix(800))")
                #expect(rows.allSatisfy { $0["reason"] as? String == "overdue" && $0["overdue"] as? Bool == true && $0["state"] as? String == "started" })
                #expect(Set(rows.compactMap { $0["context"] as? String }) == ["east", "west"])

                let failing = try await DxtopBinary.run(["jobs", "list", "--failing", "--all-contexts", "--utc", "-o", "jsonl"], env: env)
                #expect(failing.status == 0, "\(failing)")
                let failed = try failing.stdout.split(separator: "\n").map { line in
                    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                }
                for context in ["east", "west"] {
                    #expect(failed.contains { $0["context"] as? String == context && $0["name"] as? String == "Interaction detail nightly"
                        && ($0["failureStreak"] as? Int ?? 0) >= 3 && $0["state"] as? String == "failed" }, "\(failing.stdout.prefix(800))")
                }
                #expect(failed.allSatisfy { $0["reason"] as? String == "failing" && ($0["failureStreak"] as? Int ?? 0) >= 1 })

                let both = try await DxtopBinary.run(["jobs", "list", "--overdue", "--failing", "--context", "east", "--utc", "-o", "csv"], env: env)
                #expect(both.status == 0, "\(both)")
                let lines = both.stdout.split(separator: "\n")
                #expect(lines.first?.hasPrefix("context,reason,series,id,name,state,") == true, "\(both)")
                #expect(lines.contains { $0.contains(",overdue,") } && lines.contains { $0.contains(",failing,") })

                let table = try await DxtopBinary.run(["jobs", "list", "--overdue", "--context", "west", "--utc"], env: env)
                #expect(table.status == 0, "\(table)")
                #expect(table.stdout.hasPrefix("WHY      ID"), "\(table)")

                let mixed = try await DxtopBinary.run(["jobs", "list", "--overdue", "--all"], env: env)
                #expect(mixed.status == 2 && mixed.stderr.contains("--overdue and --failing read the whole history"), "\(mixed)")
            }
        }
    }

    @Test("--fill --dry-run lists one job per gap period (--merge-runs one per gap) and sends nothing")
    func fillDryRun() async throws {
        try await SimulatorFixture.with(Self.seriesHistory()) { sim in
            let env = Self.withCache(sim.environment())
            let series = try CLIInsightTests.json(try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env).stdout)
            let periods = series.compactMap { $0["gapPeriods"] as? Int }.reduce(0, +)
            let gaps = series.compactMap { $0["gaps"] as? Int }.reduce(0, +)
            #expect(periods > gaps && gaps >= 2, "a gap of several days and one of one day: \(series)")

            let before = sim.simulator.traffic()
            let dry = try await DxtopBinary.run(["coverage", "--fill", "--dry-run", "--utc", "-o", "json"], env: env)
            #expect(dry.status == 0, "\(dry)")
            let rows = try CLIInsightTests.json(dry.stdout)
            #expect(rows.count == periods, "\(dry.stdout.prefix(800))")
            #expect(rows.allSatisfy { $0["outcome"] as? String == "would send" && $0["jobId"] is NSNull })
            for row in rows where row["class"] as? String == "daily" {
                let start = try #require((row["start"] as? String).flatMap(ICWSDate.parse))
                let end = try #require((row["end"] as? String).flatMap(ICWSDate.parse))
                #expect(end.timeIntervalSince(start) == 86_400, "one day a job: \(row)")
            }
            let merged = try await DxtopBinary.run(["coverage", "--fill", "--merge-runs", "--dry-run", "--utc", "-o", "csv"], env: env)
            #expect(merged.status == 0, "\(merged)")
            #expect(merged.stdout.split(separator: "\n").count == 1 + gaps, "\(merged)")
            #expect(sim.simulator.traffic().requests(startingWith: "POST data-extractor/jobs") == before.requests(startingWith: "POST data-extractor/jobs"))

            let noTerminal = try await DxtopBinary.run(["coverage", "--fill", "--utc"], env: env)
            #expect(noTerminal.status == 2 && noTerminal.stderr.contains("refusing to fill coverage gaps without --yes"), "\(noTerminal)")
            let loose = try await DxtopBinary.run(["coverage", "--dry-run"], env: env)
            #expect(loose.status == 2, "\(loose)")
        }
    }

    @Test("--fill --yes sends one job per gap period with the series' latest configuration; the gap is then filled")
    func fillSends() async throws {
        try await SimulatorFixture.with(Self.seriesHistory()) { sim in
            let env = Self.withCache(sim.environment())
            let series = try CLIInsightTests.json(try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: env).stdout)
            let streaking = try #require(series.first { $0["name"] as? String == "Interaction detail nightly" })
            let key = try #require(streaking["series"] as? String)
            let periods = try #require(streaking["gapPeriods"] as? Int)

            let fill = try await DxtopBinary.run(["coverage", "--fill", "--yes", "--series", key, "--utc", "-o", "json"], env: env)
            #expect(fill.status == 0, "\(fill)")
            let rows = try CLIInsightTests.json(fill.stdout)
            #expect(rows.count == periods)
            let ids = rows.compactMap { $0["jobId"] as? String }
            #expect(ids.count == periods && rows.allSatisfy { $0["outcome"] as? String == "sent" }, "\(fill.stdout.prefix(600))")
            let statuses = await sim.simulator.allJobStatuses()
            for id in ids { #expect(statuses.contains { $0.id == id && $0.name == "Interaction detail nightly" }) }
            var ended: [JobState?] = []
            for id in ids { ended.append(await sim.driveToEnd(jobId: id)) }
            let after = try await DxtopBinary.run(["coverage", "--series", key, "--utc", "-o", "json"], env: env)
            let left = try CLIInsightTests.json(after.stdout).filter { $0["kind"] as? String == "gap" }
            // The simulator fails some jobs at random: the days of those stay gaps.
            #expect(left.count <= ended.filter { $0 != .finished }.count, "\(after.stdout)")
        }
    }

    @Test("a read-only context refuses a fill in one line (status 4) and still shows a dry run")
    func readOnlyRefuses() async throws {
        try await SimulatorFixture.with(Self.seriesHistory()) { sim in
            let config = try ConfigFixture("""
                current-context: watch
                contexts:
                  watch:
                    server: \(sim.url)
                    user: admin
                    password-command: echo admin-secret
                    read-only: true

                """)
            let env = Self.withCache(config.environment)
            let before = sim.simulator.traffic().requests.values.reduce(0, +)
            let refused = try await DxtopBinary.run(["coverage", "--fill", "--yes", "--utc"], env: env)
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("refusing to fill coverage gaps: context 'watch' is read-only"), "\(refused)")
            #expect(sim.simulator.traffic().requests.values.reduce(0, +) == before, "refused before logging in")
            let dry = try await DxtopBinary.run(["coverage", "--fill", "--dry-run", "--utc"], env: env)
            #expect(dry.status == 0 && dry.stdout.contains("would send"), "\(dry)")
        }
    }
}
