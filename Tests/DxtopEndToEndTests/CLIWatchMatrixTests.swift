import Foundation
import ICWSSimulator
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The conformance matrix, `jobs watch` half: the real binary against every server profile
/// (docs/simulator.md): the newest page watched, another client's cancel, a cancel with
/// `dxtop jobs cancel`, an idle minute. Each change must be printed within 6 s (a polling server:
/// within the backed-off polling interval); the idle minute
/// costs at most `idleMinuteRequestBound` requests (6; 12 for a profile that ends streams),
/// counted by the simulator; and, while the stream works, the watch never says it reconnects.
///
/// The binary's intervals cannot be scaled, so the idle minute is a real one; the profiles run in
/// parallel (one parameterised test), so the whole matrix takes about a minute.
@Suite("Conformance matrix: jobs watch against every server profile")
struct CLIWatchMatrixTests {
    static let changeBound = Duration.seconds(6)
    static let idleMinute = Duration.seconds(60)

    /// A polling server (`messaging-v1`): a change is printed within the backed-off polling
    /// interval, 15 s (docs/icws-choices.md §14), plus a margin.
    static func changeBound(_ profile: ServerProfile) -> Duration {
        profile.messagingVersion == 1 ? .seconds(15) + .seconds(2) : changeBound
    }

    @Test(arguments: ServerProfile.all)
    func watch(profile: ServerProfile) async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(speed: 0, profile: profile)) { sim in
            let theirs = await sim.addJob(submittedBy: "jdoe", name: "matrix theirs")
            let mine = await sim.addJob(submittedBy: "jdoe", name: "matrix mine")
            let watch = try DxtopBinary.start(["jobs", "watch"], env: sim.environment())
            try await watch.waitFor(stderr: "watching")

            try await sim.simulator.cancel(jobId: theirs, as: "jdoe")
            try await watch.waitFor(stdout: "\(theirs)  submitted → canceled", timeout: Self.changeBound(profile))

            let cancel = try await DxtopBinary.run(["jobs", "cancel", mine, "--yes"], env: sim.environment())
            #expect(cancel.status == 0, "\(cancel)")
            try await watch.waitFor(stdout: "\(mine)  submitted → canceled", timeout: Self.changeBound(profile))

            let before = sim.simulator.traffic()
            let stderrBefore = watch.stderr.text
            try await Task.sleep(for: Self.idleMinute)  // the measurement window, not a wait for an event
            let idle = sim.simulator.traffic().since(before)
            #expect(idle.totalRequests <= profile.idleMinuteRequestBound,
                    "\(profile): an idle minute cost \(idle.totalRequests) requests: \(idle.requests)")
            if !profile.closesStreams {
                let said = String(watch.stderr.text.dropFirst(stderrBefore.count))
                #expect(!said.lowercased().contains("reconnect"), "\(profile): the watch said, while the stream worked: \(said)")
                #expect(idle.eventStreamOpens == 0, "\(profile): the stream was reopened \(idle.eventStreamOpens) times while idle")
            }
            watch.send(SIGINT)
            let result = try await watch.wait(timeout: .seconds(30))
            #expect(result.status == 0, "\(result)")
        }
    }
}
