import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop series list`, `dxtop history` and `dxtop coverage` against the simulator, on a series
/// of daily extracts (UTC days, `--utc`) with one day never submitted, a look-alike of the same
/// series and one of another series.
@Suite("dxtop series, history and coverage")
struct CLIInsightTests {
    static let utc = TimeZone(identifier: "UTC")!

    static func day(_ d: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.date(from: DateComponents(year: 2026, month: 1, day: d))!
    }

    static func columns(_ names: [String]) -> [ColumnRef] { names.map(ColumnRef.init(name:)) }

    struct Added: Sendable {
        let daily: [Int: String]  // day of January → job id
        let lookAlike: String
        let weekly: String
        let outcomes: [String: JobState]
    }

    /// Daily jobs for 1–6 January without the 4th, a re-run of the 2nd under another name with the
    /// columns in another order, and a weekly job of the same table; each driven to its end.
    static func addSeries(_ sim: SimulatorFixture) async -> Added {
        func config(_ name: String, _ table: String, _ columnNames: [String], from: Int, to: Int) -> JobConfig {
            JobConfig(name: name, submittedUserId: "admin",
                      tables: [DataSetConfig(name: table, dateTimeFilterColumn: "dIntervalStartUTC", siteIdFilterColumn: "SiteId",
                                             column: columns(columnNames))],
                      startTimeFilter: day(from), endTimeFilter: day(to), siteIdFilters: ["1"])
        }
        var daily: [Int: String] = [:]
        for d in [1, 2, 3, 5, 6] {
            daily[d] = await sim.simulator.addJob(config("AQS daily", "IAgentQueueStats", ["cName", "SiteId", "nEnteredAcd"], from: d, to: d + 1),
                                                  submittedBy: "admin")
        }
        let lookAlike = await sim.simulator.addJob(config("aqs rerun", "iagentqueuestats", ["nEnteredAcd", "cName", "SiteId"], from: 2, to: 3),
                                                   submittedBy: "admin")
        let weekly = await sim.simulator.addJob(config("AQS weekly", "IAgentQueueStats", ["cName", "SiteId", "nEnteredAcd"], from: 5, to: 12),
                                                submittedBy: "admin")
        var outcomes: [String: JobState] = [:]
        for id in Array(daily.values) + [lookAlike, weekly] { outcomes[id] = await sim.driveToEnd(jobId: id) }
        return Added(daily: daily, lookAlike: lookAlike, weekly: weekly, outcomes: outcomes)
    }

    static func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test("history lists the runs of the job's series (look-alike included, another window class not), series list counts them")
    func historyAndSeries() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 30, speed: 0)) { sim in
            let added = await Self.addSeries(sim)
            let history = try await DxtopBinary.run(["history", added.daily[2]!, "--utc", "-o", "json"], env: sim.environment())
            #expect(history.status == 0, "\(history)")
            let runs = try Self.json(history.stdout)
            let ids = Set(runs.compactMap { $0["id"] as? String })
            #expect(ids == Set(added.daily.values).union([added.lookAlike]))
            #expect(!ids.contains(added.weekly))
            let key = try #require(runs.first?["series"] as? String)
            #expect(runs.allSatisfy { $0["series"] as? String == key })
            for run in runs { #expect(run["state"] as? String == added.outcomes[run["id"] as! String]?.word) }

            let list = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: sim.environment())
            #expect(list.status == 0, "\(list)")
            let series = try #require(try Self.json(list.stdout).first { $0["series"] as? String == key })
            #expect(series["runs"] as? Int == 6)
            #expect(series["class"] as? String == "daily")
            #expect(series["finished"] as? Int == added.outcomes.filter { $0.key != added.weekly && $0.value == .finished }.count)

            let table = try await DxtopBinary.run(["history", added.daily[2]!, "--utc"], env: sim.environment())
            #expect(table.status == 0, "\(table)")
            #expect(table.stdout.contains("Series \(key) (daily)"))
            #expect(table.stdout.contains("none yet (") || table.stdout.contains("median "))

            let unknown = try await DxtopBinary.run(["history", "no-such-job", "--utc"], env: sim.environment())
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no job id starts with 'no-such-job'"), "\(unknown)")
        }
    }

    @Test("coverage lists the day never submitted as a gap; --exit-status makes it exit 5; --from/--to clip; an unknown --series is one line")
    func coverage() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 30, speed: 0)) { sim in
            let added = await Self.addSeries(sim)
            let history = try Self.json(try await DxtopBinary.run(["history", added.daily[1]!, "--utc", "-o", "json"], env: sim.environment()).stdout)
            let key = try #require(history.first?["series"] as? String)
            let finishedDays = added.daily.filter { added.outcomes[$0.value] == .finished }.map(\.key)
                + (added.outcomes[added.lookAlike] == .finished ? [2] : [])

            let result = try await DxtopBinary.run(["coverage", "--series", key, "--utc", "-o", "json", "--exit-status"], env: sim.environment())
            #expect(result.status == 5, "\(result)")
            let gaps = try Self.json(result.stdout).filter { $0["kind"] as? String == "gap" }
            let windows = gaps.compactMap { gap -> (Date, Date)? in
                guard let start = (gap["start"] as? String).flatMap(ICWSDate.parse), let end = (gap["end"] as? String).flatMap(ICWSDate.parse) else { return nil }
                return (start, end)
            }
            #expect(windows.count == gaps.count)
            #expect(windows.contains { $0.0 <= Self.day(4) && $0.1 >= Self.day(5) }, "4 January is a gap: \(result.stdout)")
            for d in finishedDays { #expect(!windows.contains { $0.0 < Self.day(d + 1) && Self.day(d) < $0.1 }, "day \(d) was extracted") }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = Self.utc
            let horizon = calendar.startOfDay(for: Date().addingTimeInterval(-86_400))
            #expect(windows.map(\.1).max() == horizon, "gaps run up to one day before now")

            let clipped = try await DxtopBinary.run(["coverage", "--series", key, "--utc", "-o", "csv", "--from", "2026-01-04", "--to", "2026-01-05"],
                                                    env: sim.environment())
            #expect(clipped.status == 0, "\(clipped)")
            let lines = clipped.stdout.split(separator: "\n")
            #expect(lines.first == "context,series,class,name,kind,start,end,periods,detail")
            #expect(lines.dropFirst().contains { $0.contains(",gap,2026-01-04T00:00:00Z,2026-01-05T00:00:00Z,1,") }, "\(clipped)")

            let unknown = try await DxtopBinary.run(["coverage", "--series", "zz", "--utc"], env: sim.environment())
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no series key starts with 'zz'"), "\(unknown)")
            let badTime = try await DxtopBinary.run(["coverage", "--from", "yesterday"], env: sim.environment())
            #expect(badTime.status == 2)
            #expect(badTime.stderr.contains("--from 'yesterday' is not a time"), "\(badTime)")
        }
    }
}

/// `dxtop simulate --series-history`: the series the run-history views need.
@Suite("The simulator's series history")
struct SimulatorSeriesHistoryTests {
    @Test("daily, weekly and monthly series; one gap never tried again, a failing streak, an overlap, a running job past its baseline")
    func seriesHistory() async throws {
        var configuration = SimulatorConfiguration(speed: 0)
        configuration.seriesHistory = true
        try await SimulatorFixture.with(configuration) { sim in
            let list = try await DxtopBinary.run(["series", "list", "--utc", "-o", "json"], env: sim.environment())
            #expect(list.status == 0, "\(list)")
            let series = try CLIInsightTests.json(list.stdout)
            #expect(Set(series.compactMap { $0["class"] as? String }) == ["daily", "weekly", "monthly"])
            #expect(series.allSatisfy { ($0["runs"] as? Int ?? 0) >= 3 })
            #expect(series.contains { ($0["failureStreak"] as? Int ?? 0) >= 3 }, "a series failing for days")
            #expect(series.filter { ($0["running"] as? Int ?? 0) > 0 }.count == 1)

            let coverage = try await DxtopBinary.run(["coverage", "--utc", "-o", "json"], env: sim.environment())
            let rows = try CLIInsightTests.json(coverage.stdout)
            let gaps = rows.filter { $0["kind"] as? String == "gap" }
            let streaking = try #require(series.first { ($0["failureStreak"] as? Int ?? 0) >= 3 })["series"] as? String
            #expect(gaps.filter { $0["series"] as? String != streaking }.count == 1, "one failed day never re-run: \(coverage.stdout)")
            #expect(rows.filter { $0["kind"] as? String == "overlap" }.count == 1)

            let running = try #require(await sim.activeJob())
            let history = try await DxtopBinary.run(["history", running.id, "--utc", "-o", "json"], env: sim.environment())
            let late = try #require(try CLIInsightTests.json(history.stdout).first { $0["id"] as? String == running.id })
            #expect(late["overdue"] as? Bool == true, "\(history.stdout.prefix(600))")
        }
    }
}
