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
            let fixed = Columns.marker + Columns.state + idWidth + Columns.duration + 5
            var user = 12, submitted = 11
            if width - fixed - user - submitted < 14 { user = 0 }
            if width - fixed - user - submitted < 14 { submitted = 0 }
            self.id = idWidth
            self.user = user
            self.submitted = submitted
            self.name = max(4, width - fixed - user - submitted)
        }
    }

    static func draw(_ state: DashboardState, on canvas: Canvas, layout: Layout, now: Date) {
        let rows = state.visibleIds.dropFirst(state.listScroll).prefix(layout.list.height)
        let idWidth = min(14, max(2, rows.map { DisplayWidth.of(TerminalSafe.clean($0)) }.max() ?? 2))
        let columns = Columns(width: layout.list.width, idWidth: idWidth)
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
        canvas.put(line(columns, cells: titles, styles: Array(repeating: heading, count: 7)),
                   row: layout.listHeading.row, col: layout.listHeading.col, width: layout.listHeading.width)

        if state.visibleIds.isEmpty {
            canvas.put("  " + emptyMessage(state, glyphs: canvas.glyphs), row: layout.list.row, col: layout.list.col,
                       width: layout.list.width, style: CellStyle(dim: true))
            return
        }
        for (offset, id) in rows.enumerated() {
            guard let job = state.jobs[id] else { continue }
            let row = layout.list.row + offset
            let selected = id == state.selectedId
            if selected, state.focus == .list {
                canvas.fill(row: row, col: layout.list.col, width: layout.list.width, style: CellStyle(reverse: true))
            }
            canvas.put(jobLine(job, state: state, columns: columns, selected: selected, glyphs: canvas.glyphs, now: now),
                       row: row, col: layout.list.col, width: layout.list.width)
        }
    }

    private static func jobLine(_ job: JobStatus, state: DashboardState, columns: Columns, selected: Bool, glyphs: Glyphs, now: Date) -> StyledLine {
        let time = state.options.timeFormat
        let pending = state.pendingCancels.contains(job.id)
        let name = pending ? "[canceling\(glyphs.ellipsis)] \(job.name)" : job.name
        let duration = JobTiming.duration(of: job, now: now).map(TimeFormat.duration) ?? "-"
        let cells = [
            selected ? glyphs.selection : "",
            job.knownState.word,
            name,
            job.id,
            job.submittedUserId,
            job.submitTime.map(time.short) ?? "-",
            String(repeating: " ", count: max(0, Columns.duration - DisplayWidth.of(duration))) + duration,
        ]
        var base = CellStyle(bold: selected)
        base.reverse = selected && state.focus == .list
        var stateStyle = StateStyle.style(job.knownState, bold: true)
        stateStyle.reverse = base.reverse
        var nameStyle = base
        if pending { nameStyle.color = .yellow }
        var shown = cells
        shown[2] = ellipsized(TerminalSafe.clean(name), to: columns.name, glyphs: glyphs)
        return line(columns, cells: shown, styles: [base, stateStyle, nameStyle, base, base, base, base])
    }

    /// Pads each cell to its column; zero-width columns are left out.
    private static func line(_ columns: Columns, cells: [String], styles: [CellStyle]) -> StyledLine {
        let widths = [Columns.marker, Columns.state, columns.name, columns.id, columns.user, columns.submitted, Columns.duration]
        var out: StyledLine = []
        for (index, width) in widths.enumerated() where width > 0 {
            let gap = index == 0 || index == widths.count - 1 ? "" : " "
            out.append(Span(DisplayWidth.pad(TerminalSafe.clean(cells[index]), to: width) + gap, styles[index]))
        }
        return out
    }

    /// `text` clipped to `width` cells, ending in an ellipsis when something was cut.
    static func ellipsized(_ text: String, to width: Int, glyphs: Glyphs) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let mark = DisplayWidth.of(glyphs.ellipsis)
        guard width > mark else { return DisplayWidth.clip(text, to: width) }
        return DisplayWidth.clip(text, to: width - mark) + glyphs.ellipsis
    }

    private static func emptyMessage(_ state: DashboardState, glyphs: Glyphs) -> String {
        if !state.hasLoadedFirstPage { return "Loading jobs\(glyphs.ellipsis)" }
        if state.filter.isActive { return "No loaded job matches \"\(state.filter.text)\"." }
        return "No jobs."
    }
}
