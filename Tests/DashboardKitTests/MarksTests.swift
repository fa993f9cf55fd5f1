import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Marks and bulk cancel")
struct MarksTests {
    @Test func spaceMarksAndMovesDownAndAgainUnmarks() {
        var state = Fixture.state(jobs: Fixture.page(from: 1071, count: 6))
        Fixture.press(&state, .char(" "), .char(" "))
        #expect(state.marks.keys == ["1071", "1070"])
        #expect(state.selectedId == "1069")
        Fixture.press(&state, .char("k"), .char(" "))
        #expect(state.marks.keys == ["1071"])
    }

    @Test func vMarksTheRangeFromTheLastMark() {
        var state = Fixture.state(jobs: Fixture.page(from: 1071, count: 8))
        Fixture.press(&state, .char("j"), .char("V"))
        #expect(state.marks.keys == ["1070"], "the first V starts the range")
        Fixture.press(&state, .char("j"), .char("j"), .char("j"), .char("V"))
        #expect(state.marks.keys == ["1070", "1069", "1068", "1067"])
        Fixture.press(&state, .char("u"))
        #expect(state.marks.isEmpty)
    }

    @Test func marksSurvivePagesStatusesSortsAndFilters() {
        var state = Fixture.state(jobs: Fixture.page(from: 1071, count: 4), pageSize: 4)
        Fixture.press(&state, .char(" "), .char("j"), .char(" "))
        let marked: Set<JobKey> = ["1071", "1069"]
        #expect(state.marks.keys == marked)
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1067, count: 4), olderThan: "1068", requested: 4, at: Fixture.at(30)))
        Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1080, .started, minute: 33)] + Fixture.page(from: 1071, count: 3),
                                         olderThan: nil, requested: 4, at: Fixture.at(33)))
        Fixture.send(&state, .statusesReceived([Fixture.job(1071, .finished, minute: 29)], at: Fixture.at(34)))
        Fixture.press(&state, .char("s"), .char("/"), .char("1"), .char("0"), .char("7"), .escape)
        #expect(state.marks.keys == marked)
        let grid = Snapshot.render(state, width: 120, height: 40)
        #expect(grid.text.contains("2 marked"))
        let rows = grid.text.split(separator: "\n").filter { $0.contains(Glyphs.unicode.marked) }
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains("extract-1069") || $0.contains("extract-1071") })
    }

    @Test func cWithMarksAsksOnceForEveryJobAndSendsEachToItsServer() throws {
        let options = DashboardOptions(contexts: [ContextOptions(name: "lab"), ContextOptions(name: "prod"),
                                                  ContextOptions(name: "archive", readOnly: true)])
        var state = DashboardState(options: options, width: 120, height: 40)
        for index in 0..<3 {
            let jobs = [Fixture.job(1043, .started, name: "nightly"), Fixture.job(1042, .finished), Fixture.job(1041, .queued)]
            _ = update(&state, .pageLoaded(context: ContextID(index), jobs: jobs, olderThan: nil, requested: 50, at: Fixture.at(29)))
        }
        for key in state.visibleIds { state.marks.toggle(key) }
        Fixture.press(&state, .char("c"))
        let dialog = try #require(state.bulkCancel)
        #expect(!dialog.yesSelected)
        var grid = Snapshot.render(state, width: 120, height: 40)
        #expect(grid.text.contains("Cancel 4 jobs on 2 servers? 2 already ended and will be skipped."))
        #expect(grid.text.contains("3 jobs on read-only contexts left out."))
        #expect(Fixture.press(&state, .enter).isEmpty, "No is selected: Enter sends nothing")
        #expect(state.bulkCancel == nil)

        Fixture.press(&state, .char("c"))
        let id = state.topScreenID!
        let effects = Fixture.press(&state, .char("y"))
        #expect(Set(effects.map { "\($0)" }) == Set(["1043", "1041"].flatMap { job in
            [0, 1].map { "\(Effect.cancelJob(id: JobKey(context: ContextID($0), id: job), requester: id))" }
        }))
        Fixture.send(&state, .screenReply(id, .cancelSent(JobKey(context: ContextID(0), id: "1043"))),
                     .screenReply(id, .cancelRefused(JobKey(context: ContextID(1), id: "1043"), Failure(.permission, "not yours\u{1b}[31m"))))
        let results = state.bulkCancel!.entries
        #expect(results.first { $0.key == JobKey(context: ContextID(0), id: "1043") }?.outcome == .sent)
        #expect(results.first { $0.key == JobKey(context: ContextID(2), id: "1043") }?.outcome == .skipped(.readOnly))
        grid = Snapshot.render(state, width: 120, height: 40)
        #expect(grid.text.contains("1 sent, 1 refused, 2 waiting for an answer, 5 skipped."))
        #expect(grid.text.contains("refused: not yours"))
        #expect(!grid.text.contains("\u{1b}"))
        #expect(!state.marks.contains(JobKey(context: ContextID(0), id: "1043")), "a sent job loses its mark")
        #expect(state.marks.contains(JobKey(context: ContextID(1), id: "1043")), "a refused one keeps it")
    }
}
