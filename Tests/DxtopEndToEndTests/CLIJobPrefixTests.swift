import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// Every command that takes a job id takes an unambiguous start of one, as git and docker do: the
/// dashboard's 8-character ids work in the CLI.
@Suite("dxtop job id prefixes")
struct CLIJobPrefixTests {
    /// The first character shared by at least two ids, and every id that starts with it.
    private func sharedPrefix(_ sim: SimulatorFixture) async throws -> (String, [String]) {
        let ids = await sim.simulator.allJobStatuses().map(\.id)
        let groups = Dictionary(grouping: ids) { String($0.prefix(1)) }
        let (prefix, shared) = try #require(groups.first { $0.value.count >= 2 })
        return (prefix, shared)
    }

    @Test("show, resubmit --dry-run and list --from take the dashboard's 8 characters (any case)")
    func prefixWorks() async throws {
        try await SimulatorFixture.with { sim in
            let statuses = await sim.simulator.allJobStatuses()
            let job = try #require(statuses.first { $0.knownState.hasEnded })
            let short = String(job.id.prefix(8))
            let show = try await DxtopBinary.run(["jobs", "show", short.uppercased(), "-o", "json"], env: sim.environment())
            #expect(show.status == 0, "\(show)")
            #expect(show.stdout.contains(job.id), "\(show)")
            let resubmit = try await DxtopBinary.run(["jobs", "resubmit", short, "--dry-run"], env: sim.environment())
            #expect(resubmit.status == 0, "\(resubmit)")
            #expect(resubmit.stdout.contains(job.name), "\(resubmit)")
            let index = try #require(statuses.firstIndex { $0.id == job.id })
            let list = try await DxtopBinary.run(["jobs", "list", "--from", short, "--count", "1", "-o", "jsonl"], env: sim.environment())
            #expect(list.status == 0, "\(list)")
            if index + 1 < statuses.count { #expect(list.stdout.contains(statuses[index + 1].id), "\(list)") }
        }
    }

    @Test("cancel and watch take a prefix")
    func cancelAndWatch() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let cancel = try await DxtopBinary.run(["jobs", "cancel", String(id.prefix(8)), "--yes"], env: sim.environment())
            #expect(cancel.status == 0, "\(cancel)")
            #expect(cancel.stdout.contains(id), "the full id is reported: \(cancel)")
            #expect(await sim.simulator.jobStatus(id: id)?.state == .canceled)
            let watch = try await DxtopBinary.run(["jobs", "watch", String(id.prefix(8)), "--exit-status"], env: sim.environment())
            #expect(watch.status == 6, "the watched job was canceled: \(watch)")
        }
    }

    @Test("an ambiguous prefix is refused, listing the candidates; nothing is canceled")
    func ambiguous() async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses()
            let (prefix, shared) = try await sharedPrefix(sim)
            for command in [["jobs", "show", prefix], ["jobs", "cancel", prefix, "--yes"]] {
                let result = try await DxtopBinary.run(command, env: sim.environment())
                #expect(result.status == 1, "\(result)")
                #expect(result.stdout.isEmpty, "\(result)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
                #expect(result.stderr.contains("ambiguous"), "\(result)")
                let listed = shared.filter { result.stderr.contains($0) }
                #expect(listed.count >= 2 && listed.count <= 10, "\(result)")
            }
            #expect(await sim.simulator.allJobStatuses() == before, "nothing canceled")
        }
    }

    @Test("no match: exit 1 naming the prefix")
    func noMatch() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "show", "zz9"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("no job id starts with 'zz9'"), "\(result)")
        }
    }

    @Test("a full id costs no lookup; a prefix stops at the second match")
    func cost() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2_500, speed: 0)) { sim in
            let id = try #require(await sim.simulator.allJobStatuses().first?.id)
            let full = try await DxtopBinary.run(["jobs", "show", id], env: sim.environment())
            #expect(full.status == 0, "\(full)")
            #expect(sim.simulator.traffic().requests(startingWith: "GET data-extractor/jobs?") == 0, "no list read for a full id")
            // One hex digit matches about 150 of 2,500 jobs: the first page is enough.
            let result = try await DxtopBinary.run(["jobs", "show", String(id.prefix(1))], env: sim.environment())
            #expect(result.stderr.contains("ambiguous"), "\(result)")
            #expect(sim.simulator.traffic().requests(startingWith: "GET data-extractor/jobs?") <= 2, "the first page, and at most the one read ahead")
        }
    }
}
