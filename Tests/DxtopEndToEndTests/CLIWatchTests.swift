import Foundation
import ICWSSimulator
import ICWSWire
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dxtop jobs watch`: state changes from the message stream; ends with the jobs or on Ctrl-C.
@Suite("dxtop jobs watch")
struct CLIWatchTests {
    @Test("prints each state change of a named job and exits 0 once it has ended", arguments: [2, 1])
    func untilEnded(messagingVersion: Int) async throws {
        let configuration = SimulatorConfiguration(jobCount: 5, speed: 0, messagingVersion: messagingVersion)
        try await SimulatorFixture.with(configuration) { sim in
            let id = await sim.addJob(submittedBy: "admin", name: "watched job")
            let watch = try DxtopBinary.start(["jobs", "watch", id], env: sim.environment())
            try await watch.waitFor(stderr: "watching 1 job")
            await sim.simulator.advance(jobId: id)
            try await watch.waitFor(stdout: "\(id)  submitted → queued  watched job")
            await sim.simulator.advance(jobId: id)
            try await watch.waitFor(stdout: "\(id)  queued → started  watched job")
            await sim.simulator.advance(jobId: id)
            let end = try #require(await sim.simulator.jobStatus(id: id)?.state)
            #expect(end.hasEnded)
            let result = try await watch.wait(timeout: .seconds(30))
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("\(id)  started → \(end.word)  watched job"))
            #expect(result.stdout.split(separator: "\n").count == 3)
        }
    }

    @Test("--json prints one object per change with the previous and new state")
    func json() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let watch = try DxtopBinary.start(["jobs", "watch", id, "--json"], env: sim.environment())
            try await watch.waitFor(stderr: "watching")
            for state in ["queued", "started"] {
                await sim.simulator.advance(jobId: id)
                try await watch.waitFor(stdout: "\"state\":\"\(state)\"")
            }
            let end = try #require(await sim.driveToEnd(jobId: id))
            let result = try await watch.wait()
            #expect(result.status == 0, "\(result)")
            let objects = try result.stdout.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(objects.map { $0["state"] as? String } == ["queued", "started", end.word])
            #expect(objects.map { $0["previousState"] as? String } == ["submitted", "queued", "started"])
            #expect(objects.allSatisfy { $0["id"] as? String == id })
            #expect(Set(objects[0].keys) == ["time", "id", "name", "previousState", "state"])
        }
    }

    @Test("a job that has already ended: nothing to wait for, exit 0")
    func alreadyEnded() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            try await sim.simulator.cancel(jobId: id, as: "admin")
            let result = try await DxtopBinary.run(["jobs", "watch", id], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("job \(id) has already ended (canceled)"), "\(result)")
        }
    }

    @Test("Ctrl-C (SIGINT) ends a watch cleanly with exit 0")
    func interrupted() async throws {
        try await SimulatorFixture.with { sim in
            let watch = try DxtopBinary.start(["jobs", "watch"], env: sim.environment())
            try await watch.waitFor(stderr: "watching")
            watch.send(SIGINT)
            let result = try await watch.wait(timeout: .seconds(30))
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test("an unknown job id: exit 1 with the server's message")
    func unknownJob() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "watch", "424242"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("424242"))
        }
    }
}
