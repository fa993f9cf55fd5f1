extension KeyContext {
    static let composer = KeyContext("composer", section: "Composer (after n)", opensHelp: true)
    static let composerText = KeyContext("composerText", section: "Composer, typing a name, filter, time or sites")
}

extension Composer {
    static let bindings: [Binding] = [
        Binding([.tab], in: [.composer], help: "next step",
                details: "Next part: datasets → columns → time window → name and review.",
                footer: FooterLabel(label: "step", rank: 0)) { state, _ in
            state.moveComposerPart(by: 1)
        },
        Binding([.backTab], in: [.composer], help: "previous step") { state, _ in
            state.moveComposerPart(by: -1)
        },
        Binding([.char("j"), .down], in: [.composer], help: "next row", footer: FooterLabel(label: "move", rank: 5)) { state, _ in
            state.moveComposerCursor(by: 1)
        },
        Binding([.char("k"), .up], in: [.composer], help: "previous row", footer: FooterLabel(label: "move", rank: 5)) { state, _ in
            state.moveComposerCursor(by: -1)
        },
        Binding([.char(" ")], in: [.composer], help: "choose: dataset, column or time window",
                details: "Choose the row: a dataset (with every column), a column of the dataset under the cursor, or a time window.",
                footer: FooterLabel(label: "choose", rank: 1)) { state, _ in
            state.composerChoose()
        },
        Binding([.char("a")], in: [.composer], help: "all or no columns of the dataset",
                footer: FooterLabel(label: "all/none", rank: 7, only: [.composer])) { state, _ in
            state.editComposer(with: { composer, set in if let set { composer.toggleAllColumns(of: set) } })
        },
        Binding([.char("/")], in: [.composer], help: "filter the datasets", footer: FooterLabel(label: "filter", rank: 6)) { state, _ in
            state.editComposer { composer, _ in
                composer.part = .dataSets
                composer.typing = .dataSetFilter
            }
        },
        Binding([.char("e")], in: [.composer], help: "type the job's name", footer: FooterLabel(label: "name", rank: 3)) { state, _ in
            state.editComposer { composer, _ in
                composer.part = .submit
                composer.typing = .name
            }
        },
        Binding([.char("f")], in: [.composer], help: "type the window's start (then Enter: its end)",
                details: "Type the start, inclusive: YYYY-MM-DD[ HH:MM[:SS]] in the display time zone, or ISO 8601 with Z (as jobs submit --from).",
                footer: FooterLabel(label: "from", rank: 8, only: [.composer]),
                unavailable: { $0.composerWindowUnavailable }) { state, _ in
            state.editComposer { composer, _ in composer.startTyping(.start) }
        },
        Binding([.char("t")], in: [.composer], help: "type the window's end",
                details: "Type the end, exclusive (same forms as the start).",
                footer: FooterLabel(label: "to", rank: 9, only: [.composer]),
                unavailable: { $0.composerWindowUnavailable }) { state, _ in
            state.editComposer { composer, _ in composer.startTyping(.end) }
        },
        Binding([.char("s")], in: [.composer], help: "type the site ids (none: every site)",
                details: "Type site ids separated by commas or spaces; empty means every site. Offered when a chosen dataset has a site-id filter column.",
                footer: FooterLabel(label: "sites", rank: 10, only: [.composer]),
                unavailable: { $0.composerSitesUnavailable }) { state, _ in
            state.editComposer { composer, _ in composer.startTyping(.sites) }
        },
        Binding([.char("c")], in: [.composer], help: "next server to send the job to",
                details: "With several servers: the next one that is not read-only; its data dictionary is loaded and shown.",
                footer: FooterLabel(label: "server", rank: 11, only: [.composer]),
                unavailable: { $0.composerTargetUnavailable }) { state, _ in
            state.nextComposerTarget()
        },
        Binding([.char("y")], in: [.composer], help: "submit the job shown in the review",
                details: "Submit: checked with the server's rules first (nothing is sent while a problem is listed); the server's refusal is shown and nothing typed is lost.",
                footer: FooterLabel(label: "submit", rank: 2),
                unavailable: { $0.composerSubmitUnavailable }) { state, _ in
            state.submitComposer()
        },
        Binding([.escape], in: [.composer], help: "back a step; closes from the first",
                footer: FooterLabel(label: "back", rank: 4)) { state, _ in
            state.moveComposerPart(by: -1, closingAtStart: true)
        },
        Binding(patterns: [.anyCharacter], in: [.composerText], help: "typed into the field",
                footer: FooterLabel(label: "type", rank: 0)) { state, key in
            guard case .char(let c) = key else { return [] }
            return state.editComposerText { $0 + String(c) }
        },
        Binding([.backspace], in: [.composerText], help: "delete the last character",
                footer: FooterLabel(label: "delete", rank: 1)) { state, _ in
            state.editComposerText { String($0.dropLast()) }
        },
        Binding([.enter, .tab], in: [.composerText], help: "done typing (after the start: the end)",
                footer: FooterLabel(label: "done", rank: 2)) { state, _ in
            state.editComposer { composer, _ in composer.finishTyping() }
        },
        Binding([.escape], in: [.composerText], help: "stop typing (what was typed stays)",
                footer: FooterLabel(label: "stop", rank: 3)) { state, _ in
            state.editComposer { composer, _ in composer.typing = nil }
        },
    ]
}
