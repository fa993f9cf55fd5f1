import ICWSWire
import Testing
@testable import DashboardKit

@Suite("Screens as a stack")
struct ScreenStackTests {
    @Test func helpAndDialogArePushedAndEscPopsThem() {
        var state = Scenario.list(width: 120, height: 40)
        #expect(state.screens.isEmpty && state.keyContext == .list)
        Fixture.press(&state, .char("?"))
        #expect(state.screenContexts == [.help])
        #expect(state.keyContext == .help)
        Fixture.press(&state, .char("c"))
        #expect(state.screens.count == 1, "the list's keys do not reach under the help")
        Fixture.press(&state, .escape)
        #expect(state.screens.isEmpty)
        Fixture.press(&state, .char("c"))
        #expect(state.screenContexts == [.cancelDialog])
        #expect(state.dialog == CancelDialog(jobId: "1071", jobName: state.jobs["1071"]!.name))
        Fixture.press(&state, .char("?"))
        #expect(state.screens.count == 2 && state.keyContext == .help, "? opens the help over the dialog")
        Fixture.press(&state, .escape)
        #expect(state.screens.count == 1 && state.keyContext == .cancelDialog, "Esc closes the help, back to the dialog")
        Fixture.press(&state, .escape)
        #expect(state.screens.isEmpty && state.keyContext == .list)
    }

    @Test func theTopScreenGetsTheKeysAndAllAreDrawnBottomFirst() {
        var state = Scenario.list(width: 120, height: 40)
        Fixture.press(&state, .char("c"))
        state.screens.insert(StackedScreen(id: ScreenID(value: 99), screen: HelpScreen()), at: 0)
        let text = Snapshot.render(state, width: 120, height: 40).text
        #expect(text.contains("Keys"), "the help is drawn")
        #expect(text.contains("Cancel job"), "the dialog is drawn over it")
        Fixture.press(&state, .char("n"))
        #expect(state.screenContexts == [.help] && state.helpScroll == 0, "n closed the dialog on top, the help stays")
        Fixture.press(&state, .char("q"))
        #expect(state.screens.isEmpty, "q closes the help")
        #expect(Fixture.press(&state, .char("q")) == [.quit], "q on the main screen quits")
    }

    @Test func aJobEndingIsSaidInItsDialogWhereverItIsInTheStack() {
        var state = Scenario.list(width: 120, height: 40)
        Fixture.press(&state, .char("c"))
        state.push(HelpScreen())
        var ended = state.jobs["1071"]!
        ended.state = .finished
        ended.finishedTime = Fixture.at(30)
        Fixture.send(&state, .statusesReceived([ended], at: Fixture.at(30)))
        #expect(state.dialog?.endedAs == .finished)
        #expect(state.screens.count == 2, "the help stays on top of the dialog")
    }
}

@Suite("Views own their areas")
struct CanvasAreaTests {
    static func filled(width: Int, height: Int) -> GridSurface {
        let surface = GridSurface(width: width, height: height)
        for row in 0..<height { surface.put(String(repeating: "#", count: width), row: row, col: 0, style: .plain) }
        return surface
    }

    @Test func anAreaDropsWhatFallsOutsideIt() {
        let surface = Self.filled(width: 20, height: 6)
        let area = Canvas(surface: surface, options: RenderOptions(now: Fixture.now)).area(Rect(row: 2, col: 5, width: 6, height: 2))
        #expect(area.width == 6 && area.height == 2)
        area.put("abcdefghij", row: 0, col: 0, width: 100)
        area.put("zz", row: 1, col: 4, width: 10)
        area.put("left", row: 1, col: -2, width: 10)
        area.put("below", row: 2, col: 0, width: 10)
        area.put("above", row: -1, col: 0, width: 10)
        area.fill(row: 1, col: 0, width: 2, style: .plain)
        #expect(surface.lines == [
            "####################",
            "####################",
            "#####abcdef#########",
            "#####  ##zz#########",
            "####################",
            "####################",
        ])
        #expect(surface.clippedWrites.isEmpty, "nothing reached the surface outside the area")
    }

    @Test func aNestedAreaStaysInsideItsParent() {
        let surface = Self.filled(width: 10, height: 4)
        let outer = Canvas(surface: surface, options: RenderOptions(now: Fixture.now)).area(Rect(row: 1, col: 1, width: 4, height: 2))
        let inner = outer.area(Rect(row: 1, col: 2, width: 10, height: 10))
        #expect(inner.width == 2 && inner.height == 1)
        inner.put("xyz", row: 0, col: 0, width: 10)
        #expect(surface.lines[2] == "###xy#####")
    }

    @Test func theDetailPaneDrawsOnlyInItsPane() {
        for (width, height) in [(140, 40), (80, 24)] {
            var state = Scenario.detail(width: width, height: height)
            Fixture.press(&state, .char("G"))
            let layout = state.layout
            let surface = Self.filled(width: width, height: height)
            let canvas = Canvas(surface: surface, options: RenderOptions(now: Fixture.now))
            DetailPaneView.draw(state, on: canvas.area(layout.detailPane), stacked: layout.mode == .stacked, now: Fixture.now)
            let pane = layout.detailPane
            for (row, line) in surface.lines.enumerated() where row < pane.row || row >= pane.bottom {
                #expect(line == String(repeating: "#", count: width), "row \(row) is outside the pane")
            }
            for row in pane.row..<pane.bottom {
                let line = Array(surface.lines[row])
                #expect(line.prefix(pane.col).allSatisfy { $0 == "#" }, "left of the pane, row \(row)")
            }
            #expect(surface.lines[pane.row].contains("Job 1042"))
        }
    }
}

@Suite("Screens get the answers to their own requests")
struct ScreenReplyTests {
    static func submitting() throws -> (DashboardState, ScreenID) {
        var state = ComposerTests().opened()
        let effects = Fixture.press(&state, .char(" "), .char("e"), .char("x"), .enter, .char("y"))
        guard case .submitJob(_, _, let requester)? = effects.last else { throw ReplyError.noSubmit }
        return (state, requester)
    }

    enum ReplyError: Error { case noSubmit }

    @Test func aReplyReachesTheScreenThatAskedUnderAnotherOne() throws {
        var (state, requester) = try Self.submitting()
        Fixture.press(&state, .char("?"))
        #expect(state.screenContexts == [.composer, .help], "? pushed the help onto the composer")
        Fixture.send(&state, .screenReply(requester, .submitFailed(Failure(.badRequest, "Job name taken"))))
        #expect(state.composer?.refusal == Failure(.badRequest, "Job name taken"))
        #expect(state.keyContext == .help, "the help stays on top")
        let effects = Fixture.send(&state, .screenReply(requester, .jobSubmitted(JobKey(context: .first, id: "2001"))))
        #expect(state.composer == nil, "the composer that sent the job closed")
        #expect(state.screenContexts == [.help])
        #expect(effects.contains { if case .loadNewestPage = $0 { true } else { false } }, "the list fetches the new job")
    }

    @Test func aReplyForAScreenThatClosedIsSaidByTheMainScreen() throws {
        var (state, requester) = try Self.submitting()
        Fixture.press(&state, .escape, .escape, .escape, .escape)
        #expect(state.composer == nil)
        Fixture.send(&state, .screenReply(requester, .submitFailed(Failure(.badRequest, "Job name taken"))))
        #expect(state.statusMessage.map(FailureText.text)?.contains("Job name taken") == true)
        #expect(state.screenContexts.isEmpty)
    }

    @Test func aReplyForAnotherScreenLeavesTheOneOnTopAlone() throws {
        var (state, requester) = try Self.submitting()
        Fixture.press(&state, .escape, .escape, .escape, .escape)
        Fixture.press(&state, .char("n"))
        let other = try #require(state.composer)
        Fixture.send(&state, .screenReply(requester, .submitFailed(Failure(.badRequest, "Job name taken"))))
        #expect(state.composer == other, "the new composer did not get the old one's refusal")
    }
}
