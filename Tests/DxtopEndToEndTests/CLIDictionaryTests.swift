import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop dictionary list|show` against the simulator.
@Suite("dxtop dictionary")
struct CLIDictionaryTests {
    @Test("list: one row per dataset with kind, data set, filter columns and column count")
    func list() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["dictionary", "list"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("NAME") == true)
            #expect(lines.count >= 31)
            let row = try #require(lines.first { $0.hasPrefix("InteractionSummary ") })
            #expect(row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                    == ["InteractionSummary", "table", "Interaction", "Data", "StartDateTimeUTC", "SiteID", "30"])
            #expect(lines.contains { $0.hasPrefix("CallDetail_viw ") && $0.contains(" view ") })
        }
    }

    @Test("list --filter and --json")
    func filteredJSON() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["dictionary", "list", "--filter", "ivr", "--json"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(rows.map { $0["name"] as? String } == ["IVRHistory", "IVRInterval", "IVRInterval_viw"])
            #expect(rows.first?["kind"] as? String == "table")
            #expect(rows.first?["dateTimeFilterColumn"] as? String == "NodeEnterTimeGMT")
            #expect(rows.first?["columnCount"] as? Int == 12)
        }
    }

    @Test("show: columns with type, size, nullable and PII, the filter columns, the description; any case")
    func show() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["dictionary", "show", "interactionwrapup"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("InteractionWrapup (table, Interaction Data, schema dbo)\n"))
            #expect(result.stdout.contains("Date-time filter column: WrapupStartDateTimeUTC"))
            #expect(result.stdout.contains("Site-id filter column:   SiteID"))
            let userRow = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("UserID ") })
            #expect(userRow.split(separator: " ").prefix(5).map(String.init) == ["UserID", "nvarchar", "50", "no", "Yes"])
        }
    }

    @Test("show --json lists every column")
    func showJSON() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["dictionary", "show", "CallDetail_viw", "--json"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["kind"] as? String == "view")
            let columns = try #require(object["columns"] as? [[String: Any]])
            #expect(columns.count == 15)
            let remote = try #require(columns.first { $0["name"] as? String == "RemoteNumber" })
            #expect(remote["containsPII"] as? String == "Yes")
            #expect(remote["mayContainPII"] as? Bool == true)
            #expect(remote["maxLength"] as? Int == 50)
        }
    }

    @Test("show of an unknown name: exit 1 naming it and the closest names")
    func unknown() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["dictionary", "show", "IVRHistroy"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr == "dxtop: Unknown table or view \"IVRHistroy\". Closest: IVRHistory.\n")
        }
    }

    @Test("a server without the data-dictionary feature: one clear line, exit 1")
    func featureMissing() async throws {
        var configuration = SimulatorConfiguration(speed: 0)
        configuration.dataDictionaryVersion = nil
        try await SimulatorFixture.with(configuration) { sim in
            let result = try await DxtopBinary.run(["dictionary", "list"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains("data-dictionary version 2 or later"))
        }
    }
}
