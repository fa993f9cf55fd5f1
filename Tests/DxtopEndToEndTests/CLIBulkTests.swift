import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `jobs cancel` of several jobs or of a selection, and `jobs resubmit --failed-since`, over two
/// simulators, one of them a read-only context.
@Suite("dxtop bulk cancel and resubmit")
struct CLIBulkTests {
    /// east (writable) and west (read-only), both as `user`.
    static func config(east: String, west: String, user: String = "admin") throws -> ConfigFixture {
        let password = user == "admin" ? "admin-secret" : "jdoe-secret"
        func context(_ name: String, _ url: String, readOnly: Bool) -> String {
            "  \(name):\n    server: \(url)\n    user: \(user)\n    password-command: echo \(password)\n" + (readOnly ? "    read-only: true\n" : "")
        }
        return try ConfigFixture("current-context: east\ncontexts:\n" + context("east", east, readOnly: false) + context("west", west, readOnly: true))
    }

    static func lines(_ text: String, _ prefix: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix(prefix) }
    }

    @Test("several ids over two servers: each cancel to its own server, the ended one and the read-only one reported, status 4")
    func severalIds() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0, seed: 9)) { west in
                let config = try Self.config(east: east.url, west: west.url)
                let first = await east.addJob(submittedBy: "admin", name: "bulk one")
                let second = await east.addJob(submittedBy: "jdoe", name: "bulk two")
                let ended = await east.addJob(submittedBy: "admin", name: "bulk ended")
                try await east.simulator.cancel(jobId: ended, as: "admin")
                let guarded = await west.addJob(submittedBy: "admin", name: "bulk guarded")
                let result = try await DxtopBinary.run(["jobs", "cancel", first, String(second.prefix(13)), ended, guarded,
                                                        "--all-contexts", "--yes"], env: config.environment)
                #expect(result.status == 4, "\(result)")
                #expect(Self.lines(result.stdout, "sent: cancel of job ").count == 2, "\(result)")
                #expect(Self.lines(result.stdout, "already ended: job \(ended)").count == 1, "\(result)")
                #expect(Self.lines(result.stdout, "skipped: job \(guarded) \"bulk guarded\" (context west): the context is read-only").count == 1, "\(result)")
                #expect(result.stdout.contains("cancel: 2 sent, 1 already ended, 1 left out (read-only)"), "\(result)")
                #expect(result.stderr == "dxtop: cancel: 1 job of read-only contexts left out\n", "\(result)")
                #expect(await east.simulator.jobStatus(id: first)?.state == .canceled)
                #expect(await east.simulator.jobStatus(id: second)?.state == .canceled)
                #expect(await west.simulator.jobStatus(id: guarded)?.state == .submitted)
            }
        }
    }

    @Test("a refusal is reported with the server's words and fails the run (status 1); the other cancels still go")
    func refusal() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0, seed: 9)) { west in
                let config = try Self.config(east: east.url, west: west.url, user: "jdoe")
                let own = await east.addJob(submittedBy: "jdoe", name: "mine")
                let others = await east.addJob(submittedBy: "admin", name: "not \u{1B}[31mmine")
                let result = try await DxtopBinary.run(["jobs", "cancel", others, own, "--yes"], env: config.environment)
                #expect(result.status == 1, "\(result)")
                let refused = Self.lines(result.stdout, "refused: cancel of job \(others)")
                #expect(refused.count == 1 && refused[0].contains("right"), "the server's words: \(result)")
                #expect(!result.stdout.contains("\u{1B}"), "sanitised")
                #expect(Self.lines(result.stdout, "sent: cancel of job \(own)").count == 1, "\(result)")
                #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("dxtop: cancel: 1 of 2 not done"), "\(result)")
                #expect(await east.simulator.jobStatus(id: own)?.state == .canceled)
                #expect(await east.simulator.jobStatus(id: others)?.state == .submitted)
            }
        }
    }

    @Test("selection by filter: --dry-run lists and sends nothing; without --yes and a terminal it is refused; with --yes only the matches go")
    func selection() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0, seed: 9)) { west in
                let config = try Self.config(east: east.url, west: west.url)
                let picked = await east.addJob(submittedBy: "admin", name: "nightly bulk")
                let other = await east.addJob(submittedBy: "admin", name: "weekly")
                let guarded = await west.addJob(submittedBy: "admin", name: "nightly bulk")
                let select = ["jobs", "cancel", "--state", "submitted", "--filter", "name:nightly", "--all-contexts"]

                let dry = try await DxtopBinary.run(select + ["--dry-run"], env: config.environment)
                #expect(dry.status == 4, "the read-only one is left out: \(dry)")
                #expect(Self.lines(dry.stdout, "would cancel: job \(picked) \"nightly bulk\" (submitted, context east)").count == 1, "\(dry)")
                #expect(Self.lines(dry.stdout, "skipped: job \(guarded)").count == 1, "\(dry)")
                #expect(!dry.stdout.contains(other))
                #expect(await east.simulator.jobStatus(id: picked)?.state == .submitted, "a dry run sends nothing")

                let refused = try await DxtopBinary.run(select, env: config.environment, stdin: "y\n")
                #expect(refused.status == 2 && refused.stderr.contains("--yes"), "\(refused)")

                let old = try await DxtopBinary.run(select + ["--older-than", "1h", "--yes"], env: config.environment)
                #expect(old.status == 0, "\(old)")
                #expect(!old.stdout.contains("sent: "), "nothing is an hour old: \(old)")

                let east1 = try await DxtopBinary.run(["jobs", "cancel", "--state", "submitted", "--filter", "name:nightly", "--yes"],
                                                      env: config.environment)
                #expect(east1.status == 0, "\(east1)")
                #expect(await east.simulator.jobStatus(id: picked)?.state == .canceled)
                #expect(await east.simulator.jobStatus(id: other)?.state == .submitted)
                #expect(await west.simulator.jobStatus(id: guarded)?.state == .submitted)

                let bad = try await DxtopBinary.run(["jobs", "cancel", "--older-than", "soon", "--yes"], env: config.environment)
                #expect(bad.status == 2 && bad.stderr.contains("--older-than: 'before:soon' is not an age"), "\(bad)")
            }
        }
    }

    @Test("resubmit --failed-since: every failed job of the window again, each reported with its new id")
    func resubmitFailed() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0, seed: 9)) { west in
                let config = try Self.config(east: east.url, west: west.url)
                // The frozen clock's steps end in finished or failed; add jobs until one fails.
                var failedId = await east.addJob(submittedBy: "admin", name: "to fail")
                var state: JobState?
                var attempts = 0
                while true {
                    state = await east.driveToEnd(jobId: failedId)
                    if state == .failed || attempts > 30 { break }
                    attempts += 1
                    failedId = await east.addJob(submittedBy: "admin", name: "to fail")
                }
                try #require(state == .failed)
                let before = await east.simulator.allJobStatuses().count
                let result = try await DxtopBinary.run(["jobs", "resubmit", "--failed-since", "1h", "--filter", "name:\"to fail\"", "--yes"], env: config.environment)
                #expect(result.status == 0, "\(result)")
                let sent = Self.lines(result.stdout, "sent: resubmit of job \(failedId) \"to fail\" (context east) as job ")
                #expect(sent.count == 1, "\(result)")
                #expect(await east.simulator.allJobStatuses().count == before + 1)
            }
        }
    }
}
