import DisplayText

/// The status line: the filter prompt while typing, else the last message, else the active filter;
/// on the right, how much of the list is loaded.
///
/// An error gets the whole row (the count gives way), and when it does not fit in one row it
/// continues on the footer row: a refusal from the server is never cut. The next key clears it.
enum StatusLineView {
    /// The message's rows when it takes the whole status row (an error, or a message too long to
    /// share the row with the count); empty when it shares the row. At most two rows.
    static func fullRows(_ state: DashboardState, width: Int, glyphs: Glyphs) -> [CleanText] {
        guard !state.filter.editing, let message = state.statusMessage else { return [] }
        if case .warnings = message { return [] }  // one line, shortened to fit
        let text = CleanText(FailureText.text(message))
        guard message.isError || text.width > width - countText(state, glyphs: glyphs).count - 1 else { return [] }
        let wrapped = text.wrapped(to: width)
        guard wrapped.count > 2 else { return wrapped }
        // Whatever does not fit in two rows ends the second one with an ellipsis.
        let rest = CleanText(wrapped.dropFirst().map(\.value).joined(separator: " "))
        return [wrapped[0], rest.ellipsized(to: width, glyphs: glyphs)]
    }

    /// "12/30 jobs, all loaded".
    private static func countText(_ state: DashboardState, glyphs: Glyphs) -> String {
        var right = "\(state.visibleIds.count)/\(state.loadOrder.count) jobs"
        let phases = state.servers.map(\.paging.phase)
        if phases.contains(where: { if case .loadingOlder = $0 { true } else { false } }) {
            right += ", loading older\(glyphs.ellipsis)"
        } else if phases.allSatisfy({ $0 == .reachedOldest }) {
            right += ", all loaded"
        }
        return right
    }

    /// Draws on the first row of `canvas` (the status area), and on its second (the footer's row)
    /// when the message needs it. Returns the rows used.
    static func draw(_ state: DashboardState, on canvas: Canvas) -> Int {
        let width = canvas.width
        let row = 0
        let glyphs = canvas.glyphs
        let full = fullRows(state, width: width, glyphs: glyphs)
        if !full.isEmpty, let message = state.statusMessage {
            let style = message.isError ? CellStyle(.error, bold: true) : CellStyle(bold: true)
            for (offset, text) in full.enumerated() {
                canvas.put(text, row: row + offset, col: 0, width: width, style: style)
            }
            return full.count
        }
        let right = countText(state, glyphs: glyphs)
        let rightWidth = min(DisplayWidth.of(right), width / 2)
        canvas.put(right, row: row, col: width - rightWidth, width: rightWidth, style: CellStyle(.muted))
        let leftWidth = width - rightWidth - 1

        let left: StyledLine
        if state.filter.editing {
            left = [Span("Filter: ", CellStyle(bold: true)), Span(CleanText(state.filter.text)), Span("_", CellStyle(reverse: true))]
                + (state.filter.problem.map { [Span("  " + $0, CellStyle(.warning))] } ?? [])
        } else if let message = state.statusMessage {
            left = [Span(CleanText(FailureText.text(message)).ellipsized(to: leftWidth, glyphs: glyphs), CellStyle(bold: true))]
        } else if state.filter.isActive {
            left = [Span("Filter: "), Span(CleanText(state.filter.text), CellStyle(bold: true)),
                    Span(state.filter.problem == nil ? "  (Esc clears)" : "  (not a filter: the last one applies; Esc clears)", CellStyle(.muted))]
        } else {
            left = []
        }
        canvas.put(left, row: row, col: 0, width: leftWidth)
        return 1
    }
}
