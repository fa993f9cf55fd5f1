import Foundation
import ICWSWire
import JobComposition

extension DashboardState {
    /// The open composer, if any.
    public var composer: Composer? { topmost(Composer.self) }

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
        push(Composer(now: clock ?? Date(timeIntervalSince1970: 0), timeZone: options.timeFormat.timeZone,
                      target: target, sameAs: sameAs))
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
        return editTop(Composer.self) { composer, _ in
            change(&composer, set)
            if !composer.problems.isEmpty, let dictionary, let user {
                if case .failure(let error) = composer.config(dictionary, submittedUserId: user) {
                    composer.problems = error.problems.map(\.message)
                } else {
                    composer.problems = []
                }
            }
            return []
        }
    }

    mutating func editComposerText(_ change: (String) -> String) -> [Effect] {
        editComposer { composer, _ in composer.typedText = composer.typedText.map(change) }
    }

    mutating func moveComposerPart(by delta: Int, closingAtStart: Bool = false) -> [Effect] {
        guard let composer else { return [] }
        if closingAtStart, composer.part == .dataSets {
            pop()
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
        guard case .loaded(let dictionary)? = composerDictionary, let composer, let requester = topScreenID else { return [] }
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
            return [.submitJob(context: composer.target, config, requester: requester)]
        }
    }
}
