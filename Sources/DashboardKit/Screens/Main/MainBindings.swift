import ICWSWire

/// The main screen's bindings: the job list, the detail pane and the filter prompt.
enum MainBindings {
    private static let main: Set<KeyContext> = [.list, .detail]

    static let anywhere: [Binding] = [
        Binding([.char("q")], in: main.union([.tooSmall]), help: "quit",
                details: "Quit. (With the help open, `q` closes the help instead.)",
                footer: FooterLabel(label: "quit", rank: 101, tail: true)) { _, _ in [.quit] },
        Binding([.char("?")], in: Set(KeyContext.all.filter(\.opensHelp)), help: "show this help (every key)",
                details: "Open the help overlay (every key, per context), from the list, the detail, the composer, the resubmit review or the cancel dialog.",
                footer: FooterLabel(label: "help", rank: 100, tail: true)) { state, _ in
            state.push(HelpScreen())
            return []
        },
        Binding([.tab, .backTab], in: main, help: "switch between list and detail") { state, _ in
            state.focus = state.focus == .list ? .detail : .list
            return []
        },
        Binding([.char("/")], in: main, help: "filter: words, or fields (state:failed user:jdoe ctx:prod since:2d)",
                details: "Filter the list. Plain words narrow it as you type (name, id, user or server, any case). With fields it is the same filter as `jobs list --filter` (docs/cli.md, \"Field filters\"): `state:failed` (or `active`, `ended`, `failed,canceled`), `user:jdoe`, `ctx:prod`, `name:nightly`, `id:3f2b`, `since:2d`, `before:2h`; `!` before a term inverts it; terms combine (all must hold). Until the text is a filter (`state:` without a value) the list stays as it was and the prompt says why. The active filter stays shown in the header and the status line.",
                footer: FooterLabel(label: "filter", rank: 4, only: [.list])) { state, _ in
            state.setFilterEditing(true)
            return []
        },
        Binding([.char("s")], in: main, help: "sort: newest, state, name, user, duration",
                details: "Cycle the sort: newest → state → name → user → duration → newest. The selected job stays selected. The sorted column is marked `▼` (`v` in ASCII).",
                footer: FooterLabel(label: "sort", rank: 5, only: [.list])) { state, _ in
            state.cycleSort()
            return []
        },
        Binding([.char("r")], in: main, help: "refresh the newest jobs",
                details: "Refresh: fetch the newest page of jobs now (ignored while a refresh is already in flight). Also retries the selected job's configuration if loading it failed.",
                footer: FooterLabel(label: "refresh", rank: 3)) { state, _ in state.refresh() },
        Binding([.char("c"), .delete], in: main, help: "cancel the selected job (asks first)",
                details: "Cancel the selected job, or with marks every marked job (one dialog listing them by server and state, then each job's result): opens a confirmation with **No** selected. On a job that has ended, the status line says why it cannot be canceled. In `--read-only` mode the key only says that cancel is off, and the footer does not offer it.",
                footer: FooterLabel(label: "cancel", rank: 2),
                unavailable: { $0.marks.isEmpty ? $0.cancelUnavailable : $0.bulkCancelUnavailable }) { state, _ in
            if state.marks.isEmpty { state.openCancelDialog() } else { state.openBulkCancel() }
            return []
        },
        Binding([.char("y")], in: main, help: "copy: id, output folder, error, configuration, resubmit command, ticket line",
                details: "Copy from the selected job: its id, output folder, error, configuration as JSON, the `dxtop jobs resubmit` command that runs it again, or a one-line summary for a ticket. Copied through OSC 52 (the terminal you sit at takes it, also over SSH; tmux and screen get their passthrough form), at most 100,000 bytes; with `TERM=dumb` or over the cap the text is shown in a box to select by hand.",
                unavailable: { $0.selectedJob == nil ? .notNow("No job selected.") : nil }) { state, _ in
            guard let key = state.selectedId else { return [] }
            state.push(CopyMenu(job: key))
            return []
        },
        Binding((1...9).map { Key.char(Character(String($0))) }, in: main, help: "switch to saved view 1-9 (views: in the config)",
                details: "Switch to the config file's saved view of that number (`views:`, in the file's order, docs/config.md): its filter, its columns and its sort. The view marked `default: true` is the one the dashboard opens on.",
                unavailable: { state in state.options.views.isEmpty ? .silent : nil }) { state, key in
            if case .char(let digit) = key, let number = digit.wholeNumberValue { state.switchToView(number - 1) }
            return []
        },
        Binding([.char("n")], in: main, help: "compose a new job",
                details: "Compose a new job from the server's data dictionary: datasets and columns, a time window, the name; checked with the server's rules before `y` sends it. Off in `--read-only` mode.",
                footer: FooterLabel(label: "new job", rank: 9),
                unavailable: { $0.composeUnavailable }) { state, _ in state.openComposer() },
        Binding([.char("R")], in: main, help: "resubmit the selected job (asks first)",
                details: "Resubmit the selected job: a review of exactly what will be sent again, answered `y` (send), `w` (shift the window forward by its own length), `e` (edit it in the composer) or `n`/`Esc` (nothing sent). Needs the job's configuration; off in `--read-only` mode. With marks: one review of every marked job by server (read-only contexts left out, and counted), the same `y`, `w` and `n`, then each job's result.",
                footer: FooterLabel(label: "resubmit", rank: 10),
                unavailable: { $0.marks.isEmpty ? $0.resubmitUnavailable : $0.bulkResubmitUnavailable }) { state, _ in
            state.marks.isEmpty ? state.openResubmit() : state.openBulkResubmit()
        },
        Binding([.char("h")], in: main, help: "history of the selected job's series",
                details: "History of the selected job's series: its runs over time as a chart (queue wait under run time, the baseline, outliers and failures marked), its baseline and failure rate. Needs the job's configuration (pages bring it).",
                unavailable: { $0.historyUnavailable }) { state, _ in state.openHistory() },
        Binding([.char("t")], in: main, help: "timeline of every server's jobs (today)",
                details: "Timeline: a Gantt of every server's jobs over today, queued and running apart, failures and cancels marked, a now line, and how many jobs ran at once on each server.") { state, _ in
            state.openTimeline()
        },
        Binding([.char("C")], in: main, help: "coverage: which periods each series extracted",
                details: "Coverage: series as rows, days (or weeks, months) as columns: extracted, extracted twice, gaps, gaps a failed job tried. Enter on a gap reviews a fill (`y` sends it).") { state, _ in
            state.openCoverage()
        },
        Binding([.char("S")], in: main, help: "reverse the sort",
                details: "Reverse the sort: the same column the other way round (`newest` becomes `oldest`; the sorted column is marked `▲`, `^` in ASCII). `s` or the column chooser (`o`) picks the column.") { state, _ in
            state.setSort(state.sort.turned)
            return []
        },
        Binding([.char("o")], in: main, help: "columns: choose, order, size, sort by",
                details: "The column chooser: which columns the list shows (among them USUAL, elapsed against the series' baseline; ETA; RUNS, the series' sparkline; the output folder and the error), their order and widths, and the column to sort by. Kept for the session; a saved view (`views:`) sets them too.",
                footer: FooterLabel(label: "columns", rank: 11, only: [.list])) { state, _ in
            state.push(ColumnChooser(state.columns))
            return []
        },
        Binding([.char("v")], in: main, help: "saved views: pick one (views: in the config)",
                details: "The saved views of the config file (`views:`) in a list, each with its filter, columns and sort; Enter switches to the one selected (the number keys switch at once).",
                unavailable: { $0.options.views.isEmpty ? .notNow("No saved views: add views: to the config file (docs/config.md).") : nil }) { state, _ in
            state.push(ViewPicker(current: state.currentView ?? 0))
            return []
        },
        Binding([.ctrlL], in: Set(KeyContext.all), help: "redraw the whole screen",
                details: "Redraw the whole screen, from every context (the dashboard's state does not change).") { _, _ in [.repaintAll] },
    ]

    static let list: [Binding] = [
        Binding([.char("j"), .down], in: [.list], help: "next job", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.moveSelection(by: 1)
        },
        Binding([.char("k"), .up], in: [.list], help: "previous job", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.moveSelection(by: -1)
        },
        Binding([.pageUp], in: [.list], help: "a page of jobs up", footer: FooterLabel(label: "page", rank: 7)) { state, _ in
            state.moveSelection(by: -state.listPage)
        },
        Binding([.pageDown], in: [.list], help: "a page of jobs down", footer: FooterLabel(label: "page", rank: 7)) { state, _ in
            state.moveSelection(by: state.listPage)
        },
        Binding([.char("g"), .home], in: [.list], help: "first job", footer: FooterLabel(label: "first/last", rank: 8)) { state, _ in
            state.selectRow(0)
        },
        Binding([.char("G"), .end], in: [.list], help: "oldest job (loads the whole history)",
                details: "The oldest job: selects the last row and loads the rest of the history in pages of \(historyPageSize), showing how many jobs are listed. The keys keep working; any movement key stops the loading. With several servers, a server whose page fails leaves the walk (the status line names it until that server answers again) and the others go on; `G` again walks it.",
                footer: FooterLabel(label: "first/last", rank: 8)) { state, _ in
            state.selectOldest()
        },
        Binding([.char(" ")], in: [.list], help: "mark the job and move down (again: unmark)",
                details: "Mark the selected job for a bulk action and move down; on a marked job, unmark it. Marks are kept by server and job id: a refresh, a page, a sort or a filter does not lose them. Marked rows show `\(Glyphs.unicode.marked)` (`\(Glyphs.ascii.marked)` in ASCII) and the footer counts them; `c` then cancels every marked job.") { state, _ in
            state.toggleMark()
        },
        Binding([.char("V")], in: [.list], help: "mark a range: from the last mark to here",
                details: "Mark every shown job from the job marked last to the selected one. With no mark shown yet, marks the selected job as the start of the range: move, then `V` again.") { state, _ in
            state.markRange()
        },
        Binding([.char("u")], in: [.list], help: "clear every mark", footer: FooterLabel(label: "unmark all", rank: 12),
                unavailable: { $0.marks.isEmpty ? .silent : nil }) { state, _ in
            state.clearMarks()
            return []
        },
        Binding([.enter], in: [.list], help: "focus the detail", footer: FooterLabel(label: "detail", rank: 6)) { state, _ in
            state.focus = .detail
            return []
        },
        Binding([.escape], in: [.list], help: "clear the filter", footer: FooterLabel(label: "clear filter", rank: 1),
                unavailable: { $0.filter.isActive ? nil : .silent }) { state, _ in
            state.setFilter("")
            return []
        },
    ]

    static let detail: [Binding] = [
        Binding([.char("j"), .down], in: [.detail], help: "scroll a line down", footer: FooterLabel(label: "scroll", rank: 0)) { state, _ in
            state.scrollDetail { $0 + 1 }
        },
        Binding([.char("k"), .up], in: [.detail], help: "scroll a line up", footer: FooterLabel(label: "scroll", rank: 0)) { state, _ in
            state.scrollDetail { $0 - 1 }
        },
        Binding([.pageUp], in: [.detail], help: "scroll a page up", footer: FooterLabel(label: "page", rank: 7)) { state, _ in
            let page = state.detailPage
            return state.scrollDetail { $0 - page }
        },
        Binding([.pageDown], in: [.detail], help: "scroll a page down", footer: FooterLabel(label: "page", rank: 7)) { state, _ in
            let page = state.detailPage
            return state.scrollDetail { $0 + page }
        },
        Binding([.char("g"), .home], in: [.detail], help: "top of the detail", footer: FooterLabel(label: "top/bottom", rank: 8)) { state, _ in
            state.scrollDetail { _ in 0 }
        },
        Binding([.char("G"), .end], in: [.detail], help: "bottom of the detail", footer: FooterLabel(label: "top/bottom", rank: 8)) { state, _ in
            state.scrollDetail { _ in Int.max / 2 }
        },
        Binding([.escape], in: [.detail], help: "back to the job list", footer: FooterLabel(label: "list", rank: 1)) { state, _ in
            state.focus = .list
            return []
        },
    ]

    static let filter: [Binding] = [
        Binding(patterns: [.anyCharacter], in: [.filter], help: "added to the filter; the list narrows",
                details: "Added to the filter; plain words narrow the list as you type (name, id, user or server, case-insensitive); with a field (`state:failed`) or `!` it is a field filter.",
                footer: FooterLabel(label: "filter, or field:value", rank: 0)) { state, key in
            if case .char(let c) = key { state.setFilter(state.filter.text + String(c)) }
            return []
        },
        Binding([.enter], in: [.filter], help: "keep the filter, leave the prompt",
                details: "Keep the filter and leave the prompt (the list keys work again; `Esc` later clears it).",
                footer: FooterLabel(label: "keep", rank: 1)) { state, _ in
            state.setFilterEditing(false)
            return []
        },
        Binding([.escape], in: [.filter], help: "clear the filter, leave the prompt", footer: FooterLabel(label: "clear", rank: 2)) { state, _ in
            state.setFilterEditing(false)
            state.setFilter("")
            return []
        },
        Binding([.backspace], in: [.filter], help: "delete the last character", footer: FooterLabel(label: "delete", rank: 3)) { state, _ in
            state.setFilter(String(state.filter.text.dropLast()))
            return []
        },
        Binding([.up, .down, .pageUp, .pageDown, .home, .end], in: [.filter], help: "move in the list",
                details: "Move in the filtered list without leaving the prompt.") { state, key in
            state.bindingTable.first { $0.answers(key, in: .list) }?.perform(&state, key) ?? []
        },
    ]
}
