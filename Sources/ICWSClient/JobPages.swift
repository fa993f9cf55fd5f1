import ICWSWire

extension ICWSSession {
    /// Every job, newest first, one page at a time: each page asks for the jobs before the last id
    /// of the previous page, until a short or empty page.
    public nonisolated func allJobs(pageSize: Int = ICWSProtocol.defaultJobCount,
                                    mode: JobsResponseMode = .status) -> AsyncThrowingStream<[Job], any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var fromJobId: String?
                    while true {
                        let page = try await listJobs(count: pageSize, fromJobId: fromJobId, mode: mode)
                        if !page.isEmpty { continuation.yield(page) }
                        guard page.count >= pageSize, let last = page.last?.id, last != fromJobId else { break }
                        fromJobId = last
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
