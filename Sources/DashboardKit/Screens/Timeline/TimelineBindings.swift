extension KeyContext {
    static let timeline = KeyContext("timeline", section: "Timeline (after t)", opensHelp: true, notes: [
        "Bars: `░` queued, `█` running (`.` and `#` in ASCII), `✗` failed, `⊘` canceled, `│` now. The rows",
        "under the chart count, per server, the most jobs that ran at once in each column.",
    ])
}

extension TimelineScreen {
    static let bindings: [Binding] = [
        Binding([.left, .char("h")], in: [.timeline], help: "earlier (a quarter of the window)",
                footer: FooterLabel(label: "time", rank: 0, keysShown: 1)) { state, _ in
            state.editTimeline { $0.window.move(-1) }
        },
        Binding([.right, .char("l")], in: [.timeline], help: "later (a quarter of the window)",
                footer: FooterLabel(label: "time", rank: 0, keysShown: 1)) { state, _ in
            state.editTimeline { $0.window.move(1) }
        },
        Binding([.char("+"), .char("=")], in: [.timeline], help: "zoom in (from a week down to an hour)",
                footer: FooterLabel(label: "zoom", rank: 1)) { state, _ in
            state.editTimeline { $0.window.zoom(in: true) }
        },
        Binding([.char("-")], in: [.timeline], help: "zoom out", footer: FooterLabel(label: "zoom", rank: 1)) { state, _ in
            state.editTimeline { $0.window.zoom(in: false) }
        },
        Binding([.char("j"), .down], in: [.timeline], help: "next row", footer: FooterLabel(label: "row", rank: 2)) { state, _ in
            state.moveTimelineCursor(1)
        },
        Binding([.char("k"), .up], in: [.timeline], help: "previous row", footer: FooterLabel(label: "row", rank: 2)) { state, _ in
            state.moveTimelineCursor(-1)
        },
        Binding([.char("s")], in: [.timeline], help: "one row per job or one per series",
                footer: FooterLabel(label: "rows per job/series", rank: 5)) { state, _ in
            state.editTimeline { $0.toggleGrouping() }
        },
        Binding([.char("d")], in: [.timeline], help: "back to today", footer: FooterLabel(label: "today", rank: 6)) { state, _ in
            let today = state.today
            return state.editTimeline { $0.window = today }
        },
        Binding([.enter], in: [.timeline], help: "jump to the job in the list (the row's newest)",
                footer: FooterLabel(label: "jump", rank: 3)) { state, _ in
            guard let screen = state.topmost(TimelineScreen.self), let key = screen.jumpTarget(in: state.timelineRows(screen)) else {
                return []
            }
            state.pop()
            return state.jump(to: key)
        },
        Binding([.escape, .char("t"), .char("q")], in: [.timeline], help: "close the timeline",
                footer: FooterLabel(label: "close", rank: 4)) { state, _ in
            state.pop()
            return []
        },
    ]
}
