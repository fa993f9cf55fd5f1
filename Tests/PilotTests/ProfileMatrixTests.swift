import DashboardKit
import Foundation
import ICWSClient
import ICWSSimulator
import Testing

/// The conformance matrix, dashboard half: the same scenario against every server profile
/// (docs/simulator.md): list, another client's cancel shown, a cancel, an idle minute. Each run
/// asserts that each change is shown within 6 s (a polling server: within the backed-off polling
/// interval), that the idle minute costs at most `idleMinuteRequestBound` requests (6; 12 for a
/// profile that ends streams), counted by the simulator, and that "reconnecting" never shows while
/// the stream works.
///
/// Scaled time: every interval of the server profile and of the client (the idle check for new
/// jobs, the polling interval, the connection policy's windows and idle limits) is multiplied by
/// `scale`, so the idle minute lasts 15 s and holds as many requests as a real minute: the bound
/// is the same number. Not scaled: the 6 s to show a change, and the tests' short backoff. The
/// profiles run in parallel (one parameterised test).
@Suite("Conformance matrix: the dashboard against every server profile")
struct ProfileMatrixTests {
    static let scale = 0.25
    static let minute = Duration.seconds(60) * scale
    static let changeBound = Duration.seconds(6)

    /// The feed's connection policy with every interval scaled (its budget of reconnections per
    /// window stays a count: 6 per scaled minute).
    static var policy: ConnectionPolicy {
        var policy = ConnectionPolicy()
        policy.streamIdleTimeout = policy.streamIdleTimeout * scale
        policy.budgetWindow = policy.budgetWindow * scale
        policy.shortLivedStream = policy.shortLivedStream * scale
        policy.flapWindow = policy.flapWindow * scale
        policy.unstablePollInterval = policy.unstablePollInterval * scale
        policy.unstablePollingPeriod = policy.unstablePollingPeriod * scale
        policy.idlePollCap = policy.idlePollCap * scale
        policy.newJobCheckWhilePolling = policy.newJobCheckWhilePolling * scale
        return policy
    }
    static let pollInterval = Duration.seconds(2) * scale

    /// A polling server (`messaging-v1`) is polled less while idle (docs/icws-choices.md §14): a
    /// change is shown within the backed-off interval (plus a margin of 4 s for a loaded machine:
    /// the interval itself is scaled, the margin is not), and the idle minute is
    /// measured once the polling has backed off (the doublings after activity, 2 + 4 + 8 s, then
    /// half an interval, so that the minute does not start on a poll).
    static func changeBound(_ profile: ServerProfile) -> Duration {
        profile.messagingVersion == 1 ? policy.idlePollCap + .seconds(4) : changeBound
    }

    static func backingOff(_ profile: ServerProfile) -> Duration {
        profile.messagingVersion == 1 ? pollInterval * 7 + policy.idlePollCap / 2 : .zero
    }

    @Test(arguments: ServerProfile.all)
    func dashboard(profile: ServerProfile) async throws {
        try await withSimulator({ $0.profile = profile.scaled(by: Self.scale) }) { simulator in
            let elsewhere = await simulator.addJob(sampleJob("matrix theirs"), submittedBy: "jdoe")
            let here = await simulator.addJob(sampleJob("matrix mine"), submittedBy: "jdoe")
            let pilot = try Pilot(options: DashboardOptions(server: "pilot", user: "admin"), ports: [simulator.port ?? 0],
                                  refreshInterval: .seconds(15) * Self.scale, policy: Self.policy,
                                  pollInterval: Self.pollInterval)
            let watcher = TroubleWatcher()
            try await pilot.start()
            try await finally(await scenario(pilot, simulator, profile, watcher, elsewhere: elsewhere, here: here)) {
                await pilot.stop()
            }
        }
    }

    private func scenario(_ pilot: Pilot, _ simulator: ICWSSimulator, _ profile: ServerProfile, _ watcher: TroubleWatcher,
                          elsewhere: String, here: String) async throws {
        try await pilot.waitFor("connected, both jobs listed") {
            watcher.look($0)
            return $0.state.servers[0].connection == .connected && $0.screen.contains("matrix theirs") && $0.screen.contains("matrix mine")
        }

        var started = ContinuousClock.now
        try await simulator.cancel(jobId: elsewhere, as: "jdoe")
        try await pilot.waitFor("another client's cancel shown") {
            watcher.look($0)
            return $0.state.jobs[JobKey(id: elsewhere)]?.state == .canceled && $0.listRow(containing: "theirs").contains("canceled")
        }
        let elsewhereShown = ContinuousClock.now - started
        #expect(elsewhereShown < Self.changeBound(profile), "\(profile): another client's cancel shown after \(elsewhereShown)")

        #expect(pilot.state.selectedId?.id == here, "the newest job is selected")
        started = ContinuousClock.now
        try await pilot.press(.char("c"))
        try await pilot.press(.char("y"))
        try await pilot.waitFor("our cancel shown") {
            watcher.look($0)
            return $0.state.jobs[JobKey(id: here)]?.state == .canceled && $0.listRow(containing: "mine").contains("canceled")
        }
        let hereShown = ContinuousClock.now - started
        #expect(hereShown < Self.changeBound(profile), "\(profile): our cancel shown after \(hereShown)")
        #expect(await simulator.jobStatus(id: here)?.state == .canceled)

        try await pilot.runUntilQuiet()
        try await pilot.run(for: Self.backingOff(profile)) { watcher.look($0) }
        let before = simulator.traffic()
        try await pilot.run(for: Self.minute) { watcher.look($0) }
        let idle = simulator.traffic().since(before)
        #expect(idle.totalRequests <= profile.idleMinuteRequestBound,
                "\(profile): an idle minute (scaled to \(Self.minute)) cost \(idle.totalRequests) requests: \(idle.requests)")
        if !profile.closesStreams {
            #expect(watcher.seen.isEmpty, "\(profile): the dashboard showed trouble while the stream worked: \(watcher.seen)")
            #expect(idle.eventStreamOpens == 0, "\(profile): the stream was reopened \(idle.eventStreamOpens) times while idle")
        }
    }
}

/// Records every time the dashboard says the link is down or reconnecting.
final class TroubleWatcher {
    private(set) var seen: [String] = []

    func look(_ pilot: Pilot) {
        switch pilot.state.servers[0].connection {
        case .reconnecting(let attempt, let trouble): note("reconnecting (attempt \(attempt): \(trouble))")
        case .offline(let trouble): note("offline (\(trouble))")
        case .pollingWhileStreamUnstable(let every): note("stream unstable: polling every \(every)")
        default: if pilot.screen.contains("reconnecting") { note("'reconnecting' on screen") }
        }
    }

    private func note(_ what: String) {
        if seen.last != what { seen.append(what) }
    }
}
