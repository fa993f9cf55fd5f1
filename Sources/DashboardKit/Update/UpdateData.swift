import Foundation
import ICWSWire

extension DashboardState {
    /// Merges a page into the loaded jobs, placing new ids where the server ordered them.
    mutating func pageLoaded(_ page: [JobStatus], olderThan: String?, requested: Int, at: Date) -> [Effect] {
        lastDataAt = at
        advanceClock(to: at)
        paging.loaded(olderThan: olderThan, short: page.count < requested)
        clearPageFailureMessage()
        for job in page { store(job) }
        mergeOrder(page.map(\.id), appendLeftovers: olderThan != nil)
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
    private mutating func mergeOrder(_ ids: [String], appendLeftovers: Bool) {
        var known = Set(loadOrder)
        var pending: [String] = []
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

    mutating func pageFailed(olderThan: String?, failure: Failure, at: Date) {
        advanceClock(to: at)
        paging.failed(olderThan: olderThan, failure)
        statusMessage = .failed(olderThan == nil ? .newestPage : .olderPage, failure)
    }

    /// A page or status update arrived: a page failure shown in the status line is over.
    private mutating func clearPageFailureMessage() {
        if case .failed(let request, _) = statusMessage, request.isPage { statusMessage = nil }
    }

    /// Full statuses from the feed; an unknown id is a new job and goes on top.
    mutating func statusesReceived(_ statuses: [JobStatus], at: Date) {
        lastDataAt = at
        advanceClock(to: at)
        var newIds: [String] = []
        for job in statuses {
            if jobs[job.id] == nil { newIds.append(job.id) }
            store(job)
        }
        if !newIds.isEmpty { loadOrder.insert(contentsOf: newIds, at: 0) }
        clearPageFailureMessage()
        rowsNeedRefresh = true
        jobsChanged = true
    }
}
