import DisplayText
import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

/// Long server strings and narrow screens: what matters stays visible.
@Suite("Long text and narrow screens")
struct LongTextTests {
    static let longReason = "cannot connect to 127.0.0.1:8018: connection refused"
    static let refusal = "You do not have the right to cancel jobs submitted by other users."

    @Test(arguments: [60, 80, 120])
    func aLongConnectionReasonKeepsWhoAndTheDataAge(width: Int) {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)], width: width, height: 24)
        Fixture.send(&state, .connectionChanged(.reconnecting(attempt: 5, because: .failed(Failure(.unavailable, Self.longReason))), at: Fixture.at(30)))
        let header = Snapshot.render(state, width: width, height: 24).lines[0]
        #expect(header.hasPrefix("dxtop  "), "the title stays: \(header)")
        #expect(header.contains(width == 60 ? "dxtop  cic01.example.…" : "dxtop  jdoe@cic01.example.com"), "\(header)")
        #expect(header.contains("last data 10:29:00"), "\(header)")
        #expect(header.contains("reconnecting"), "\(header)")
        if width >= 80 {
            #expect(header.contains(": cannot con"), "\(header)")
            #expect(header.contains(": \(Self.longReason) · ") || header.contains("… · last data"), "whole or visibly shortened: \(header)")
        }
    }

    @Test func theConfiguredServerAndUserShowBeforeLogin() {
        let options = DashboardOptions(timeFormat: .utc, server: "cic02.example.com", user: "ops")
        var state = DashboardState(options: options, width: 80, height: 24)
        #expect(Snapshot.render(state, width: 80, height: 24).lines[0].hasPrefix("dxtop  ops@cic02.example.com"))
        Fixture.send(&state, .sessionStarted(user: SessionUser(id: "jdoe"), server: "cic01.example.com"))
        #expect(Snapshot.render(state, width: 80, height: 24).lines[0].hasPrefix("dxtop  jdoe@cic01.example.com"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func aRefusalIsShownWhole(width: Int, height: Int) {
        var state = Fixture.state(jobs: [Fixture.job(1059, .started)], width: width, height: height)
        Fixture.press(&state, .char("c"), .char("y"))
        Fixture.send(&state, .cancelFailed(id: "1059", failure: Failure(.permission, Self.refusal)))
        let lines = Snapshot.render(state, width: width, height: height).lines
        let bottom = lines[height - 2] + " " + lines[height - 1]
        #expect(bottom.contains("Cancel of job 1059 refused: \(Self.refusal)"), "\(bottom)")
        if width >= 120 { #expect(lines[height - 2].hasSuffix("other users."), "one row is enough at \(width)") }
        Fixture.press(&state, .char("j"))
        #expect(Snapshot.render(state, width: width, height: height).lines[height - 1].contains("q quit"),
                "the next key brings the footer back")
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func aLongJobNameKeepsTheIdInTheDialog(width: Int, height: Int) {
        let name = String(repeating: "quarterly service level ", count: 11)  // 264 characters
        var state = Fixture.state(jobs: [Fixture.job(1061, .started, name: name)], width: width, height: height)
        Fixture.press(&state, .char("c"))
        let text = Snapshot.render(state, width: width, height: height).text
        #expect(text.contains("(1061)?"), "\(text)")
        #expect(text.contains("…"))
    }

    @Test(arguments: [(140, 40), (70, 30)])
    func stateAndTimelineNotesAreNotCut(width: Int, height: Int) {
        var state = Fixture.state(jobs: [Fixture.job(1042, .started)], width: width, height: height)
        Fixture.press(&state, .char("c"), .char("y"))
        let text = Snapshot.render(state, width: width, height: height).text
        #expect(text.contains("canceling…"), "\(text)")
        #expect(text.contains("so far)"), "\(text)")
    }

    @Test func theFooterKeepsCancelAndRefreshAt60Columns() {
        let footer = Snapshot.render(Scenario.list(width: 60, height: 15), width: 60, height: 15).lines[14]
        #expect(footer.contains("c cancel"), "\(footer)")
        #expect(footer.contains("r refresh"), "\(footer)")
    }

    @Test func theHeaderAbbreviatesCountsBeforeDroppingThem() {
        let counts = Snapshot.render(Scenario.list(width: 60, height: 15), width: 60, height: 15).lines[1]
        for word in ["sub", "que", "sta", "fai", "can", "fin"] {
            #expect(counts.contains("\(word) "), "\(word) in \(counts)")
        }
    }

    @Test func theIdColumnDoesNotShiftWhileScrolling() {
        var jobs = Fixture.page(from: 1060, count: 40)
        jobs[39] = Fixture.job(123_456_789, .finished, minute: 1)
        var state = Fixture.state(jobs: jobs, width: 120, height: 24)
        let top = Snapshot.render(state, width: 120, height: 24).lines[2]
        Fixture.press(&state, .char("G"))
        let bottom = Snapshot.render(state, width: 120, height: 24).lines[2]
        #expect(top == bottom, "the column headings stay put:\n\(top)\n\(bottom)")
    }

    @Test func theTimeColumnKeepsAGapBeforeTheDivider() {
        let state = Scenario.list(width: 140, height: 40)
        let lines = Snapshot.render(state, width: 140, height: 40).lines
        let divider = Layout(width: 140, height: 40).detailTitle.col - 1
        for line in lines[3..<10] {
            let cells = Array(line)
            #expect(cells[divider] == "│")
            #expect(cells[divider - 1] == " ", "\(line)")
        }
    }

    @Test func theFocusTagShowsWithALongName() {
        let name = String(repeating: "very long extraction name ", count: 6)
        var state = Fixture.state(jobs: [Fixture.job(1042, .started, name: name)], width: 140, height: 40)
        Fixture.press(&state, .tab)
        let title = Snapshot.render(state, width: 140, height: 40).lines[2]
        #expect(title.contains("Job 1042  [focus]"), "\(title)")
        #expect(title.contains("…"), "a cut name ends in an ellipsis: \(title)")
    }

    @Test func helpListsEveryKeyAndPagesWithinItself() {
        var state = Scenario.list(width: 60, height: 15)
        let lines = HelpView.lines(state).map { $0.map(\.text).joined() }
        #expect(lines.contains { $0.contains("Ctrl-L") })
        #expect(lines.contains { $0.contains("Backspace") })
        Fixture.press(&state, .char("?"), .pageDown)
        let page = HelpView.visibleLines(screenHeight: 15)
        #expect(state.helpScroll == page, "PgDn moves a page, not to the end")
        let hidden = HelpView.lineCount() - page
        #expect(hidden > page, "the help is over two pages on the smallest screen")
        Fixture.press(&state, .end, .pageUp)
        #expect(state.helpScroll == hidden - page, "PgUp moves a page back from the bottom, not to the top")
    }

    @Test func aDurationIsNeverNegative() {
        var job = Fixture.job(1001, .started)
        job.startedTime = Fixture.now.addingTimeInterval(30)  // the server's clock runs ahead
        #expect(job.duration(now: Fixture.now) == 0)
        #expect(Fixture.job(1002, .finished).duration(now: Fixture.now) == 185)
    }
}
