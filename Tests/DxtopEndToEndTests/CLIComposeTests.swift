import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop jobs submit` (flags form) and `dxtop jobs resubmit` against the simulator.
@Suite("dxtop jobs submit flags and resubmit")
struct CLIComposeTests {
    static func newId(_ result: DxtopResult) -> String { result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test("flags: names in any case, columns, all columns, window, sites; filter columns from the dictionary")
    func submitFlags() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(
                ["jobs", "submit", "--name", "wrap-ups", "--table", "interactionwrapup:wrapupcode, UserID",
                 "--view", "CALLDETAIL_VIW", "--from", "2026-11-01", "--to", "2026-11-02T00:00:00Z", "--site", "2",
                 "--utc", "--yes"], env: sim.environment(user: "jdoe"))
            #expect(result.status == 0, "\(result)")
            let stored = try #require(await sim.simulator.jobConfig(id: Self.newId(result)))
            #expect(stored.name == "wrap-ups")
            #expect(stored.submittedUserId == "jdoe")
            #expect(stored.tableConfigs == [DataSetConfig(name: "InteractionWrapup", dateTimeFilterColumn: "WrapupStartDateTimeUTC",
                                                          siteIdFilterColumn: "SiteID",
                                                          column: [ColumnRef(name: "WrapupCode"), ColumnRef(name: "UserID")])])
            #expect(stored.viewConfigs.first?.name == "CallDetail_viw")
            #expect(stored.viewConfigs.first?.column.count == 15)
            #expect(stored.startTimeFilter == ICWSDate.parse("20261101T000000Z"))
            #expect(stored.endTimeFilter == ICWSDate.parse("20261102T000000Z"))
            #expect(stored.siteIds == ["2"])
        }
    }

    @Test("--dry-run prints the jobConfig JSON and sends nothing")
    func dryRun() async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses().count
            let result = try await DxtopBinary.run(
                ["jobs", "submit", "--name", "d", "--table", "IVRHistory:NodeName", "--window", "yesterday", "--dry-run"],
                env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let config = try ICWSJSON.decode(JobConfig.self, from: Data(result.stdout.utf8))
            #expect(config.tableConfigs.first?.dateTimeFilterColumn == "NodeEnterTimeGMT")
            #expect(config.endTimeFilter.map { $0.timeIntervalSince(config.startTimeFilter!) } ?? 0 >= 23 * 3600)
            #expect(result.stdout.contains("\"startTimeFilter\" : \"20"), "basic wire dates")
            #expect(await sim.simulator.allJobStatuses().count == before)
        }
    }

    @Test("an unknown dataset or column is refused before anything is sent, naming the closest names")
    func unknownNames() async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses().count
            let result = try await DxtopBinary.run(
                ["jobs", "submit", "--name", "x", "--table", "InteractionSumary", "--table", "IVRHistory:NodeNam", "--yes"],
                env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr == """
                dxtop: not submitted: Unknown table "InteractionSumary". Closest: InteractionSummary. \
                Unknown column "NodeNam" in IVRHistory. Closest: NodeName.

                """)
            #expect(await sim.simulator.allJobStatuses().count == before)
        }
    }

    @Test("without --yes a script is refused and nothing is sent", arguments: [
        ["jobs", "submit", "--name", "x", "--table", "IVRHistory"], ["jobs", "resubmit", "any-job-id"],
    ])
    func refusedWithoutYes(args: [String]) async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses().count
            let result = try await DxtopBinary.run(args, env: sim.environment())
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("without --yes: there is no terminal to confirm on"))
            #expect(await sim.simulator.allJobStatuses().count == before)
        }
    }

    @Test("flag mistakes are usage errors", arguments: [
        (["--table", "IVRHistory", "--yes"], "--name is required"),
        (["--name", "x", "--yes"], "at least one --table or --view"),
        (["--name", "x", "--table", "IVRHistory", "--from", "2026-01-01", "--yes"], "--from and --to go together"),
        (["--name", "x", "--table", "IVRHistory", "--window", "fortnight", "--yes"], "--window must be one of"),
        (["--name", "x", "--table", "IVRHistory", "--from", "2026-02-30", "--to", "2026-03-01", "--yes"], "--from: cannot read"),
        (["job.json", "--name", "x"], "either FILE or the flags"),
    ])
    func usage(args: [String], message: String) async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "submit"] + args, env: sim.environment())
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains(message), "\(result)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("resubmit: the same configuration without its id, by the login user; prints the new id")
    func resubmit() async throws {
        try await SimulatorFixture.with { sim in
            let originalId = try #require(await sim.simulator.allJobStatuses().first { $0.knownState.hasEnded }?.id)
            let original = try #require(await sim.simulator.jobConfig(id: originalId))
            let result = try await DxtopBinary.run(["jobs", "resubmit", originalId, "--yes"], env: sim.environment(user: "jdoe"))
            #expect(result.status == 0, "\(result)")
            let newId = Self.newId(result)
            #expect(newId != originalId && !newId.isEmpty)
            let again = try #require(await sim.simulator.jobConfig(id: newId))
            #expect(again.name == original.name)
            #expect(again.tables == original.tables && again.views == original.views)
            #expect(again.startTimeFilter == original.startTimeFilter && again.endTimeFilter == original.endTimeFilter)
            #expect(again.siteIdFilters == original.siteIdFilters)
            #expect(again.submittedUserId == "jdoe")
        }
    }

    @Test("resubmit --shift-window --name: the window moves forward by its own length")
    func resubmitShifted() async throws {
        try await SimulatorFixture.with { sim in
            let originalId = try #require(await sim.simulator.allJobStatuses().first { $0.knownState.hasEnded }?.id)
            let original = try #require(await sim.simulator.jobConfig(id: originalId))
            let start = try #require(original.startTimeFilter), end = try #require(original.endTimeFilter)
            let result = try await DxtopBinary.run(["jobs", "resubmit", originalId, "--shift-window", "--name", "next", "--utc", "--yes"],
                                                   env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let again = try #require(await sim.simulator.jobConfig(id: Self.newId(result)))
            #expect(again.name == "next")
            #expect(again.startTimeFilter == end)
            #expect(again.endTimeFilter == end.addingTimeInterval(end.timeIntervalSince(start)))
        }
    }

    @Test("resubmit --from/--to replaces the window; --shift-window with them is a usage error, start not before end is refused")
    func resubmitNewWindow() async throws {
        try await SimulatorFixture.with { sim in
            let originalId = try #require(await sim.simulator.allJobStatuses().first { $0.knownState.hasEnded }?.id)
            let result = try await DxtopBinary.run(["jobs", "resubmit", originalId, "--from", "2026-11-03 06:00", "--to", "2026-11-03T18:00:00Z",
                                                    "--utc", "--yes"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let again = try #require(await sim.simulator.jobConfig(id: Self.newId(result)))
            #expect(again.startTimeFilter == ICWSDate.parse("20261103T060000Z"))
            #expect(again.endTimeFilter == ICWSDate.parse("20261103T180000Z"))
            let both = try await DxtopBinary.run(["jobs", "resubmit", originalId, "--shift-window", "--from", "2026-11-03", "--to", "2026-11-04",
                                                  "--yes"], env: sim.environment())
            #expect(both.status == 2, "\(both)")
            #expect(both.stderr.contains("--shift-window cannot be combined with --from/--to or --window"), "\(both)")
            let before = await sim.simulator.allJobStatuses().count
            let backwards = try await DxtopBinary.run(["jobs", "resubmit", originalId, "--from", "2026-11-04", "--to", "2026-11-03",
                                                       "--utc", "--yes"], env: sim.environment())
            #expect(backwards.status == 1, "\(backwards)")
            #expect(backwards.stderr == "dxtop: not resubmitted: --to must be later than --from.\n", "the words typed: \(backwards)")
            #expect(await sim.simulator.allJobStatuses().count == before)
        }
    }

    @Test("resubmit --dry-run shows the body without an id and sends nothing")
    func resubmitDryRun() async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses().count
            let originalId = try #require(await sim.simulator.allJobStatuses().first?.id)
            let result = try await DxtopBinary.run(["jobs", "resubmit", originalId, "--dry-run"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let config = try ICWSJSON.decode(JobConfig.self, from: Data(result.stdout.utf8))
            #expect(config.id == nil)
            #expect(!result.stdout.contains("\"id\""))
            #expect(await sim.simulator.allJobStatuses().count == before)
        }
    }
}
