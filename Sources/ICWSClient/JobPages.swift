import ICWSWire

extension ICWSSession {
    /// Every job, newest first, one page at a time (with each page's warnings): each page asks for the jobs before the last id
    /// of the previous page, until an empty page, or a page that repeats a job of the previous page
    /// (a server that ignores `fromJobId` would otherwise loop forever). A short page does not end
    /// the walk: a server may cap `jobCount` below what was asked, and the one extra request at the
    /// end is cheaper than a listing cut short.
    ///
    /// Each page is asked for while the caller is busy with the one before (one page ahead, no
    /// more), and only the previous page's ids are remembered, so a walk of any length takes the
    /// memory of two pages however slowly the caller writes the pages out.
    ///
    /// - Parameter fromJobId: start with the jobs before this id (nil: the most recent jobs).
    public nonisolated func allJobs(from fromJobId: String? = nil, pageSize: Int = ICWSProtocol.defaultJobCount,
                                    mode: JobsResponseMode = .status) -> JobPageSequence {
        JobPageSequence(paging: JobPaging(pageSize: pageSize, from: fromJobId), mode: mode) { JobPageReadAhead(session: self) }
    }
}

/// The pages of `ICWSSession.allJobs`, fetched as they are iterated, each with the next one read
/// ahead.
public struct JobPageSequence: AsyncSequence, Sendable {
    public typealias Element = JobPage

    let paging: JobPaging
    let mode: JobsResponseMode
    /// A reader per iteration, so each walk has its own page ahead.
    let reader: @Sendable () -> JobPageReadAhead

    public func makeAsyncIterator() -> Iterator {
        Iterator(paging: paging, mode: mode, pages: reader())
    }

    public struct Iterator: AsyncIteratorProtocol {
        var paging: JobPaging
        let mode: JobsResponseMode
        let pages: JobPageReadAhead

        /// The next page with jobs not seen before (or warnings); nil once the walk is done. The
        /// page after it is on its way when this returns.
        public mutating func next() async throws -> JobPage? {
            while let from = paging.next {
                let page = try await pages.page(request(from))
                let fresh = paging.accept(page.jobs)
                if let after = paging.next { pages.start(request(after)) }
                if !fresh.isEmpty || !page.warnings.isEmpty { return JobPage(jobs: fresh, warnings: page.warnings) }
            }
            return nil
        }

        private func request(_ start: JobPaging.Start) -> JobPageReadAhead.Request {
            JobPageReadAhead.Request(count: paging.pageSize, fromJobId: start.id, mode: mode)
        }
    }
}

/// The walk of `allJobs`, without I/O: which page to ask for next, and when to stop.
struct JobPaging: Sendable {
    /// The `fromJobId` of the next request (`id` nil: the most recent jobs); nil when done.
    struct Start: Sendable, Equatable {
        var id: String?
    }

    let pageSize: Int
    private(set) var next: Start?
    /// The ids of the previous page.
    private var previous: Set<String> = []

    init(pageSize: Int, from fromJobId: String?) {
        self.pageSize = pageSize
        next = Start(id: fromJobId)
    }

    /// Takes a page; returns its jobs not seen before and sets `next`. Stops after an empty page, a
    /// page that repeats an id, or a page whose last job has no id.
    mutating func accept(_ page: [Job]) -> [Job] {
        var repeated = false
        var ids: Set<String> = []
        let fresh = page.filter { job in
            guard let id = job.id else { return true }
            guard !previous.contains(id), ids.insert(id).inserted else {
                repeated = true
                return false
            }
            return true
        }
        previous = ids
        if page.isEmpty || repeated || pageSize < 1 {
            next = nil
        } else {
            next = page.last?.id.map { Start(id: $0) }
        }
        return fresh
    }
}
