import DisplayText
import Foundation

/// The detail pane: a title (the job, and whether the pane has focus) and the scrolled lines.
enum DetailPaneView {
    /// Draws in `canvas`, the pane's area: the title on its first row (over a rule when the pane is
    /// stacked under the list; after the divider in its first column when it stands beside it),
    /// the scrolled lines below. The content is built once here.
    static func draw(_ state: DashboardState, on canvas: Canvas, stacked: Bool, now: Date) {
        let glyphs = canvas.glyphs
        let pane: Canvas
        if stacked {
            canvas.rule(row: 0, col: 0, width: canvas.width)
            pane = canvas
        } else {
            for row in 0..<canvas.height { canvas.put(glyphs.vertical, row: row, col: 0, width: 1) }
            pane = canvas.area(Rect(row: 0, col: 1, width: canvas.width - 1, height: canvas.height))
        }
        let lines = pane.area(Rect(row: 1, col: 0, width: pane.width, height: pane.height - 1))
        let content = DetailContent(state: state, width: lines.width - 1, now: now, glyphs: glyphs).lines()
        let scroll = min(state.detailScroll, max(0, content.count - lines.height))

        var rightWidth = 0
        if content.count > lines.height {
            let position = " lines \(scroll + 1)-\(min(content.count, scroll + lines.height)) of \(content.count) "
            rightWidth = position.count
            pane.put(position, row: 0, col: pane.width - rightWidth - 2, width: rightWidth, style: CellStyle(.muted))
        }
        let left = stacked ? 2 : 0
        let headingWidth = pane.width - left - rightWidth - 3
        pane.put(heading(state, focused: state.focus == .detail, width: headingWidth, glyphs: glyphs), row: 0, col: left, width: headingWidth)

        if content.isEmpty {
            lines.put(" No job selected.", row: 0, col: 0, width: lines.width, style: CellStyle(.muted))
            return
        }
        for (offset, line) in content.dropFirst(scroll).prefix(lines.height).enumerated() {
            lines.put([Span(" ")] + line, row: offset, col: 0, width: lines.width)
        }
    }

    /// " Job 1042 " (the id as the list shows it: a GUID's unique prefix; the whole id is in the
    /// Status section) then "[focus]" when focused (before the name, so it is never cut off), then
    /// the name, ending in an ellipsis when it does not fit in `width`.
    static func heading(_ state: DashboardState, focused: Bool, width: Int, glyphs: Glyphs) -> StyledLine {
        let tag = CellStyle(bold: true, reverse: focused)
        guard let job = state.selectedJob else {
            return [Span(" Detail ", tag)] + (focused ? [Span(" [focus] ", CellStyle(.muted))] : [])
        }
        var line: StyledLine = [Span(CleanText(" Job \(state.shortId(job.id)) "), tag)]
        if focused { line.append(Span(" [focus]", CellStyle(.muted))) }
        let used = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let name = CleanText(job.name).ellipsized(to: max(0, width - used - 2), glyphs: glyphs)
        line.append(Span(CleanText(" ") + name + CleanText(" "), CellStyle(bold: true)))
        return line
    }
}
