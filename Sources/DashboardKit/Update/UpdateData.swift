import Foundation
import ICWSWire

extension DashboardState {
    /// Merges a server's page into the loaded jobs, each new one where it belongs among every
    /// server's (`MergedOrder`).
    mutating func pageLoaded(_ page: [JobStatus], context: ContextID, olderThan: String?, requested: Int, at: Date) -> [Effect] {
        guard let index = serverIndex(context) else { return [] }
        lastDataAt = at
        advanceClock(to: at)
        let short = page.count < requested
        let paging = servers[index].paging
        let firstPage = !paging.hasFirstPage
        // After a full page asked with `readAhead` the service is fetching the page after it.
        let readAhead = olderThan.map { paging.readingAhead && paging.phase == .loadingOlder(olderThan: $0) && !short } ?? false
        servers[index].paging.loaded(olderThan: olderThan, short: short)
        clearPageFailureMessage()
        merge(page, context: context, older: olderThan != nil)
        jobsChanged = true
        if firstPage, !operatorMovedSelection {
            // A slower server's first page: the selection stays on the newest job of all.
            refreshVisibleRows()
            selectedId = visibleIds.first
            listScroll = 0
        }
        var effects: [Effect] = []
        if loadingHistory, olderThan != nil {
            refreshVisibleRows()
            effects = continueHistory()
        } else if !filter.isActive, order.count < layout.list.height {
            // A list shorter than the screen cannot be scrolled to fetch more: fetch while it is.
            effects = olderPages(count: options.pageSize)
        }
        let readAheadWanted = effects.contains {
            if case .loadOlderPage(context, _, _, true) = $0 { true } else { false }
        }
        if readAhead, !readAheadWanted { effects.append(.dropReadAhead(context: context)) }
        return effects
    }

    /// Stores a server's jobs and puts the new ones in the merged order (`older`: from an older
    /// page). A known job whose submission time changed is moved to its new place.
    private mutating func merge(_ statuses: [JobStatus], context: ContextID, older: Bool) {
        var new: [JobStore.Slot] = []
        var retimed = false
        for job in statuses {
            let stored = store(job, context: context)
            if stored.isNew { new.append(stored.slot) }
            retimed = retimed || stored.retimed
        }
        if retimed {
            order.resort(store: jobs)
            rowsNeedRefresh = true
        }
        guard !new.isEmpty else { return }
        switch order.insert(new, older: older, store: jobs) {
        case .prepended(let slots): rowChanges.prepended.append(slots)
        case .appended(let slots): rowChanges.appended += slots
        case .rearranged: rowsNeedRefresh = true
        }
        newlyListed += new
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

    /// Full statuses from a server's feed; an unknown id is a new job, put where it belongs.
    mutating func statusesReceived(_ statuses: [JobStatus], context: ContextID, at: Date) {
        guard serverIndex(context) != nil else { return }
        lastDataAt = at
        advanceClock(to: at)
        merge(statuses, context: context, older: false)
        clearPageFailureMessage()
        jobsChanged = true
    }
}
