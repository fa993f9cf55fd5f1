import Insight

extension KeyContext {
    static let history = KeyContext("history", section: "History (after h)", opensHelp: true, notes: [
        "The chart: one column per run, oldest left; `░` queue wait under `█` run time (`.` and `#` in",
        "ASCII), `┄` the usual total (median queue wait + median run time), `▲` a run past the overdue",
        "rule (its bar cut at three times the usual), `✗` failed, `⊘` canceled.",
    ])
}

extension HistoryScreen {
    static let bindings: [Binding] = [
        Binding([.left, .char("h")], in: [.history], help: "older run", footer: FooterLabel(label: "run", rank: 0)) { state, _ in
            state.editHistory { $0.cursor = min($0.cursor + 1, max(0, $0.content.bars.count - 1)) }
        },
        Binding([.right, .char("l")], in: [.history], help: "newer run", footer: FooterLabel(label: "run", rank: 0)) { state, _ in
            state.editHistory { $0.cursor = max(0, $0.cursor - 1) }
        },
        Binding([.enter], in: [.history], help: "jump to the run in the list", footer: FooterLabel(label: "jump to job", rank: 1)) { state, _ in
            guard let screen = state.topmost(HistoryScreen.self), let run = screen.selectedRun else { return [] }
            state.pop()
            return state.jump(to: JobKey(context: screen.content.context, id: run.jobId))
        },
        Binding([.escape, .char("q")], in: [.history], help: "close the history", footer: FooterLabel(label: "close", rank: 2)) { state, _ in
            state.pop()
            return []
        },
    ]
}

extension DashboardState {
    /// Why `h` cannot show the selected job's series, if it cannot.
    var historyUnavailable: Unavailable? {
        guard let id = selectedId else { return .notNow("No job selected.") }
        guard history.seriesKey(of: id) != nil else {
            return .notNow("Job \(id.id): its series is not known yet (its configuration has not been read).")
        }
        return nil
    }

    /// `h`: the selected job's series over time.
    mutating func openHistory() -> [Effect] {
        guard let id = selectedId, let key = history.seriesKey(of: id), let content = historyContent(context: id.context, key: key) else {
            return []
        }
        push(HistoryScreen(content: content, version: history.version))
        return []
    }

    func historyContent(context: ContextID, key: SeriesKey) -> HistoryContent? {
        guard let server = serverIndex(context) else { return nil }
        return HistoryContent(model: history.model, context: context, server: RunHistory.server(context), serverLabel: servers[server].label,
                              key: key)
    }

    mutating func editHistory(_ change: (inout HistoryScreen) -> Void) -> [Effect] {
        editTop(HistoryScreen.self) { screen, _ in
            change(&screen)
            return []
        }
    }
}
