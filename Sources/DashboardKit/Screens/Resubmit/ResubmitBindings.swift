import JobComposition

extension KeyContext {
    static let resubmit = KeyContext("resubmit", section: "Resubmit review (after R)", opensHelp: true)
}

extension ResubmitReview {
    static let bindings: [Binding] = [
        Binding([.char("y")], in: [.resubmit], help: "yes: send it again",
                details: "Send the job shown again (as the login user); the new job is selected in the list.",
                footer: FooterLabel(label: "send", rank: 0),
                unavailable: { $0.resubmit?.submitting == true ? .notNow("The job is on its way to the server.") : nil }) { state, _ in
            state.sendResubmit()
        },
        Binding([.char("w")], in: [.resubmit], help: "shift the window forward by its length (again: back)",
                footer: FooterLabel(label: "shift window", rank: 1),
                unavailable: { state in
                    if state.resubmit?.fill != nil { return .notNow("A gap fill sends the gap's windows; p chooses per period or one job.") }
                    return state.resubmit.flatMap { TimeWindow(of: $0.original) } == nil ? .notNow("This job has no time window to shift.") : nil
                }) { state, _ in
            state.editResubmit { $0.shifted.toggle() }
        },
        Binding([.char("p")], in: [.resubmit], help: "gap fill: one job per period, or one over the whole gap",
                footer: FooterLabel(label: "per period/one job", rank: 1),
                unavailable: { $0.resubmit?.fill == nil ? .silent : nil }) { state, _ in
            state.editResubmit { $0.fill?.perPeriod.toggle() }
        },
        Binding([.char("e")], in: [.resubmit], help: "edit it in the composer",
                footer: FooterLabel(label: "edit", rank: 2)) { state, _ in
            state.editResubmitInComposer()
        },
        Binding([.char("n"), .escape], in: [.resubmit], help: "no: close, nothing is sent",
                footer: FooterLabel(label: "no", rank: 3, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
    ]
}
