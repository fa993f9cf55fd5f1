import Foundation
import ICWSWire
import Insight

/// A job as the timeline draws it: when it was submitted, started and ended, and how.
struct TimelineJob: Equatable, Sendable {
    let key: JobKey
    let name: String
    /// Its series (by number: grouping hashes it), nil for a job in no series yet (no configuration
    /// seen): a row of its own. Looked up only for rows per series (`TimelineRead.withSeries`).
    var series: SeriesRef?
    let submitted: Date?
    let started: Date?
    let ended: Date?
    let state: JobState

    /// When it stops taking room: its end, else now.
    func until(_ now: Date) -> Date { ended ?? now }

    func overlaps(_ window: TimelineWindow, now: Date) -> Bool {
        guard let from = submitted ?? started else { return false }
        return from < window.end && until(now) > window.start
    }
}

/// One row of the Gantt: one job, or every job of one series on one server.
struct TimelineRow: Equatable, Sendable {
    let label: String
    /// Oldest first; the last is the one Enter jumps to.
    let jobs: [TimelineJob]

    typealias Cell = ChartCell

    /// The row's bar cells over `width` columns: queued from submission to start, running from start
    /// to end (or now), at least one cell each; a failed or canceled job's last cell is its mark.
    func cells(in window: TimelineWindow, width: Int, now: Date) -> [Cell] {
        var cells = [Cell](repeating: .empty, count: max(0, width))
        func paint(_ from: Date, _ to: Date, _ cell: Cell) -> Int? {
            // [from, to): a span ending on a column's boundary does not reach into that column.
            let first = max(0, window.column(of: from, width: width))
            let last = min(width - 1, max(first, window.column(of: to.addingTimeInterval(-0.001), width: width)))
            guard first < width, to > window.start || from >= window.start else { return nil }
            for column in first...last where cells[column] != .running || cell != .queued { cells[column] = cell }
            return last
        }
        for job in jobs {
            let end = job.until(now)
            if let submitted = job.submitted { _ = paint(submitted, job.started ?? end, .queued) }
            guard let started = job.started, let last = paint(started, end, .running) else { continue }
            if job.state == .failed { cells[last] = .failed }
            if job.state == .canceled { cells[last] = .canceled }
        }
        return cells
    }
}

/// The timeline's rows: one per job (by start), or one per series (by its first start), switched with `s`.
enum TimelineRows {
    enum Grouping: Equatable, Sendable { case job, series }

    static func rows(_ jobs: [TimelineJob], window: TimelineWindow, grouping: Grouping, now: Date) -> [TimelineRow] {
        let inWindow = jobs.filter { $0.overlaps(window, now: now) }
        // Sorted by position, the start times read once (sorting the jobs themselves copied them at each comparison).
        let starts = inWindow.map { $0.started ?? $0.submitted ?? .distantPast }
        let shown = inWindow.indices.sorted { a, b in
            starts[a] != starts[b] ? starts[a] < starts[b] : inWindow[a].key.id < inWindow[b].key.id
        }.map { inWindow[$0] }
        switch grouping {
        case .job:
            return shown.map { TimelineRow(label: $0.name, jobs: [$0]) }
        case .series:
            struct Group: Hashable { let context: ContextID; let series: SeriesRef?; let loneJob: String? }
            var order: [Group] = []
            var groups: [Group: [TimelineJob]] = [:]
            for job in shown {
                let group = Group(context: job.key.context, series: job.series, loneJob: job.series == nil ? job.key.id : nil)
                if groups[group] == nil { order.append(group) }
                groups[group, default: []].append(job)
            }
            return order.map { group in
                let jobs = groups[group] ?? []
                let newest = jobs.last
                let label = (newest?.name ?? "") + (jobs.count > 1 ? " ×\(jobs.count)" : "")
                return TimelineRow(label: label, jobs: jobs)
            }
        }
    }
}

/// How many jobs ran at once on one server, per column: the most at any moment of the column's
/// stretch of time.
enum Contention {
    static func peaks(_ jobs: [TimelineJob], window: TimelineWindow, width: Int, now: Date) -> [Int] {
        guard width > 0 else { return [] }
        // +1 at a start, -1 at an end; at one instant ends come first, so back-to-back runs are not counted twice.
        var events: [(Date, Int)] = []
        for job in jobs {
            guard let started = job.started else { continue }
            let end = job.until(now)
            guard end > window.start, started < window.end, end > started else { continue }
            events.append((started, 1))
            events.append((end, -1))
        }
        events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var peaks = [Int](repeating: 0, count: width)
        var running = 0
        var next = 0
        for column in 0..<width {
            let from = window.time(ofColumn: column, width: width), to = window.time(ofColumn: column + 1, width: width)
            while next < events.count, events[next].0 <= from {
                running += events[next].1
                next += 1
            }
            var peak = running
            while next < events.count, events[next].0 < to {
                running += events[next].1
                peak = max(peak, running)
                next += 1
            }
            peaks[column] = peak
        }
        return peaks
    }

    /// One cell per count: blank for none, 1-9, `+` above nine.
    static func text(_ peaks: [Int]) -> String {
        String(peaks.map { $0 == 0 ? " " : $0 > 9 ? "+" : Character(String($0)) })
    }
}
