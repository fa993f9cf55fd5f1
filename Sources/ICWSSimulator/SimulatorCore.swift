import Foundation
import ICWSWire

/// The state one simulator and its switchover partner share: users, sessions, jobs and the engine.
actor SimulatorCore {
    let configuration: SimulatorConfiguration
    var store: JobStore
    var sessions: [String: SimulatorSession] = [:]
    /// Hosts of the running listeners, for `alternateHostList`.
    var listenerHosts: [UUID: String] = [:]
    var engineTask: Task<Void, Never>?
    var sleeper: Task<Void, Never>?
    var nextArrival: Date?
    /// Expires idle sessions (profile `idle-session-expiry`).
    var sessionSweeper: Task<Void, Never>?
    /// Streams of `ICWSSimulator.changes()`.
    var observers: [UUID: AsyncStream<JobStatus>.Continuation] = [:]
    /// The last login request with a language and a readable body (on any listener).
    var lastLogin: RecordedLogin?
    /// Sessions created by a login so far (for tests that count re-logins).
    var loginCount = 0

    init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        self.store = JobStore(seed: configuration.seed, seeded: configuration.seriesHistory
                             ? SeriesHistory.make(configuration, now: Date()) : SeedJobs.make(configuration, now: Date()))
    }

    var speed: Double { configuration.speed }

    func user(_ userID: String) -> SimulatorUser? {
        configuration.users.first { $0.userID == userID }
    }

    // MARK: Listeners

    func registerListener(_ id: UUID, host: String) { listenerHosts[id] = host }

    func record(_ login: RecordedLogin) { lastLogin = login }

    /// Forgets a listener and ends the event streams it serves.
    func unregisterListener(_ id: UUID) {
        listenerHosts[id] = nil
        endStreams(servedBy: id)
    }

    /// Ends the event streams a listener serves (it stopped, or switched over).
    func endStreams(servedBy listener: UUID) {
        for (sessionId, session) in sessions where session.stream?.listenerID == listener {
            session.stream?.continuation.finish()
            sessions[sessionId]?.stream = nil
        }
    }

    /// Hosts of the other running listeners.
    func alternateHosts(excluding listener: UUID) -> [String] {
        listenerHosts.filter { $0.key != listener }.map(\.value).sorted()
    }

    // MARK: Jobs

    func entries(fromJobId: String?, count: Int, mode: JobsResponseMode) -> [Data] {
        store.entries(fromJobId: fromJobId, count: count, mode: mode)
    }

    func record(_ id: String) -> JobRecord? { store[id] }

    func allStatuses() -> [JobStatus] { store.page(fromJobId: nil, count: .max).map(\.status) }

    func submit(_ config: JobConfig, by userID: String) -> String {
        let siteId = user(userID)?.siteId ?? ReportingCatalog.submitters.first { $0.userID == userID }?.siteId ?? 1
        var rng = SeededRandom(seed: configuration.seed, stream: UInt64(10_000 + store.count))
        let plan = SeedJobs.plan(hostile: configuration.hostileData, index: store.count, using: &rng)
        let id = store.add(config: config, submittedBy: userID, siteId: siteId, plan: plan, at: Date(), speed: speed)
        announceNewJob(id)
        wakeEngine()
        return id
    }

    func advance(jobId: String) {
        guard let delta = store.advance(id: jobId, at: Date(), speed: speed) else { return }
        publish(delta)
        wakeEngine()
    }

    /// Cancels by the REST rules on behalf of `userID`.
    func cancel(jobId: String, by userID: String) -> Result<Void, JobCancelRefusal> {
        let isAdministrator = user(userID)?.isAdministrator ?? false
        switch store.cancel(id: jobId, by: userID, isAdministrator: isAdministrator, at: Date()) {
        case .success(let delta):
            publish(delta)
            wakeEngine()
            return .success(())
        case .failure(let refusal):
            return .failure(refusal)
        }
    }

    // MARK: Observers

    /// A stream of every change: deltas and the full status of each new job.
    func observe() -> AsyncStream<JobStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: JobStatus.self)
        let id = UUID()
        observers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeObserver(id) }
        }
        return stream
    }

    func finishObservers() {
        for observer in observers.values { observer.finish() }
        observers = [:]
    }

    /// New jobs are not in anyone's subscription; only observers hear of them.
    func announceNewJob(_ id: String) {
        guard let status = store[id]?.status else { return }
        for observer in observers.values { observer.yield(status) }
    }

    private func removeObserver(_ id: UUID) { observers[id] = nil }

    // MARK: Messages

    /// Queues a delta for every session subscribed to the job (and tells the observers).
    func publish(_ delta: JobStatus) {
        for observer in observers.values { observer.yield(delta) }
        guard let message = encode(JobStatusMessage(isDelta: true, jobStatusList: [delta])) else { return }
        for (id, session) in sessions where session.subscribedJobIds?.contains(delta.id) == true {
            sessions[id]?.post(message)
        }
    }

    /// Replaces the session's subscription and queues the full current statuses of those jobs.
    func subscribe(sessionId: String, jobIds: [String]) {
        guard sessions[sessionId] != nil else { return }
        sessions[sessionId]?.subscribedJobIds = Set(jobIds)
        let statuses = jobIds.compactMap { store[$0]?.status }
        if let message = encode(JobStatusMessage(isDelta: false, jobStatusList: statuses)) {
            sessions[sessionId]?.post(message)
        }
    }

    func unsubscribe(sessionId: String) {
        sessions[sessionId]?.subscribedJobIds = nil
    }

    /// Takes every queued message of the session. A session the server ended is gone afterwards.
    func drainMessages(sessionId: String) -> [Data] {
        guard let session = sessions[sessionId] else { return [] }
        if session.endedByServer {
            sessions[sessionId] = nil
        } else {
            sessions[sessionId]?.queue = []
        }
        return session.queue
    }

    /// Attaches an event stream to the session (ending an older one). Its events say when queued
    /// messages are waiting (at once when some already are) and when to ping (every `pingInterval`,
    /// unless the profile has no timed pings).
    func attachStream(sessionId: String, listenerID: UUID) -> StreamAttachment? {
        guard var session = sessions[sessionId] else { return nil }
        session.stream?.continuation.finish()
        let (events, continuation) = AsyncStream.makeStream(of: SSEEvent.self, bufferingPolicy: .bufferingNewest(8))
        let attachment = StreamAttachment(token: UUID(), listenerID: listenerID, events: events, continuation: continuation)
        session.stream = attachment
        sessions[sessionId] = session
        if !session.queue.isEmpty { continuation.yield(.messagesQueued) }
        let interval = configuration.pingInterval
        let timedPings = configuration.profile.timedPings
        let pinger = Task {
            while timedPings, !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                continuation.yield(.ping)
            }
        }
        let token = attachment.token
        continuation.onTermination = { [weak self] _ in
            pinger.cancel()
            Task { await self?.detachStream(sessionId: sessionId, token: token) }
        }
        // A session the server ended gets its last messages, then the stream ends (finished only
        // now, so the termination handler above also stops the pinger).
        if session.endedByServer { continuation.finish() }
        return attachment
    }

    private func detachStream(sessionId: String, token: UUID) {
        if sessions[sessionId]?.stream?.token == token { sessions[sessionId]?.stream = nil }
    }

    private func encode<T: Encodable>(_ message: T) -> Data? {
        try? ICWSJSON.encode(message)
    }
}

/// Why a cancel was refused (same rules for the REST call and `ICWSSimulator.cancel`).
public enum JobCancelRefusal: Error, Sendable, Equatable {
    /// No job with this id.
    case notFound(String)
    /// The job has already finished, failed or been canceled.
    case alreadyEnded(String, JobState)
    /// A user without administrator rights tried to cancel someone else's job.
    case forbidden
}
