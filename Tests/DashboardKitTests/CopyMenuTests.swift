import Foundation
import Testing
import ICWSWire
@testable import DashboardKit

/// `y`: the copy menu's texts and the OSC 52 bytes it asks the terminal to write.
@Suite("Copy menu")
struct CopyMenuTests {
    static let jobs = [Fixture.job(1043, .failed, name: "nightly"), Fixture.job(1042, .finished)]

    private func state(_ environment: [String: String]) -> DashboardState {
        var state = Fixture.state(jobs: Self.jobs)
        state.options.terminalEnvironment = environment
        return state
    }

    @Test func theIdIsCopiedThroughOSC52OutsideAMultiplexer() {
        var state = state(["TERM": "xterm-256color"])
        Fixture.press(&state, .char("y"))
        #expect(state.copyMenu?.job == "1043")
        let effects = Fixture.press(&state, .enter)
        // ESC ] 52 ; c ; base64("1043") BEL
        #expect(effects == [.writeToTerminal([0x1B] + Array("]52;c;MTA0Mw==".utf8) + [0x07])])
        #expect(state.copyMenu == nil)
        #expect(state.statusMessage?.text.contains("Copied the job id of job 1043") == true)
    }

    @Test func insideTmuxTheSequenceIsWrappedForPassthrough() {
        var state = state(["TERM": "screen-256color", "TMUX": "/tmp/tmux-0/default,1,0"])
        let effects = Fixture.press(&state, .char("y"), .char("1"))
        #expect(effects == [.writeToTerminal(Array("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;MTA0Mw==\u{07}\u{1B}\\".utf8))])
    }

    @Test func aDumbTerminalShowsTheTextToSelectByHand() {
        var state = state(["TERM": "dumb"])
        let effects = Fixture.press(&state, .char("y"), .char("j"), .char("j"), .enter)
        #expect(effects.isEmpty)
        #expect(state.copyMenu?.shown?.item == .error)
        let screen = Snapshot.render(state, width: 120, height: 40).text
        #expect(screen.contains("TERM=dumb"))
        #expect(screen.contains("Table CallDetail_viw: permission denied for user dx_reader"))
        Fixture.press(&state, .escape)
        #expect(state.copyMenu == nil)
    }

    @Test func overTheCapIsShownInABoxToo() {
        var jobs = Self.jobs
        jobs[0].errorInfo = String(repeating: "x", count: 100_001)
        var state = Fixture.state(jobs: jobs)
        state.options.terminalEnvironment = ["TERM": "xterm"]
        #expect(Fixture.press(&state, .char("y"), .char("3")).isEmpty)
        #expect(state.copyMenu?.shown?.reason.contains("over the 100000-byte copy limit") == true)
    }

    /// The box scrolls no further than where its last line shows: one `k` after holding `j`
    /// moves the text.
    @Test func oneKAfterJPastTheBottomMovesTheBox() {
        var jobs = Self.jobs
        jobs[0].errorInfo = (1...200).map { "line \($0)" }.joined(separator: " ")
        var state = Fixture.state(jobs: jobs, width: 80, height: 24)
        state.options.terminalEnvironment = ["TERM": "dumb"]
        Fixture.press(&state, .char("y"), .char("3"))
        for _ in 0..<60 { Fixture.press(&state, .char("j")) }
        let bottom = Snapshot.render(state, width: 80, height: 24).text
        #expect(bottom.contains("line 200 "), "the box shows the text's end")
        Fixture.press(&state, .char("k"))
        #expect(Snapshot.render(state, width: 80, height: 24).text != bottom, "one k moves the text up")
    }

    @Test func theCommandAndTheTicketLine() {
        let state = state(["TERM": "xterm"])
        #expect(state.copyText(.resubmitCommand, of: "1043") == "dxtop jobs resubmit 1043")
        let line = state.copyText(.ticketLine, of: "1043") ?? ""
        #expect(line.hasPrefix("dxtop: job 1043 \"nightly\" failed, submitted 2026-11-28"))
        #expect(line.hasSuffix(": Table CallDetail_viw: permission denied for user dx_reader"))
        #expect(state.copyText(.outputFolder, of: "1043") == nil, "a failed job has no output folder")
        #expect(DashboardState.shellWord("it's") == "'it'\\''s'")
    }
}
