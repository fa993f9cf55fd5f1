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
        state.width = max(0, width)
        state.height = max(0, height)
        effects = []
    case .sessionStarted(let user, let server):
        state.user = user
        state.server = server
        effects = []
    case .pageLoaded(let jobs, let olderThan, let requested, let at):
        effects = state.pageLoaded(jobs, olderThan: olderThan, requested: requested, at: at)
    case .pageFailed(let olderThan, let message, let at):
        state.pageFailed(olderThan: olderThan, message: message, at: at)
        effects = []
    case .configLoaded(let id, let config):
        state.configs[id] = .loaded(config)
        if state.configInFlight == id { state.configInFlight = nil }
        effects = []
    case .configFailed(let id, let message):
        state.configs[id] = .failed(message)
        if state.configInFlight == id { state.configInFlight = nil }
        effects = []
    case .statusesReceived(let statuses, let at):
        state.statusesReceived(statuses, at: at)
        effects = []
    case .cancelSucceeded(let id):
        state.cancelSucceeded(id: id)
        effects = []
    case .cancelFailed(let id, let message):
        state.pendingCancels.remove(id)
        state.statusMessage = .error("Cancel of job \(id) refused: \(message)")
        effects = []
    case .connectionChanged(let status, let at):
        effects = state.connectionChanged(status, at: at)
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
        // Building the detail to count its lines is the one costly step: skip it at the top.
        if detailScroll > 0 { clampDetailScroll() }
        return effects
    }

    private func isFailedConfig(_ id: String) -> Bool {
        if case .failed = configs[id] { return true }
        return false
    }

    mutating func advanceClock(to date: Date) {
        if clock.map({ date > $0 }) ?? true { clock = date }
    }

    /// Records the link's state. Back to connected with nothing loaded, or after a reconnect, the
    /// newest page is fetched again (nothing else would reload the list).
    mutating func connectionChanged(_ status: ConnectionStatus, at: Date) -> [Effect] {
        let wasDown: Bool = switch connection {
        case .reconnecting, .offline: true
        case .connecting, .connected, .stale: false
        }
        connection = status
        advanceClock(to: at)
        guard status == .connected, wasDown || !hasLoadedFirstPage else { return [] }
        return requestNewestPage()
    }

    /// Asks for the newest page unless that request is already out (a refresh never overlaps).
    mutating func requestNewestPage() -> [Effect] {
        guard !newestPageInFlight else { return [] }
        newestPageInFlight = true
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
