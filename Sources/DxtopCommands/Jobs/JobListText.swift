import DisplayText
import Foundation
import ICWSWire

/// A job of a listing, with the context it came from when the listing spans several.
struct ListedJob: Sendable {
    let context: String?
    let status: JobStatus
}

/// The human table of `jobs list`: [context,] id, state, name, submitted by, submitted, duration;
/// `wide` adds queued, started, ended, output folder and error. Names are clipped only on a terminal.
struct JobListText {
    var showContext = false
    var wide = false
    /// Clip names and users to fit a terminal (never ids).
    var clip = false
    let format: TimeFormat
    let now: Date

    static let nameWidth = 40
    static let userWidth = 20

    /// The table of `jobs`, header included.
    func table(_ jobs: [ListedJob]) -> TextTable {
        var titles = ["ID", "STATE", "NAME", "SUBMITTED BY", "SUBMITTED", "DURATION"]
        if wide { titles += ["QUEUED", "STARTED", "ENDED", "OUTPUT FOLDER", "ERROR"] }
        if showContext { titles.insert("CONTEXT", at: 0) }
        var table = TextTable(headers: titles)
        for job in jobs {
            let status = job.status
            var row = [
                TerminalSafe.clean(status.id),
                status.stateText,
                cell(status.name, width: Self.nameWidth),
                cell(status.submittedUserId, width: Self.userWidth),
                time(status.submitTime),
                status.duration(now: now).map(TimeFormat.duration) ?? "-",
            ]
            if wide {
                let ended = status.finishedTime ?? status.failedTime ?? status.canceledTime
                row += [time(status.queuedTime), time(status.startedTime), time(ended),
                        status.outputFolder.map(TerminalSafe.clean) ?? "-", status.errorInfo.map(TerminalSafe.clean) ?? "-"]
            }
            if showContext { row.insert(TerminalSafe.clean(job.context ?? "-"), at: 0) }
            table.append(row)
        }
        return table
    }

    private func cell(_ text: String, width: Int) -> String {
        clip && !wide ? Cell.clean(text, width: width) : TerminalSafe.clean(text)
    }

    private func time(_ date: Date?) -> String { date.map(format.timestamp) ?? "-" }
}
