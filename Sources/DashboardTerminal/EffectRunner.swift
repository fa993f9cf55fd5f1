import DashboardKit
import Foundation
import ICWSClient
import ICWSWire
import Logging
import Synchronization

/// Carries out the update function's effects off the input loop and reports every result back
/// through the mailbox as an action. Owns the ICWS session and the job-status feed.
final class EffectRunner: Sendable {
    /// How often the newest page is checked for jobs submitted by others (the feed only covers
    /// jobs already listed).
    static let refreshInterval: Duration = .seconds(10)

    private let session: ICWSSession
    private let mailbox: Mailbox<AppEvent>
    private let logger: Logger
    private let feed = Mutex<JobStatusFeed?>(nil)
    /// Job sets to subscribe to, applied one at a time in order by the feed's task; only the newest
    /// waiting set is kept, so a burst of changes ends in one PUT of the final set.
    private let watchRequests: AsyncStream<[String]>
    private let watchContinuation: AsyncStream<[String]>.Continuation
    /// The last set sent to the feed, and whether that PUT failed.
    private let latestWatch = Mutex<(ids: [String], failed: Bool)>(([], false))
    private let background = Mutex<[Task<Void, Never>]>([])

    init(session: ICWSSession, mailbox: Mailbox<AppEvent>, logger: Logger) {
        self.session = session
        self.mailbox = mailbox
        self.logger = logger
        (watchRequests, watchContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Logs in (retrying with backoff while the server cannot be reached), then starts the feed
    /// and the periodic check of the newest page.
    func start() {
        let task = Task { [self] in
            guard let info = await connectWithRetry() else { return }
            post(.sessionStarted(user: info.userDisplayName ?? info.userID, server: info.server.description))
            post(.connectionChanged(.connected, at: Date()))
            startFeed()
            startRefreshTimer()
        }
        background.withLock { $0.append(task) }
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .loadNewestPage(let count):
            run { [self] in
                do {
                    let jobs = try await session.listJobs(count: count, mode: .status)
                    post(.pageLoaded(jobs: jobs.compactMap(\.jobStatus), olderThan: nil, requested: count, at: Date()))
                } catch {
                    post(.pageFailed(olderThan: nil, message: describe(error), at: Date()))
                }
            }
        case .loadOlderPage(let olderThan, let count):
            run { [self] in
                do {
                    let jobs = try await session.listJobs(count: count, fromJobId: olderThan, mode: .status)
                    post(.pageLoaded(jobs: jobs.compactMap(\.jobStatus), olderThan: olderThan, requested: count, at: Date()))
                } catch {
                    post(.pageFailed(olderThan: olderThan, message: describe(error), at: Date()))
                }
            }
        case .loadConfig(let id):
            run { [self] in
                do {
                    let job = try await session.job(id: id, mode: .configuration)
                    if let config = job.jobConfig {
                        post(.configLoaded(id: id, config: config))
                    } else {
                        post(.configFailed(id: id, message: "the server sent no configuration for job \(id)"))
                    }
                } catch {
                    post(.configFailed(id: id, message: describe(error)))
                }
            }
        case .cancelJob(let id):
            run { [self] in
                do {
                    try await session.cancelJob(id: id)
                    post(.cancelSucceeded(id: id))
                } catch {
                    post(.cancelFailed(id: id, message: describe(error)))
                }
            }
        case .watch(let jobIds):
            watchContinuation.yield(jobIds)
        case .quit:
            break
        }
    }

    /// Stops every background task, then logs out. Bounded by the session's request timeout.
    func stop() async {
        let tasks = background.withLock { tasks in
            defer { tasks.removeAll() }
            return tasks
        }
        watchContinuation.finish()
        for task in tasks { task.cancel() }
        if let feed = feed.withLock({ $0 }) { await feed.stop() }
        await session.shutdown()
    }

    // MARK: - Parts

    private func connectWithRetry() async -> SessionInfo? {
        var attempt = 0
        while !Task.isCancelled {
            do {
                return try await session.connect()
            } catch let error as ICWSError {
                switch error {
                case .authenticationFailed, .featureMissing, .invalidServer, .permissionDenied:
                    let status: Int32 = if case .authenticationFailed = error { 3 } else if case .permissionDenied = error { 4 } else { 1 }
                    mailbox.post(.fatal(message: error.description, status: status))
                    return nil
                default:
                    attempt += 1
                    logger.info("login failed, will retry", metadata: ["attempt": "\(attempt)", "error": "\(error.description)"])
                    post(.connectionChanged(Self.trouble(attempt: attempt, reason: error.description), at: Date()))
                    try? await Task.sleep(for: Self.backoff(attempt: attempt))
                }
            } catch {
                mailbox.post(.fatal(message: describe(error), status: 1))
                return nil
            }
        }
        return nil
    }

    private func startFeed() {
        let newFeed = JobStatusFeed(session: session)
        feed.withLock { $0 = newFeed }
        let subscriber = Task { [self] in
            for await jobIds in watchRequests {
                latestWatch.withLock { $0 = (jobIds, false) }
                do {
                    try await newFeed.watch(jobIds: jobIds)
                } catch {
                    latestWatch.withLock { $0.failed = true }
                    logger.warning("job-status subscription failed; retried when the feed is live again",
                                   metadata: ["error": "\(describe(error))"])
                }
            }
        }
        let task = Task { [self] in
            for await event in newFeed.events() {
                switch event {
                case .statuses(let statuses):
                    post(.statusesReceived(statuses, at: Date()))
                case .connection(.live):
                    retryFailedWatch()
                    post(.connectionChanged(.connected, at: Date()))
                case .connection(.reconnecting(let attempt, let reason)):
                    post(.connectionChanged(Self.trouble(attempt: attempt, reason: reason), at: Date()))
                }
            }
        }
        background.withLock { $0.append(contentsOf: [subscriber, task]) }
    }

    /// A subscription PUT that failed (a 500, a dropped connection) is sent again once the feed
    /// reports it is live, unless a newer set has been asked for meanwhile.
    private func retryFailedWatch() {
        let retry = latestWatch.withLock { latest -> [String]? in
            guard latest.failed else { return nil }
            latest.failed = false
            return latest.ids
        }
        if let retry { watchContinuation.yield(retry) }
    }

    /// The first few failed attempts read as "reconnecting"; after that the header says "offline".
    static func trouble(attempt: Int, reason: String) -> ConnectionStatus {
        attempt >= offlineAfterAttempts ? .offline(reason: reason) : .reconnecting(attempt: attempt, reason: reason)
    }

    static let offlineAfterAttempts = 4

    private func startRefreshTimer() {
        let task = Task { [self] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: Self.refreshInterval) } catch { return }
                post(.refreshDue)
            }
        }
        background.withLock { $0.append(task) }
    }

    private func run(_ work: @escaping @Sendable () async -> Void) {
        Task { await work() }
    }

    private func post(_ action: Action) {
        mailbox.post(.action(action))
    }

    private func describe(_ error: any Error) -> String {
        (error as? ICWSError)?.description ?? String(describing: error)
    }

    static func backoff(attempt: Int) -> Duration {
        .milliseconds(min(30_000, 500 * (1 << min(attempt, 6))))
    }
}
