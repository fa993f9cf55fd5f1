/// A bulk dialog's job list: the lines that fit in the room from the scroll, and a line saying
/// which are shown when they do not all fit. Only the lines shown are drawn.
enum MarkedJobListView {
    static func lines<Entry>(_ list: MarkedJobList<Entry>, room: Int,
                             draw: (MarkedJobList<Entry>.Line) -> StyledLine) -> [StyledLine] {
        var lines = list.shown(room: room).map(draw)
        if list.lineCount > room {
            let top = list.top(room: room)
            lines.append([Span("jobs \(top + 1)-\(min(list.lineCount, top + room)) of \(list.lineCount) lines (j/k)", CellStyle(.muted))])
        }
        return lines
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
