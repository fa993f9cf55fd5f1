extension KeyContext {
    static let cancelDialog = KeyContext("cancelDialog", section: "Cancel dialog", opensHelp: true, notes: [
        "**No** is selected when the dialog opens, so `Enter` alone never cancels. Other keys are ignored",
        "while the dialog is open. A job that ends while the dialog is open leaves it open, saying so;",
        "its keys then close it without sending anything.",
    ])
    /// The cancel dialog once its job ended: nothing is left to cancel, its keys only close it.
    static let cancelDialogEnded = KeyContext("cancelDialogEnded", section: "Cancel dialog, after the job ended", opensHelp: true)
}

extension CancelDialog {
    static let bindings: [Binding] = ConfirmBindings.make(
        CancelDialog.self, in: .cancelDialog, yes: "yes: send the cancel",
        yesDetails: "Yes: send the cancel. The row shows `[canceling…]` until the server reports the job's end state, or the status line shows the server's refusal. A cancel the server accepted that has not ended the job \(DashboardState.cancelPatience.components.seconds) s later is no longer shown as on its way: the status line says so, and `c` sends it again.",
        yesLabel: "yes, cancel it", enterDetails: "Confirm the selected button (No closes, Yes cancels).") { $0.confirmCancel() }
        + [Binding([.char("n"), .escape, .enter, .char("y"), .char("N"), .char("Y")], in: [.cancelDialogEnded],
                   help: "close: the job ended meanwhile, nothing is sent",
                   footer: FooterLabel(label: "close (nothing is sent)", rank: 0, keysShown: 4)) { state, _ in
            state.pop()
            return []
        }]
}
