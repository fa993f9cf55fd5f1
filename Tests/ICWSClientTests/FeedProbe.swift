import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

/// Drives a feed in a test: waits for it to go live, watches one new job, moves the job on the
/// server and waits for the change. Every wait has a generous timeout (the test machine is loaded).
struct FeedProbe {
    static let timeout: Duration = .seconds(30)

    let feed: JobStatusFeed
    let simulator: ICWSSimulator
    private var events: AsyncStream<JobFeedEvent>.Iterator
    private(set) var jobId = ""
    private var jobName = ""
    /// What the probe, as a consumer, keeps of each job's status (the feed keeps none).
    private var known: [String: JobStatus] = [:]

    /// Starts the feed's loop.
    init(feed: JobStatusFeed, simulator: ICWSSimulator) {
        self.feed = feed
        self.simulator = simulator
        self.events = feed.events().makeAsyncIterator()
    }

    /// A feed on `session` over `transport` (polling every 100 ms), live and watching a new job.
    static func watching(jobNamed name: String, session: ICWSSession, simulator: ICWSSimulator,
                         transport: FeedTransport) async throws -> FeedProbe {
        let feed = JobStatusFeed(session: session, pollInterval: .milliseconds(100),
                                 useServerSentEvents: transport == .serverSentEvents)
        var probe = FeedProbe(feed: feed, simulator: simulator)
        try await probe.waitUntilLive(transport)
        try await probe.watchNewJob(named: name)
        return probe
    }

    /// The next event matching `predicate`.
    mutating func next(where predicate: @escaping @Sendable (JobFeedEvent) -> Bool) async throws -> JobFeedEvent {
        try await nextEvent(&events, timeout: Self.timeout, where: predicate)
    }

    mutating func waitUntilLive(_ transport: FeedTransport) async throws {
        _ = try await next { $0 == .connection(.live(transport)) }
    }

    /// Adds a job on the server, watches it and waits for its full status.
    mutating func watchNewJob(named name: String) async throws {
        jobName = name
        jobId = await simulator.addJob(sampleJobConfig(name: name), submittedBy: "admin")
        try await feed.watch(jobIds: [jobId])
        _ = try await nextStatus { $0.state == .submitted }
    }

    /// The next status of the watched job that satisfies `predicate`.
    /// Each message's statuses are merged into the probe's own copy, as a consumer does.
    mutating func nextStatus(where predicate: @escaping @Sendable (JobStatus) -> Bool) async throws -> JobStatus? {
        while true {
            guard case .statuses(let message) = try await next(where: { if case .statuses = $0 { true } else { false } }) else { return nil }
            for status in message.jobStatusList { known[status.id] = status.applied(to: known[status.id], isDelta: message.isDelta) }
            if message.jobStatusList.contains(where: { $0.id == jobId }), let status = known[jobId], predicate(status) { return status }
        }
    }

    /// Moves the watched job from submitted to queued on the server and expects the merged change.
    mutating func expectAdvanceArrives() async throws {
        await simulator.advance(jobId: jobId)
        let changed = try await nextStatus { $0.state == .queued }
        #expect(changed?.name == jobName && changed?.submitTime != nil, "the delta merges with the full status the consumer kept")
    }
}

extension SimulatorFixture {
    /// Runs `body` with a started switchover partner on 127.0.0.2 (same port), always stopping it.
    func withPartner<T>(_ body: (ICWSSimulator) async throws -> T) async throws -> T {
        let partner = ICWSSimulator(partnerOf: simulator, host: "127.0.0.2", port: port)
        _ = try await partner.start()
        do {
            let result = try await body(partner)
            await partner.stop()
            return result
        } catch {
            await partner.stop()
            throw error
        }
    }
}
