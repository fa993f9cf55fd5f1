import DisplayText
import Foundation
import ICWSWire
import JobComposition

/// The composer: the dataset picker, the columns of the dataset under the cursor, the time
/// window, and the name with a review of what will be sent. Every server string goes through the
/// canvas, which cleans it.
enum ComposerView {
    static func draw(_ composer: Composer, state: DashboardState, on canvas: Canvas) {
        let width = max(20, canvas.width - 8)
        var lines: [StyledLine] = []
        switch state.composerDictionary {
        case .loaded(let dictionary)?:
            lines = body(composer, dictionary: dictionary, state: state, width: width, rows: max(3, (canvas.height - 20) / 2),
                         glyphs: canvas.glyphs)
        case .failed(let failure)?:
            let text = failure.kind == .featureMissing
                ? "This server has no data dictionary (data-dictionary 2 needed)."
                : "The data dictionary could not be loaded: \(failure.message)"
            lines = [[Span(text, CellStyle(.error))], [], FooterView.hintLine(state, in: composer.keyContext, keys: [.char("c"), .escape])]
        case .loading?, nil:
            lines = [[Span("Loading the data dictionary…")]]
        }
        BoxView.draw(title: "New job", lines: lines, minWidth: width, on: canvas)
    }

    static func body(_ composer: Composer, dictionary: DataDictionary, state: DashboardState, width: Int, rows: Int,
                     glyphs: Glyphs) -> [StyledLine] {
        func pad(_ text: String, _ width: Int) -> String { padded(text, width, glyphs) }
        var lines: [StyledLine] = []
        let sets = Composer.listed(dictionary, filter: composer.dataSetFilter)
        let filterNote = composer.typing == .dataSetFilter ? "  filter: \(composer.dataSetFilter)_"
            : composer.dataSetFilter.isEmpty ? "" : "  filter: \(composer.dataSetFilter)"
        lines.append(heading("1 Datasets (\(composer.chosen.count) chosen)\(filterNote)", composer.part == .dataSets))
        for (index, set) in window(sets, cursor: composer.dataSetCursor, rows: rows) {
            let pii = set.column.contains { $0.containsPII.mayContainPII } ? "PII" : "   "
            let text = "\(composer.isChosen(set) ? "[x]" : "[ ]") \(pad(set.kind.rawValue, 5)) \(pad(set.dataSetTitle ?? "", 22)) \(pii) \(pad(set.name, 26)) \(set.shortDescription)"
            lines.append(row(text, current: composer.part == .dataSets && index == composer.dataSetCursor))
        }
        if sets.isEmpty { lines.append([Span("  (no dataset matches)", CellStyle(.muted))]) }
        let current = sets.indices.contains(composer.dataSetCursor) ? sets[composer.dataSetCursor] : nil
        lines.append(heading("  Columns of \(current?.name ?? "—")", composer.part == .columns))
        if let current {
            let chosen = composer.chosen.first { $0.kind == current.kind && $0.name == current.name }?.columns ?? []
            for (index, column) in window(current.column, cursor: composer.columnCursor, rows: rows) {
                let pii = column.containsPII.mayContainPII ? "PII" : "   "
                let text = "\(chosen.contains(column.name) ? "[x]" : "[ ]") \(pad(column.name, 26)) \(pad("\(column.dataType)(\(column.maxLength))", 16)) \(pii) \(column.shortDescription)"
                lines.append(row(text, current: composer.part == .columns && index == composer.columnCursor))
            }
        }
        lines.append(heading("2 Filter: time window and sites", composer.part == .window))
        if composer.offersWindow(dictionary) {
            for (index, choice) in composer.windowChoices.enumerated() {
                let mark = choice == composer.window ? "(•)" : "( )"
                lines.append(row("\(mark) \(describe(choice, composer, state.options.timeFormat))",
                                 current: composer.part == .window && index == composer.windowCursor))
            }
        } else {
            lines.append([Span("  No chosen dataset has a date-time filter column: every row is extracted.", CellStyle(.muted))])
        }
        if composer.offersSites(dictionary) {
            let cursor = composer.typing == .sites ? "_" : ""
            let sites = composer.sitesText.isEmpty && cursor.isEmpty ? "all" : composer.sitesText + cursor
            lines.append([Span("  Sites: \(sites)"), Span("  (s types site ids, commas between; empty: all)", CellStyle(.muted))])
        } else {
            lines.append([Span("  No chosen dataset has a site-id filter column: every site.", CellStyle(.muted))])
        }
        let nameCursor = composer.typing == .name ? "_" : ""
        lines.append(heading("3 Name and review", composer.part == .submit))
        lines.append(row("Name: \(composer.name)\(nameCursor)", current: composer.part == .submit))
        if let server = state.composerTargetText(composer) { lines.append([Span("  Server: \(server)")]) }
        let unread = composer.window == .typed && composer.offersWindow(dictionary) && composer.typedWindow == nil
        for text in review(composer.draft(dictionary), format: state.options.timeFormat) {
            let shown = unread && text.hasPrefix("Window: ") ? "Window: typed, start or end not read yet" : text
            for line in CleanText(shown).wrapped(to: width - 4) { lines.append([Span("  " + line.value)]) }
        }
        for problem in composer.problems + [composer.refusal.map { FailureText.sentence(.submit, $0) }].compactMap(\.self) {
            for line in CleanText(problem).wrapped(to: width - 2) { lines.append([Span("! ", CellStyle(.error)), Span(line, CellStyle(.error))]) }
        }
        if composer.submitting { lines.append([Span("Submitting…", CellStyle(bold: true))]) }
        // The keys are in the footer, below the box, from the binding table.
        return lines
    }

    /// What will be sent: datasets with their columns, the window, the sites.
    static func review(_ draft: JobDraft, format: TimeFormat) -> [String] {
        var lines = draft.dataSets.map { set in
            "\(set.kind?.rawValue ?? "dataset") \(set.name): \(set.columns.isEmpty ? "no columns" : set.columns.joined(separator: ", "))"
        }
        if lines.isEmpty { lines.append("No dataset chosen yet.") }
        lines.append("Window: \(draft.window.map { windowText($0, format) } ?? "none (every row)")")
        lines.append("Sites: \(draft.siteIds.isEmpty ? "all" : draft.siteIds.joined(separator: ", "))")
        return lines
    }

    static func describe(_ choice: Composer.WindowChoice, _ composer: Composer, _ format: TimeFormat) -> String {
        switch choice {
        case .none: return "none (every row)"
        case .preset(let preset):
            return "\(preset.rawValue): \(windowText(preset.window(now: composer.now, timeZone: composer.timeZone), format))"
        case .sameAs(let id, let window): return "same as job \(id): \(windowText(window, format))"
        case .typed: return typedDescription(composer, format)
        }
    }

    /// "typed: from 2026-12-01 08:00 to 2026-12-01 17:00 = <window>", with what cannot be read yet.
    static func typedDescription(_ composer: Composer, _ format: TimeFormat) -> String {
        func field(_ text: String, _ typing: Composer.Typing) -> String {
            let cursor = composer.typing == typing ? "_" : ""
            return text.isEmpty && cursor.isEmpty ? "…" : text + cursor
        }
        let typed = "typed (f/t): from \(field(composer.typedStart, .start)) to \(field(composer.typedEnd, .end))"
        guard let window = composer.typedWindow else {
            return typed + (composer.typedStart.isEmpty && composer.typedEnd.isEmpty ? "" : "  (not read yet: YYYY-MM-DD[ HH:MM[:SS]] or ISO 8601 with Z)")
        }
        if window.end <= window.start { return typed + "  (the end must be later than the start)" }
        return "\(typed) = \(windowText(window, format))"
    }

    /// "2026-11-30 00:00:00 to 2026-12-01 00:00:00 (end exclusive, 1d00h)".
    static func windowText(_ window: TimeWindow, _ format: TimeFormat) -> String {
        "\(format.timestamp(window.start)) to \(format.timestamp(window.end)) (end exclusive, \(TimeFormat.duration(window.length)))"
    }

    private static func heading(_ text: String, _ focused: Bool) -> StyledLine {
        [Span(text, CellStyle(color: focused ? .cyan : nil, bold: true, underline: focused))]
    }

    private static func row(_ text: String, current: Bool) -> StyledLine {
        [Span((current ? "> " : "  ") + text, current ? CellStyle(reverse: true) : .plain)]
    }

    /// `text` in `width` cells: cut with an ellipsis when longer (a cut name looks cut), padded when shorter.
    private static func padded(_ text: String, _ width: Int, _ glyphs: Glyphs) -> String {
        CleanText(text).ellipsized(to: width, glyphs: glyphs).padded(to: width).value
    }

    /// The rows of `items` around `cursor` that fit in `rows`, with their indices.
    private static func window<T>(_ items: [T], cursor: Int, rows: Int) -> [(Int, T)] {
        let start = max(0, min(cursor - rows / 2, items.count - rows))
        return Array(items.enumerated()).dropFirst(start).prefix(rows).map { ($0.offset, $0.element) }
    }
}
