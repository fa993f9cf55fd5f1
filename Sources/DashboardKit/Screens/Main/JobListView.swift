import DisplayText
import Foundation
import ICWSWire

/// The job list: a heading row and one row per visible job from the scroll position.
enum JobListView {
    /// The columns for `state`'s list in a pane `width` cells wide. From every loaded id, not just
    /// the rows on screen, so columns do not shift while scrolling.
    static func layout(_ state: DashboardState, width: Int) -> ListLayout {
        ListLayout(state.columns, width: width, idWidth: max(2, min(state.idWidth, state.index.idPrefixLength)),
                   contextWidth: contextWidth(state), hasSeries: state.history.hasSeries)
    }

    /// Draws the heading on the first row of `canvas` (the list's pane) and the job rows below it.
    static func draw(_ state: DashboardState, on canvas: Canvas, now: Date) {
        let width = canvas.width
        let rows = state.visibleIds.dropFirst(state.listScroll).prefix(canvas.height - 1)
        let layout = layout(state, width: width)
        let heading = CellStyle(.heading)
        let titles = layout.placed.map { placed in
            var title = placed.column.title
            if placed.column == state.sort.column {
                title += state.sort.reversed ? canvas.glyphs.reversedSortMarker : canvas.glyphs.sortMarker
            }
            return (CleanText(placed.column.isRightAligned ? ListCell.rightAligned(title, to: placed.width) : title), heading)
        }
        canvas.put(line(layout, marker: (CleanText.empty, heading), cells: titles), row: 0, col: 0, width: width)

        if state.visibleIds.isEmpty {
            canvas.put("  " + emptyMessage(state, glyphs: canvas.glyphs), row: 1, col: 0, width: width, style: CellStyle(.muted))
            return
        }
        let historyEnds = state.historyEndRows
        for (offset, key) in rows.enumerated() {
            guard let job = state.jobs[key] else { continue }
            let row = 1 + offset
            let historyEnd = historyEnds[state.listScroll + offset] != nil
            let selected = key == state.selectedId
            if selected, state.focus == .list {
                canvas.fill(row: row, col: 0, width: width, style: CellStyle(.selection))
            }
            canvas.put(jobLine(job, key: key, state: state, layout: layout, selected: selected, historyEnd: historyEnd,
                               glyphs: canvas.glyphs, now: now),
                       row: row, col: 0, width: width)
        }
    }

    /// Cells of the CONTEXT column: the longest context label, at most `maxContextWidth`; 0 for one server.
    private static func contextWidth(_ state: DashboardState) -> Int {
        guard state.options.isMultiServer else { return 0 }
        let widest = state.servers.map { CleanText($0.label).width }.max() ?? 0
        return min(maxContextWidth, max(DisplayWidth.of("CONTEXT"), widest))
    }

    static let maxContextWidth = 12

    /// A job's row; `historyEnd`: its server's loaded history ends here (underlined, marked).
    private static func jobLine(_ job: JobStatus, key: JobKey, state: DashboardState, layout: ListLayout, selected: Bool,
                                historyEnd: Bool, glyphs: Glyphs, now: Date) -> StyledLine {
        let highlighted = selected && state.focus == .list
        var base = CellStyle(bold: selected, underline: historyEnd)
        if highlighted { base.role = .selection }
        let marker = (selected ? glyphs.selection : historyEnd ? glyphs.historyEnd : " ") + (state.marks.contains(key) ? glyphs.marked : "")
        let cells = layout.placed.map { placed in
            let cell = ListCell.of(placed.column, job: job, key: key, state: state, glyphs: glyphs, now: now)
            // Each server string is cleaned once here, since its width sets the padding.
            let text = CleanText(placed.column.isRightAligned ? ListCell.rightAligned(cell.text, to: placed.width) : cell.text)
            var style = cell.style ?? base
            // A cell with a role of its own keeps the selection's reverse video.
            (style.reverse, style.underline, style.bold) = (highlighted, historyEnd, style.bold || base.bold)
            // Free text looks cut when it is; the other cells may use the gap after them.
            return (placed.column.isFreeText ? text.ellipsized(to: placed.width, glyphs: glyphs) : text, style)
        }
        return line(layout, marker: (CleanText(marker), base), cells: cells)
    }

    /// Pads each cell to its column. Neighbouring cells of one style become one span, so a row is a
    /// few writes to the terminal rather than one per column.
    private static func line(_ layout: ListLayout, marker: (CleanText, CellStyle), cells: [(CleanText, CellStyle)]) -> StyledLine {
        var out: StyledLine = []
        var run = marker.0.padded(to: ListLayout.marker)
        var runStyle = marker.1
        for ((text, style), placed) in zip(cells, layout.placed) {
            // Every column has a gap after it, the last one included.
            let cell = text.padded(to: placed.width + 1)
            if style != runStyle {
                if !run.value.isEmpty { out.append(Span(run, runStyle)) }
                run = .empty
                runStyle = style
            }
            run = run + cell
        }
        if !run.value.isEmpty { out.append(Span(run, runStyle)) }
        return out
    }

    private static func emptyMessage(_ state: DashboardState, glyphs: Glyphs) -> String {
        if state.loadOrder.isEmpty, let failure = state.servers.lazy.compactMap(\.paging.firstPageFailure).first {
            return FailureText.sentence(.newestPage(), failure)
        }
        if !state.servers.contains(where: \.paging.hasFirstPage) { return "Loading jobs\(glyphs.ellipsis)" }
        if state.filter.isActive { return "No loaded job matches \"\(state.filter.text)\"." }
        return "No jobs."
    }
}
