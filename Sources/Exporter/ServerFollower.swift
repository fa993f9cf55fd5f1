import DisplayText
import HistoryCache
import HistorySync
import ICWSClient
import ICWSWire
import Insight
import Logging
import ProcessMemory
import Synchronization

/// One followed server, the way the dashboard follows one: a session and its job-status feed (the
/// owner of the connection: login, event stream or polling, reconnection, backoff). It lists the
/// newest jobs when the feed first goes live (through the server's history cache when it has one:
/// `CachedListing`), watches those that have not ended, and every
/// `newestCheckInterval` asks for the newest job alone (`jobCount=1`), listing again only when
/// that job is new. What it learns goes into the server's metrics; nothing reads the server on a
/// scrape.
final class ServerFollower: Sendable {
    let context: String
    /// The context's name as the insight model knows the server.
    let modelServer: String
    private let insight: InsightStore
    private let session: ICWSSession
    private let feed: JobStatusFeed
    private let metrics: ServerMetrics
    private let tally: Mutex<JobTally>
    /// The watched jobs' statuses: the one copy the feed's deltas merge into.
    private let watched = Mutex(WatchedStatuses())
    private let newestCheckInterval: Duration
    private let pageSize: Int
    private let note: @Sendable (String) -> Void
    /// Called when a listing filed jobs in the insight model.
    private let listed: @Sendable () -> Void
    private let task = Mutex<Task<Void, Never>?>(nil)
    /// Where a listing cut short by a failure goes on (the oldest job it got); nil when none was.
    private let continueFrom = Mutex<String?>(nil)
    /// Listings through the history cache; nil without one (each listing then walks the window's pages).
    private let cachedListing: CachedListing?
    /// Whether a listing is under way: another one (a check while the first, long listing runs)
    /// would walk the same pages again, so it is left out; the next check finds what it missed.
    private let listing = Mutex(false)

    init(context: String, session: ICWSSession, metrics: ServerMetrics, insight: InsightStore, window: Int, cache: HistoryCache?,
         newestCheckInterval: Duration, listed: @escaping @Sendable () -> Void, note: @escaping @Sendable (String) -> Void) {
        self.context = OneLine.safe(context)
        modelServer = context
        self.insight = insight
        self.session = session
        feed = JobStatusFeed(session: session)
        self.metrics = metrics
        tally = Mutex(JobTally(window: window))
        self.newestCheckInterval = newestCheckInterval
        let pageSize = min(window, 500)
        self.pageSize = pageSize
        self.listed = listed
        self.note = note
        let safeContext = self.context
        cachedListing = cache.map { cache in
            CachedListing(sync: HistorySync(session: session, label: context, note: { note("context '\(safeContext)': " + $0) }),
                          cache: cache, pageSize: pageSize)
        }
    }

    /// The followed jobs that have not ended.
    var unendedIds: [String] { tally.withLock { $0.unendedIds } }

    func start() {
        let events = feed.events()
        let follower = Task { [self] in
            await withDiscardingTaskGroup { group in
                var checking = false
                var wasUp = false
                for await event in events {
                    if case .statuses(let message) = event {
                        record(watched.withLock { $0.apply(message) })
                    } else if case .connection(let state) = event {
                        let up = show(state)
                        if up, !wasUp {
                            note("context '\(context)': following the server")
                            group.addTask { [self] in await listNewJobs() }
                        } else if !up, wasUp {
                            note("context '\(context)': the server is not answering; reconnecting")
                        }
                        wasUp = up
                        if up, !checking, case .live(let transport) = state {
                            checking = true
                            let every = feed.policy.newJobCheckInterval(newestCheckInterval, over: transport)
                            group.addTask { [self] in await checkNewest(every: every) }
                        }
                    } else if case .failed(let failure) = event {
                        metrics.up.set(to: 0)
                        metrics.streamConnected.set(to: 0)
                        note("context '\(context)': not followed: \(OneLine.safe(failure.message)) "
                             + "(fix the context, then restart the exporter)")
                    }
                }
                group.cancelAll()
            }
        }
        task.withLock { $0 = follower }
    }

    /// Ends the feed and logs out of the server.
    func stop() async {
        let follower = task.withLock { current in
            defer { current = nil }
            return current
        }
        follower?.cancel()
        await feed.stop()
        await follower?.value
        await session.shutdown()
        metrics.up.set(to: 0)
        metrics.streamConnected.set(to: 0)
    }

    /// Sets the liveness gauges; returns whether the server counts as up.
    private func show(_ state: FeedState) -> Bool {
        if case .live(let transport) = state {
            metrics.up.set(to: 1)
            metrics.streamConnected.set(to: transport == .serverSentEvents ? 1 : 0)
            return true
        }
        if case .stale = state {
            metrics.streamConnected.set(to: 0)
            return true
        }
        metrics.up.set(to: 0)
        metrics.streamConnected.set(to: 0)
        return false
    }

    /// Files status changes in the insight model and the tally.
    private func record(_ statuses: [JobStatus]) {
        insight.record(server: modelServer, statuses: statuses)
        tallyJobs(statuses.lazy.map(JobTally.Seen.init))
    }

    /// Counts statuses in the tally (the listing filed them in the model with their configurations).
    private func tallyJobs(_ statuses: some Sequence<JobTally.Seen>) {
        let counts = tally.withLock { tally -> [String: Int]? in
            tally.apply(statuses) ? tally.counts : nil
        }
        if let counts { metrics.setJobs(counts) }
    }

    /// Lists the newest jobs with their configurations down to the first one already known (the
    /// whole window the first time), files them in the insight model and, oldest first, in the
    /// tally, and watches every job that has not ended. A walk cut short by a failure is taken up
    /// again, below the last job it got, on the next call.
    private func listNewJobs() async {
        guard listing.withLock({ busy in defer { busy = true }; return !busy }) else { return }
        defer { listing.withLock { $0 = false } }
        let window = tally.withLock { $0.window }
        var listed = 0
        if let from = continueFrom.withLock({ $0 }) {
            let older = await walk(from: from, limit: window - tally.withLock { $0.count })
            tallyJobs(older.jobs.reversed())
            continueFrom.withLock { $0 = older.failed ? older.jobs.last?.id ?? from : nil }
            listed += older.jobs.count
        }
        let newer = await walk(from: nil, limit: window)
        tallyJobs(newer.jobs.reversed())
        if newer.failed, let oldest = newer.jobs.last?.id { continueFrom.withLock { $0 = $0 ?? oldest } }
        listed += newer.jobs.count
        guard listed > 0 else { return }
        self.listed()
        ProcessMemory.returnFreedPages()
        let unended = unendedIds
        watched.withLock { $0.keep(only: Set(unended)) }
        do {
            try await feed.watch(jobIds: unended)
        } catch {
            note("context '\(context)': the job-status subscription failed; retried when the feed is live again")
        }
    }

    /// The jobs before `from` (nil: the newest), newest first, down to the first known one or
    /// `limit` jobs, each filed in the insight model with its configuration as its page arrives.
    /// With a cache, through it (`from` is then always nil: a failed listing through the cache
    /// gets no job, and is tried again whole).
    private func walk(from: String?, limit: Int) async -> (jobs: [JobTally.Seen], failed: Bool) {
        if let cachedListing { return await list(through: cachedListing, limit: limit) }
        var fresh: [JobTally.Seen] = []
        do {
            pages: for try await page in session.allJobs(from: from, pageSize: pageSize, mode: .all) {
                var configured: [(status: JobStatus, config: JobConfig?)] = []
                var caughtUp = false
                for job in page.jobs {
                    guard let status = job.jobStatus else { continue }
                    caughtUp = tally.withLock({ $0.knows(status.id) }) || fresh.count >= limit
                    if caughtUp { break }
                    fresh.append(JobTally.Seen(status))
                    configured.append((status, job.jobConfig))
                }
                insight.record(server: modelServer, jobs: configured)
                if caughtUp { break pages }
            }
            return (fresh, false)
        } catch {
            noteListingFailed(error)
            return (fresh, true)
        }
    }

    private func list(through listing: CachedListing, limit: Int) async -> (jobs: [JobTally.Seen], failed: Bool) {
        do {
            let fresh = try await listing.list(first: tally.withLock { $0.count == 0 }, limit: limit,
                                               knows: { id in tally.withLock { $0.knows(id) } },
                                               file: { insight.record(server: modelServer, jobs: $0) })
            return (fresh, false)
        } catch {
            noteListingFailed(error)
            return ([], true)
        }
    }

    private func noteListingFailed(_ error: any Error) {
        guard !Task.isCancelled else { return }
        note("context '\(context)': listing the jobs failed: \(OneLine.safe(Failure(error).message)); tried again in \(newestCheckInterval)")
    }

    /// Every `interval` (on the session's clock) until cancelled: the newest job alone; a new one
    /// lists the new jobs.
    private func checkNewest(every interval: Duration) async {
        while true {
            do { try await session.clock.sleep(for: interval) } catch { return }
            do {
                guard let newest = try await session.jobPage(count: 1, mode: .status).jobs.first?.id,
                      !tally.withLock({ $0.knows(newest) }) || continueFrom.withLock({ $0 != nil }) else { continue }
                await listNewJobs()
            } catch {
                if Task.isCancelled { return }
            }
        }
    }
}
