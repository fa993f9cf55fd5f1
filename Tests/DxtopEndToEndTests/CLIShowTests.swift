import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop jobs show`: status, timeline, tables and views, filters, output folder, error.
@Suite("dxtop jobs show")
struct CLIShowTests {
    @Test("the report names every table and view with columns and filter columns, the filters and the timeline")
    func text() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 40, speed: 0)) { sim in
            let statuses = await sim.simulator.allJobStatuses()
            let finished = try #require(statuses.first { $0.state == .finished })
            let config = try #require(await sim.simulator.jobConfig(id: finished.id))
            let result = try await DxtopBinary.run(["jobs", "show", finished.id, "--utc"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let out = result.stdout
            #expect(out.contains("Job \(finished.id): \(finished.name)"))
            #expect(out.contains("State") && out.contains("finished"))
            #expect(out.contains("Timeline"))
            for step in ["submitted", "queued", "started", "finished"] { #expect(out.contains(step)) }
            #expect(out.contains("+"), "time since the previous step")
            for dataSet in config.tableConfigs + config.viewConfigs {
                #expect(out.contains("  \(dataSet.name)\n"))
                for column in dataSet.column { #expect(out.contains(column.name)) }
                if let filter = dataSet.dateTimeFilterColumn { #expect(out.contains("date/time filter column: \(filter)")) }
                if let filter = dataSet.siteIdFilterColumn { #expect(out.contains("site filter column: \(filter)")) }
            }
            if let start = config.startTimeFilter, let end = config.endTimeFilter {
                #expect(out.contains(TimeFormatting.utc(start) + "  (inclusive)"))
                #expect(out.contains(TimeFormatting.utc(end) + "  (exclusive)"))
                #expect(out.contains("Length"))
            }
            if config.siteIds.isEmpty {
                #expect(out.contains("Sites: all sites"))
            } else {
                #expect(out.contains("Sites: " + config.siteIds.joined(separator: ", ")))
            }
            if let folder = finished.outputFolder { #expect(out.contains(folder)) }
        }
    }

    @Test("site filters read 'all sites' when empty; a failed job shows its error")
    func sitesAndError() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 60, speed: 0)) { sim in
            let statuses = await sim.simulator.allJobStatuses()
            var checkedEmpty = false
            for status in statuses {
                guard let config = await sim.simulator.jobConfig(id: status.id), config.siteIds.isEmpty else { continue }
                let result = try await DxtopBinary.run(["jobs", "show", status.id], env: sim.environment())
                #expect(result.status == 0, "\(result)")
                #expect(result.stdout.contains("Sites: all sites"))
                checkedEmpty = true
                break
            }
            #expect(checkedEmpty, "the seed has a job without site filters")
            let failed = try #require(statuses.first { $0.state == .failed && $0.errorInfo != nil })
            let result = try await DxtopBinary.run(["jobs", "show", failed.id], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("failed"))
            #expect(result.stdout.contains(failed.errorInfo!))
        }
    }

    @Test("--json has status and config with stable keys, extended UTC dates")
    func json() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 20, speed: 0)) { sim in
            let job = try #require(await sim.simulator.allJobStatuses().first { $0.state == .finished })
            let config = try #require(await sim.simulator.jobConfig(id: job.id))
            let result = try await DxtopBinary.run(["jobs", "show", job.id, "--json"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["id", "status", "config"])
            #expect(object["id"] as? String == job.id)
            let status = try #require(object["status"] as? [String: Any])
            #expect(status["state"] as? String == "finished")
            let json = try #require(object["config"] as? [String: Any])
            #expect(Set(json.keys) == ["id", "name", "submittedUserId", "tables", "views", "startTimeFilter",
                                       "endTimeFilter", "siteIds"])
            let tables = try #require(json["tables"] as? [[String: Any]])
            #expect(tables.map { $0["name"] as? String } == config.tableConfigs.map(\.name))
            #expect(tables.map { $0["columns"] as? [String] } == config.tableConfigs.map { $0.column.map(\.name) })
            #expect(json["siteIds"] as? [String] == config.siteIds)
            if let start = config.startTimeFilter {
                #expect(json["startTimeFilter"] as? String == ICWSDate.extended(start))
            }
        }
    }

    @Test("an unknown job: exit 1 with the server's message")
    func unknown() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "show", "999999"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("dxtop: "))
            #expect(result.stderr.contains("999999"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }
}

/// The CLI's human timestamps in UTC, for comparisons.
enum TimeFormatting {
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d UTC", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
