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
        /// 0 with one server: the CONTEXT column is left out.
        var context: Int
        var user: Int
        var submitted: Int
        var name: Int
        /// The run-history columns: USUAL (once any series is known) and RUNS (`S`); 0 when left out.
        var usual = 0
        var runs = 0

        init(width: Int, idWidth: Int, contextWidth: Int = 0, usual: Int = 0, runs: Int = 0) {
            // Five gaps between columns, and one after TIME so it never touches the divider.
            let fixed = Columns.marker + Columns.state + idWidth + Columns.duration + 6
                + (contextWidth > 0 ? contextWidth + 1 : 0)
            var user = 12, submitted = 11
            if width - fixed - user - submitted < 14 { user = 0 }
            if width - fixed - user - submitted < 14 { submitted = 0 }
            self.id = idWidth
            self.context = contextWidth
            self.user = user
            self.submitted = submitted
            self.name = max(4, width - fixed - user - submitted)
            // The run-history columns take room only while the name keeps 14 cells.
            for (wanted, column) in [(usual, \Columns.usual), (runs, \Columns.runs)] where wanted > 0 && self.name - wanted - 1 >= 14 {
                self[keyPath: column] = wanted
                self.name -= wanted + 1
            }
        }
    }

    /// Draws the heading on the first row of `canvas` (the list's pane) and the job rows below it.
    static func draw(_ state: DashboardState, on canvas: Canvas, now: Date) {
        let width = canvas.width
        let rows = state.visibleIds.dropFirst(state.listScroll).prefix(canvas.height - 1)
        // From every loaded id, not just the rows on screen, so columns do not shift while scrolling.
        let columns = Columns(width: width, idWidth: max(2, min(state.idWidth, state.index.idPrefixLength)),
                              contextWidth: contextWidth(state), usual: state.history.hasSeries ? DashboardState.progressWidth : 0,
                              runs: state.showSparklines ? DashboardState.sparklineWidth : 0)
        let heading = CellStyle(.heading)
        var titles = ["", "STATE", "CONTEXT", "NAME", "ID", "USER", "SUBMITTED", "TIME", "USUAL", "RUNS"]
        let sorted = switch state.sort {
        case .newest: 6
        case .state: 1
        case .name: 3
        case .user: 5
        case .duration: 7
        }
        titles[sorted] += canvas.glyphs.sortMarker
        titles[7] = String(repeating: " ", count: max(0, Columns.duration - DisplayWidth.of(titles[7]))) + titles[7]
        canvas.put(line(columns, cells: titles.map(CleanText.init), styles: Array(repeating: heading, count: titles.count)),
                   row: 0, col: 0, width: width)

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
            canvas.put(jobLine(job, key: key, state: state, columns: columns, selected: selected, historyEnd: historyEnd,
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
    private static func jobLine(_ job: JobStatus, key: JobKey, state: DashboardState, columns: Columns, selected: Bool,
                                historyEnd: Bool, glyphs: Glyphs, now: Date) -> StyledLine {
        let time = state.options.timeFormat
        let pending = state.pendingCancels.contains(key)
        let context = state.serverIndex(key.context).map { state.servers[$0].label } ?? ""
        let name = pending ? "[canceling\(glyphs.ellipsis)] \(job.name)" : job.name
        let duration = job.duration(now: now).map(TimeFormat.duration) ?? "-"
        let progress: (text: String, style: CellStyle?) = columns.usual > 0 ? state.progressCell(job, key: key, now: now, glyphs: glyphs) : ("", nil)
        // Each server string is cleaned once here, since its width sets the padding.
        var cells = [
            (selected ? glyphs.selection : historyEnd ? glyphs.historyEnd : " ") + (state.marks.contains(key) ? glyphs.marked : ""),
            job.knownState.word,
            context,
            name,
            String(state.shortId(job.id)),
            job.submittedUserId,
            job.submitTime.map(time.short) ?? "-",
            String(repeating: " ", count: max(0, Columns.duration - DisplayWidth.of(duration))) + duration,
            columns.usual > 0 ? progress.text : "",
            columns.runs > 0 ? state.sparklineCell(key, glyphs: glyphs) : "",
        ].map(CleanText.init)
        let highlighted = selected && state.focus == .list
        var base = CellStyle(bold: selected, underline: historyEnd)
        if highlighted { base.role = .selection }
        // A cell with a role of its own keeps the selection's reverse video.
        func own(_ role: StyleRole, color: TextColor? = nil, bold: Bool = selected) -> CellStyle {
            CellStyle(role, color: color, bold: bold, reverse: highlighted, underline: historyEnd)
        }
        let stateStyle = own(StateStyle.role(job.knownState), bold: true)
        let nameStyle = pending ? own(.pending) : base
        let contextStyle = own(.context, color: state.serverIndex(key.context).flatMap { state.servers[$0].options.color })
        cells[2] = cells[2].ellipsized(to: columns.context, glyphs: glyphs)
        cells[3] = cells[3].ellipsized(to: columns.name, glyphs: glyphs)
        var progressStyle = progress.style ?? base
        progressStyle.reverse = highlighted
        return line(columns, cells: cells, styles: [base, stateStyle, contextStyle, nameStyle, base, base, base, base, progressStyle, base])
    }

    /// Pads each cell to its column; zero-width columns are left out. Neighbouring cells of one
    /// style become one span, so a row is a few writes to the terminal rather than one per column.
    private static func line(_ columns: Columns, cells: [CleanText], styles: [CellStyle]) -> StyledLine {
        let widths = [Columns.marker, Columns.state, columns.context, columns.name, columns.id, columns.user, columns.submitted,
                      Columns.duration, columns.usual, columns.runs]
        var out: StyledLine = []
        var run = CleanText.empty
        var runStyle = styles[0]
        for (index, width) in widths.enumerated() where width > 0 {
            // The marker column has no gap after it; every other column has one, TIME included.
            let cell = cells[index].padded(to: width + (index == 0 ? 0 : 1))
            if styles[index] != runStyle {
                if !run.value.isEmpty { out.append(Span(run, runStyle)) }
                run = .empty
                runStyle = styles[index]
            }
            run = run + cell
        }
        if !run.value.isEmpty { out.append(Span(run, runStyle)) }
        return out
    }

    private static func emptyMessage(_ state: DashboardState, glyphs: Glyphs) -> String {
        if state.loadOrder.isEmpty, let failure = state.servers.lazy.compactMap(\.paging.firstPageFailure).first {
            return FailureText.sentence(.newestPage, failure)
        }
        if !state.servers.contains(where: \.paging.hasFirstPage) { return "Loading jobs\(glyphs.ellipsis)" }
        if state.filter.isActive { return "No loaded job matches \"\(state.filter.text)\"." }
        return "No jobs."
    }
}
