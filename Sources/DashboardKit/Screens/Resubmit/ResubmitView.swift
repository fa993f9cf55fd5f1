import DisplayText
import ICWSWire
import JobComposition

/// The resubmit review: exactly what `y` sends, and the keys.
enum ResubmitView {
    static func draw(_ review: ResubmitReview, state: DashboardState, on canvas: Canvas) {
        let width = max(20, min(100, canvas.width - 8))
        let configs = review.configs(submittedUserId: state.submittingUser(on: review.job.context))
        let config = configs[0]
        var lines: [StyledLine] = review.fill == nil ? [[Span("Send job \(review.jobId) again?", CellStyle(bold: true))], []]
            : ResubmitView.fillLines(configs, perPeriod: review.fill?.perPeriod ?? true, format: state.options.timeFormat, glyphs: canvas.glyphs)
        if state.servers.count > 1, let index = state.serverIndex(review.job.context) {
            lines.append([Span("Server: \(state.servers[index].label) (the job's own)")])
        }
        lines.append([Span("Name: \(config.name)")])
        for text in ComposerView.review(JobDraft(of: config), format: state.options.timeFormat) {
            for line in CleanText(text).wrapped(to: width) { lines.append([Span(line)]) }
        }
        if review.shifted { lines.append([Span("(window shifted forward by its length; w undoes)", CellStyle(.warning))]) }
        for problem in review.problems + [review.refusal.map { FailureText.sentence(.submit, $0) }].compactMap(\.self) {
            for line in CleanText(problem).wrapped(to: width - 2) { lines.append([Span("! ", CellStyle(.error)), Span(line, CellStyle(.error))]) }
        }
        if review.submitting { lines.append([Span("Submitting…", CellStyle(bold: true))]) }
        lines.append([])
        lines.append(FooterView.hintLine(state, in: .resubmit))
        BoxView.draw(title: "Resubmit job", lines: lines, minWidth: width, on: canvas)
    }

    /// A gap fill's heading: how many jobs, and each one's window (the rest of the review shows the first).
    static func fillLines(_ configs: [JobConfig], perPeriod: Bool, format: TimeFormat, glyphs: Glyphs) -> [StyledLine] {
        var lines: [StyledLine] = [[Span("Fill the gap: send \(configs.count) job\(configs.count == 1 ? "" : "s") (\(perPeriod ? "one per period" : "one over the whole gap"))?",
                                         CellStyle(bold: true))]]
        for config in configs.prefix(6) {
            guard let window = TimeWindow(of: config) else { continue }
            lines.append([Span("  \(format.short(window.start)) \(glyphs.arrow) \(format.short(window.end))")])
        }
        if configs.count > 6 { lines.append([Span("  and \(configs.count - 6) more", CellStyle(.muted))]) }
        lines.append([])
        return lines
    }
}
