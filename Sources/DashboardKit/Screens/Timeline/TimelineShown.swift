import Foundation
import ICWSWire
import SlotTable

extension DashboardState {
    /// How far before the window a job may have been submitted and still be drawn: jobs are
    /// looked up by submission time, and a job running for longer than this is left out.
    static let timelineLookBack: TimeInterval = 86_400

    /// The loaded jobs of every server submitted in `[from, to)`, newest first: found by binary
    /// search in the merged order (newest first by submission), each read by slot (no key is
    /// looked up), its name, state and times only; `withSeries`, with its series by number (a
    /// lookup by job id in the run history, most of the cost: rows per job do without).
    func timelineJobs(submittedFrom from: Date, to: Date, withSeries: Bool) -> [TimelineJob] {
        let slots = loadOrder.slots
        // Jobs without a submission time come last.
        let first = slots.partitionPoint { slot in jobs.submitTime(slot).map { $0 >= to } ?? false }
        var found: [TimelineJob] = []
        for slot in slots[first...] {
            guard let submitted = jobs.submitTime(slot) else { continue }
            if submitted < from { break }
            let status = jobs.nameStateAndTimes(slot), key = jobs.key(slot)
            found.append(TimelineJob(key: key, name: status.name, series: withSeries ? history.seriesRef(of: key) : nil,
                                     submitted: status.submitTime,
                                     started: status.startedTime, ended: status.endTime, state: status.knownState))
        }
        return found
    }

    /// The loaded jobs that take room in `window`, read afresh from the job store.
    func timelineJobs(in window: TimelineWindow, now: Date, withSeries: Bool) -> [TimelineJob] {
        timelineJobs(submittedFrom: window.start.addingTimeInterval(-Self.timelineLookBack), to: window.end, withSeries: withSeries)
            .filter { $0.overlaps(window, now: now) }
    }
}

/// The jobs submitted in a window and the look-back before it, newest first, as read at one
/// version of the run history (which every page, status and configuration bumps). A window moved
/// or zoomed at the same version reads from the job store only the stretch it adds, and keeps the
/// jobs it shares with the window before (←/→ read a quarter of the window, `+` nothing).
/// Series are looked up for rows per series only, and then kept with the jobs (`s` back and forth
/// looks each job up once).
struct TimelineRead: Equatable, Sendable {
    let from: Date
    let to: Date
    let version: Int
    let jobs: [TimelineJob]
    /// Whether `jobs` have their series.
    let withSeries: Bool
    /// How many of `jobs` were read from the job store, the rest being kept (the tests count it).
    let readFromStore: Int

    init(_ state: DashboardState, window: TimelineWindow, withSeries needed: Bool, keeping kept: TimelineRead?) {
        from = window.start.addingTimeInterval(-DashboardState.timelineLookBack)
        to = window.end
        version = state.history.version
        guard let kept, kept.version == version, kept.from < to, from < kept.to else {
            withSeries = needed
            jobs = state.timelineJobs(submittedFrom: from, to: to, withSeries: needed)
            readFromStore = jobs.count
            return
        }
        let withSeries = needed || kept.withSeries
        let newer = kept.to < to ? state.timelineJobs(submittedFrom: kept.to, to: to, withSeries: withSeries) : []
        let older = from < kept.from ? state.timelineJobs(submittedFrom: from, to: kept.from, withSeries: withSeries) : []
        let (from, to) = (from, to)
        let sharedStart = kept.jobs.partitionPoint { ($0.submitted ?? .distantPast) >= to }
        let shared = sharedStart..<max(sharedStart, kept.jobs.partitionPoint { ($0.submitted ?? .distantPast) >= from })
        var jobs = newer
        jobs.reserveCapacity(newer.count + shared.count + older.count)
        jobs += kept.jobs[shared]
        if withSeries, !kept.withSeries {
            for index in newer.count..<jobs.count { jobs[index].series = state.history.seriesRef(of: jobs[index].key) }
        }
        jobs += older
        self.jobs = jobs
        self.withSeries = withSeries
        readFromStore = newer.count + older.count
    }
}

/// The timeline's jobs and rows for one window and grouping. They hold until the run history's
/// version, the window or the grouping changes, or until now crosses the window's start: a job that
/// has not ended takes room from its start to now, so it enters a window only then; the bars'
/// lengths are drawn from now each frame.
struct TimelineShown: Equatable, Sendable {
    /// The jobs that take room in the window.
    let jobs: [TimelineJob]
    let rows: [TimelineRow]
    let read: TimelineRead
    private let window: TimelineWindow
    private let grouping: TimelineRows.Grouping
    private let nowPastStart: Bool

    /// `kept`: what was shown before, whose read is used again at the same version.
    init(_ state: DashboardState, window: TimelineWindow, grouping: TimelineRows.Grouping, kept: TimelineShown? = nil) {
        let now = state.timelineNow
        read = TimelineRead(state, window: window, withSeries: grouping == .series, keeping: kept?.read)
        nowPastStart = now > window.start
        jobs = read.jobs.filter { $0.overlaps(window, now: now) }
        rows = TimelineRows.rows(jobs, window: window, grouping: grouping, now: now)
        self.window = window
        self.grouping = grouping
    }

    func holds(_ state: DashboardState, window: TimelineWindow, grouping: TimelineRows.Grouping) -> Bool {
        read.version == state.history.version && self.window == window && self.grouping == grouping
            && nowPastStart == (state.timelineNow > window.start)
    }
}
