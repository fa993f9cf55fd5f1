import ICWSClient
import ICWSWire

/// Fetching one page of job statuses, or every page (through the core's paging walk).
enum JobPageWalk {
    static func fetch(session: ICWSSession, count: Int, from: String?, all: Bool) async throws -> [JobStatus] {
        guard all else {
            return try await session.listJobs(count: count, fromJobId: from, mode: .status).compactMap(\.jobStatus)
        }
        var jobs: [JobStatus] = []
        for try await page in session.allJobs(from: from, pageSize: count, mode: .status) {
            jobs += page.compactMap(\.jobStatus)
        }
        return jobs
    }
}
