import Foundation
import Insight
import JobComposition
import SlotTable

/// What one period of one series shows on the coverage grid.
enum CoverageCell: Equatable, Sendable {
    /// Before the series' first window, or a series without periods and nothing extracted here.
    case none
    /// Extracted by a finished job (all of the period's due part).
    case extracted
    /// Extracted twice or more somewhere in the period.
    case overlap
    /// Part of it was never extracted, and no job tried.
    case gap
    /// Part of it was never extracted, and a failed or canceled job tried.
    case failedGap
    /// After the horizon: not due yet.
    case notDue

    func glyph(_ glyphs: ChartGlyphs) -> String {
        switch self {
        case .none: " "
        case .extracted: glyphs.extracted
        case .overlap: glyphs.overlap
        case .gap: glyphs.gap
        case .failedGap: glyphs.failedGap
        case .notDue: glyphs.notDue
        }
    }

    var isGap: Bool { self == .gap || self == .failedGap }
}

extension Coverage {
    /// The cell of `period`: a gap first (it is what the operator acts on), then an overlap, then
    /// extracted; past the span's end (the horizon) a period not extracted is not due yet.
    func cell(for period: TimeWindow) -> CoverageCell {
        if let gap = gaps(touching: period).first { return gap.attempted ? .failedGap : .gap }
        if Self.touches(overlaps, period) { return .overlap }
        if Self.touches(extracted, period) { return .extracted }
        guard let span else { return .none }
        if period.start >= span.end { return .notDue }
        return .none
    }

    /// The gaps that reach into `period`.
    func gaps(touching period: TimeWindow) -> [Gap] {
        gaps.filter { $0.window.start < period.end && period.start < $0.window.end }
    }

    /// Whether a window of the sorted, non-overlapping `windows` reaches into `period` (binary search).
    static func touches(_ windows: [TimeWindow], _ period: TimeWindow) -> Bool {
        let low = windows.partitionPoint { $0.end <= period.start }
        return low < windows.count && windows[low].start < period.end
    }
}

/// The jobs that would fill a gap: one per period of the series (days, weeks or months, counted as
/// its windows are), or one over the whole run of gaps.
struct GapFill: Equatable, Sendable {
    /// The run of gaps, as the coverage found it.
    let gap: TimeWindow
    /// The gap cut at the series' period boundaries.
    let periods: [TimeWindow]
    /// One job per period (true) or one over the whole gap.
    var perPeriod = true

    init(gap: TimeWindow, windowClass: WindowClass, displayZone: TimeZone) {
        self.gap = gap
        let calendar = windowClass.calendar(display: displayZone)
        let step = windowClass.length.step
        var periods: [TimeWindow] = []
        var cursor = gap.start
        while let step, cursor < gap.end, let next = calendar.date(byAdding: step, to: cursor), next > cursor {
            periods.append(TimeWindow(start: cursor, end: min(next, gap.end)))
            cursor = next
        }
        self.periods = periods.isEmpty ? [gap] : periods
    }

    /// The windows `y` sends a job for.
    var windows: [TimeWindow] { perPeriod ? periods : [gap] }
}
