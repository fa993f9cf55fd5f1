import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Rebound keys in the running dashboard")
struct LiveRebindingTests {
    @Test func aReboundKeyActsAndTheFooterAndHelpShowIt() throws {
        var options = Fixture.options()
        options.keys = [try KeyRebinding(action: "cancel", keyName: "x"), try KeyRebinding(action: "down", keyName: "J")]
        var state = DashboardState(options: options, width: 120, height: 40)
        _ = update(&state, .pageLoaded(jobs: [Fixture.job(1043, .started), Fixture.job(1042, .started)], olderThan: nil,
                                       requested: 50, at: Fixture.at(29)))
        Fixture.press(&state, .char("J"))
        #expect(state.selectedId == "1042")
        Fixture.press(&state, .char("c"))
        #expect(state.dialog == nil, "c no longer cancels")
        #expect(FooterView.items(state).main.contains { $0.keys == "x" && $0.label == "cancel" })
        #expect(HelpView.lines(state).map { $0.map(\.text).joined() }.contains { $0.contains("x, Delete") && $0.contains("cancel the selected job") })
        Fixture.press(&state, .char("x"))
        #expect(state.dialog?.jobId == "1042")
    }
}
