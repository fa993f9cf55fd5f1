import DisplayText
import ICWSClient
import ICWSWire

/// Fetching one page of job statuses, or every page (through the core's paging walk). A job the
/// server sent malformed is shown as far as it decodes, and each problem is a one-line warning on
/// stderr; the good jobs are kept.
enum JobPageWalk {
    static func fetch(session: ICWSSession, count: Int, from: String?, all: Bool) async throws -> [JobStatus] {
        guard all else {
            let page = try await session.jobPage(count: count, fromJobId: from, mode: .status)
            warn(page.warnings)
            return page.jobs.compactMap(\.jobStatus)
        }
        var jobs: [JobStatus] = []
        for try await page in session.allJobs(from: from, pageSize: count, mode: .status) {
            warn(page.warnings)
            jobs += page.jobs.compactMap(\.jobStatus)
        }
        return jobs
    }

    private static func warn(_ warnings: [String]) {
        for warning in warnings { StandardStreams.note("warning: " + OneLine.safe(warning)) }
    }
}
