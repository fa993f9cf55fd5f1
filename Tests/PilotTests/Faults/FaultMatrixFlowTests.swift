import DashboardKit
import DashboardRuntime
import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// Issue 10's fault matrix, the dashboard half: the real runtime through a `FaultProxy` in front of
/// the simulator (or the simulator itself, killed and restarted). For each fault: keys keep
/// answering while it lasts, the state says what is wrong (a kind, not a sentence), the dashboard
/// recovers when the server does, and a cancel sent meanwhile is confirmed or reported, never dropped.
@Suite("Pilot: fault matrix")
struct FaultMatrixFlowTests {
    /// How a faulted page request must end up in the state.
    enum Expectation: Sendable {
        /// The status line holds the newest page's failure, of this kind.
        case pageFails(FailureKind)
        /// The page loads (the status line may warn).
        case pageLoads
        /// The page loads with a decoding warning in the status line.
        case pageWarns
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let fault: @Sendable (Data) -> FaultProxy.Fault
        let expectation: Expectation
        /// The client's request deadline: 5 s where the fault is that nothing comes in time (the
        /// good requests before and after still have room on a loaded machine), else 30 s.
        var requestTimeout: Duration = .seconds(30)
    }

    static let cases: [Case] = [
        Case(testDescription: "accepts TCP, never answers", fault: { _ in .hold }, expectation: .pageFails(.timeout),
             requestTimeout: .seconds(10)),
        Case(testDescription: "HTML 502 from a proxy", fault: { _ in .answer(FaultBodies.html502) }, expectation: .pageFails(.unavailable)),
        Case(testDescription: "10 MB body", fault: { list in .answer(FaultBodies.padded(list, megabytes: 10)) }, expectation: .pageLoads),
        Case(testDescription: "100 MB body", fault: { list in .answer(FaultBodies.padded(list, megabytes: 100)) },
             expectation: .pageFails(.undecodable)),
        Case(testDescription: "truncated JSON", fault: { list in .answer(FaultBodies.truncated(list)) }, expectation: .pageFails(.undecodable)),
        Case(testDescription: "wrong Content-Type", fault: { list in .answer(FaultBodies.wrongContentType(list)) },
             expectation: .pageFails(.undecodable)),
        Case(testDescription: "invalid UTF-8", fault: { list in .answer(FaultBodies.invalidUTF8(list)) },
             expectation: .pageWarns),
        Case(testDescription: "slow-loris body", fault: { list in .answer(FaultBodies.slowLoris(list)) }, expectation: .pageFails(.timeout),
             requestTimeout: .seconds(10)),
    ]

    @Test("a faulty answer to the job list", arguments: cases)
    func faultyAnswer(_ example: Case) async throws {
        try await withSimulator { simulator in
            let proxy = try FaultProxy(upstreamPort: simulator.port ?? 0)
            defer { proxy.stop() }
            let pilot = try Pilot(port: proxy.port, requestTimeout: example.requestTimeout)
            try await pilot.start()
            try await finally(await run(example, pilot, proxy, simulator)) { await pilot.stop() }
        }
    }

    private func run(_ example: Case, _ pilot: Pilot, _ proxy: FaultProxy, _ simulator: ICWSSimulator) async throws {
        // The short request timeout of the hanging faults also bounds the first page: a page starved
        // past it on a loaded machine is asked for again before the fault is switched on.
        try await pilot.waitFor("connected") { $0.state.servers[0].connection == .connected }
        if pilot.state.visibleIds.isEmpty, pilot.state.pageFailure == .timeout {
            try await pilot.press(.char("r"))
        }
        try await pilot.waitFor("the first page, before any fault") { $0.state.visibleIds.count > 2 }
        proxy.set(example.fault(try await FaultBodies.jobList(simulator)), on: .jobList)
        try pilot.hit(.char("r"))
        // While the request hangs or its failure shows, keys answer at once.
        try await KeyProbe.answers(pilot)
        switch example.expectation {
        case .pageFails(let kind):
            try await pilot.waitFor("the page failure in the status line") { $0.state.pageFailure != nil }
            #expect(pilot.state.pageFailure == kind, "\(pilot.screen)")
            #expect(pilot.state.servers[0].connection == .connected, "the feed is not faulted")
            try await KeyProbe.answers(pilot)
        case .pageLoads:
            try await pilot.runUntilQuiet()
            #expect(pilot.state.pageFailure == nil, "\(pilot.screen)")
        case .pageWarns:
            try await pilot.runUntilQuiet()
            guard case .warnings(let count, let first, _)? = pilot.state.statusMessage else {
                Issue.record("expected the page's warnings in the status line, got \(String(describing: pilot.state.statusMessage))")
                return
            }
            #expect(count == 1 && first.contains("UTF-8"), "\(first)")
            #expect(pilot.screen.contains("1 warning reading the job list"), "\(pilot.screen)")
        }
        #expect(proxy.hitCount >= 1)
        try await cancelIsNeverDropped(pilot, proxy, example.fault(Data()))
        proxy.set(nil)
        try await recovers(pilot)
    }

    /// A cancel sent while the fault hits every data-extractor request ends confirmed or reported.
    private func cancelIsNeverDropped(_ pilot: Pilot, _ proxy: FaultProxy, _ fault: FaultProxy.Fault) async throws {
        proxy.set(fault, on: .jobRequests)
        try await pilot.press(.home)
        let key = try #require(pilot.state.selectedId)
        try pilot.hit(.char("c"), .char("y"))
        #expect(pilot.state.pendingCancels.contains(key))
        try await pilot.waitFor("the cancel confirmed or reported") { $0.runtime.isQuiet }
        #expect(CancelOutcome(pilot.state, key) != .dropped, "\(pilot.screen)")
    }

    /// Once the server answers again, a refresh loads the list and the failure goes.
    private func recovers(_ pilot: Pilot) async throws {
        try await pilot.press(.char("r"))
        #expect(pilot.state.pageFailure == nil, "\(pilot.screen)")
        #expect(pilot.state.servers[0].connection == .connected)
        #expect(!pilot.state.visibleIds.isEmpty)
    }

    @Test func silentStreamIsShownStaleAndRecovers() async throws {
        try await withSimulator({ $0.pingInterval = .milliseconds(200) }) { simulator in
            // The fault starts as soon as the stream is live, before a ping may have taught the feed
            // the server's rhythm: the stream's own idle bound (short here) is what notices it.
            let pilot = try Pilot(options: DashboardOptions(server: "pilot", user: "admin"), ports: [simulator.port ?? 0],
                                  streamIdleTimeout: .milliseconds(600))
            try await pilot.start()
            try await finally(await staleAndBack(pilot, simulator)) { await pilot.stop() }
        }
    }

    private func staleAndBack(_ pilot: Pilot, _ simulator: ICWSSimulator) async throws {
        try await pilot.waitFor("connected") { $0.state.servers[0].connection == .connected }
        await simulator.setFaults(SimulatorFaults(silentStreams: true))
        try await pilot.waitFor("the stream shown stale") {
            if case .stale = $0.state.servers[0].connection { true } else { false }
        }
        try await KeyProbe.answers(pilot)
        await simulator.setFaults(SimulatorFaults())
        try await pilot.waitFor("connected again") { $0.state.servers[0].connection == .connected }
        try await KeyProbe.answers(pilot)
    }

    @Test func serverKilledAndRestartedOnTheSamePort() async throws {
        let first = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 60, speed: 0))
        let port = try await first.start()
        let id = await first.addJob(sampleJob("cancel me while down"), submittedBy: "jdoe")
        let pilot = try Pilot(simulator: first)
        try await pilot.start()
        try await pilot.waitFor("connected") { $0.state.servers[0].connection == .connected }
        await first.stop()
        try await pilot.waitFor("the link reported down") { $0.state.servers[0].connection.isDown }
        try await KeyProbe.answers(pilot)
        // A cancel while the server is down is reported, not dropped.
        try await pilot.press(.home)
        let key = try #require(pilot.state.selectedId)
        #expect(key.id == id)
        try pilot.hit(.char("c"), .char("y"))
        try await pilot.waitFor("the cancel reported") { CancelOutcome($0.state, key) == .reported }
        let second = ICWSSimulator(configuration: SimulatorConfiguration(port: port, jobCount: 60, speed: 0))
        _ = try await second.start()
        #expect(await second.addJob(sampleJob("cancel me while down"), submittedBy: "jdoe") == id)
        try await finally(await afterRestart(pilot, second, key)) {
            await pilot.stop()
            await second.stop()
        }
    }

    private func afterRestart(_ pilot: Pilot, _ second: ICWSSimulator, _ key: JobKey) async throws {
        try await pilot.waitFor("connected again") { $0.state.servers[0].connection == .connected }
        try await KeyProbe.answers(pilot)
        try await pilot.press(.home)
        #expect(pilot.state.selectedId == key)
        try await pilot.press(.char("c"), .char("y"))
        try await pilot.waitFor("the cancel confirmed") { $0.state.jobs[key]?.state == .canceled }
        #expect(await second.jobStatus(id: key.id)?.state == .canceled)
    }
}

/// What became of a cancel once nothing is in flight.
enum CancelOutcome: Equatable {
    /// The server refused it or could not be reached: the status line says so.
    case reported
    /// The server took it: still marked pending, or the job has ended.
    case confirmed
    /// Neither: the cancel was lost.
    case dropped

    init(_ state: DashboardState, _ key: JobKey) {
        if case .failed(.cancel(jobId: key), _)? = state.statusMessage {
            self = .reported
        } else if state.pendingCancels.contains(key) || state.jobs[key]?.state == .canceled {
            self = .confirmed
        } else {
            self = .dropped
        }
    }
}

/// j, k and ? are applied at once and drawn within a frame, whatever is in flight. (A key is drawn
/// in its own step unless a frame of a server change is already waiting; then it goes out with that
/// frame, at most `frameInterval` later.)
enum KeyProbe {
    static func answers(_ pilot: Pilot, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try pilot.hit(.home)
        try await pilot.drawn()
        let top = pilot.selectedLine
        try pilot.hit(.char("j"))
        #expect(pilot.state.selectedIndex == 1, "j did not move the selection", sourceLocation: sourceLocation)
        try await pilot.drawn()
        #expect(pilot.selectedLine != top, "j was not drawn", sourceLocation: sourceLocation)
        try pilot.hit(.char("k"))
        #expect(pilot.state.selectedIndex == 0, "k did not move back", sourceLocation: sourceLocation)
        try await pilot.drawn()
        #expect(pilot.selectedLine == top, "k was not drawn", sourceLocation: sourceLocation)
        let list = pilot.screen
        try pilot.hit(.char("?"))
        #expect(pilot.state.topScreenContext?.name == "help", "? did not open the help",
                sourceLocation: sourceLocation)
        try await pilot.drawn()
        #expect(pilot.screen != list, "the help is not drawn", sourceLocation: sourceLocation)
        try pilot.hit(.escape)
        #expect(pilot.state.topScreenContext == nil, sourceLocation: sourceLocation)
    }
}

extension DashboardState {
    /// The kind of the newest page's failure in the status line, if that is what it shows.
    var pageFailure: FailureKind? {
        if case .failed(.newestPage, let failure)? = statusMessage { return failure.kind }
        return nil
    }
}

extension ConnectionStatus {
    var isDown: Bool {
        switch self {
        case .reconnecting, .offline: true
        default: false
        }
    }
}
