import DisplayText
import Foundation

/// The detail pane: a title (the job, and whether the pane has focus) and the scrolled lines.
enum DetailPaneView {
    static func draw(_ state: DashboardState, on canvas: Canvas, layout: Layout, now: Date) {
        let title = layout.detailTitle
        let focused = state.focus == .detail
        let glyphs = canvas.glyphs
        if layout.mode == .stacked {
            canvas.rule(row: title.row, col: title.col, width: title.width)
        } else {
            for row in layout.listHeading.row..<layout.list.bottom {
                canvas.put(glyphs.vertical, row: row, col: title.col - 1, width: 1)
            }
        }
        let content = DetailContent(state: state, width: layout.detail.width - 1, now: now, glyphs: glyphs).lines()
        let maxScroll = max(0, content.count - layout.detail.height)
        let scroll = min(state.detailScroll, maxScroll)

        var rightWidth = 0
        if content.count > layout.detail.height {
            let position = " lines \(scroll + 1)-\(min(content.count, scroll + layout.detail.height)) of \(content.count) "
            rightWidth = position.count
            canvas.put(position, row: title.row, col: title.col + title.width - rightWidth - 2, width: rightWidth, style: CellStyle(dim: true))
        }
        let left = title.col + (layout.mode == .stacked ? 2 : 0)
        let headingWidth = title.col + title.width - left - rightWidth - 3
        canvas.put(heading(state, focused: focused, width: headingWidth, glyphs: glyphs), row: title.row, col: left, width: headingWidth)

        if content.isEmpty {
            canvas.put(" No job selected.", row: layout.detail.row, col: layout.detail.col, width: layout.detail.width, style: CellStyle(dim: true))
            return
        }
        for (offset, line) in content.dropFirst(scroll).prefix(layout.detail.height).enumerated() {
            canvas.put([Span(" ")] + line, row: layout.detail.row + offset, col: layout.detail.col, width: layout.detail.width)
        }
    }

    /// " Job 1042 " then "[focus]" when focused (before the name, so it is never cut off), then the
    /// name, ending in an ellipsis when it does not fit in `width`.
    static func heading(_ state: DashboardState, focused: Bool, width: Int, glyphs: Glyphs) -> StyledLine {
        let tag = CellStyle(bold: true, reverse: focused)
        guard let job = state.selectedJob else {
            return [Span(" Detail ", tag)] + (focused ? [Span(" [focus] ", CellStyle(dim: true))] : [])
        }
        var line: StyledLine = [Span(CleanText(" Job \(job.id) "), tag)]
        if focused { line.append(Span(" [focus]", CellStyle(dim: true))) }
        let used = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let name = CleanText(job.name).ellipsized(to: max(0, width - used - 2), glyphs: glyphs)
        line.append(Span(CleanText(" ") + name + CleanText(" "), CellStyle(bold: true)))
        return line
    }
}
