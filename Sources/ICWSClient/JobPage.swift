import ICWSWire

/// One page of jobs and what was left out of it: a job that did not decode (no id) is skipped, a
/// field of the wrong type or with a bad value is dropped, each with a one-line warning (server
/// text, unsanitised) that front ends show next to the jobs.
public struct JobPage: Sendable, Hashable {
    public var jobs: [Job]
    public var warnings: [String]

    public init(jobs: [Job], warnings: [String] = []) {
        self.jobs = jobs
        self.warnings = warnings
    }
}
