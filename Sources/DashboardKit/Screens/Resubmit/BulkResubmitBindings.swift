import JobComposition

extension KeyContext {
    static let bulkResubmit = KeyContext("bulkResubmit", section: "Bulk resubmit review (R with marks)", opensHelp: true, notes: [
        "Every marked job with the window it will extract, by server; read-only contexts are left out",
        "and the review says how many. Nothing is sent without `y`; the jobs then go one at a time,",
        "each to its own server.",
    ])
    static let bulkResubmitResults = KeyContext("bulkResubmitResults", section: "Bulk resubmit results", opensHelp: true, notes: [
        "Each job's result as its server answers: sent (the new job's id), refused with the server's",
        "words, or skipped. Sent jobs lose their mark; refused ones keep it, so `R` can try them again.",
    ])
}

extension BulkResubmit {
    static let bindings: [Binding] = [
        Binding([.char("y")], in: [.bulkResubmit], help: "yes: send every job again",
                details: "Send every job listed again (as the login user of its server), one at a time; the review then shows each job's result.",
                footer: FooterLabel(label: "send all", rank: 0),
                unavailable: { state in
                    guard let review = state.bulkResubmit else { return .silent }
                    if review.toSend.isEmpty { return .notNow("No marked job can be resubmitted here.") }
                    let loading = state.bulkResubmitLoading
                    return loading > 0 ? .notNow("Waiting for \(loading) job configuration\(loading == 1 ? "" : "s") from the server.") : nil
                }) { state, _ in
            state.confirmBulkResubmit()
        },
        Binding([.char("w")], in: [.bulkResubmit], help: "shift every window forward by its length (again: back)",
                footer: FooterLabel(label: "shift windows", rank: 1)) { state, _ in
            state.editBulkResubmit { $0.toggleShift(state: $1) }
        },
        Binding([.char("n"), .escape], in: [.bulkResubmit], help: "no: close, nothing is sent",
                footer: FooterLabel(label: "no", rank: 3, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
    ] + scrollBindings(in: [.bulkResubmit, .bulkResubmitResults]) + [
        Binding([.escape, .enter, .char("q")], in: [.bulkResubmitResults], help: "close the results",
                details: "Close the results. Jobs still in line are not sent; the one on its way is answered in the status line.",
                footer: FooterLabel(label: "close", rank: 0, keysShown: 2)) { state, _ in
            let left = state.bulkResubmit?.entries.count { $0.outcome == .queued } ?? 0
            state.pop()
            if left > 0 { state.statusMessage = .info("\(left) job\(left == 1 ? "" : "s") not resubmitted: the review was closed.") }
            return []
        },
    ]
}
