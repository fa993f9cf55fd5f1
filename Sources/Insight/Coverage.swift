import Foundation
import JobComposition

/// Which time a series' finished jobs extracted (docs/insight.md, "Coverage"). Windows are
/// `[start, end)`.
public struct Coverage: Hashable, Sendable {
    /// A stretch no finished job extracted, inside the span.
    public struct Gap: Hashable, Sendable {
        public let window: TimeWindow
        /// Calendar periods it touches (a part of one counts as one).
        public let periods: Int
        /// A failed or canceled job's window touches it: it was tried.
        public let attempted: Bool
    }

    /// A failed or canceled job's window.
    public struct FailedWindow: Hashable, Sendable {
        public let window: TimeWindow
        public let jobId: String
        public let outcome: RunOutcome
        /// A finished job extracted all of it since (or before).
        public let recovered: Bool
    }

    public let windowClass: WindowClass
    /// Where gaps are looked for: from the earliest window of an ended job to the horizon (one
    /// period before now). Nil without any window, or for a class without periods.
    public let span: TimeWindow?
    /// The union of the finished jobs' windows, merged, in time order.
    public let extracted: [TimeWindow]
    public let overlaps: [TimeWindow]
    public let failed: [FailedWindow]
    public let gaps: [Gap]
    /// The zone the periods are counted in (also when clipped).
    private let display: TimeZone

    init(runs: [Run], windowClass: WindowClass, display: TimeZone, now: Date) {
        self.windowClass = windowClass
        self.display = display
        let finished = runs.filter { $0.outcome == .finished }.compactMap(\.window).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        let (union, twice) = Self.sweep(finished)
        extracted = union
        overlaps = Self.sweep(twice).union
        failed = runs.compactMap { run in
            guard run.outcome != .finished, let window = run.window else { return nil }
            return FailedWindow(window: window, jobId: run.jobId, outcome: run.outcome,
                                recovered: Self.uncovered(window, by: union).isEmpty)
        }
        let calendar = windowClass.calendar(display: display)
        guard let step = windowClass.length.step, let first = runs.compactMap(\.window?.start).min(),
              let horizon = Self.horizon(windowClass.length, step: step, first: first, now: now, calendar), first < horizon else {
            span = nil
            gaps = []
            return
        }
        let span = TimeWindow(start: first, end: horizon)
        self.span = span
        let tried = failed.map(\.window)
        gaps = Self.uncovered(span, by: union).map { hole in
            Gap(window: hole, periods: Self.periods(in: hole, step: step, calendar),
                attempted: tried.contains { $0.start < hole.end && hole.start < $0.end })
        }
    }

    /// The merged union of sorted windows, and the stretches where a window began before the
    /// windows before it had ended (extracted twice or more; not merged).
    static func sweep(_ sorted: [TimeWindow]) -> (union: [TimeWindow], twice: [TimeWindow]) {
        var union: [TimeWindow] = []
        var twice: [TimeWindow] = []
        for window in sorted where window.start < window.end {
            guard let last = union.last, window.start <= last.end else {
                union.append(window)
                continue
            }
            if window.start < last.end { twice.append(TimeWindow(start: window.start, end: min(window.end, last.end))) }
            union[union.count - 1].end = max(last.end, window.end)
        }
        return (union, twice.sorted { ($0.start, $0.end) < ($1.start, $1.end) })
    }

    /// The parts of `window` outside a merged, sorted union.
    static func uncovered(_ window: TimeWindow, by union: [TimeWindow]) -> [TimeWindow] {
        var holes: [TimeWindow] = []
        var cursor = window.start
        for part in union where part.end > cursor {
            if part.start >= window.end { break }
            if part.start > cursor { holes.append(TimeWindow(start: cursor, end: part.start)) }
            cursor = max(cursor, part.end)
            if cursor >= window.end { break }
        }
        if cursor < window.end { holes.append(TimeWindow(start: cursor, end: window.end)) }
        return holes
    }

    /// The last period boundary at or before one period before `now`: periods that ended by
    /// then should have been extracted. Days and months start at midnight and on the 1st, weeks on
    /// the weekday of the series' first window.
    static func horizon(_ length: WindowClass.Length, step: DateComponents, first: Date, now: Date, _ calendar: Calendar) -> Date? {
        guard let limit = calendar.date(byAdding: step.negated, to: now) else { return nil }
        let day = calendar.startOfDay(for: limit)
        switch length {
        case .day: return day
        case .month: return calendar.date(from: calendar.dateComponents([.year, .month], from: limit))
        case .week:
            guard let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: first), to: day).day else { return nil }
            return calendar.date(byAdding: .day, value: -(((days % 7) + 7) % 7), to: day)
        case .other, .unbounded: return nil
        }
    }

    /// Periods of `step` from the hole's start until its end (at least one).
    static func periods(in hole: TimeWindow, step: DateComponents, _ calendar: Calendar) -> Int {
        var count = 0
        var cursor = hole.start
        while cursor < hole.end, let next = calendar.date(byAdding: step, to: cursor), next > cursor {
            count += 1
            cursor = next
        }
        return max(count, 1)
    }

    /// A gap cut into calendar periods counted from its start (the last one cut at the gap's end):
    /// one window per job for a fill that sends a job per period.
    public func periodWindows(of gap: Gap) -> [TimeWindow] {
        guard let step = windowClass.length.step else { return [gap.window] }
        let calendar = windowClass.calendar(display: display)
        var windows: [TimeWindow] = []
        var cursor = gap.window.start
        while cursor < gap.window.end {
            guard let next = calendar.date(byAdding: step, to: cursor), next > cursor else { break }
            windows.append(TimeWindow(start: cursor, end: min(next, gap.window.end)))
            cursor = next
        }
        return windows.isEmpty ? [gap.window] : windows
    }

    /// The same coverage seen through `range`: every window cut to it, those outside dropped.
    public func clipped(to range: TimeWindow) -> Coverage {
        func cut(_ w: TimeWindow) -> TimeWindow? {
            let c = TimeWindow(start: max(w.start, range.start), end: min(w.end, range.end))
            return c.start < c.end ? c : nil
        }
        let calendar = windowClass.calendar(display: display)
        return Coverage(
            windowClass: windowClass, display: display, span: span.flatMap(cut), extracted: extracted.compactMap(cut),
            overlaps: overlaps.compactMap(cut),
            failed: failed.filter { cut($0.window) != nil },
            gaps: gaps.compactMap { gap in
                guard let window = cut(gap.window) else { return nil }
                let periods = window == gap.window ? gap.periods
                    : windowClass.length.step.map { Self.periods(in: window, step: $0, calendar) } ?? gap.periods
                return Gap(window: window, periods: periods, attempted: gap.attempted)
            })
    }

    private init(windowClass: WindowClass, display: TimeZone, span: TimeWindow?, extracted: [TimeWindow],
                 overlaps: [TimeWindow], failed: [FailedWindow], gaps: [Gap]) {
        self.windowClass = windowClass
        self.display = display
        self.span = span
        self.extracted = extracted
        self.overlaps = overlaps
        self.failed = failed
        self.gaps = gaps
    }
}

extension DateComponents {
    fileprivate var negated: DateComponents {
        DateComponents(month: month.map { -$0 }, day: day.map { -$0 })
    }
}
