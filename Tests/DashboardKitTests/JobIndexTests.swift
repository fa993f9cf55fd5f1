import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

/// The job index on its own: after every put, sort and filter, each incremental structure (merged
/// order over servers, rows and their positions, filter text, narrowing, state counts, id
/// prefixes) equals a rebuild from the loaded jobs (`brokenInvariants`).
// Serialized: each seed is up to half a second of synchronous work; all seeds side by side held both
// cooperative threads of a 2-core test run, and the other tests' servers stopped answering.
@Suite("Job index", .serialized)
struct JobIndexTests {
    static let servers = [ContextID(0), ContextID(1)]
    static func label(_ context: ContextID) -> String? { ["lab", "prod"][context.index] }

    @Test(arguments: 0..<10) func randomPutsSortsAndFiltersKeepItInStep(seed: UInt64) async {
        var random = SplitMix(seed: seed)
        var index = JobIndex()
        var newest = [5000, 5000], oldest = [5000, 5000]
        let now = Fixture.at(40)
        for step in 0..<150 {
            // Each step is milliseconds of synchronous work: give the cooperative threads back to
            // the other tests (servers, pilots) between steps, as a 2-core run has only two.
            await Task.yield()
            let server = random.below(2)
            let context = Self.servers[server]
            switch random.below(10) {
            case 0, 1:
                let from = oldest[server] - 1 + random.below(3)
                let page = Fixture.page(from: from, count: 1 + random.below(25))
                oldest[server] = min(oldest[server], from - page.count + 1)
                index.put(page, from: context, label: Self.label(context), older: true, now: now)
            case 2, 3:
                let added = random.below(6)
                var page = Fixture.page(from: newest[server] + added, count: added + 1 + random.below(5))
                if random.below(4) == 0, page.count > 3 { page.insert(Fixture.job(900_000 + step, .queued), at: page.count - 1) }
                newest[server] += added
                index.put(page, from: context, label: Self.label(context), older: false, now: now)
            case 4, 5:
                var statuses: [JobStatus] = []
                for _ in 0..<(1 + random.below(4)) {
                    let id = oldest[server] + random.below(max(1, newest[server] - oldest[server] + 1))
                    let states: [JobState] = [.queued, .started, .finished, .failed]
                    var job = Fixture.job(id, states[random.below(states.count)])
                    if random.below(3) == 0 { job.name = ["alpha", "beta", "alphabet", "Gamma"][random.below(4)] }
                    if random.below(8) == 0 { job.submitTime = job.submitTime?.addingTimeInterval(Double(random.below(600))) }
                    statuses.append(job)
                }
                index.put(statuses, from: context, label: Self.label(context), older: false, now: now)
            case 6:
                let text = index.needle
                let next = random.below(3) == 0 && !text.isEmpty ? String(text.dropLast())
                    : text.count > 4 ? "" : text + ["a", "l", "5", "1", "-", "p", "ro"][random.below(7)]
                index.setFilter(next, now: now)
            case 7:
                index.setSort(index.sort.next, now: now)
            default:
                // Any column the list sorts by, either way round.
                let columns = ListColumn.allCases.filter(\.isSortable)
                index.setSort(SortOrder(columns[random.below(columns.count)], reversed: random.below(2) == 0), now: now)
            }
            let broken = index.brokenInvariants(servers: Self.servers, now: now, label: Self.label)
            #expect(broken.isEmpty, "seed \(seed) step \(step): \(broken)")
            if !broken.isEmpty { return }
        }
    }

    @Test func aStatusNeverTakesAJobBackInItsLife() {
        var index = JobIndex()
        let key = JobKey(context: .first, id: "1042")
        index.put([Fixture.job(1042, .finished)], from: .first, label: nil, older: false, now: nil)
        index.put([Fixture.job(1042, .started)], from: .first, label: nil, older: false, now: nil)
        #expect(index.jobs[key]?.state == .finished)
        #expect(index.stateCounts == [.finished: 1])
    }

    @Test func theFilterNarrowsAndWidensWithoutLosingRows() {
        var index = JobIndex()
        index.put(Fixture.page(from: 1010, count: 10), from: .first, label: nil, older: false, now: nil)
        index.setFilter("1005", now: nil)
        #expect(index.rows.count == 1)
        index.setFilter("100", now: nil)
        #expect(index.rows.count == 9, "1001…1009")
        index.setFilter("", now: nil)
        #expect(index.rows.count == 10)
        #expect(index.brokenInvariants(servers: [.first], now: nil) { _ in nil }.isEmpty)
    }
}
