import Foundation
import ICWSWire

extension DashboardState {
    /// Merges a server's page into the loaded jobs, each new one where it belongs among every
    /// server's (`MergedOrder`).
    mutating func pageLoaded(_ page: [JobStatus], context: ContextID, olderThan: String?, requested: Int, at: Date) -> [Effect] {
        guard let index = serverIndex(context) else { return [] }
        lastDataAt = at
        advanceClock(to: at)
        let firstPage = !servers[index].paging.hasFirstPage
        let askNext = servers[index].paging.loaded(olderThan: olderThan, endsList: Paging.endsList(page, olderThan: olderThan),
                                                   last: page.last?.id, count: page.count, requested: requested)
        clearPageFailureMessage(of: context)
        let watch = merge(page, context: context, older: olderThan != nil)
        if firstPage, !operatorMovedSelection {
            // A slower server's first page: the selection stays on the newest job of all.
            selectNewest()
        }
        var effects: [Effect] = []
        if loadingHistory, olderThan != nil {
            effects = continueHistory()
        } else if !filter.isActive, order.count < layout.list.height {
            // A list shorter than the screen cannot be scrolled to fetch more: fetch while it is.
            effects = olderPages(count: options.pageSize)
        } else if askNext {
            effects = olderPages(count: options.pageSize) { $0 == context }
        }
        return effects + servers[index].paging.releaseReadAhead(context) + watch
    }

    /// A server's history cache: its jobs merged as an older page's are; when they are its whole
    /// history, its paging has reached the oldest job (a history walk in progress ends there).
    mutating func historyRestored(_ jobs: [JobStatus], context: ContextID, complete: Bool) -> [Effect] {
        guard let index = serverIndex(context) else { return [] }
        let watch = merge(jobs, context: context, older: true)
        guard complete else { return watch }
        history.releaseSpareRoom()
        var effects = servers[index].paging.restoredWholeHistory(context)
        if loadingHistory { effects += continueHistory() }
        return effects + watch
    }

    mutating func historyCacheWarned(_ warning: String, context: ContextID) {
        let server = servers.count > 1 ? serverIndex(context).map { servers[$0].label + ": " } : nil
        statusMessage = .info((server ?? "") + warning)
    }

    /// Puts a server's statuses into the index (new ones where they belong among every
    /// server's; `older`: from an older page), keeping the selection on its job; then the jobs
    /// that ended lose their pending cancel, open screens see the change, and new jobs that have
    /// not ended are watched (one `watch` for the whole batch).
    private mutating func merge(_ statuses: [JobStatus], context: ContextID, older: Bool) -> [Effect] {
        let label = options.isMultiServer ? serverIndex(context).map { servers[$0].label } : nil
        let now = clock
        // The run history was brought up to date before the jobs are put in; a filter or a sort
        // leaves it as it is, so only a merge reads the sort's values from it again.
        readHistoryRanks()
        let new = changeRows { $0.put(statuses, from: context, label: label, older: older, now: now) }
        if !pendingCancels.isEmpty {
            for job in statuses where jobs[JobKey(context: context, id: job.id)]?.knownState.hasEnded == true {
                pendingCancels.remove(JobKey(context: context, id: job.id))
            }
        }
        screensSeeJobsChanged()
        return watchEffect(joining: new)
    }

    /// A page failed: that server's part of a history walk stops (the other servers' goes on).
    mutating func pageFailed(context: ContextID, olderThan: String?, failure: Failure, at: Date) {
        advanceClock(to: at)
        guard let index = serverIndex(context) else { return }
        servers[index].paging.failed(olderThan: olderThan, failure)
        let server = pageServerName(context)
        statusMessage = .failed(olderThan == nil ? .newestPage(server: server) : .olderPage(server: server), failure)
    }

    /// The server a page failure names: its label when there are several, else none.
    private func pageServerName(_ context: ContextID) -> String? {
        servers.count > 1 ? serverIndex(context).map { servers[$0].label } : nil
    }

    /// A page or status update arrived: a page failure shown in the status line is over.
    /// A page's decoding warnings go to the status line: how many, and the first.
    mutating func pageWarned(_ warnings: [String], context: ContextID) {
        guard let first = warnings.first else { return }
        statusMessage = .warnings(count: warnings.count, first: first, server: pageServerName(context))
    }

    /// A page of `context` arrived: a failure of its pages in the status line is over (another
    /// server's is not).
    private mutating func clearPageFailureMessage(of context: ContextID) {
        if case .failed(let request, _) = statusMessage, request.isPage(of: pageServerName(context)) { statusMessage = nil }
    }

    /// What the job index will hold of each of a server's statuses from the feed: a delta merged
    /// into the status the index holds (the one copy of it), a full one as it is, neither taking
    /// a job back (`JobStatus.applied(to:isDelta:)`). A job listed twice: each applies onto the one before.
    func fullStatuses(_ statuses: [JobStatus], isDelta: Bool, context: ContextID) -> [JobStatus] {
        var merged: [String: JobStatus] = [:]
        return statuses.map { status in
            let full = status.applied(to: merged[status.id] ?? jobs[JobKey(context: context, id: status.id)], isDelta: isDelta)
            merged[status.id] = full
            return full
        }
    }

    /// Full statuses from a server's feed; an unknown id is a new job, put where it belongs.
    mutating func statusesReceived(_ statuses: [JobStatus], context: ContextID, at: Date) -> [Effect] {
        guard serverIndex(context) != nil else { return [] }
        lastDataAt = at
        advanceClock(to: at)
        let effects = merge(statuses, context: context, older: false)
        clearPageFailureMessage(of: context)
        return effects
    }
}
