import Foundation
import Insight
import JobComposition
import SlotTable

extension KeyContext {
    static let coverage = KeyContext("coverage", section: "Coverage (after C)", opensHelp: true, notes: [
        "Cells: `█` extracted, `◆` extracted twice or more, `○` a gap no job tried, `✗` a gap a failed or",
        "canceled job tried, `·` not due yet (`#`, `*`, `o`, `X`, `.` in ASCII). A period is due once a whole",
        "period has passed since it ended (docs/insight.md, \"Coverage\").",
    ])
}

extension CoverageScreen {
    static let bindings: [Binding] = [
        Binding([.left, .char("h")], in: [.coverage], help: "earlier period", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editCoverage { screen, columns in screen.moveColumn(-1, columns: columns) }
        },
        Binding([.right, .char("l")], in: [.coverage], help: "later period", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editCoverage { screen, columns in screen.moveColumn(1, columns: columns) }
        },
        Binding([.char("j"), .down], in: [.coverage], help: "next series", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editCoverage { screen, _ in screen.moveRow(1) }
        },
        Binding([.char("k"), .up], in: [.coverage], help: "previous series", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editCoverage { screen, _ in screen.moveRow(-1) }
        },
        Binding([.char("u")], in: [.coverage], help: "periods: days, weeks, months", footer: FooterLabel(label: "days/weeks/months", rank: 1)) { state, _ in
            state.editCoverage { screen, _ in screen.nextUnit() }
        },
        Binding([.enter], in: [.coverage], help: "fill the gap under the cursor (a review first; nothing is sent without y)",
                details: "On a gap: the resubmit review opens with the series' newest configuration and the gap's window, one job per period (`p`: one job over the whole gap); nothing is sent without `y`. Off in `--read-only` mode and on read-only contexts.",
                footer: FooterLabel(label: "fill gap", rank: 2),
                unavailable: { $0.fillUnavailable }) { state, _ in
            state.openGapFill()
        },
        Binding([.escape, .char("q")], in: [.coverage], help: "close the coverage", footer: FooterLabel(label: "close", rank: 3)) { state, _ in
            state.pop()
            return []
        },
    ]
}

extension DashboardState {
    /// `C`: every series of every server, by server and name.
    mutating func openCoverage() -> [Effect] {
        let calendar = Calendar.gregorian(in: options.timeFormat.timeZone)
        let unit = CoveragePeriods.unit(reaching: history.model.earliestWindowStart, from: timelineNow,
                                        count: CoverageView.columns(width), calendar: calendar)
        var screen = CoverageScreen(rows: coverageRows(), unit: unit)
        screen.noteRead(self)
        push(screen)
        return []
    }

    /// Every series' row, without its coverage, by server, name and key: one pass over the series
    /// and a sort (listed unordered: a sort by key first compared canonical texts, 0.7 s of 95,000).
    /// The positions are sorted, not the rows: sorting the rows copied them at every step of the merge.
    func coverageRows() -> [CoverageRow] {
        let rows = history.model.unorderedSeriesNames().compactMap(coverageRow)
        return rows.indices.sorted { CoverageRow.listedBefore(rows[$0], rows[$1]) }.map { rows[$0] }
    }

    /// Lists again in `rows` the rows of the series touched since the run history's `mark`, each
    /// found by binary search where it belongs now: there already (its name did not change), or
    /// moved there (a status of one job re-listed 95,000 series in 180 ms). False, `rows`
    /// untouched, when the model no longer knows which were touched, or when so many were that
    /// listing every series costs less.
    func relistCoverageRows(_ rows: inout [CoverageRow], touchedSince mark: Int) -> Bool {
        guard let touched = history.model.seriesChanged(since: mark), touched.count <= CoverageRow.mostRelistedInPlace else { return false }
        for row in touched.compactMap(coverageRow) {
            let place = rows.partitionPoint { CoverageRow.listedBefore($0, row) }
            if rows.indices.contains(place), rows[place].series == row.series {
                rows[place] = row
                continue
            }
            // Removed and inserted, not filtered: a filter moved every row after it one by one.
            if let old = rows.firstIndex(where: { $0.series == row.series }) { rows.remove(at: old) }
            rows.insert(row, at: rows.partitionPoint { CoverageRow.listedBefore($0, row) })
        }
        return true
    }

    /// A series' row, nil for a server the dashboard does not show.
    private func coverageRow(_ series: SeriesName) -> CoverageRow? {
        guard let index = Int(series.server), let server = serverIndex(ContextID(index)) else { return nil }
        return CoverageRow(context: ContextID(index), series: series.ref, key: series.key, name: series.name,
                           serverLabel: options.isMultiServer ? servers[server].label : "")
    }

    mutating func editCoverage(_ change: (inout CoverageScreen, Int) -> Void) -> [Effect] {
        let columns = CoverageView.columns(width)
        return editTop(CoverageScreen.self) { screen, _ in
            change(&screen, columns)
            return []
        }
    }

    /// The gap under the coverage cursor, with its series.
    private var gapUnderCursor: (row: CoverageRow, gap: TimeWindow)? {
        guard let screen = topmost(CoverageScreen.self),
              let selection = screen.selection(columns: CoverageView.columns(width), now: timelineNow,
                                               calendar: Calendar.gregorian(in: options.timeFormat.timeZone), coverage: screen.coverage(in: self)),
              selection.cell.isGap, let gap = selection.coverage?.gaps(touching: selection.period).first else { return nil }
        return (selection.row, gap.window)
    }

    /// Why Enter cannot fill the cell under the cursor, if it cannot.
    var fillUnavailable: Unavailable? {
        guard !options.readOnly else { return .off("Read-only mode: filling gaps is turned off.", brief: "read-only mode") }
        guard let (row, _) = gapUnderCursor else { return .notNow("No gap under the cursor: move onto a gap (○ or ✗) to fill it.") }
        if let server = serverIndex(row.context), servers[server].options.readOnly {
            return .notNow("Read-only context \(servers[server].label): filling gaps is turned off there.")
        }
        guard history.latestConfig(context: row.context, key: row.key) != nil else {
            return .notNow("No configuration of this series has been read yet.")
        }
        return nil
    }

    /// Enter on a gap: the resubmit review with the series' newest configuration and the gap's window.
    mutating func openGapFill() -> [Effect] {
        guard let (row, gap) = gapUnderCursor, let config = history.latestConfig(context: row.context, key: row.key) else { return [] }
        let fill = GapFill(gap: gap, windowClass: row.key.window, displayZone: options.timeFormat.timeZone)
        let latestJobId = history.model.recentRuns(server: RunHistory.server(row.context), key: row.key, count: 1).first?.jobId
        var review = ResubmitReview(job: JobKey(context: row.context, id: latestJobId ?? config.id ?? ""), original: config,
                                    timeZone: options.timeFormat.timeZone)
        review.fill = fill
        push(review)
        return []
    }
}
