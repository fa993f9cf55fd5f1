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

    /// Issue 15: the server restarts without one of the watched jobs. The reconnection is one line
    /// on stderr; the change made after it is printed; the job the server no longer knows is
    /// reported and makes `--exit-status` fail.
    @Test("a reconnection is one line; a vanished job is reported and fails --exit-status")
    func vanishedAfterRestart() async throws {
        let first = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 5, speed: 0))
        let port = try await first.start()
        let kept = await first.addJob(Self.job("kept job"), submittedBy: "admin")
        let gone = await first.addJob(Self.job("gone job"), submittedBy: "admin")
        let env = ["ICWS_SERVER": first.baseURL, "ICWS_USER": "admin", "ICWS_PASSWORD": "admin-secret"]
        let watch = try DxtopBinary.start(["jobs", "watch", kept, gone, "--exit-status"], env: env)
        try await watch.waitFor(stderr: "watching 2 jobs")
        await first.stop()
        try await watch.waitFor(stderr: "connection lost")
        // The same seed gives the same ids: the first job added comes back, the second does not.
        let second = ICWSSimulator(configuration: SimulatorConfiguration(port: port, jobCount: 5, speed: 0))
        _ = try await second.start()
        #expect(await second.addJob(Self.job("kept job"), submittedBy: "admin") == kept)
        try await watch.waitFor(stderr: "job \(gone) is no longer known to the server (vanished)")
        await second.advance(jobId: kept)
        try await watch.waitFor(stdout: "\(kept)  submitted → queued  kept job")
        await second.advance(jobId: kept)
        await second.advance(jobId: kept)
        let result = try await watch.wait(timeout: .seconds(30))
        await second.stop()
        #expect(result.status == 5, "\(result)")
        #expect(result.stderr.components(separatedBy: "connection lost").count == 2, "one line for the reconnection: \(result.stderr)")
        #expect(result.stderr.contains("\(gone) (vanished)\n"), "listed with the failed jobs: \(result.stderr)")
    }

    private static func job(_ name: String) -> JobConfig {
        JobConfig(name: name, submittedUserId: "admin",
                  tables: [DataSetConfig(name: "UserWorkgroups", column: [ColumnRef(name: "UserId")])])
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
