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
    static let bindings: [Binding] = [
        Binding([.char("y"), .char("Y")], in: [.bulkCancel], help: "yes: send every cancel",
                footer: FooterLabel(label: "yes, cancel them", rank: 0)) { state, _ in state.confirmBulkCancel() },
        Binding([.char("n"), .escape, .char("N")], in: [.bulkCancel], help: "no: close, nothing is sent",
                footer: FooterLabel(label: "no", rank: 1, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
        Binding([.left, .right, .char("h"), .char("l"), .tab, .backTab], in: [.bulkCancel], help: "move between No and Yes",
                footer: FooterLabel(label: "choose", rank: 2, keysShown: 2)) { state, _ in
            state.editTop(BulkCancel.self) { dialog, _ in
                dialog.yesSelected.toggle()
                return []
            }
        },
        Binding([.enter], in: [.bulkCancel], help: "confirm the selected button",
                details: "Confirm the selected button (No closes, Yes sends every cancel).",
                footer: FooterLabel(label: "confirm", rank: 3)) { state, _ in
            if state.topmost(BulkCancel.self)?.yesSelected == true { return state.confirmBulkCancel() }
            state.pop()
            return []
        },
        Binding([.char("j"), .down], in: [.bulkCancel, .bulkCancelResults], help: "scroll the jobs down",
                footer: FooterLabel(label: "scroll", rank: 4)) { state, _ in
            state.editTop(BulkCancel.self) { dialog, _ in
                dialog.scroll = min(dialog.scroll + 1, max(0, dialog.entries.count - 1))
                return []
            }
        },
        Binding([.char("k"), .up], in: [.bulkCancel, .bulkCancelResults], help: "scroll the jobs up",
                footer: FooterLabel(label: "scroll", rank: 4)) { state, _ in
            state.editTop(BulkCancel.self) { dialog, _ in
                dialog.scroll = max(0, dialog.scroll - 1)
                return []
            }
        },
        Binding([.escape, .enter, .char("q")], in: [.bulkCancelResults], help: "close the results",
                details: "Close the results (the cancels already sent go on; their answers then show in the status line).",
                footer: FooterLabel(label: "close", rank: 0, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
    ]
}
