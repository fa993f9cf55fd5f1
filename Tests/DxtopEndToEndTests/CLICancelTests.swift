import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop jobs cancel`: confirmation rules and the server's answers mapped to exit statuses.
@Suite("dxtop jobs cancel")
struct CLICancelTests {
    @Test("--yes cancels an active job; the simulator agrees")
    func cancelActive() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let result = try await DxtopBinary.run(["jobs", "cancel", id, "--yes"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains(id))
            let status = await sim.simulator.jobStatus(id: id)
            #expect(status?.state == .canceled)
            #expect(status?.cancelUserId == "admin")
        }
    }

    @Test("without --yes and without a terminal: exit 2, nothing canceled")
    func refusesWithoutYes() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let result = try await DxtopBinary.run(["jobs", "cancel", id], env: sim.environment(), stdin: "y\n")
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.hasPrefix("dxtop: "))
            #expect(result.stderr.contains("--yes"))
            #expect(await sim.simulator.jobStatus(id: id)?.state == .submitted)
        }
    }

    @Test("an ended job: exit 1 with the server's message on one line")
    func endedJob() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            try await sim.simulator.cancel(jobId: id, as: "admin")
            let result = try await DxtopBinary.run(["jobs", "cancel", id, "--yes"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("dxtop: ") == true)
            #expect(result.stderr.contains("cannot be canceled"), "the simulator's own message")
        }
    }

    @Test("a server that cannot be reached: the cancel is 'not sent', never 'refused'")
    func offlineNotSent() async throws {
        let result = try await DxtopBinary.run(["jobs", "cancel", "3f2b6c1e-8d4a-4e7b-9a1c-2b5d7e9f0a11", "--yes"], env: CLIUsageTests.unreachable)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("dxtop: cancel of job 3f2b6c1e-8d4a-4e7b-9a1c-2b5d7e9f0a11 not sent: "), "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
    }

    @Test("jdoe canceling admin's job: exit 4 (permission denied)")
    func permissionDenied() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let result = try await DxtopBinary.run(["jobs", "cancel", id, "--yes"], env: sim.environment(user: "jdoe"))
            #expect(result.status == 4, "\(result)")
            #expect(result.stderr.hasPrefix("dxtop: "))
            #expect(result.stderr.contains("right"), "the server's message")
            #expect(await sim.simulator.jobStatus(id: id)?.state == .submitted)
        }
    }
}
