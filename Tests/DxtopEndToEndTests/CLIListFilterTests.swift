import Foundation
import ICWSSimulator
import Testing

/// `jobs list --filter`: the field filter over the jobs read.
@Suite("dxtop jobs list --filter")
struct CLIListFilterTests {
    @Test("fields, ! and free words select the jobs; a bad filter is a one-line usage error")
    func filter() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0)) { sim in
            let nightly = await sim.addJob(submittedBy: "jdoe", name: "nightly export")
            let weekly = await sim.addJob(submittedBy: "admin", name: "weekly export")
            let result = try await DxtopBinary.run(["jobs", "list", "-o", "json", "--filter", "user:jdoe name:nightly state:submitted"],
                                                   env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let ids = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(ids == [nightly], "\(result)")

            let inverted = try await DxtopBinary.run(["jobs", "list", "-o", "jsonl", "--filter", "export !user:jdoe"], env: sim.environment())
            #expect(inverted.stdout.split(separator: "\n").count == 1 && inverted.stdout.contains(weekly), "\(inverted)")

            let bad = try await DxtopBinary.run(["jobs", "list", "--filter", "state:broken"], env: sim.environment())
            #expect(bad.status == 2, "\(bad)")
            #expect(bad.stderr.hasPrefix("dxtop: --filter: unknown state 'broken' (states: submitted, queued,"), "\(bad)")
            #expect(bad.stdout.isEmpty)

            // --overdue and --failing list rows of the insight model, which the field filter does not read.
            let mixed = try await DxtopBinary.run(["jobs", "list", "--overdue", "--filter", "state:failed"], env: sim.environment())
            #expect(mixed.status == 2, "\(mixed)")
            #expect(mixed.stderr.hasPrefix("dxtop: --filter does not combine with --overdue or --failing"), "\(mixed)")
            #expect(mixed.stdout.isEmpty)
        }
    }
}
