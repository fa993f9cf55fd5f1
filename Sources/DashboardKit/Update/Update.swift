import Foundation
import ICWSWire

/// The effects to run when the dashboard starts: the newest page of jobs.
public func initialEffects(_ state: DashboardState) -> [Effect] {
    [.loadNewestPage(count: state.options.pageSize)]
}

/// The dashboard's only way to change state. Pure: no I/O, no clock; work to do comes back as effects.
public func update(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    let previousSelection = state.selectedId
    var effects: [Effect]
    switch action {
    case .key(let key):
        effects = state.handle(key)
    case .resize(let width, let height):
        state.layout = Layout(width: max(0, width), height: max(0, height))
        effects = []
    case .sessionStarted(let user, let server):
        state.user = user
        state.server = server
        effects = []
    case .pageLoaded(let jobs, let olderThan, let requested, let at):
        effects = state.pageLoaded(jobs, olderThan: olderThan, requested: requested, at: at)
    case .pageFailed(let olderThan, let failure, let at):
        state.pageFailed(olderThan: olderThan, failure: failure, at: at)
        effects = []
    case .configLoaded(let id, let config):
        state.configs[id] = .loaded(config)
        if state.configInFlight == id { state.configInFlight = nil }
        effects = []
    case .configFailed(let id, let failure):
        state.configs[id] = .failed(failure)
        if state.configInFlight == id { state.configInFlight = nil }
        effects = []
    case .statusesReceived(let statuses, let at):
        state.statusesReceived(statuses, at: at)
        effects = []
    case .cancelSucceeded(let id):
        state.cancelSucceeded(id: id)
        effects = []
    case .cancelFailed(let id, let failure):
        state.pendingCancels.remove(id)
        state.statusMessage = .failed(.cancel(jobId: id), failure)
        effects = []
    case .connectionChanged(let status, let at):
        effects = state.connectionChanged(status, at: at)
    case .dictionaryLoaded(let dictionary, let at):
        state.dictionary = .loaded(dictionary)
        state.advanceClock(to: at)
        effects = []
    case .dictionaryFailed(let failure):
        state.dictionary = .failed(failure)
        effects = []
    case .jobSubmitted(let id):
        effects = state.jobSubmitted(id: id)
    case .submitFailed(let failure):
        state.submitFailed(failure)
        effects = []
    case .refreshDue:
        effects = state.requestNewestPage()
    }
    effects += state.reconcile(previousSelection: previousSelection)
    return effects
}

extension DashboardState {
    /// Brings derived data up to date after any action: visible rows, selection, scroll, the
    /// per-state counts, the watch set and the selected job's configuration.
    mutating func reconcile(previousSelection: String?) -> [Effect] {
        var effects: [Effect] = []
        if rowsNeedRefresh { refreshVisibleRows() }
        if let id = selectWhenListed, visibleIndex[id] != nil {
            selectedId = id
            selectWhenListed = nil
        }
        keepSelectionInView()
        if jobsChanged {
            jobsChanged = false
            recountStates()
            if let watch = watchEffectIfChanged() { effects.append(watch) }
            closeDialogIfJobEnded()
        }
        if selectedId != previousSelection { detailScroll = 0 }
        // One configuration load at a time: when it returns, this runs again and fetches the
        // then-selected job's, so skipping over many jobs costs one request, not one per job.
        if configInFlight == nil, let id = selectedId,
           configs[id] == nil || (selectedId != previousSelection && isFailedConfig(id)) {
            configs[id] = .loading
            configInFlight = id
            effects.append(.loadConfig(id: id))
        }
        return effects
    }

    private func isFailedConfig(_ id: String) -> Bool {
        if case .failed = configs[id] { return true }
        return false
    }

    mutating func advanceClock(to date: Date) {
        if clock.map({ date > $0 }) ?? true { clock = date }
    }

    /// Records the link's state. Back to connected with nothing loaded, or after a reconnect or
    /// a stale stream, the newest page is fetched again (nothing else would reload the list).
    mutating func connectionChanged(_ status: ConnectionStatus, at: Date) -> [Effect] {
        let missedChanges = connection.mayHaveMissedChanges
        connection = status
        advanceClock(to: at)
        guard status == .connected, missedChanges || !paging.hasFirstPage else { return [] }
        return requestNewestPage()
    }

    /// Asks for the newest page unless that request is already out (a refresh never overlaps).
    mutating func requestNewestPage() -> [Effect] {
        guard paging.startNewest() else { return [] }
        return [.loadNewestPage(count: options.pageSize)]
    }

    private mutating func recountStates() {
        var counts: [JobState: Int] = [:]
        for job in jobs.values { counts[job.knownState, default: 0] += 1 }
        stateCounts = counts
    }

    /// `Effect.watch` with the listed jobs that have not ended, when that set changed.
    private mutating func watchEffectIfChanged() -> Effect? {
        let active = loadOrder.filter { jobs[$0].map { !$0.knownState.hasEnded } ?? false }
        let activeSet = Set(active)
        guard activeSet != watchedIds else { return nil }
        watchedIds = activeSet
        return .watch(jobIds: active)
    }
}
