import DisplayText
import Foundation
import ICWSWire

/// The human table of `jobs list`: id, state, name, submitted by, submitted, duration.
enum JobListText {
    static let nameWidth = 40
    static let userWidth = 20
    /// A whole GUID job id (36 characters): ids are never cut, scripts pass them to other commands.
    static let idWidth = 36

    static func lines(_ jobs: [JobStatus], format: TimeFormat, now: Date) -> [String] {
        var table = TextTable(headers: ["ID", "STATE", "NAME", "SUBMITTED BY", "SUBMITTED", "DURATION"])
        for job in jobs {
            table.append([
                Cell.clean(job.id, width: idWidth),
                job.stateText,
                Cell.clean(job.name, width: nameWidth),
                Cell.clean(job.submittedUserId, width: userWidth),
                job.submitTime.map(format.timestamp) ?? "-",
                job.duration(now: now).map(TimeFormat.duration) ?? "-",
            ])
        }
        return table.lines()
    }
}
