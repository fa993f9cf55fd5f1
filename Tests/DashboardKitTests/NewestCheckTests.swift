import Testing
import ICWSWire
@testable import DashboardKit

/// The idle check: the server's newest job decides whether its newest page is fetched.
@Suite("Idle check for new jobs")
struct NewestCheckTests {
    let jobs = Fixture.page(from: 1100, count: 30)

    @Test func aListedNewestJobFetchesNothingAndChangesNothing() {
        var state = Fixture.state(jobs: jobs)
        let before = state
        #expect(Fixture.send(&state, .newestChecked(newestId: "1100")).isEmpty)
        #expect(state.clock == before.clock && state.lastDataAt == before.lastDataAt, "an idle check does not redraw")
        #expect(Fixture.send(&state, .newestChecked(newestId: nil)).isEmpty, "a server with no jobs has nothing new")
    }

    @Test func anUnknownNewestJobFetchesTheNewestPageOnce() {
        var state = Fixture.state(jobs: jobs)
        #expect(Fixture.send(&state, .newestChecked(newestId: "1101")) == [.loadNewestPage(count: 50)])
        #expect(Fixture.send(&state, .newestChecked(newestId: "1101")).isEmpty, "one newest page at a time")
    }
}
