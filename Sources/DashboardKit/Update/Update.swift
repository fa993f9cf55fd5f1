import Foundation
import ICWSWire

/// The effects to run when the dashboard starts: each server's newest page of jobs.
public func initialEffects(_ state: DashboardState) -> [Effect] {
    state.servers.map { .loadNewestPage(context: $0.id, count: state.options.pageSize) }
}

/// The dashboard's only way to change state. Pure: no I/O, no clock; work to do comes back as effects.
public func update(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    let previousSelection = state.selectedId
    var effects: [Effect]
    switch action {
    case .key(let key):
        effects = state.handle(key)
    case .clockRead(let date):
        state.advanceClock(to: date)
        effects = []
    case .resize(let width, let height):
        state.layout = Layout(width: max(0, width), height: max(0, height), servers: state.servers.count)
        effects = []
    case .sessionStarted(let context, let user, let server):
        if let index = state.serverIndex(context) {
            state.servers[index].sessionUser = user
            state.servers[index].server = server
        }
        effects = []
    case .pageLoaded(let context, let jobs, let olderThan, let requested, let at, let warnings, let configs):
        state.history.record(jobs, context: context, configs: configs)
        effects = state.pageLoaded(jobs, context: context, olderThan: olderThan, requested: requested, at: at)
        state.pageWarned(warnings, context: context)
    case .historyRestored(let context, let jobs, let configs, let complete):
        state.history.record(jobs, context: context, configs: configs)
        effects = state.historyRestored(jobs, context: context, complete: complete)
    case .historyCacheWarning(let context, let warning):
        state.historyCacheWarned(warning, context: context)
        effects = []
    case .pageFailed(let context, let olderThan, let failure, let at):
        state.pageFailed(context: context, olderThan: olderThan, failure: failure, at: at)
        effects = []
    case .configLoaded(let id, let config):
        if let status = state.jobs[id] { state.history.record(config, of: status, context: id.context) }
        state.configArrived(id, .loaded(config))
        effects = []
    case .configFailed(let id, let failure):
        state.configArrived(id, .failed(failure))
        effects = []
    case .statusesReceived(let context, let statuses, let isDelta, let at):
        let full = state.fullStatuses(statuses, isDelta: isDelta, context: context)
        state.history.record(full, context: context, configs: [:])
        effects = state.statusesReceived(full, context: context, at: at)
    case .cancelSucceeded(let id):
        effects = state.cancelSucceeded(id: id)
    case .cancelFailed(let id, let failure):
        state.cancelFailed(id: id, failure: failure)
        effects = []
    case .connectionChanged(let context, let status, let at):
        effects = state.connectionChanged(status, context: context, at: at)
    case .refreshDue(let context):
        effects = state.requestNewestPage(context: context)
    case .newestChecked(let context, let newestId):
        effects = state.newestChecked(newestId, context: context)
    case .timerFired(.selectionRest):
        effects = state.selectionRestTimerFired()
    case .timerFired(.cancelAccepted(let id)):
        state.cancelWaitEnded(id: id)
        effects = []
    case .timerFired(.elapsedTick):
        state.elapsedTickRunning = false
        effects = []
    case .dictionaryLoaded(let context, let dictionary, let at):
        state.dictionaries[context] = .loaded(dictionary)
        state.advanceClock(to: at)
        effects = []
    case .dictionaryFailed(let context, let failure):
        state.dictionaries[context] = .failed(failure)
        effects = []
    case .screenReply(let screen, let reply):
        effects = state.deliver(reply, to: screen)
    }
    effects += state.reconcile(previousSelection: previousSelection)
    return effects
}

extension DashboardState {
    /// Brings derived data up to date after any action: visible rows, selection, scroll, the
    /// per-state counts, the watch set and the selected job's configuration.
    mutating func reconcile(previousSelection: JobKey?) -> [Effect] {
        var effects: [Effect] = []
        if let id = selectWhenListed, row(of: id) != nil {
            select(id)
            selectWhenListed = nil
        }
        keepSelectionInView()
        if selectedId != previousSelection {
            detailScroll = 0
            configRest.selectionMoved()
        }
        let needed = selectedId.map { configs[$0] == nil || (selectedId != previousSelection && isFailedConfig($0)) } ?? false
        let next = configRest.next(fetching: configInFlight != nil, needed: needed)
        if next.fetch, let id = selectedId {
            configRequested(id, inFlight: true)
            effects.append(.loadConfig(id: id))
        }
        if next.startTimer { effects.append(.startTimer(.selectionRest, after: ConfigRest.restTime)) }
        if !elapsedTickRunning, elapsedOnScreen {
            elapsedTickRunning = true
            effects.append(.startTimer(.elapsedTick, after: .seconds(1)))
        }
        return effects
    }

    /// A job that has not ended is among the rows on screen (the selected one, shown in the
    /// detail, is one of them): its elapsed time grows each second.
    var elapsedOnScreen: Bool {
        guard layout.mode != .tooSmall else { return false }
        let shown = rows.slots.dropFirst(listScroll).prefix(max(1, layout.list.height))
        return shown.contains { !jobs.knownState($0).hasEnded }
    }

    /// The rest timer ran out: the selection rested (then `reconcile` fetches) or moved (again).
    mutating func selectionRestTimerFired() -> [Effect] {
        configRest.timerFired()
        return []
    }

    private func isFailedConfig(_ id: JobKey) -> Bool {
        if case .failed = configs[id] { return true }
        return false
    }

    mutating func advanceClock(to date: Date) {
        if clock.map({ date > $0 }) ?? true { clock = date }
    }

    /// Records a server's link state. Receiving with nothing loaded yet, its newest page is fetched.
    /// A reconnection reads no list again: the connection owner brings the listed jobs up to date
    /// (the subscription's full statuses) and checks for new ones (`newestChecked`).
    mutating func connectionChanged(_ status: ConnectionStatus, context: ContextID, at: Date) -> [Effect] {
        advanceClock(to: at)
        guard let index = serverIndex(context) else { return [] }
        servers[index].connection = status
        guard status.isReceiving, !servers[index].paging.hasFirstPage else { return [] }
        return requestNewestPage(context: context)
    }

    /// Asks `context` for its newest page unless that request is already out (a refresh never overlaps).
    mutating func requestNewestPage(context: ContextID) -> [Effect] {
        guard let index = serverIndex(context) else { return [] }
        return servers[index].paging.newestPage(context, count: options.pageSize)
    }

    /// `Effect.watch` for the jobs that joined the list before they ended. The watched set itself
    /// is the connection owner's (each server's feed); a job that ends stays in it (the server
    /// keeps sending nothing for it), so an ending job sends no PUT; only new jobs do, once per
    /// batch however many arrive.
    func watchEffect(joining new: [JobStore.Slot]) -> [Effect] {
        let joining = new.filter { !jobs.knownState($0).hasEnded }.map(jobs.key)
        return joining.isEmpty ? [] : [.watch(adding: joining)]
    }
}
