import Foundation
import ICWSWire

extension DashboardState {
    /// Merges a server's page into the loaded jobs, placing new ones where the server ordered them.
    mutating func pageLoaded(_ page: [JobStatus], context: ContextID, olderThan: String?, requested: Int, at: Date) -> [Effect] {
        guard let index = serverIndex(context) else { return [] }
        lastDataAt = at
        advanceClock(to: at)
        let short = page.count < requested
        let paging = servers[index].paging
        // After a full page asked with `readAhead` the service is fetching the page after it.
        let readAhead = olderThan.map { paging.readingAhead && paging.phase == .loadingOlder(olderThan: $0) && !short } ?? false
        servers[index].paging.loaded(olderThan: olderThan, short: short)
        clearPageFailureMessage()
        mergeOrder(page, context: context, appendLeftovers: olderThan != nil)
        jobsChanged = true
        var effects: [Effect] = []
        if loadingHistory, olderThan != nil {
            refreshVisibleRows()
            effects = continueHistory()
        } else if !filter.isActive, order.count < layout.list.height {
            // A list shorter than the screen cannot be scrolled to fetch more: fetch while it is.
            effects = olderPageIfNeeded()
        }
        let readAheadWanted = effects.contains {
            if case .loadOlderPage(context, _, _, true) = $0 { true } else { false }
        }
        if readAhead, !readAheadWanted { effects.append(.dropReadAhead(context: context)) }
        return effects
    }

    /// Stores the page and inserts its jobs not yet in the load order: each run of new jobs goes
    /// just before the next known job of the page; a trailing run goes at the end for older
    /// pages, at the top otherwise. Costs the page, not the list: a known job's row is looked up
    /// by slot, and a run goes into the middle (renumbering the list) only when the server
    /// listed new jobs between known ones.
    private mutating func mergeOrder(_ page: [JobStatus], context: ContextID, appendLeftovers: Bool) {
        var pending: [JobStore.Slot] = []
        var pendingSet = Set<JobStore.Slot>()
        for job in page {
            let (slot, isNew) = store(job, context: context)
            if isNew {
                pending.append(slot)
                pendingSet.insert(slot)
            } else if !pending.isEmpty, !pendingSet.contains(slot), let at = order.position(of: slot) {
                insertInOrder(pending, at: at)
                pending.removeAll()
                pendingSet.removeAll()
            }
        }
        guard !pending.isEmpty else { return }
        insertInOrder(pending, at: appendLeftovers ? order.count : 0)
    }

    /// Puts new jobs into the load order at `position`, noting for the visible rows what moved.
    private mutating func insertInOrder(_ slots: [JobStore.Slot], at position: Int) {
        if position == 0 {
            rowChanges.prepended.append(slots)
        } else if position == order.count {
            rowChanges.appended += slots
        } else {
            rowsNeedRefresh = true
        }
        order.insert(slots, at: position, store: jobs)
        newlyListed += slots
    }

    mutating func pageFailed(context: ContextID, olderThan: String?, failure: Failure, at: Date) {
        advanceClock(to: at)
        guard let index = serverIndex(context) else { return }
        servers[index].paging.failed(olderThan: olderThan, failure)
        loadingHistory = false
        statusMessage = .failed(olderThan == nil ? .newestPage : .olderPage, failure)
    }

    /// A page or status update arrived: a page failure shown in the status line is over.
    /// A page's decoding warnings go to the status line: how many, and the first.
    mutating func pageWarned(_ warnings: [String], context: ContextID) {
        guard let first = warnings.first else { return }
        let server = servers.count > 1 ? serverIndex(context).map { servers[$0].label } : nil
        statusMessage = .warnings(count: warnings.count, first: first, server: server)
    }

    private mutating func clearPageFailureMessage() {
        if case .failed(let request, _) = statusMessage, request.isPage { statusMessage = nil }
    }

    /// Full statuses from a server's feed; an unknown id is a new job and goes on top.
    mutating func statusesReceived(_ statuses: [JobStatus], context: ContextID, at: Date) {
        guard serverIndex(context) != nil else { return }
        lastDataAt = at
        advanceClock(to: at)
        var newSlots: [JobStore.Slot] = []
        for job in statuses {
            let (slot, isNew) = store(job, context: context)
            if isNew { newSlots.append(slot) }
        }
        if !newSlots.isEmpty { insertInOrder(newSlots, at: 0) }
        clearPageFailureMessage()
        jobsChanged = true
    }
}
