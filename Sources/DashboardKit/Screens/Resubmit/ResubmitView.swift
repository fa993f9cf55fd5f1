import ICWSWire
import JobComposition

/// The resubmit review: exactly what `y` sends, and the keys.
enum ResubmitView {
    static func draw(_ review: ResubmitReview, state: DashboardState, on canvas: Canvas) {
        let width = max(20, min(100, canvas.width - 8))
        let config = review.config(submittedUserId: state.submittingUser(on: review.job.context))
        var lines: [StyledLine] = [[Span("Send job \(review.jobId) again?", CellStyle(bold: true))], []]
        if state.servers.count > 1, let index = state.serverIndex(review.job.context) {
            lines.append([Span("Server: \(state.servers[index].label) (the job's own)")])
        }
        lines.append([Span("Name: \(config.name)")])
        let draft = JobDraft(name: config.name,
                             dataSets: config.tableConfigs.map { DataSetChoice(name: $0.name, kind: .table, columns: $0.column.map(\.name)) }
                                 + config.viewConfigs.map { DataSetChoice(name: $0.name, kind: .view, columns: $0.column.map(\.name)) },
                             window: TimeWindow(of: config), siteIds: config.siteIds)
        for text in ComposerView.review(draft, format: state.options.timeFormat) {
            for line in CleanText(text).wrapped(to: width) { lines.append([Span(line)]) }
        }
        if review.shifted { lines.append([Span("(window shifted forward by its length; w undoes)", CellStyle(color: .cyan))]) }
        for problem in review.problems + [review.refusal.map { FailureText.sentence(.submit, $0) }].compactMap(\.self) {
            for line in CleanText(problem).wrapped(to: width - 2) { lines.append([Span("! ", CellStyle(color: .red, bold: true)), Span(line, CellStyle(color: .red))]) }
        }
        if review.submitting { lines.append([Span("Submitting…", CellStyle(bold: true))]) }
        lines.append([])
        lines.append(FooterView.hintLine(state, in: .resubmit))
        BoxView.draw(title: "Resubmit job", lines: lines, minWidth: width, on: canvas)
    }
}
