import ArgumentParser
import Foundation

/// Checks a job id from the command line before it becomes a URL path segment: an empty or blank
/// id, `.` or `..` would address the job list (`…/jobs/`) or another path instead of a job.
enum JobIdArgument {
    /// Throws a usage error naming `what` (e.g. "JOB_ID", "--from") for an id that cannot be a job.
    static func validate(_ id: String, as what: String = "job id") throws {
        let trimmed = id.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("\(what) cannot be empty") }
        guard trimmed != ".", trimmed != ".." else {
            throw ValidationError("\(what) cannot be '\(trimmed)'")
        }
    }
}
