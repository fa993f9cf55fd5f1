import ICWSWire
import Synchronization
import Testing
@testable import ICWSClient

/// The walk of `allJobs` asks for each page while the caller still holds the one before.
@Suite struct JobPageReadAheadTests {
    /// A server of `total` jobs with ids "1"…"total", newest (highest) first; every request it
    /// gets is also sent to `asked`.
    private struct FakeServer: Sendable {
        let total: Int
        let asked: AsyncStream<JobPageReadAhead.Request>.Continuation

        func page(_ request: JobPageReadAhead.Request) -> JobPage {
            asked.yield(request)
            let top = request.fromJobId.flatMap { Int($0) }.map { $0 - 1 } ?? total
            let ids = stride(from: top, to: max(0, top - request.count), by: -1)
            return JobPage(jobs: ids.map { Job(jobStatus: JobStatus(id: String($0), name: "j\($0)", submittedUserId: "u")) })
        }
    }

    /// Waits for the next request the fake server got, with a safety net for a request that never
    /// comes (that is the failure this suite looks for; a timely one arrives in microseconds).
    private func nextRequest(_ requests: AsyncStream<JobPageReadAhead.Request>) async -> JobPageReadAhead.Request? {
        await withTaskGroup(of: JobPageReadAhead.Request?.self) { group in
            group.addTask {
                var iterator = requests.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(60))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func theNextPageIsAskedForBeforeTheCallerWantsIt() async throws {
        let (requests, asked) = AsyncStream.makeStream(of: JobPageReadAhead.Request.self)
        let server = FakeServer(total: 7, asked: asked)
        let walk = JobPageSequence(paging: JobPaging(pageSize: 3, from: nil), mode: .status) {
            JobPageReadAhead { server.page($0) }
        }
        var pages = walk.makeAsyncIterator()
        let first = try await pages.next()
        #expect(first?.jobs.compactMap(\.id) == ["7", "6", "5"])
        #expect(await nextRequest(requests) == .init(count: 3, fromJobId: nil))
        let ahead = await nextRequest(requests)
        #expect(ahead == .init(count: 3, fromJobId: "5"), "asked for while the caller still holds the first page")
        #expect(try await pages.next()?.jobs.compactMap(\.id) == ["4", "3", "2"])
        #expect(await nextRequest(requests) == .init(count: 3, fromJobId: "2"))
        #expect(try await pages.next()?.jobs.compactMap(\.id) == ["1"])
        #expect(await nextRequest(requests) == .init(count: 3, fromJobId: "1"), "the empty page that ends the walk")
        #expect(try await pages.next() == nil)
        asked.finish()
        var rest: [JobPageReadAhead.Request] = []
        for await request in requests { rest.append(request) }
        #expect(rest.isEmpty, "each page asked for once, nothing after the end: \(rest)")
    }

    @Test func aPageOtherThanTheOneReadAheadIsFetchedAndTheReadAheadDropped() async throws {
        let (requests, asked) = AsyncStream.makeStream(of: JobPageReadAhead.Request.self)
        let server = FakeServer(total: 10, asked: asked)
        let reader = JobPageReadAhead { server.page($0) }
        reader.start(.init(count: 3, fromJobId: "8"))
        #expect(await nextRequest(requests) == .init(count: 3, fromJobId: "8"))
        let other = try await reader.page(.init(count: 2, fromJobId: "8"))
        #expect(other.jobs.compactMap(\.id) == ["7", "6"])
        #expect(await nextRequest(requests) == .init(count: 2, fromJobId: "8"))
        let again = try await reader.page(.init(count: 3, fromJobId: "8"))
        #expect(again.jobs.compactMap(\.id) == ["7", "6", "5"])
        #expect(await nextRequest(requests) == .init(count: 3, fromJobId: "8"), "the page read ahead was dropped: asked again")
    }

    @Test func theReadAheadPageIsHandedOutOnce() async throws {
        let (requests, asked) = AsyncStream.makeStream(of: JobPageReadAhead.Request.self)
        let server = FakeServer(total: 10, asked: asked)
        let reader = JobPageReadAhead { server.page($0) }
        reader.start(.init(count: 3, fromJobId: nil))
        #expect(try await reader.page(.init(count: 3, fromJobId: nil)).jobs.compactMap(\.id) == ["10", "9", "8"])
        #expect(await nextRequest(requests) == .init(count: 3, fromJobId: nil))
        reader.drop()
        asked.finish()
        var rest: [JobPageReadAhead.Request] = []
        for await request in requests { rest.append(request) }
        #expect(rest.isEmpty, "taken from the read-ahead, not asked again: \(rest)")
    }
}
