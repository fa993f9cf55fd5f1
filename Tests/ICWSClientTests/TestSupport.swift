import Foundation
import ICWSSimulator
import ICWSWire
import Logging
import Synchronization
import Testing
@testable import ICWSClient

/// A started simulator (frozen job clock unless the test changes it) and a way to open sessions on it.
struct SimulatorFixture {
    let simulator: ICWSSimulator
    let port: Int

    static func start(_ change: (inout SimulatorConfiguration) -> Void = { _ in }) async throws -> SimulatorFixture {
        var configuration = SimulatorConfiguration(jobCount: 60, speed: 0)
        change(&configuration)
        let simulator = ICWSSimulator(configuration: configuration)
        let port = try await simulator.start()
        return SimulatorFixture(simulator: simulator, port: port)
    }

    var server: ICWSServer { ICWSServer(scheme: "http", host: simulator.configuration.host, port: port) }

    func configuration(user: String = "admin", password: String = "admin-secret", timeout: Duration = .seconds(10),
                       logger: Logger? = nil) -> ICWSClientConfiguration {
        var configuration = ICWSClientConfiguration(
            server: server, credentials: ICWSCredentials(user: user, password: password), requestTimeout: timeout)
        if let logger { configuration.logger = logger }
        return configuration
    }

    /// Runs `body` with a session, always shutting the session and the simulator down.
    func withSession<T>(_ configuration: ICWSClientConfiguration? = nil,
                        _ body: (ICWSSession) async throws -> T) async throws -> T {
        let session = try ICWSSession(configuration: configuration ?? self.configuration())
        do {
            let result = try await body(session)
            await session.shutdown()
            await simulator.stop()
            return result
        } catch {
            await session.shutdown()
            await simulator.stop()
            throw error
        }
    }
}

/// Keeps every log line, to count requests and to prove what is never logged.
final class RecordingLog: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "test", factory: { _ in RecordingHandler(log: self) })
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
    func count(containing text: String) -> Int { all.filter { $0.contains(text) }.count }
}

struct RecordingHandler: LogHandler {
    let log: RecordingLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        log.append("\(event.level) \(event.message) \(event.metadata ?? [:])")
    }
}

/// Waits for the first event matching `predicate`, failing after `timeout`.
func nextEvent(_ iterator: inout AsyncStream<JobFeedEvent>.Iterator, timeout: Duration = .seconds(30),
               where predicate: @escaping @Sendable (JobFeedEvent) -> Bool) async throws -> JobFeedEvent {
    let deadline = ContinuousClock.now + timeout
    let box = UncheckedIterator(iterator)
    defer { iterator = box.iterator }
    while ContinuousClock.now < deadline {
        switch try await HTTPTransport.within(deadline - ContinuousClock.now, { await box.next() }) {
        case .none:
            Issue.record("no matching feed event within \(timeout)")
            throw FeedTestFailure.timedOut
        case .some(.none):
            Issue.record("the feed ended")
            throw FeedTestFailure.ended
        case .some(.some(let event)):
            if predicate(event) { return event }
        }
    }
    Issue.record("no matching feed event within \(timeout)")
    throw FeedTestFailure.timedOut
}

enum FeedTestFailure: Error { case timedOut, ended }

/// Moves a stream iterator into a child task for a bounded wait (the test is its only user).
final class UncheckedIterator: @unchecked Sendable {
    var iterator: AsyncStream<JobFeedEvent>.Iterator
    init(_ iterator: AsyncStream<JobFeedEvent>.Iterator) { self.iterator = iterator }
    func next() async -> JobFeedEvent? { await iterator.next() }
}

/// A small valid job configuration.
func sampleJobConfig(name: String = "nightly", user: String = "admin") -> JobConfig {
    JobConfig(name: name, submittedUserId: user,
              tables: [DataSetConfig(name: "InteractionSummary", dateTimeFilterColumn: "StartDateTimeUTC",
                                     column: [ColumnRef(name: "InteractionIDKey"), ColumnRef(name: "SiteID")])],
              startTimeFilter: Date(timeIntervalSince1970: 1_700_000_000),
              endTimeFilter: Date(timeIntervalSince1970: 1_700_086_400))
}
