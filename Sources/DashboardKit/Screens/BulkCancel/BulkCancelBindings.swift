extension KeyContext {
    static let bulkCancel = KeyContext("bulkCancel", section: "Bulk cancel dialog (c with marks)", opensHelp: true, notes: [
        "The dialog lists every marked job by server and state, and says how many will be skipped",
        "(already ended, a cancel already on its way) and how many a read-only context leaves out.",
        "**No** is selected when it opens, so `Enter` alone never cancels.",
    ])
    static let bulkCancelResults = KeyContext("bulkCancelResults", section: "Bulk cancel results", opensHelp: true, notes: [
        "Each job's result as its server answers: sent, refused with the server's words, already",
        "ended, or skipped. Jobs whose cancel was sent or that had ended lose their mark; refused",
        "ones keep it, so `c` can try them again.",
    ])
}

extension BulkCancel {
    static let bindings: [Binding] = ConfirmBindings.make(
        BulkCancel.self, in: .bulkCancel, yes: "yes: send every cancel", yesLabel: "yes, cancel them",
        enterDetails: "Confirm the selected button (No closes, Yes sends every cancel).") { $0.confirmBulkCancel() }
        + scrollBindings(in: [.bulkCancel, .bulkCancelResults]) + [
        Binding([.escape, .enter, .char("q")], in: [.bulkCancelResults], help: "close the results",
                details: "Close the results (the cancels already sent go on; their answers then show in the status line).",
                footer: FooterLabel(label: "close", rank: 0, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
    ]
}
