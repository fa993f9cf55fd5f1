import DashboardKit
import Foundation
import ICWSClient
import ICWSWire
import Logging
import Synchronization

/// The job service over one ICWS server: the session's calls for the request effects, and the
/// job-status feed — the owner of the connection (login, re-login, reconnect, backoff) — whose
/// statuses and liveness are posted as actions, tagged with the server's context.
public final class ICWSJobService: JobService {
    /// Which of the dashboard's servers this is: results and posted actions name it.
    let context: ContextID
    let session: ICWSSession
    private let feed: JobStatusFeed
    /// Older pages, with the history walk's next page read ahead while the last one is merged.
    private let olderPages: JobPageReadAhead
    let logger: Logger
    /// The session's clock: stamps results, and the new-job check waits on it.
    private let clock: any TimerClock
    /// How often the server is checked for jobs submitted by others (the feed only covers jobs
    /// already listed); nil: never. Each check asks for the newest job alone (`jobCount=1`); the
    /// newest page is fetched only when that job is not listed yet.
    private let refreshInterval: Duration?
    /// The server's history kept between runs: restored at the start, fed with every page read.
    private let history: (any HistoryStore)?
    /// Ends when the first newest page has been answered: the restore waits for it, so it never
    /// holds up the first paint.
    let firstPageAnswered: AsyncStream<Void>
    private let firstPageSignal: AsyncStream<Void>.Continuation
    /// The task following the feed (it owns the page refresher); `stopped` once `stop()` ran.
    private let follower = Mutex<(task: Task<Void, Never>?, stopped: Bool)>((nil, false))

    public init(session: ICWSSession, context: ContextID = .first, feed: JobStatusFeed? = nil, logger: Logger,
                refreshInterval: Duration? = .seconds(15), history: (any HistoryStore)? = nil) {
        self.context = context
        self.history = history
        (firstPageAnswered, firstPageSignal) = AsyncStream.makeStream()
        self.session = session
        self.feed = feed ?? JobStatusFeed(session: session)
        olderPages = JobPageReadAhead(session: session)
        self.logger = logger
        clock = session.clock
        self.refreshInterval = refreshInterval
    }

    public func start(posting post: @escaping @Sendable (RuntimeEvent) -> Void) {
        let events = feed.events()
        // The refresher is a child of the follower, so cancelling the follower in `stop()` ends it
        // too, even when the feed went live (and the refresher was started) after `stop()` began.
        let follower = Task { [self] in
            await withDiscardingTaskGroup { group in
                if let history { group.addTask { [self] in await restore(history, post) } }
                var refreshing = false
                for await event in events {
                    if case .connection(.live(let transport)) = event, !refreshing, let refreshInterval {
                        refreshing = true
                        let every = feed.policy.newJobCheckInterval(refreshInterval, over: transport)
                        group.addTask { [self] in await checkNewest(every: every, post) }
                    }
                    if event == .resumed {
                        // The subscription's full statuses bring the listed jobs up to date; only
                        // new jobs are looked for, never the whole list read again.
                        group.addTask { [self] in await checkNewest(post) }
                    }
                    await follow(event, post)
                }
                group.cancelAll()
            }
        }
        let alreadyStopped = self.follower.withLock { state in
            defer { if !state.stopped { state.task = follower } }
            return state.stopped
        }
        if alreadyStopped { follower.cancel() }
    }

    private func follow(_ event: JobFeedEvent, _ post: @Sendable (RuntimeEvent) -> Void) async {
        switch event {
        case .statuses(let message):
            post(.action(.statusesReceived(context: context, message.jobStatusList, isDelta: message.isDelta, at: clock.now())))
        case .connection(let state):
            if case .live = state, let info = await session.info {
                post(.action(.sessionStarted(context: context, user: SessionUser(id: info.userID, displayName: info.userDisplayName),
                                             server: info.server.description)))
            }
            post(.action(.connectionChanged(context: context, Self.status(state, now: clock.now()), at: clock.now())))
        case .resumed:
            break
        case .failed(let failure):
            post(.fatal(failure))
        }
    }

    /// The feed's state as the dashboard shows it (the feed decides "offline").
    static func status(_ state: FeedState, now: Date) -> ConnectionStatus {
        switch state {
        case .live(.serverSentEvents), .live(.polling): .connected
        case .live(.pollingWhileStreamUnstable(let interval)): .pollingWhileStreamUnstable(every: interval)
        case .stale(let silent): .stale(since: now.addingTimeInterval(-Double(silent.components.seconds)))
        case .reconnecting(let attempt, let trouble): .reconnecting(attempt: attempt, because: trouble)
        case .offline(_, let trouble): .offline(because: trouble)
        }
    }

    /// A page's configurations by job id (pages are read with `jobsResponseMode=all`, for the run history).
    static func configs(of page: JobPage) -> [String: JobConfig] {
        var configs: [String: JobConfig] = [:]
        for job in page.jobs { if let status = job.jobStatus, let config = job.jobConfig { configs[status.id] = config } }
        return configs
    }

    public func perform(_ effect: Effect) async -> Action? {
        switch effect {
        case .loadNewestPage(_, let count):
            defer { firstPageSignal.finish() }
            do {
                let page = try await session.jobPage(count: count, mode: .all)
                await history?.file(page, olderThan: nil, requested: count, walkGoesOn: false)
                return .pageLoaded(context: context, jobs: page.jobs.compactMap(\.jobStatus), olderThan: nil, requested: count,
                                   at: clock.now(), warnings: page.warnings, configs: Self.configs(of: page))
            } catch {
                return .pageFailed(context: context, olderThan: nil, failure: Failure(error), at: clock.now())
            }
        case .loadOlderPage(_, let olderThan, let count, let readAhead):
            do {
                let page = try await olderPages.page(.init(count: count, fromJobId: olderThan, mode: .all))
                let jobs = page.jobs.compactMap(\.jobStatus)
                // The walk goes on from this page's last job unless the page ends the list (no job).
                var walkGoesOn = false
                if readAhead, !Paging.endsList(jobs, olderThan: olderThan), let last = jobs.last?.id {
                    olderPages.start(.init(count: count, fromJobId: last, mode: .all))
                    walkGoesOn = true
                }
                // Filed while the next page is on its way (a walk's pages a few at a time): pages
                // never wait in memory for the store beyond its batch.
                await history?.file(page, olderThan: olderThan, requested: count, walkGoesOn: walkGoesOn)
                return .pageLoaded(context: context, jobs: jobs, olderThan: olderThan, requested: count,
                                   at: clock.now(), warnings: page.warnings, configs: Self.configs(of: page))
            } catch {
                history?.fileHeld()
                return .pageFailed(context: context, olderThan: olderThan, failure: Failure(error), at: clock.now())
            }
        case .dropReadAhead:
            olderPages.drop()
            history?.fileHeld()
            return nil
        case .loadConfig(let key):
            do {
                guard let config = try await session.job(id: key.id, mode: .configuration).jobConfig else {
                    return .configFailed(id: key, failure: Failure(.undecodable, "the server sent no configuration for job \(key.id)"))
                }
                return .configLoaded(id: key, config: config)
            } catch {
                return .configFailed(id: key, failure: Failure(error))
            }
        case .cancelJob(let key, let requester):
            do {
                try await session.cancelJob(id: key.id)
                feed.expectChange()
                return requester.map { .screenReply($0, .cancelSent(key)) } ?? .cancelSucceeded(id: key)
            } catch {
                let failure = Failure(error)
                return requester.map { .screenReply($0, .cancelRefused(key, failure)) } ?? .cancelFailed(id: key, failure: failure)
            }
        case .loadDictionary:
            do {
                return .dictionaryLoaded(context: context, try await session.dataDictionary(), at: clock.now())
            } catch {
                return .dictionaryFailed(context: context, Failure(error))
            }
        case .submitJob(_, let config, let requester):
            do {
                let id = try await session.submitJob(config)
                feed.expectChange()
                return .screenReply(requester, .jobSubmitted(JobKey(context: context, id: id)))
            } catch {
                return .screenReply(requester, .submitFailed(Failure(error)))
            }
        case .watch(let jobs):
            // Every server hears the jobs that joined; this one adds its own.
            let own = jobs.filter { $0.context == context }.map(\.id)
            if !own.isEmpty { await watch(adding: own) }
            return nil
        case .startTimer, .repaintAll, .writeToTerminal, .quit:
            // The runtime's own: never sent to a server.
            return nil
        }
    }

    public func stop() async {
        let task = follower.withLock { state in
            defer {
                state.stopped = true
                state.task = nil
            }
            return state.task
        }
        task?.cancel()
        olderPages.drop()
        await feed.stop()
        await task?.value
        // The pages read last are stored before the dashboard exits.
        history?.flush()
        await session.shutdown()
    }

    /// Adds jobs to the feed's watched set (a burst ends in one PUT). A failed PUT is retried by
    /// the feed once it is live again.
    private func watch(adding jobIds: [String]) async {
        do {
            try await feed.watch(adding: jobIds)
        } catch {
            logger.warning("job-status subscription failed; retried when the feed is live again",
                           metadata: ["error": "\(Failure(error).message)"])
        }
    }

    /// Every `interval` until cancelled, checks for new jobs (`checkNewest`).
    private func checkNewest(every interval: Duration, _ post: @Sendable (RuntimeEvent) -> Void) async {
        while true {
            do { try await clock.sleep(for: interval) } catch { return }
            await checkNewest(post)
        }
    }

    /// Asks for the newest job alone and posts its id (`newestChecked`): a few hundred bytes
    /// instead of a page. A failed check is logged and skipped (the feed notices a server that is gone).
    private func checkNewest(_ post: @Sendable (RuntimeEvent) -> Void) async {
        do {
            let newest = try await session.jobPage(count: 1, mode: .status).jobs.first?.id
            post(.action(.newestChecked(context: context, newestId: newest)))
        } catch {
            if Task.isCancelled { return }
            logger.debug("check for new jobs failed", metadata: ["error": "\(Failure(error).message)"])
        }
    }
}
