import Synchronization
import ICWSWire

/// One job-list page asked for before it is wanted: while the caller is still busy with a page
/// (writing it out, merging it), the next one is already on its way — one page ahead, no more.
/// A page asked for with other arguments than the one read ahead drops it, and so do `drop()`
/// and the end of the reader: a page read ahead and not wanted is cancelled, never handed out.
public final class JobPageReadAhead: Sendable {
    /// One GET data-extractor/jobs: `jobCount`, `fromJobId` (nil: the newest) and `jobsResponseMode`.
    public struct Request: Hashable, Sendable {
        public var count: Int
        public var fromJobId: String?
        public var mode: JobsResponseMode

        public init(count: Int, fromJobId: String?, mode: JobsResponseMode = .status) {
            self.count = count
            self.fromJobId = fromJobId
            self.mode = mode
        }
    }

    typealias Fetch = @Sendable (Request) async throws -> JobPage

    private let fetch: Fetch
    private let ahead = Mutex<(request: Request, task: Task<JobPage, any Error>)?>(nil)

    public convenience init(session: ICWSSession) {
        self.init { try await session.jobPage(count: $0.count, fromJobId: $0.fromJobId, mode: $0.mode) }
    }

    init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    deinit { drop() }

    /// The page `request` asks for: the one read ahead when it is that page (awaited if still on
    /// its way), otherwise fetched now (a different page read ahead is dropped).
    public func page(_ request: Request) async throws -> JobPage {
        let readAhead = ahead.withLock { held -> Task<JobPage, any Error>? in
            defer { held = nil }
            guard let task = held?.task else { return nil }
            if held?.request == request { return task }
            task.cancel()
            return nil
        }
        guard let readAhead else { return try await fetch(request) }
        return try await withTaskCancellationHandler { try await readAhead.value } onCancel: { readAhead.cancel() }
    }

    /// Sends `request` now for a later `page(request)`; a page read ahead before is dropped.
    public func start(_ request: Request) {
        let fetch = fetch
        let task = Task { try await fetch(request) }
        let dropped = ahead.withLock { held -> Task<JobPage, any Error>? in
            defer { held = (request, task) }
            return held?.task
        }
        dropped?.cancel()
    }

    /// Drops the page read ahead, if any (its request is cancelled).
    public func drop() {
        let dropped = ahead.withLock { held -> Task<JobPage, any Error>? in
            defer { held = nil }
            return held?.task
        }
        dropped?.cancel()
    }
}
