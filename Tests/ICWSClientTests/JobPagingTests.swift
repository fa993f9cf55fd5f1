import ICWSWire
import Testing
@testable import ICWSClient

/// The page walk of `allJobs`, against pages a server could send (including wrong ones).
@Suite struct JobPagingTests {
    private func page(_ ids: ClosedRange<Int>) -> [Job] {
        ids.reversed().map { Job(jobStatus: JobStatus(id: String($0), name: "j\($0)", submittedUserId: "u")) }
    }

    @Test func pagesContinueFromTheLastIdUntilAnEmptyPage() {
        var paging = JobPaging(pageSize: 3, from: nil)
        #expect(paging.next == JobPaging.Start(id: nil))
        #expect(paging.accept(page(8...10)).count == 3)
        #expect(paging.next == JobPaging.Start(id: "8"))
        #expect(paging.accept(page(6...7)).count == 2)
        #expect(paging.next == JobPaging.Start(id: "6"))
        #expect(paging.accept([]).isEmpty)
        #expect(paging.next == nil)
    }

    /// A server that caps `jobCount` below the page size sends short pages that are not the end:
    /// stopping at the first short page would cut the listing.
    @Test func aShortPageFromAServerThatCapsTheCountIsNotTheEnd() {
        var paging = JobPaging(pageSize: 1000, from: nil)
        #expect(paging.accept(page(8...10)).count == 3)
        #expect(paging.next == JobPaging.Start(id: "8"))
        #expect(paging.accept(page(5...7)).compactMap(\.id) == ["7", "6", "5"])
        #expect(paging.next == JobPaging.Start(id: "5"))
    }

    @Test func startsFromTheGivenId() {
        #expect(JobPaging(pageSize: 3, from: "42").next == JobPaging.Start(id: "42"))
    }

    /// A server that ignores `fromJobId` sends the first page again: without the repeat check the
    /// walk never ends.
    @Test func aRepeatedPageStopsTheWalk() {
        var paging = JobPaging(pageSize: 3, from: nil)
        _ = paging.accept(page(8...10))
        #expect(paging.accept(page(8...10)).isEmpty)
        #expect(paging.next == nil)
    }

    @Test func aPageOverlappingTheLastYieldsOnlyNewJobsAndStops() {
        var paging = JobPaging(pageSize: 3, from: nil)
        _ = paging.accept(page(8...10))
        #expect(paging.accept(page(7...9)).compactMap(\.id) == ["7"])
        #expect(paging.next == nil)
    }

    @Test func emptyPageStops() {
        var paging = JobPaging(pageSize: 3, from: "5")
        #expect(paging.accept([]).isEmpty)
        #expect(paging.next == nil)
    }
}
