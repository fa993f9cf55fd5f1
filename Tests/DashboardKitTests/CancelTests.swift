import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Cancel")
struct CancelTests {
    let jobs = [Fixture.job(1043, .started, name: "nightly"), Fixture.job(1042, .finished), Fixture.job(1041, .failed)]

    @Test func cOpensTheDialogWithNoSelected() {
        var state = Fixture.state(jobs: jobs)
        #expect(Fixture.press(&state, .char("c")).isEmpty)
        #expect(state.dialog == CancelDialog(jobId: "1043", jobName: "nightly", yesSelected: false))
    }

    @Test func deleteOpensItToo() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .delete)
        #expect(state.dialog?.jobId == "1043")
    }

    @Test(arguments: [[Key.char("n")], [.escape], [.enter], [.char("N")], [.right, .left, .enter], [.tab, .tab, .enter]])
    func closingWithoutYesSendsNothing(keys: [Key]) {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"))
        let effects = keys.flatMap { update(&state, .key($0)) }
        #expect(effects.isEmpty)
        #expect(state.dialog == nil)
        #expect(state.pendingCancels.isEmpty)
    }

    @Test(arguments: [[Key.char("y")], [.right, .enter], [.tab, .enter], [.left, .enter], [.char("Y")]])
    func yesSendsCancelAndMarksTheRowPending(keys: [Key]) {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"))
        let effects = keys.flatMap { update(&state, .key($0)) }
        #expect(effects == [.cancelJob(id: "1043")])
        #expect(state.dialog == nil)
        #expect(state.pendingCancels == ["1043"])
    }

    @Test func otherKeysInTheDialogDoNothing() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"))
        #expect(Fixture.press(&state, .char("j"), .char("q"), .char("c"), .char("r")).isEmpty)
        #expect(state.dialog != nil)
        #expect(state.selectedId == "1043")
    }

    @Test func pendingMarkStaysUntilTheServerReportsTheEnd() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"), .char("y"))
        Fixture.send(&state, .cancelSucceeded(id: "1043"))
        #expect(state.pendingCancels == ["1043"])
        #expect(state.statusMessage?.text.contains("accepted") == true)
        Fixture.send(&state, .statusesReceived([Fixture.job(1043, .started, name: "nightly")], at: Fixture.at(30)))
        #expect(state.pendingCancels == ["1043"])
        Fixture.send(&state, .statusesReceived([Fixture.job(1043, .canceled, name: "nightly")], at: Fixture.at(31)))
        #expect(state.pendingCancels.isEmpty)
    }

    @Test func anAcceptedCancelOfAJobThatNeverEndsIsGivenUpAfterAMinute() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"), .char("y"))
        #expect(update(&state, .cancelSucceeded(id: "1043")).contains(.startTimer(.cancelAccepted("1043"), after: .seconds(60))))
        Fixture.send(&state, .statusesReceived([Fixture.job(1043, .started, name: "nightly")], at: Fixture.at(30)))
        Fixture.send(&state, .timerFired(.cancelAccepted("1043")))
        #expect(state.pendingCancels.isEmpty)
        #expect(state.statusMessage?.text == "Job 1043 is still started 60 s after the server accepted its cancel; c sends it again.")
        Fixture.press(&state, .char("c"))
        #expect(state.dialog?.jobId == "1043", "the cancel can be sent again")
    }

    @Test func theTimerOfACancelThatEndedTheJobChangesNothing() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"), .char("y"))
        Fixture.send(&state, .cancelSucceeded(id: "1043"))
        Fixture.send(&state, .statusesReceived([Fixture.job(1043, .canceled, name: "nightly")], at: Fixture.at(31)))
        let before = state.statusMessage
        Fixture.send(&state, .timerFired(.cancelAccepted("1043")))
        #expect(state.statusMessage == before)
        #expect(state.pendingCancels.isEmpty)
    }

    @Test func aSecondCancelWhilePendingSaysSo() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"), .char("y"), .char("c"))
        #expect(state.dialog == nil)
        #expect(state.statusMessage?.text == "Job 1043: a cancel was already sent; waiting for the server.")
    }

    @Test func cancelOnAnEndedJobExplainsWhy() {
        var state = Fixture.state(jobs: jobs)
        #expect(Fixture.press(&state, .char("j"), .char("c")).exceptConfigLoads.isEmpty)
        #expect(state.dialog == nil)
        #expect(state.statusMessage?.text == "Job 1042 already finished; it cannot be canceled.")
        Fixture.press(&state, .char("j"), .char("c"))
        #expect(state.statusMessage?.text == "Job 1041 already failed; it cannot be canceled.")
        Fixture.press(&state, .char("j"))
        #expect(state.statusMessage == nil, "the next key clears the message")
    }

    @Test func cancelFailedShowsTheServersMessageAndClearsThePendingMark() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"), .char("y"))
        Fixture.send(&state, .cancelFailed(id: "1043", failure: Failure(.permission, "You do not have the right to cancel jobs of other users.")))
        #expect(state.pendingCancels.isEmpty)
        #expect(state.statusMessage == .failed(.cancel(jobId: "1043"), Failure(.permission, "You do not have the right to cancel jobs of other users.")))
    }

    @Test func readOnlyRemovesCancel() {
        var state = Fixture.state(jobs: jobs, readOnly: true)
        #expect(Fixture.press(&state, .char("c"), .delete).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.statusMessage?.text == "Read-only mode: canceling jobs is turned off.")
        #expect(Fixture.press(&state, .char("y")).isEmpty)
        let footer = Snapshot.render(state, width: 200, height: 50).lines[49]
        #expect(!footer.contains("cancel"))
        let writable = Fixture.state(jobs: jobs)
        #expect(Snapshot.render(writable, width: 200, height: 50).lines[49].contains("c cancel"))
    }

    @Test func cancelFromTheDetailPaneWorks() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .tab, .char("c"))
        #expect(state.dialog?.jobId == "1043")
    }

    /// The dialog stays, saying the job ended, until the operator closes it: the `n` they were
    /// typing for "No" closes it and does not reach the list (where it opens the composer).
    @Test func aJobThatEndsWhileTheDialogIsOpenIsSaidInItUntilClosed() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"))
        Fixture.send(&state, .statusesReceived([Fixture.job(1043, .finished, name: "nightly")], at: Fixture.at(30)))
        #expect(state.dialog?.endedAs == .finished)
        #expect(Snapshot.render(state, width: 120, height: 40).text.contains("Job 1043 finished meanwhile; nothing to cancel."))
        #expect(Fixture.press(&state, .char("n")).isEmpty)
        #expect(state.screens.isEmpty, "n closed the dialog and opened nothing")
        Fixture.press(&state, .char("c"))
        #expect(state.dialog == nil, "the job has ended: no dialog")
        var running = Fixture.state(jobs: jobs)
        Fixture.press(&running, .char("c"), .right)
        Fixture.send(&running, .statusesReceived([Fixture.job(1043, .canceled, name: "nightly")], at: Fixture.at(30)))
        #expect(Fixture.press(&running, .char("y")).isEmpty, "y sends nothing for an ended job")
        #expect(running.screens.isEmpty)
    }

    /// Once its job ended the dialog's keys only close it, and its line of keys and the footer say
    /// so from the binding table: no "yes, cancel it" is offered for a job that cannot be canceled.
    @Test func theEndedDialogsKeysComeFromTheBindingTable() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("c"))
        Fixture.send(&state, .statusesReceived([Fixture.job(1043, .finished, name: "nightly")], at: Fixture.at(30)))
        #expect(FooterView.items(state).main.map(\.label) == ["close (nothing is sent)"])
        let hint = FooterView.hintLine(state, in: state.keyContext).map(\.text).joined()
        #expect(hint == "n/Esc/Enter/y close (nothing is sent)")
        #expect(Snapshot.render(state, width: 120, height: 40).text.contains(hint))
        for key in [Key.right, .tab] { Fixture.press(&state, key) }
        #expect(state.dialog?.yesSelected == false, "no button to choose: the arrows do nothing")
        #expect(Fixture.press(&state, .enter).isEmpty)
        #expect(state.screens.isEmpty)
    }
}
