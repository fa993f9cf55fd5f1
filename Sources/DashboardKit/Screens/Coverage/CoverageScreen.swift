import Foundation
import Insight
import JobComposition

/// One series on the coverage grid, listed from the model when the screen opens, and again when a
/// change touches its series; its coverage is computed only when the row is drawn or selected
/// (`CoverageCache`).
struct CoverageRow: Equatable, Sendable {
    let context: ContextID
    let series: SeriesRef
    let key: SeriesKey
    let name: String
    /// The server's label when the dashboard shows several servers; empty with one.
    let serverLabel: String

    /// The rows' order: by server, name and key. Compared field by field: a tuple of the three
    /// copied each key (its datasets, sites and text) at every comparison, most of opening `C`
    /// on 95,000 series (1.1 s).
    static func listedBefore(_ a: CoverageRow, _ b: CoverageRow) -> Bool {
        if a.context.index != b.context.index { return a.context.index < b.context.index }
        if a.name != b.name { return a.name < b.name }
        return a.key < b.key
    }

    /// Past this many series touched by one change, the rows are listed again rather than moved.
    static let mostRelistedInPlace = 64
}

/// The coverage screen's state: the series, the period unit, how far back the grid is moved, and
/// the cell under the cursor (its column counted from the newest period, so a resize keeps it).
struct CoverageScreen: DashboardScreen, Equatable {
    var rows: [CoverageRow]
    var unit: CoveragePeriods.Unit
    /// Periods the grid is moved back from the current one.
    var back = 0
    var cursorRow = 0
    /// 0 is the newest column shown.
    var cursorFromRight = 0
    /// The run history's version `rows` were read at, its mark of touched series then, and the
    /// time their coverage is computed for.
    var seenVersion = 0
    var seenMark = 0
    var readAt = Date.distantPast
    /// The coverages of the rows drawn or selected so far, for `seenVersion`.
    var coverages = CoverageCache()

    init(rows: [CoverageRow], unit: CoveragePeriods.Unit) {
        self.rows = rows
        self.unit = unit
    }

    static let contexts: [KeyContext] = [.coverage]
    var keyContext: KeyContext { .coverage }
    var coversMainScreen: Bool { true }

    func draw(_ state: DashboardState, on canvas: Canvas) {
        CoverageView.draw(self, coverage: coverage(in: state), now: state.timelineNow, timeFormat: state.options.timeFormat, readOnly: state.options.readOnly,
                          on: canvas.area(state.screenBody))
    }

    mutating func jobsChanged(_ state: DashboardState) {
        guard state.history.version != seenVersion else { return }
        if !state.relistCoverageRows(&rows, touchedSince: seenMark) { rows = state.coverageRows() }
        noteRead(state)
        cursorRow = min(cursorRow, max(0, rows.count - 1))
    }

    /// The rows are as the run history stands now.
    mutating func noteRead(_ state: DashboardState) {
        seenVersion = state.history.version
        seenMark = state.history.model.seriesChangeMark
        readAt = state.timelineNow
    }

    /// A row's coverage at `readAt`, computed the first time it is asked for at `seenVersion`.
    func coverage(in state: DashboardState) -> (CoverageRow) -> Coverage? {
        { row in
            coverages.coverage(of: row, version: seenVersion) {
                state.history.model.coverage(server: RunHistory.server(row.context), key: row.key, now: readAt)
            }
        }
    }

    /// The grid's columns for `columns` cells, in the display calendar.
    func periods(columns: Int, now: Date, calendar: Calendar) -> CoveragePeriods {
        let end = CoveragePeriods.advance(now, unit: unit, by: -back, calendar: calendar)
        return CoveragePeriods(unit: unit, endingWith: end, count: columns, calendar: calendar)
    }

    /// ←/→: the cursor moves a period; at an edge the grid moves instead (never past the current period).
    mutating func moveColumn(_ delta: Int, columns: Int) {
        let target = cursorFromRight - delta
        if target < 0 {
            back = max(0, back + target)
            cursorFromRight = 0
        } else if target >= columns {
            back += target - columns + 1
            cursorFromRight = max(0, columns - 1)
        } else {
            cursorFromRight = target
        }
    }

    mutating func moveRow(_ delta: Int) {
        cursorRow = min(max(0, cursorRow + delta), max(0, rows.count - 1))
    }

    /// `u`: days, weeks, months, days…
    mutating func nextUnit() {
        let all = CoveragePeriods.Unit.allCases
        unit = all[((all.firstIndex(of: unit) ?? 0) + 1) % all.count]
        back = 0
        cursorFromRight = 0
    }

    /// The series and period under the cursor, and its cell.
    func selection(columns: Int, now: Date, calendar: Calendar, coverage: (CoverageRow) -> Coverage?)
        -> (row: CoverageRow, coverage: Coverage?, period: TimeWindow, cell: CoverageCell)? {
        guard rows.indices.contains(cursorRow), columns > 0 else { return nil }
        let periods = periods(columns: columns, now: now, calendar: calendar)
        let column = periods.count - 1 - min(cursorFromRight, periods.count - 1)
        let period = periods.window(column)
        let row = rows[cursorRow]
        let rowCoverage = coverage(row)
        return (row, rowCoverage, period, rowCoverage?.cell(for: period) ?? .none)
    }
}
