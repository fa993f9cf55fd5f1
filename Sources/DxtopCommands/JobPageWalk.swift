import ICWSClient
import ICWSWire

/// Fetching one page of job statuses, or every page.
enum JobPageWalk {
    static func fetch(session: ICWSSession, count: Int, from: String?, all: Bool) async throws -> [JobStatus] {
        var jobs: [JobStatus] = []
        var seen = Set<String>()
        var cursor = from
        while true {
            let page = try await session.listJobs(count: count, fromJobId: cursor, mode: .status).compactMap(\.jobStatus)
            // A server that ignores `fromJobId` would repeat a page forever: stop at the first repeat.
            let fresh = page.filter { seen.insert($0.id).inserted }
            jobs += fresh
            guard all, page.count >= count, fresh.count == page.count, let last = page.last else { return jobs }
            cursor = last.id
        }
    }
}
