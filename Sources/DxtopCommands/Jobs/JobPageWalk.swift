import DisplayText
import HistorySync
import ICWSClient
import ICWSWire

/// Fetching one page of job statuses, or every page (through the core's paging walk). A job the
/// server sent malformed is shown as far as it decodes, and each problem is a one-line warning on
/// stderr; the good jobs are kept.
enum JobPageWalk {
    /// Page size of `--all` when `--count` is not given: large pages cost the server far fewer
    /// requests (100,000 jobs: 100 requests instead of 3,334), and the listing is written page by page.
    static let allPageSize = HistorySync.pageSize

    /// Every job of the listing, in one array (several contexts are merged after all arrived).
    static func fetch(session: ICWSSession, count: Int, from: String?, all: Bool) async throws -> [JobStatus] {
        var jobs: [JobStatus] = []
        try await walk(session: session, count: count, from: from, all: all) { jobs += $0 }
        return jobs
    }

    /// Hands each page to `each` as it arrives, so a listing of any length is written in the
    /// memory of one page.
    static func walk(session: ICWSSession, count: Int, from: String?, all: Bool,
                     _ each: ([JobStatus]) throws -> Void) async throws {
        guard all else {
            let page = try await session.jobPage(count: count, fromJobId: from, mode: .status)
            warn(page.warnings)
            try each(page.jobs.compactMap(\.jobStatus))
            return
        }
        for try await page in session.allJobs(from: from, pageSize: count, mode: .status) {
            warn(page.warnings)
            try each(page.jobs.compactMap(\.jobStatus))
        }
    }

    private static func warn(_ warnings: [String]) {
        for warning in warnings { StandardStreams.note("warning: " + OneLine.safe(warning)) }
    }
}
