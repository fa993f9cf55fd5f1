import Foundation
import ICWSWire
import JobComposition

/// The server's data dictionary as the dashboard knows it (fetched once per session).
public enum DictionaryEntry: Equatable, Sendable {
    case loading
    case loaded(DataDictionary)
    case failed(Failure)
}

enum ComposerScreen {
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

extension DashboardState {
    /// The open composer, if any.
    public var composer: Composer? {
        for case .composer(let composer) in screens.reversed() { return composer }
        return nil
    }

    var composeUnavailable: Unavailable? {
        if options.readOnly { return .off("Read-only mode: composing jobs is turned off.", brief: "read-only mode") }
        if writableContexts.isEmpty { return .off("Every server is read-only: composing jobs is turned off.", brief: "read-only servers") }
        return nil
    }

    var composerSubmitUnavailable: Unavailable? {
        guard let composer else { return .silent }
        if composer.submitting { return .notNow("The job is on its way to the server.") }
        guard case .loaded? = composerDictionary else { return .notNow("The data dictionary is not loaded.") }
        return nil
    }

    /// `n`: the composer for the default server (or `target`), and that server's dictionary's first load.
    mutating func openComposer(target: ContextID? = nil) -> [Effect] {
        guard let target = target ?? defaultComposerTarget else { return [] }
        let sameAs = selectedId.flatMap { id -> (id: String, window: TimeWindow)? in
            guard case .loaded(let config)? = configs[id], let window = TimeWindow(of: config) else { return nil }
            return (id.id, window)
        }
        push(.composer(Composer(now: clock ?? Date(timeIntervalSince1970: 0), timeZone: options.timeFormat.timeZone,
                                target: target, sameAs: sameAs)))
        return loadDictionaryIfNeeded(target)
    }

    /// The datasets the composer lists now (none until the dictionary is loaded).
    var composerDataSets: [DictionaryDataSet] {
        guard case .loaded(let dictionary)? = composerDictionary, let composer else { return [] }
        return Composer.listed(dictionary, filter: composer.dataSetFilter)
    }

    /// The dataset under the picker's cursor.
    var composerDataSet: DictionaryDataSet? {
        guard let composer else { return nil }
        let sets = composerDataSets
        return sets.indices.contains(composer.dataSetCursor) ? sets[composer.dataSetCursor] : nil
    }

    /// Changes the composer on top, given the dataset under its cursor. Problems on show are
    /// checked again against the change.
    mutating func editComposer(with change: (inout Composer, DictionaryDataSet?) -> Void) -> [Effect] {
        let set = composerDataSet
        let dictionary: DataDictionary? = if case .loaded(let loaded)? = composerDictionary { loaded } else { nil }
        let user = composer.map { submittingUser(on: $0.target) }
        updateTop { screen in
            guard case .composer(var composer) = screen else { return }
            change(&composer, set)
            if !composer.problems.isEmpty, let dictionary, let user {
                if case .failure(let error) = composer.config(dictionary, submittedUserId: user) {
                    composer.problems = error.problems.map(\.message)
                } else {
                    composer.problems = []
                }
            }
            screen = .composer(composer)
        }
        return []
    }

    mutating func editComposerText(_ change: (String) -> String) -> [Effect] {
        editComposer { composer, _ in composer.typedText = composer.typedText.map(change) }
    }

    mutating func moveComposerPart(by delta: Int, closingAtStart: Bool = false) -> [Effect] {
        guard let composer else { return [] }
        if closingAtStart, composer.part == .dataSets {
            screens.removeAll { if case .composer = $0 { true } else { false } }
            return []
        }
        let parts = Composer.Part.allCases
        let next = parts[(composer.part.rawValue + delta + parts.count) % parts.count]
        return editComposer { composer, _ in composer.part = next }
    }

    mutating func moveComposerCursor(by delta: Int) -> [Effect] {
        let setCount = composerDataSets.count
        let columnCount = composerDataSet?.column.count ?? 0
        return editComposer { composer, _ in
            func moved(_ value: Int, count: Int) -> Int { max(0, min(value + delta, count - 1)) }
            switch composer.part {
            case .dataSets:
                composer.dataSetCursor = moved(composer.dataSetCursor, count: setCount)
                composer.columnCursor = 0
            case .columns: composer.columnCursor = moved(composer.columnCursor, count: columnCount)
            case .window: composer.windowCursor = moved(composer.windowCursor, count: composer.windowChoices.count)
            case .submit: break
            }
        }
    }

    mutating func composerChoose() -> [Effect] {
        editComposer { composer, set in
            switch composer.part {
            case .dataSets:
                if let set { composer.toggle(set) }
            case .columns:
                if let set, set.column.indices.contains(composer.columnCursor) {
                    composer.toggle(column: set.column[composer.columnCursor].name, of: set)
                }
            case .window:
                composer.window = composer.windowChoices[composer.windowCursor]
                if composer.window == .typed { composer.startTyping(.start) }
            case .submit: break
            }
        }
    }

    /// `y`: the job checked with the server's rules, then sent; a problem keeps it here.
    mutating func submitComposer() -> [Effect] {
        guard case .loaded(let dictionary)? = composerDictionary, let composer else { return [] }
        switch composer.config(dictionary, submittedUserId: submittingUser(on: composer.target)) {
        case .failure(let error):
            _ = editComposer { composer, _ in
                composer.refusal = nil
                composer.problems = error.problems.map(\.message)
            }
            return []
        case .success(let config):
            _ = editComposer { composer, _ in
                composer.problems = []
                composer.refusal = nil
                composer.submitting = true
            }
            return [.submitJob(context: composer.target, config)]
        }
    }

    /// The server took the job: the composer closes, the list fetches it and selects it (the list
    /// filter, which could hide it, is cleared).
    mutating func jobSubmitted(id: JobKey) -> [Effect] {
        screens.removeAll {
            switch $0 {
            case .composer, .resubmit: true
            default: false
            }
        }
        let filtered = filter.isActive
        setFilter("")
        statusMessage = .info("Job \(id.id) submitted\(filtered ? "; the list filter was cleared to show it" : "").")
        selectWhenListed = id
        return requestNewestPage(context: id.context)
    }

    /// The server refused: its message in the composer, everything chosen kept.
    mutating func submitFailed(_ failure: Failure) {
        if case .resubmit? = topScreen {
            _ = editResubmit {
                $0.submitting = false
                $0.problems = ["The server refused the job: \(failure.message)"]
            }
            return
        }
        guard composer != nil else {
            statusMessage = .info("The server refused the job: \(failure.message)")
            return
        }
        _ = editComposer { composer, _ in
            composer.submitting = false
            composer.refusal = "The server refused the job: \(failure.message)"
        }
    }
}
