import Foundation

/// The history chart's cells: one column per run (oldest left, the newest at the right edge),
/// queue wait stacked under run time, and the usual total (median queue wait + median run time)
/// as a line. The scale's top is the tallest run shown (at least 1.5 times the usual total, so the
/// line shows above typical bars), but at most three times the usual total,
/// so one stuck run cannot flatten the others; a finished run past the overdue rule is an outlier,
/// marked above its bar (or on its top cell when clipped), a failed or canceled one on its top cell.
struct RunChart: Equatable {
    typealias Cell = ChartCell

    let height: Int
    /// Seconds at the top of the top row.
    let top: TimeInterval
    /// The row the baseline is drawn on (0 is the top); nil without a judged baseline.
    let baselineRow: Int?
    /// The runs drawn, oldest first: `columns[i]` is `bars[i]`'s column, row 0 at the top.
    let bars: [RunBar]
    let columns: [[Cell]]

    /// `usual`: the median queue wait + median run time (nil: no judgement yet);
    /// `isOutlier`: the overdue rule on a run time.
    init(_ oldestFirst: [RunBar], usual: TimeInterval?, isOutlier: (TimeInterval) -> Bool, width: Int, height: Int) {
        let height = max(1, height)
        self.height = height
        bars = Array(oldestFirst.suffix(max(0, width)))
        let totals = bars.map { ($0.queueWait ?? 0) + ($0.runTime ?? 0) }
        let tallest = totals.max() ?? 0
        var top = usual.map { min(tallest, 3 * $0) } ?? tallest
        top = max(top, 1.5 * (usual ?? 0))  // the usual line at two thirds of the height at most
        if top <= 0 { top = 1 }
        self.top = top
        func cells(_ seconds: TimeInterval) -> Int { min(height, Int((min(seconds, top) / top * Double(height)).rounded())) }
        baselineRow = usual.map { max(0, height - max(1, cells($0))) }
        columns = zip(bars, totals).map { bar, total in
            var column = [Cell](repeating: .empty, count: height)
            let queued = cells(bar.queueWait ?? 0)
            var filled = cells(total)
            if (bar.runTime ?? 0) > 0, filled == queued, filled < height { filled += 1 }
            for step in 0..<filled { column[height - 1 - step] = step < queued ? .queued : .running }
            let topCell = height - max(1, filled)
            switch bar.outcome {
            case .failed: column[topCell] = .failed
            case .canceled: column[topCell] = .canceled
            case .finished:
                if let run = bar.runTime, isOutlier(run) { column[max(0, height - filled - 1)] = .outlier }
            }
            return column
        }
    }

    /// The cell at (row, column), the baseline showing through empty cells.
    func cell(row: Int, column: Int) -> Cell {
        let cell = columns[column][row]
        return cell == .empty && row == baselineRow ? .baseline : cell
    }

    /// The failed and canceled share of `runs`, as "3/20 (15%)".
    static func failureRate(_ runs: [RunBar]) -> String {
        rate(failed: runs.filter { $0.outcome != .finished }.count, of: runs.count)
    }

    /// "3/20 (15%)"; "-" of none.
    static func rate(failed: Int, of count: Int) -> String {
        guard count > 0 else { return "-" }
        return "\(failed)/\(count) (\(Int((Double(failed) / Double(count) * 100).rounded()))%)"
    }
}
