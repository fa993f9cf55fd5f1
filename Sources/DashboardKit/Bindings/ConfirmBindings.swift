/// A screen that asks yes or no with two buttons, No selected when it opens (the cancel dialog,
/// the bulk cancel).
protocol YesNoScreen: DashboardScreen {
    var yesSelected: Bool { get set }
}

/// The keys of a yes/no question: `y` sends, `n`/Esc closes, the arrows move between the buttons,
/// Enter confirms the selected one. Written once for every such dialog.
enum ConfirmBindings {
    static func make<S: YesNoScreen>(_: S.Type, in context: KeyContext, yes help: String, yesDetails: String? = nil,
                                     yesLabel: String, enterDetails: String,
                                     confirm: @escaping @Sendable (inout DashboardState) -> [Effect]) -> [Binding] {
        [
            Binding([.char("y"), .char("Y")], in: [context], help: help, details: yesDetails,
                    footer: FooterLabel(label: yesLabel, rank: 0)) { state, _ in confirm(&state) },
            Binding([.char("n"), .escape, .char("N")], in: [context], help: "no: close, nothing is sent",
                    footer: FooterLabel(label: "no", rank: 1, keysShown: 2)) { state, _ in
                state.pop()
                return []
            },
            Binding([.left, .right, .char("h"), .char("l"), .tab, .backTab], in: [context], help: "move between No and Yes",
                    footer: FooterLabel(label: "choose", rank: 2, keysShown: 2)) { state, _ in
                state.editTop(S.self) { dialog, _ in
                    dialog.yesSelected.toggle()
                    return []
                }
            },
            Binding([.enter], in: [context], help: "confirm the selected button", details: enterDetails,
                    footer: FooterLabel(label: "confirm", rank: 3)) { state, _ in
                if state.topmost(S.self)?.yesSelected == true { return confirm(&state) }
                state.pop()
                return []
            },
        ]
    }
}
