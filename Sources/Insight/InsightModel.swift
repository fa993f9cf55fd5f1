import Foundation
import ICWSWire
import JobComposition
import SlotTable

/// Every job seen on every server, grouped into series (a series is one `SeriesKey` on one server),
/// with what the dashboard, the CLI and the exporter ask of them: runs, baselines, progress of the
/// jobs still going, failure streaks and coverage. No I/O.
///
/// `record` takes one job's latest status in O(1) amortised (a run that ends out of order is
/// inserted by binary search); `record(contentsOf:)` takes pages in any order and sorts each series
/// it touched once. Ended jobs never change: a later status of an ended job is ignored, and so is a
/// status that would move a job backwards.
public struct InsightModel: Sendable {
    public let timeZone: TimeZone
    public let baselineWindow: Int

    var classifier: WindowClassifier
    /// Each distinct extract content once, found by the shape of a configuration or by itself.
    var contentOfShape: [ExtractShape: Int] = [:]
    var contentIndex: [ExtractContent: Int] = [:]
    var contents: [ExtractContent] = []
    var serverNames: [String] = []
    var serverIndex: [String: Int] = [:]
    var seriesIndex: [SeriesSlot: Int] = [:]
    var series: [SeriesState] = []
    var jobs = JobTable()
    var interner = Interner()
    /// Series with a job that has not ended, and series whose newest ended run failed or was
    /// canceled: the header's counts read these instead of every series.
    var pendingSeries: Set<Int> = []
    var failing: Set<Int> = []
    /// Some series has had a baseline (five finished runs) since the model was made.
    public private(set) var hasJudgedSeries = false
    /// Passes over every series (`seriesNames`, `summaries`…): a count the tests read to show that
    /// recording a job never costs one.
    public let seriesScans = ScanCounter()
    /// Coverages computed (`coverage(server:key:now:)`): the tests count them to show that the
    /// coverage screen computes the rows it shows, not every series.
    public let coverageReads = ScanCounter()
    /// Reads of every job not ended (`pendingJobs(now:)`): the tests count them to show that a
    /// filter keystroke re-reads none.
    public let pendingReads = ScanCounter()
    /// The earliest window start of any ended run of any series, kept as runs are recorded (O(1)):
    /// how far back the coverage grid must reach, without a coverage per series.
    public private(set) var earliestWindowStart: Date?
    /// The series touched, for a list of every series to update only their rows (`seriesChanged(since:)`).
    var journal = SeriesJournal()

    /// `timeZone`: the display zone, whose midnights are the day boundaries.
    public init(timeZone: TimeZone, baselineWindow: Int = Baseline.defaultWindow) {
        self.timeZone = timeZone
        self.baselineWindow = baselineWindow
        classifier = WindowClassifier(display: timeZone)
    }

    /// Takes a job's latest status. `config` may be nil for a job recorded before with its
    /// configuration; a job never seen with one is kept aside, in no series, until it comes.
    public mutating func record(server: String, status: JobStatus, config: JobConfig?) {
        if let touched = place(server: server, status: status, config: config, sorted: true) { settle(touched) }
    }

    /// Takes many jobs (pages newest first, or any order), sorting each touched series once.
    public mutating func record(contentsOf jobs: some Sequence<(server: String, status: JobStatus, config: JobConfig?)>) {
        var touched = Set<Int>()
        self.jobs.reserveCapacity(self.jobs.count + jobs.underestimatedCount)
        for job in jobs {
            if let index = place(server: job.server, status: job.status, config: job.config, sorted: false) { touched.insert(index) }
        }
        for index in touched { settle(index) }
    }

    /// Gives back the room each series' runs grew into: a history read in pages grows them by
    /// doubling, to up to twice their runs (a quarter of the model's memory at 100,000 jobs).
    public mutating func releaseSpareRoom() {
        for index in series.indices { series[index].releaseSpareRoom() }
    }

    /// Orders the runs of a series whose ended runs changed and updates what is kept of it.
    private mutating func settle(_ index: Int) {
        series[index].sortIfNeeded()
        if let last = series[index].runs.last, last.outcome != .finished { failing.insert(index) } else { failing.remove(index) }
        if !hasJudgedSeries, baseline(at: index).isJudged { hasJudgedSeries = true }
    }

    /// Files the job; the index of the series whose ended runs changed, if any.
    private mutating func place(server: String, status: JobStatus, config: JobConfig?, sorted: Bool) -> Int? {
        var status = status
        status.name = interner.text(status.name)
        status.errorInfo = interner.text(status.errorInfo)
        let ref = JobRef(server: intern(server), id: status.id)
        let known = jobs[ref]
        if let known, known.ended { return nil }
        let step = status.state?.lifecycleStep
        if let known, let was = known.step, step.map({ $0 < was }) ?? true { return nil }
        let window = config.flatMap(TimeWindow.init(of:)) ?? known?.window
        let interned = config.map { intern($0, jobId: status.id) }
        guard let index = known?.series ?? interned.map({ seriesFor(server: ref.server, content: $0.content, window: window) }) else {
            jobs.set(JobEntry(series: nil, step: step, ended: false, window: nil), for: ref)
            return nil
        }
        journal.note(index)
        if let interned { series[index].offer(interned.config, submitted: status.submitTime ?? .distantPast, jobId: status.id) }
        let outcome = status.state.flatMap(RunOutcome.init)
        jobs.set(JobEntry(series: index, step: step, ended: outcome != nil, window: window), for: ref)
        guard let outcome else {
            series[index].pending[status.id] = PendingRun(jobId: status.id, name: status.name, state: status.knownState,
                                                          submitted: status.submitTime, started: status.startedTime, window: window)
            pendingSeries.insert(index)
            return nil
        }
        if series[index].pending.removeValue(forKey: status.id) != nil, series[index].pending.isEmpty { pendingSeries.remove(index) }
        series[index].add(Run(status: status, outcome: outcome, window: window), keepingOrder: sorted)
        if let start = window?.start, earliestWindowStart.map({ start < $0 }) ?? true { earliestWindowStart = start }
        return index
    }

    private mutating func intern(_ server: String) -> Int {
        if let index = serverIndex[server] { return index }
        serverNames.append(server)
        serverIndex[server] = serverNames.count - 1
        return serverNames.count - 1
    }

    /// The configuration with its repeated parts shared with the configurations kept before, and
    /// the number of its content (folded once per distinct shape).
    private mutating func intern(_ config: JobConfig, jobId: String) -> (config: JobConfig, content: Int) {
        let shape: ExtractShape
        let content: Int
        if let found = contentOfShape.index(forKey: ExtractShape(config)) {
            (shape, content) = (contentOfShape[found].key, contentOfShape[found].value)
        } else {
            shape = ExtractShape(interner.shapeParts(of: config))
            let folded = ExtractContent(config: config, interner: &interner)
            if let known = contentIndex[folded] {
                content = known
            } else {
                contents.append(folded)
                content = contents.count - 1
                contentIndex[folded] = content
            }
            contentOfShape[shape] = content
        }
        var interned = config
        (interned.tables, interned.views, interned.siteIdFilters) = (shape.tables, shape.views, shape.sites)
        interned.id = config.id == jobId ? jobId : interner.text(config.id)
        interned.name = interner.text(config.name)
        interned.submittedUserId = interner.text(config.submittedUserId)
        return (interned, content)
    }

    private mutating func seriesFor(server: Int, content: Int, window: TimeWindow?) -> Int {
        let slot = SeriesSlot(server: server, content: content, window: classifier.classify(window))
        if let index = seriesIndex[slot] { return index }
        series.append(SeriesState(id: SeriesID(server: server, key: SeriesKey(content: contents[content], window: slot.window))))
        seriesIndex[slot] = series.count - 1
        return series.count - 1
    }
}

/// A series: one key on one server.
struct SeriesID: Hashable, Sendable {
    let server: Int
    let key: SeriesKey
}

/// A series found by numbers: hashing a key's datasets for every job cost more than the rest.
struct SeriesSlot: Hashable, Sendable {
    let server: Int
    let content: Int
    let window: WindowClass
}

/// The jobs of one series: ended runs oldest first (by end, then id), and the jobs still going.
struct SeriesState: Sendable {
    let id: SeriesID
    private(set) var runs: [Run] = []
    /// How many of `runs` ended each way, kept as runs come (a summary reads them on every frame).
    private(set) var finished: Int32 = 0, failed: Int32 = 0, canceled: Int32 = 0
    var pending: [String: PendingRun] = [:]
    /// The configuration of the newest submitted job (by submission, then id).
    private(set) var latest: (submitted: Date, jobId: String, config: JobConfig)?
    /// Where the runs a batch appended begin (nil: every run is in order). A walk's pages come
    /// newest first, each older than the runs already kept: sorting the batch alone and moving it
    /// in front costs far less than sorting the whole series again at every page.
    private var batchStart: Int?

    init(id: SeriesID) { self.id = id }

    mutating func offer(_ config: JobConfig, submitted: Date, jobId: String) {
        if let latest, (latest.submitted, latest.jobId) >= (submitted, jobId) { return }
        latest = (submitted, jobId, config)
    }

    mutating func add(_ run: Run, keepingOrder: Bool) {
        switch run.outcome {
        case .finished: finished += 1
        case .failed: failed += 1
        case .canceled: canceled += 1
        }
        guard keepingOrder, batchStart == nil else {
            if batchStart == nil, let last = runs.last, Run.before(run, last) { batchStart = runs.count }
            runs.append(run)
            return
        }
        runs.insert(run, at: runs.partitionPoint { Run.before($0, run) })
    }

    /// Gives back the room `runs` grew into beyond an eighth more than its runs.
    mutating func releaseSpareRoom() {
        guard runs.capacity > runs.count + runs.count / 8 + 4 else { return }
        runs = Array(unsafeUninitializedCapacity: runs.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: runs)
        }
    }

    mutating func sortIfNeeded() {
        guard let start = batchStart else { return }
        batchStart = nil
        runs[start...].sort(by: Run.before)
        guard start > 0, Run.before(runs[start], runs[start - 1]) else { return }
        if Run.before(runs[runs.count - 1], runs[0]) {
            // The whole batch is older than every kept run: a rotation, by moves through the
            // buffer rather than copies (`runs[..<start].reverse()` on the array's slices took 840
            // against 280 ms for 100 pages of 1,000, insight-bench).
            runs.withUnsafeMutableBufferPointer { all in
                var kept = UnsafeMutableBufferPointer(rebasing: all[..<start])
                var batch = UnsafeMutableBufferPointer(rebasing: all[start...])
                kept.reverse()
                batch.reverse()
                all.reverse()
            }
        } else {
            let first = runs[start]
            runs[runs[..<start].partitionPoint { Run.before($0, first) }...].sort(by: Run.before)
        }
    }
}
