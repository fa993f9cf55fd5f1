import Foundation
import ICWSWire

extension DashboardState {
    /// Merges a server's page into the loaded jobs, placing new ones where the server ordered them.
    mutating func pageLoaded(_ page: [JobStatus], context: ContextID, olderThan: String?, requested: Int, at: Date) -> [Effect] {
        guard let index = serverIndex(context) else { return [] }
        lastDataAt = at
        advanceClock(to: at)
        servers[index].paging.loaded(olderThan: olderThan, short: page.count < requested)
        clearPageFailureMessage()
        for job in page { store(job, context: context) }
        mergeOrder(page.map { JobKey(context: context, id: $0.id) }, appendLeftovers: olderThan != nil)
        rowsNeedRefresh = true
        jobsChanged = true
        // A list shorter than the screen cannot be scrolled to fetch more: fetch while it is.
        if !filter.isActive, loadOrder.count < layout.list.height {
            return olderPageIfNeeded()
        }
        return []
    }

    /// Inserts ids not yet in `loadOrder`: each run of new ids goes just before the next known id
    /// of the page; a trailing run goes at the end for older pages, at the top otherwise.
    private mutating func mergeOrder(_ ids: [JobKey], appendLeftovers: Bool) {
        var known = Set(loadOrder)
        var pending: [JobKey] = []
        for id in ids {
            if known.contains(id) {
                if !pending.isEmpty, let at = loadOrder.firstIndex(of: id) {
                    loadOrder.insert(contentsOf: pending, at: at)
                    pending.removeAll()
                }
            } else {
                known.insert(id)
                pending.append(id)
            }
        }
        guard !pending.isEmpty else { return }
        if appendLeftovers {
            loadOrder.append(contentsOf: pending)
        } else {
            loadOrder.insert(contentsOf: pending, at: 0)
        }
    }

    mutating func pageFailed(context: ContextID, olderThan: String?, failure: Failure, at: Date) {
        advanceClock(to: at)
        guard let index = serverIndex(context) else { return }
        servers[index].paging.failed(olderThan: olderThan, failure)
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
        var newIds: [JobKey] = []
        for job in statuses {
            let key = JobKey(context: context, id: job.id)
            if jobs[key] == nil { newIds.append(key) }
            store(job, context: context)
        }
        if !newIds.isEmpty { loadOrder.insert(contentsOf: newIds, at: 0) }
        clearPageFailureMessage()
        rowsNeedRefresh = true
        jobsChanged = true
    }
}
