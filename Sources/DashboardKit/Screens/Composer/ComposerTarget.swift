import ICWSWire

/// Which server a composed job goes to: one that is not read-only, the selected job's by default
/// (else the first), changed with `c`; the composer shows and checks against that server's dictionary.
extension DashboardState {
    /// The servers a job may be sent to (none in read-only mode).
    var writableContexts: [ContextID] {
        options.readOnly ? [] : servers.filter { !$0.options.readOnly }.map(\.id)
    }

    /// Where `n` sends by default: the selected job's server if it may be sent to, else the first that may.
    var defaultComposerTarget: ContextID? {
        let writable = writableContexts
        if let context = selectedId?.context, writable.contains(context) { return context }
        return writable.first
    }

    /// The composer's server's dictionary (the first server's when no composer is open).
    public var composerDictionary: DictionaryEntry? {
        dictionaries[composer?.target ?? .first]
    }

    /// The login user id on `context` (as the header shows it): a new job's `submittedUserId`.
    func submittingUser(on context: ContextID) -> String {
        serverIndex(context).flatMap { servers[$0].user } ?? ""
    }

    /// A dictionary load for `context` unless it is loaded or on its way (a failed one is tried again).
    mutating func loadDictionaryIfNeeded(_ context: ContextID) -> [Effect] {
        switch dictionaries[context] {
        case nil, .failed?:
            dictionaries[context] = .loading
            return [.loadDictionary(context: context)]
        case .loading?, .loaded?:
            return []
        }
    }

    /// Why `c` cannot change the server: off for the run when there is no other one to send to.
    var composerTargetUnavailable: Unavailable? {
        guard writableContexts.count > 1 else {
            return servers.count > 1 ? .off("The other servers are read-only.", brief: "other servers read-only")
                : .off("There is one server.", brief: "one server")
        }
        guard let composer else { return .silent }
        if composer.submitting { return .notNow("The job is on its way to the server.") }
        return nil
    }

    /// `c`: the next server that may be sent to, and its dictionary.
    mutating func nextComposerTarget() -> [Effect] {
        guard let composer else { return [] }
        let writable = writableContexts
        guard let index = writable.firstIndex(of: composer.target) ?? writable.indices.first else { return [] }
        let next = writable[(index + 1) % writable.count]
        _ = editComposer { composer, _ in
            composer.target = next
            composer.dataSetCursor = 0
            composer.columnCursor = 0
            composer.problems = []
            composer.refusal = nil
        }
        return loadDictionaryIfNeeded(next)
    }

    /// "lab", or "lab (c: next server; prod is read-only)" with several servers; nil with one.
    func composerTargetText(_ composer: Composer) -> String? {
        guard servers.count > 1, let index = serverIndex(composer.target) else { return nil }
        var notes: [String] = []
        if writableContexts.count > 1 { notes.append("c: next server") }
        let readOnly = servers.filter(\.options.readOnly).map(\.label)
        if !readOnly.isEmpty { notes.append("\(readOnly.joined(separator: ", ")) \(readOnly.count == 1 ? "is" : "are") read-only") }
        return servers[index].label + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
    }
}
