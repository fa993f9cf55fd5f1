extension KeyContext {
    static let copyMenu = KeyContext("copyMenu", section: "Copy menu (y)", opensHelp: true, notes: [
        "Copies through OSC 52 (inside tmux and screen in their passthrough form), at most 100,000",
        "bytes; the terminal the operator sits at puts the text on its clipboard, also over SSH.",
        "With `TERM=dumb` or over the cap the text is shown in a box to select by hand instead.",
        "The clipboard is never read.",
    ])
    static let copyBox = KeyContext("copyBox", section: "Text to select by hand (copy menu)", opensHelp: true)
}

extension CopyMenu {
    static let bindings: [Binding] = [
        Binding([.char("j"), .down], in: [.copyMenu], help: "next item", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editTop(CopyMenu.self) { menu, _ in
                menu.selected = min(menu.selected + 1, Item.allCases.count - 1)
                return []
            }
        },
        Binding([.char("k"), .up], in: [.copyMenu], help: "previous item", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editTop(CopyMenu.self) { menu, _ in
                menu.selected = max(menu.selected - 1, 0)
                return []
            }
        },
        Binding([.enter, .char("y")], in: [.copyMenu], help: "copy the selected item",
                footer: FooterLabel(label: "copy", rank: 1)) { state, _ in
            guard let menu = state.copyMenu else { return [] }
            return state.copy(Item.allCases[menu.selected])
        },
        Binding([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6")], in: [.copyMenu],
                help: "copy item 1-6 at once") { state, key in
            guard case .char(let digit) = key, let number = digit.wholeNumberValue else { return [] }
            return state.copy(Item.allCases[number - 1])
        },
        Binding([.escape, .char("n"), .char("q")], in: [.copyMenu], help: "close, nothing copied",
                footer: FooterLabel(label: "close", rank: 3)) { state, _ in
            state.pop()
            return []
        },
        Binding([.char("j"), .down], in: [.copyBox], help: "scroll down", footer: FooterLabel(label: "scroll", rank: 0)) { state, _ in
            state.editTop(CopyMenu.self) { menu, state in
                menu.scroll(by: 1, state: state)
                return []
            }
        },
        Binding([.char("k"), .up], in: [.copyBox], help: "scroll up", footer: FooterLabel(label: "scroll", rank: 0)) { state, _ in
            state.editTop(CopyMenu.self) { menu, state in
                menu.scroll(by: -1, state: state)
                return []
            }
        },
        Binding([.escape, .enter, .char("q")], in: [.copyBox], help: "close the box",
                footer: FooterLabel(label: "close", rank: 1, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
    ]
}
