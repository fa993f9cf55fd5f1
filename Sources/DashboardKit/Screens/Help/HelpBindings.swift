extension KeyContext {
    static let help = KeyContext("help", section: "Help overlay (after ?)", notes: [
        "The help's title says `Keys a-b of n` when it does not fit the screen. Other keys are ignored",
        "while the help is open; `Ctrl-C` still quits.",
    ])
}

extension HelpScreen {
    static let bindings: [Binding] = [
        Binding([.char("?"), .escape, .enter, .char("q")], in: [.help], help: "close the help",
                footer: FooterLabel(label: "close help", rank: 0, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
        Binding([.char("j"), .down], in: [.help], help: "scroll a line down", footer: FooterLabel(label: "scroll", rank: 1),
                unavailable: helpFits) { state, _ in state.scrollHelp { $0 + 1 } },
        Binding([.char("k"), .up], in: [.help], help: "scroll a line up", footer: FooterLabel(label: "scroll", rank: 1),
                unavailable: helpFits) { state, _ in state.scrollHelp { $0 - 1 } },
        Binding([.pageUp], in: [.help], help: "scroll a page up", footer: FooterLabel(label: "page", rank: 2),
                unavailable: helpFits) { state, _ in
            let page = HelpView.visibleLines(screenHeight: state.height)
            return state.scrollHelp { $0 - page }
        },
        Binding([.pageDown], in: [.help], help: "scroll a page down", footer: FooterLabel(label: "page", rank: 2),
                unavailable: helpFits) { state, _ in
            let page = HelpView.visibleLines(screenHeight: state.height)
            return state.scrollHelp { $0 + page }
        },
        Binding([.char("g"), .home], in: [.help], help: "top of the help", footer: FooterLabel(label: "top/bottom", rank: 3),
                unavailable: helpFits) { state, _ in state.scrollHelp { _ in 0 } },
        Binding([.char("G"), .end], in: [.help], help: "bottom of the help", footer: FooterLabel(label: "top/bottom", rank: 3),
                unavailable: helpFits) { state, _ in state.scrollHelp { _ in Int.max / 2 } },
    ]

    /// Scrolling keys do nothing (and the footer leaves them out) when the whole help fits.
    private static func helpFits(_ state: DashboardState) -> Unavailable? {
        HelpView.lineCount() > HelpView.visibleLines(screenHeight: state.height) ? nil : .silent
    }
}
