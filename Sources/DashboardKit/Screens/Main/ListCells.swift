import DisplayText
import Foundation
import ICWSWire

/// One cell of the job list: the text of a column for a job, and its own style when it has one
/// (the state's colour, a pending cancel, an overdue job); nil draws it in the row's style.
struct ListCell {
    var text: String
    var style: CellStyle?

    static func of(_ column: ListColumn, job: JobStatus, key: JobKey, state: DashboardState, glyphs: Glyphs, now: Date) -> ListCell {
        let time = state.options.timeFormat
        func at(_ date: Date?) -> ListCell { ListCell(text: date.map { time.listed($0, now: now) } ?? "-") }
        switch column {
        case .state:
            return ListCell(text: job.knownState.word, style: StateStyle.style(job.knownState, bold: true))
        case .context:
            let server = state.serverIndex(key.context).map { state.servers[$0] }
            return ListCell(text: server?.label ?? "", style: CellStyle(.context, color: server?.options.color))
        case .name:
            guard state.pendingCancels.contains(key) else { return ListCell(text: job.name) }
            return ListCell(text: "[canceling\(glyphs.ellipsis)] \(job.name)", style: CellStyle(.pending))
        case .id: return ListCell(text: String(state.shortId(job.id)))
        case .user: return ListCell(text: job.submittedUserId)
        case .submitted: return at(job.submitTime)
        case .queued: return at(job.queuedTime)
        case .started: return at(job.startedTime)
        case .ended: return at(job.finishedTime ?? job.failedTime ?? job.canceledTime)
        case .duration: return ListCell(text: job.duration(now: now).map(TimeFormat.duration) ?? "-")
        case .usual:
            let progress = state.progressCell(job, key: key, now: now, glyphs: glyphs)
            return ListCell(text: progress.text, style: progress.style)
        case .eta:
            let server = RunHistory.server(key.context)
            guard !job.knownState.hasEnded, let eta = state.history.model.progress(server: server, jobId: key.id, now: now)?.eta else {
                return ListCell(text: "")
            }
            return at(eta)
        case .runs: return ListCell(text: state.sparklineCell(key, glyphs: glyphs))
        case .output: return ListCell(text: OneLine.folded(job.outputFolder ?? ""))
        case .error: return ListCell(text: OneLine.folded(job.errorInfo ?? ""))
        }
    }

    /// `text` pushed to the right of `width` cells (numbers line up).
    static func rightAligned(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}

extension ListColumn {
    /// Numbers line up on the right.
    var isRightAligned: Bool { self == .duration }

    /// Names, folders and errors: cut with `…` to their column.
    var isFreeText: Bool { [.context, .name, .output, .error].contains(self) }
}

extension Glyphs {
    /// Marks the column the list is sorted by when the sort is reversed.
    var reversedSortMarker: String { sortMarker == Glyphs.ascii.sortMarker ? "^" : "▲" }
}
