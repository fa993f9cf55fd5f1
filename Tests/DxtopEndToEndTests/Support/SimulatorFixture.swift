import Foundation
import ICWSSimulator
import ICWSWire

/// An in-process ICWS simulator on 127.0.0.1 and an ephemeral port, for tests that run `dxtop`.
///
/// Use `SimulatorFixture.with { sim in ... }` so the simulator stops however the test ends.
final class SimulatorFixture: Sendable {
    let simulator: ICWSSimulator
    /// `http://127.0.0.1:PORT`.
    let url: String

    private init(simulator: ICWSSimulator, url: String) {
        self.simulator = simulator
        self.url = url
    }

    /// A frozen job clock (`speed: 0`) unless told otherwise: jobs move only through `advance`.
    static func start(_ configuration: SimulatorConfiguration = SimulatorConfiguration(speed: 0)) async throws -> SimulatorFixture {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let simulator = ICWSSimulator(configuration: configuration)
        try await simulator.start()
        return SimulatorFixture(simulator: simulator, url: simulator.baseURL)
    }

    /// Starts a simulator, runs `body`, stops the simulator (also when `body` throws).
    static func with<T: Sendable>(_ configuration: SimulatorConfiguration = SimulatorConfiguration(speed: 0),
                                  _ body: (SimulatorFixture) async throws -> T) async throws -> T {
        let fixture = try await start(configuration)
        do {
            let result = try await body(fixture)
            await fixture.stop()
            return result
        } catch {
            await fixture.stop()
            throw error
        }
    }

    func stop() async {
        await simulator.stop()
    }

    /// A user the simulator accepts (`admin` or `jdoe`).
    func user(_ userID: String) -> SimulatorUser {
        simulator.configuration.users.first { $0.userID == userID }!
    }

    /// `ICWS_SERVER`, `ICWS_USER`, `ICWS_PASSWORD` for `userID` (password overridable).
    func environment(user userID: String = "admin", password: String? = nil) -> [String: String] {
        ["ICWS_SERVER": url, "ICWS_USER": userID, "ICWS_PASSWORD": password ?? user(userID).password]
    }

    /// A job still in progress, newest first; the frozen clock keeps it there.
    func activeJob(submittedBy: String? = nil) async -> JobStatus? {
        await simulator.allJobStatuses().first { status in
            !status.knownState.hasEnded && (submittedBy == nil || status.submittedUserId == submittedBy)
        }
    }

    /// Adds a fresh job for `userID` (it stays submitted on a frozen clock); returns its id.
    func addJob(submittedBy userID: String, name: String = "e2e job") async -> String {
        let config = JobConfig(name: name, submittedUserId: userID,
                               tables: [DataSetConfig(name: "UserWorkgroups", column: [ColumnRef(name: "UserId")])])
        return await simulator.addJob(config, submittedBy: userID)
    }

    /// Advances a job until it has ended (each step is immediate); returns the end state.
    @discardableResult
    func driveToEnd(jobId: String) async -> JobState? {
        for _ in 0..<10 {
            guard let state = await simulator.jobStatus(id: jobId)?.state else { return nil }
            if state.hasEnded { return state }
            await simulator.advance(jobId: jobId)
        }
        return await simulator.jobStatus(id: jobId)?.state
    }
}
