extension KeyContext {
    static let cancelDialog = KeyContext("cancelDialog", section: "Cancel dialog", opensHelp: true, notes: [
        "**No** is selected when the dialog opens, so `Enter` alone never cancels. Other keys are ignored",
        "while the dialog is open. A job that ends while the dialog is open leaves it open, saying so;",
        "its keys then close it without sending anything.",
    ])
}

extension CancelDialog {
    static let bindings: [Binding] = [
        Binding([.char("y"), .char("Y")], in: [.cancelDialog], help: "yes: send the cancel",
                details: "Yes: send the cancel. The row shows `[canceling…]` until the server reports the job's end state, or the status line shows the server's refusal. A cancel the server accepted that has not ended the job \(DashboardState.cancelPatience.components.seconds) s later is no longer shown as on its way: the status line says so, and `c` sends it again.",
                footer: FooterLabel(label: "yes, cancel it", rank: 0)) { state, _ in state.confirmCancel() },
        Binding([.char("n"), .escape, .char("N")], in: [.cancelDialog], help: "no: close, nothing is sent",
                footer: FooterLabel(label: "no", rank: 1, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
        Binding([.left, .right, .char("h"), .char("l"), .tab, .backTab], in: [.cancelDialog], help: "move between No and Yes",
                footer: FooterLabel(label: "choose", rank: 2, keysShown: 2)) { state, _ in
            state.editTop(CancelDialog.self) { dialog, _ in
                dialog.yesSelected.toggle()
                return []
            }
        },
        Binding([.enter], in: [.cancelDialog], help: "confirm the selected button",
                details: "Confirm the selected button (No closes, Yes cancels).",
                footer: FooterLabel(label: "confirm", rank: 3)) { state, _ in
            if state.dialog?.yesSelected == true { return state.confirmCancel() }
            state.pop()
            return []
        },
    ]
}
