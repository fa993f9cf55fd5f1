import DisplayText
import Foundation
import ICWSWire

/// The job list: a heading row and one row per visible job from the scroll position.
enum JobListView {
    /// Column widths for a list `width` cells wide. User and submitted columns give way first
    /// when the name column would get too narrow.
    struct Columns {
        static let marker = 2
        static let state = 10
        static let duration = 7
        var id: Int
        var user: Int
        var submitted: Int
        var name: Int

        init(width: Int, idWidth: Int) {
            // Five gaps between columns, and one after TIME so it never touches the divider.
            let fixed = Columns.marker + Columns.state + idWidth + Columns.duration + 6
            var user = 12, submitted = 11
            if width - fixed - user - submitted < 14 { user = 0 }
            if width - fixed - user - submitted < 14 { submitted = 0 }
            self.id = idWidth
            self.user = user
            self.submitted = submitted
            self.name = max(4, width - fixed - user - submitted)
        }
    }

    /// Draws the heading on the first row of `canvas` (the list's pane) and the job rows below it.
    static func draw(_ state: DashboardState, on canvas: Canvas, now: Date) {
        let width = canvas.width
        let rows = state.visibleIds.dropFirst(state.listScroll).prefix(canvas.height - 1)
        // From every loaded id, not just the rows on screen, so columns do not shift while scrolling.
        let columns = Columns(width: width, idWidth: max(2, min(state.idWidth, state.idPrefixes.length)))
        let heading = CellStyle(bold: true, underline: true)
        var titles = ["", "STATE", "NAME", "ID", "USER", "SUBMITTED", "TIME"]
        let sorted = switch state.sort {
        case .newest: 5
        case .state: 1
        case .name: 2
        case .user: 4
        case .duration: 6
        }
        titles[sorted] += canvas.glyphs.sortMarker
        titles[6] = String(repeating: " ", count: max(0, Columns.duration - DisplayWidth.of(titles[6]))) + titles[6]
        canvas.put(line(columns, cells: titles.map(CleanText.init), styles: Array(repeating: heading, count: 7)),
                   row: 0, col: 0, width: width)

        if state.visibleIds.isEmpty {
            canvas.put("  " + emptyMessage(state, glyphs: canvas.glyphs), row: 1, col: 0, width: width, style: CellStyle(dim: true))
            return
        }
        for (offset, id) in rows.enumerated() {
            guard let job = state.jobs[id] else { continue }
            let row = 1 + offset
            let selected = id == state.selectedId
            if selected, state.focus == .list {
                canvas.fill(row: row, col: 0, width: width, style: CellStyle(reverse: true))
            }
            canvas.put(jobLine(job, state: state, columns: columns, selected: selected, glyphs: canvas.glyphs, now: now),
                       row: row, col: 0, width: width)
        }
    }

    private static func jobLine(_ job: JobStatus, state: DashboardState, columns: Columns, selected: Bool, glyphs: Glyphs, now: Date) -> StyledLine {
        let time = state.options.timeFormat
        let pending = state.pendingCancels.contains(job.id)
        let name = pending ? "[canceling\(glyphs.ellipsis)] \(job.name)" : job.name
        let duration = job.duration(now: now).map(TimeFormat.duration) ?? "-"
        // Each server string is cleaned once here, since its width sets the padding.
        var cells = [
            selected ? glyphs.selection : "",
            job.knownState.word,
            name,
            String(state.shortId(job.id)),
            job.submittedUserId,
            job.submitTime.map(time.short) ?? "-",
            String(repeating: " ", count: max(0, Columns.duration - DisplayWidth.of(duration))) + duration,
        ].map(CleanText.init)
        var base = CellStyle(bold: selected)
        base.reverse = selected && state.focus == .list
        var stateStyle = StateStyle.style(job.knownState, bold: true)
        stateStyle.reverse = base.reverse
        var nameStyle = base
        if pending { nameStyle.color = .yellow }
        cells[2] = cells[2].ellipsized(to: columns.name, glyphs: glyphs)
        return line(columns, cells: cells, styles: [base, stateStyle, nameStyle, base, base, base, base])
    }

    /// Pads each cell to its column; zero-width columns are left out.
    private static func line(_ columns: Columns, cells: [CleanText], styles: [CellStyle]) -> StyledLine {
        let widths = [Columns.marker, Columns.state, columns.name, columns.id, columns.user, columns.submitted, Columns.duration]
        var out: StyledLine = []
        for (index, width) in widths.enumerated() where width > 0 {
            // The marker column has no gap after it; every other column has one, TIME included.
            out.append(Span(cells[index].padded(to: width + (index == 0 ? 0 : 1)), styles[index]))
        }
        return out
    }

    private static func emptyMessage(_ state: DashboardState, glyphs: Glyphs) -> String {
        if state.loadOrder.isEmpty, case .failed(let failure) = state.paging.phase {
            return FailureText.sentence(.newestPage, failure)
        }
        if !state.paging.hasFirstPage { return "Loading jobs\(glyphs.ellipsis)" }
        if state.filter.isActive { return "No loaded job matches \"\(state.filter.text)\"." }
        return "No jobs."
    }
}
