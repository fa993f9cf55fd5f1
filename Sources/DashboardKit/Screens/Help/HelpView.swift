import DisplayText

/// The help overlay: every binding of the table, per section, with what it does.
enum HelpView {
    /// The table's bindings grouped by section, in the table's order (shared with docs/keys.md).
    static func sections(_ table: [Binding] = BindingTable.all) -> [(title: String, bindings: [Binding])] {
        var sections: [(title: String, bindings: [Binding])] = []
        for binding in table {
            let title = KeyContext.section(of: binding.contexts)
            if let index = sections.firstIndex(where: { $0.title == title }) {
                sections[index].bindings.append(binding)
            } else {
                sections.append((title, [binding]))
            }
        }
        return sections
    }

    /// A binding's words in the help: what it does, and why it is off when it is off for the run.
    static func meaning(_ binding: Binding, in state: DashboardState) -> String {
        if case .off(let brief)? = binding.unavailable(state)?.scope { return "\(binding.help) (off: \(brief))" }
        return binding.help
    }

    /// One row of the help: bindings next to each other with one footer label share it, their
    /// keys paired ("j/k, Down/Up") and their meanings joined ("next job / previous job").
    struct Row {
        var bindings: [Binding]

        var keys: String {
            if bindings.count == 1 { return bindings[0].keyNames }
            let longest = bindings.map(\.keys.count).max() ?? 0
            return (0..<longest).map { index in
                bindings.compactMap { index < $0.keys.count ? $0.keys[index].name : nil }.joined(separator: "/")
            }.joined(separator: ", ")
        }

        func meaning(in state: DashboardState) -> String {
            var words: [String] = []
            for binding in bindings {
                let meaning = HelpView.meaning(binding, in: state)
                if !words.contains(meaning) { words.append(meaning) }
            }
            return words.joined(separator: " / ")
        }
    }

    static func rows(_ bindings: [Binding]) -> [Row] {
        var rows: [Row] = []
        for binding in bindings {
            if let label = binding.footer?.label, let last = rows.last?.bindings.last, last.footer?.label == label {
                rows[rows.count - 1].bindings.append(binding)
            } else {
                rows.append(Row(bindings: [binding]))
            }
        }
        return rows
    }

    static func lines(_ state: DashboardState) -> [StyledLine] {
        let keyWidth = 16
        var lines: [StyledLine] = []
        for section in sections(state.bindingTable) {
            lines.append([Span(section.title, CellStyle(bold: true, underline: true))])
            for row in rows(section.bindings) {
                // Keys wider than the column still get one space before the meaning.
                let keys = row.keys
                let padded = DisplayWidth.pad(keys, to: max(keyWidth, DisplayWidth.of(keys) + 1))
                lines.append([Span("  " + padded, CellStyle(.key)), Span(row.meaning(in: state))])
            }
        }
        return lines
    }

    /// Lines of the help (the same whatever the state).
    static func lineCount() -> Int { sectionsLineCount }

    private static let sectionsLineCount = sections().reduce(0) { $0 + 1 + rows($1.bindings).count }

    /// Help lines that fit on a screen `screenHeight` rows high (the box keeps a row free above
    /// and below, and has a border).
    static func visibleLines(screenHeight: Int) -> Int { max(1, screenHeight - 4) }

    static func draw(_ help: HelpScreen, state: DashboardState, on canvas: Canvas) {
        let all = lines(state)
        let visible = visibleLines(screenHeight: canvas.height)
        let scroll = max(0, min(help.scroll, all.count - visible))
        let title = all.count > visible
            ? "Keys \(scroll + 1)-\(min(all.count, scroll + visible)) of \(all.count), j/k scroll, ? closes"
            : "Keys (? or Esc closes)"
        BoxView.draw(title: title, lines: Array(all.dropFirst(scroll)), minWidth: 40, on: canvas)
    }
}
