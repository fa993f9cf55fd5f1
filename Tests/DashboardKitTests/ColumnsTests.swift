import Testing
import ICWSWire
@testable import DashboardKit

/// The list's columns (chosen, ordered, sized; giving way when narrow), sorting by any column,
/// `S` reversing, and a saved view's columns and sort.
@Suite("Columns and sort")
struct ColumnsTests {
    let jobs: [JobStatus] = {
        var jobs = [
            Fixture.job(1005, .started, name: "nightly-calls", user: "jdoe"),
            Fixture.job(1004, .finished, name: "weekly-agents", user: "asmith"),
            Fixture.job(1003, .failed, name: "Nightly-IVR", user: "bwong"),
            Fixture.job(1002, .queued, name: "adhoc", user: "jdoe"),
        ]
        jobs[1].outputFolder = "\\\\files\\b"
        jobs[2].errorInfo = "Disk full"
        jobs[3].outputFolder = "\\\\files\\a"
        return jobs
    }()

    @Test func sReversesTheSortAndSKeepsCyclingColumns() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("S"))
        #expect(state.sort == SortOrder(.submitted, reversed: true))
        #expect(state.visibleIds == ["1002", "1003", "1004", "1005"], "oldest first")
        Fixture.press(&state, .char("s"))
        #expect(state.sort == .state, "s goes on to the next column, not reversed")
        Fixture.press(&state, .char("s"), .char("S"))
        #expect(state.sort == SortOrder(.name, reversed: true))
        #expect(state.visibleIds == ["1004", "1003", "1005", "1002"], "Z to A, any case")
    }

    @Test func oldestFirstTakesNewJobsAtTheBottomAndOlderPagesOnTop() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("S"))
        _ = update(&state, .pageLoaded(jobs: [Fixture.job(1006, .queued)] + jobs, olderThan: nil, requested: 50, at: Fixture.at(30)))
        #expect(state.visibleIds == ["1002", "1003", "1004", "1005", "1006"])
        _ = update(&state, .pageLoaded(jobs: [Fixture.job(1001, .finished)], olderThan: "1002", requested: 50, at: Fixture.at(30)))
        #expect(state.visibleIds == ["1001", "1002", "1003", "1004", "1005", "1006"])
        #expect(state.index.brokenInvariants(servers: [ContextID(0)], now: Fixture.at(30), label: { _ in nil }).isEmpty)
    }

    @Test func aColumnWithoutValuesSortsThemLastEitherWay() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("o"))
        for _ in 0..<20 where state.columnChooser?.selected != .output { Fixture.press(&state, .down) }
        Fixture.press(&state, .char("s"))
        #expect(state.sort == SortOrder(.output))
        #expect(Array(state.visibleIds.prefix(2)) == ["1002", "1004"], "\\\\files\\a before \\\\files\\b, jobs without one after")
        Fixture.press(&state, .char("s"))
        #expect(state.sort == SortOrder(.output, reversed: true))
        #expect(Array(state.visibleIds.prefix(2)) == ["1004", "1002"], "Z to A, and still the jobs without one after")
        Fixture.press(&state, .up)
        #expect(state.columnChooser?.selected == .runs, "RUNS is the hidden column above OUTPUT FOLDER")
        Fixture.press(&state, .char("s"))
        #expect(state.sort == SortOrder(.output, reversed: true), "RUNS comes from the run history: no sort")
        guard case .info(let said) = state.statusMessage else { Issue.record("nothing said"); return }
        #expect(said.contains("does not sort by it"))
    }

    @Test func aNarrowListDropsTheOptionalColumnsSubmittedLast() {
        let choice = ColumnChoice([.state, .name, .id, .user, .submitted, .duration, .output])
        let wide = ListLayout(choice, width: 140, idWidth: 8, contextWidth: 0, hasSeries: false)
        #expect(wide.placed.map(\.column) == [.state, .name, .id, .user, .submitted, .duration, .output])
        #expect(wide.width(of: .name) == 140 - 2 - (10 + 1) - (8 + 1) - (12 + 1) - (11 + 1) - (7 + 1) - (24 + 1) - 1)
        let narrow = ListLayout(choice, width: 70, idWidth: 8, contextWidth: 0, hasSeries: false)
        #expect(narrow.placed.map(\.column) == [.state, .name, .id, .user, .submitted, .duration])
        let narrower = ListLayout(choice, width: 58, idWidth: 8, contextWidth: 0, hasSeries: false)
        #expect(narrower.placed.map(\.column) == [.state, .name, .id, .submitted, .duration])
        #expect(ListLayout(choice, width: 30, idWidth: 8, contextWidth: 0, hasSeries: false).width(of: .name) == 4)
    }

    @Test func theChooserHidesMovesAndSizesAndTheListFollows() {
        var state = Fixture.state(jobs: jobs, width: 160)
        Fixture.press(&state, .char("o"))
        #expect(state.columnChooser?.selected == .state)
        func select(_ column: ListColumn) {
            for _ in 0..<20 { Fixture.press(&state, .char("k")) }
            for _ in 0..<20 where state.columnChooser?.selected != column { Fixture.press(&state, .char("j")) }
        }
        Fixture.press(&state, .down, .down, .char(" "))
        #expect(!state.columns.shown.contains(.name), "NAME hidden")
        #expect(state.columnChooser?.selected == .name, "the cursor stays on it: Space again shows it")
        select(.id)
        Fixture.press(&state, .char("K"))
        #expect(state.columns.shown.prefix(3) == [.state, .id, .context])
        select(.state)
        Fixture.press(&state, .char("-"))
        #expect(state.columns.width(.state) == 9)
        Fixture.press(&state, .escape)
        let heading = Snapshot.render(state, width: 160, height: 40).lines[2]
        #expect(!heading.contains("NAME") && heading.hasPrefix("  STATE     ID"), "\(heading)")
        Fixture.press(&state, .char("o"), .char("d"), .escape)
        #expect(state.columns == ColumnChoice())
    }

    @Test func aViewSetsColumnsAndSortAtStart() {
        var options = Fixture.options()
        options.views = [SavedView(name: "errors", filter: "", columns: [.state, .name, .error], sort: SortOrder(.error))]
        options.defaultView = 0
        var state = DashboardState(options: options, width: 160, height: 40)
        _ = update(&state, .pageLoaded(jobs: jobs, olderThan: nil, requested: 50, at: Fixture.at(29)))
        #expect(state.columns.shown == [.state, .name, .error] && state.sort == SortOrder(.error))
        #expect(state.visibleIds.first == "1003", "the job with an error first")
        let heading = Snapshot.render(state, width: 160, height: 40).lines[2]
        #expect(heading.contains("ERROR▼") && !heading.contains("USER"), "\(heading)")
    }
}
