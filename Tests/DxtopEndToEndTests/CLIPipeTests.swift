import ChildProcess
import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// A closed stdout ends the command at once (status 141, nothing on stderr), and `jobs watch --exit-status`.
@Suite("dxtop closed stdout and watch --exit-status")
struct CLIPipeTests {
    @Test("jobs watch ends when its stdout pipe is closed, even with nothing to write (status 141)")
    func watchClosedPipe() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 5, speed: 0)) { sim in
            let process = try ChildProcess(executable: DxtopBinary.url.path, arguments: ["jobs", "watch"],
                                           environment: DxtopBinary.environment(adding: sim.environment()),
                                           stdin: .null, stdout: .pipe, stderr: .pipe)
            let stderr = OutputCollector(reading: process.standardError!)
            defer { process.send(SIGKILL) }
            let deadline = Date().addingTimeInterval(30)
            let watching = try await DxtopBinary.offPool { stderr.wait(until: deadline) { $0.contains("watching") } }
            #expect(watching, "\(stderr.text)")
            try process.standardOutput?.close()
            let ending = try await DxtopBinary.offPool { process.wait(timeout: .seconds(30)) }
            #expect(ending != nil, "still running after its stdout was closed; stderr: \(stderr.text)")
            guard let ending else { return }
            #expect(ending == .exited(141))
            #expect(!stderr.text.contains("error"), "\(stderr.text)")
        }
    }

    @Test("jobs list | head -1 under pipefail: status 141, nothing on stderr")
    func listIntoHead() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 1500, speed: 0)) { sim in
            var environment = DxtopBinary.environment(adding: sim.environment())
            environment["DXTOP"] = DxtopBinary.url.path
            let run = try RunningDxtop(
                executable: URL(fileURLWithPath: "/bin/bash"),
                args: ["-c", "set -o pipefail; \"$DXTOP\" jobs list --all --count 500 -o wide | head -1; echo \"status=${PIPESTATUS[0]}\""],
                environment: environment, stdin: nil)
            let result = try await run.wait()
            let (stdout, stderr) = (run.stdout, run.stderr)
            #expect(result.status == 0)
            let lines = stdout.text.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID") == true, "\(stdout.text)")
            #expect(lines.last == "status=141", "\(stdout.text) / \(stderr.text)")
            #expect(stderr.text.isEmpty, "\(stderr.text)")
        }
    }

    /// Starts `jobs watch ID --exit-status`, lets `end` finish the job once the watch runs; the result.
    static func watchOutcome(_ sim: SimulatorFixture, jobId: String, end: @Sendable () async throws -> Void) async throws -> DxtopResult {
        let watch = try DxtopBinary.start(["jobs", "watch", jobId, "--exit-status"], env: sim.environment())
        try await watch.waitFor(stderr: "watching")
        try await end()
        return try await watch.wait()
    }

    @Test("--exit-status: a canceled job gives status 6")
    func canceled() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let result = try await Self.watchOutcome(sim, jobId: id) { try await sim.simulator.cancel(jobId: id, as: "admin") }
            #expect(result.status == 6, "\(result)")
            #expect(result.stderr.contains("canceled: \(id)"), "\(result)")
        }
    }

    @Test("--exit-status: a job that ran to its end gives 0 when it finished, 5 when it failed")
    func ranToEnd() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let result = try await Self.watchOutcome(sim, jobId: id) { _ = await sim.driveToEnd(jobId: id) }
            let state = await sim.simulator.jobStatus(id: id)?.state
            #expect(state == .finished || state == .failed)
            #expect(result.status == (state == .failed ? 5 : 0), "\(result)")
        }
    }

    @Test("without --exit-status a canceled job still ends the watch with 0")
    func withoutFlag() async throws {
        try await SimulatorFixture.with { sim in
            let id = await sim.addJob(submittedBy: "admin")
            let watch = try DxtopBinary.start(["jobs", "watch", id], env: sim.environment())
            try await watch.waitFor(stderr: "watching")
            try await sim.simulator.cancel(jobId: id, as: "admin")
            let result = try await watch.wait()
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test("--exit-status needs job ids")
    func needsIds() async throws {
        let result = try await DxtopBinary.run(["jobs", "watch", "--exit-status"], env: ["ICWS_SERVER": "http://127.0.0.1:9"])
        #expect(result.status == 2, "\(result)")
    }
}
