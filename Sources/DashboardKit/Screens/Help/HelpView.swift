import DisplayText

/// The help overlay: every key, per context.
enum HelpView {
    typealias Entry = (keys: String, meaning: String)

    /// Sections of the help, shared with docs/keys.md.
    static func sections(readOnly: Bool) -> [(title: String, entries: [Entry])] {
        let cancel: Entry = readOnly
            ? ("c, Delete", "cancel: off in read-only mode")
            : ("c, Delete", "cancel the selected job (asks first)")
        return [
            ("Anywhere", [
                ("q, Ctrl-C", "quit (q closes help first)"),
                ("?", "show / close this help"),
                ("Tab, Shift-Tab", "switch between list and detail"),
                ("/", "filter by name, id or user"),
                ("s", "sort: newest, state, name, user, duration"),
                ("r", "refresh the newest jobs"),
                cancel,
                ("Ctrl-L", "redraw the whole screen"),
            ]),
            ("Job list", [
                ("j/k, Down/Up", "next / previous job (PgDn/PgUp: a page)"),
                ("g/G, Home/End", "first / last job"),
                ("Enter", "focus the detail"),
                ("Esc", "clear the filter"),
            ]),
            ("Detail", [
                ("j/k, PgDn/PgUp", "scroll a line / a page"),
                ("g/G, Home/End", "top / bottom"),
                ("Esc", "back to the list"),
            ]),
            ("Filter prompt (after /)", [
                ("any character", "added to the filter; the list narrows"),
                ("Backspace", "delete the last character"),
                ("Enter", "keep the filter, leave the prompt"),
                ("Esc", "clear the filter, leave the prompt"),
                ("Up/Down, PgUp/PgDn", "move in the list (also Home/End)"),
            ]),
            ("Cancel dialog", [
                ("y / n, Esc", "yes, cancel it / no, close"),
                ("Left/Right, Tab", "choose; Enter confirms the choice"),
            ]),
            ("Help", [
                ("j/k, PgDn/PgUp", "scroll a line / a page"),
                ("g/G, Home/End", "top / bottom"),
            ]),
        ]
    }

    static func lines(readOnly: Bool) -> [StyledLine] {
        let keyWidth = 16
        var lines: [StyledLine] = []
        for section in sections(readOnly: readOnly) {
            lines.append([Span(section.title, CellStyle(bold: true, underline: true))])
            for entry in section.entries {
                // Keys wider than the column still get one space before the meaning.
                let keys = DisplayWidth.pad(entry.keys, to: max(keyWidth, DisplayWidth.of(entry.keys) + 1))
                lines.append([Span("  " + keys, CellStyle(color: .cyan, bold: true)), Span(entry.meaning)])
            }
        }
        return lines
    }

    static func lineCount(readOnly: Bool) -> Int { lines(readOnly: readOnly).count }

    /// Help lines that fit on a screen `screenHeight` rows high (the box keeps a row free above
    /// and below, and has a border).
    static func visibleLines(screenHeight: Int) -> Int { max(1, screenHeight - 4) }

    static func draw(_ state: DashboardState, on canvas: Canvas) {
        let all = lines(readOnly: state.options.readOnly)
        let visible = visibleLines(screenHeight: canvas.surface.height)
        let scroll = max(0, min(state.helpScroll, all.count - visible))
        let title = all.count > visible
            ? "Keys \(scroll + 1)-\(min(all.count, scroll + visible)) of \(all.count), j/k scroll, ? closes"
            : "Keys (? or Esc closes)"
        BoxView.draw(title: title, lines: Array(all.dropFirst(scroll)), minWidth: 40, on: canvas)
    }
}
