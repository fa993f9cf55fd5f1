import ICWSWire

/// Rows from the end of the list at which the next older page is fetched.
let olderPageThreshold = 5

/// Jobs asked for per request while `G` loads the whole history (the simulator's, and our
/// guess at CIC's, largest `jobCount`; see docs/icws-choices.md).
let historyPageSize = 1000

/// What the main screen's bindings do.
extension DashboardState {
    /// Rows a page key moves in the list, lines it scrolls in the detail.
    var listPage: Int { max(1, layout.list.height) }
    var detailPage: Int { max(1, layout.detail.height) }

    /// `r`: every server's newest page now, and another try at the selected job's configuration if it failed.
    mutating func refresh() -> [Effect] {
        if let id = selectedId { forgetFailedConfig(id) }
        if servers.allSatisfy(\.paging.newestInFlight) { statusMessage = .info("A refresh is already on its way.") }
        return servers.flatMap { requestNewestPage(context: $0.id) }
    }

    /// Moves the selection by `delta` visible rows (clamped to the list).
    mutating func moveSelection(by delta: Int) -> [Effect] {
        selectRow((selectedIndex ?? 0) + delta)
    }

    /// Selects a visible row (clamped), then fetches older jobs if it is near the end. A movement
    /// stops loading the history.
    mutating func selectRow(_ row: Int) -> [Effect] {
        if loadingHistory { stopHistory(saying: "Stopped loading the history") }
        operatorMovedSelection = true
        if !visibleIds.isEmpty { select(visibleIds[max(0, min(row, visibleIds.count - 1))]) }
        return olderPageIfNeeded()
    }

    /// Each server's next older page when the selection is within a few rows of the end of the
    /// list (or the list is empty), or of where that server's loaded history ends (below it the
    /// list lacks its older jobs); unless one is in flight or its oldest job is already loaded.
    mutating func olderPageIfNeeded() -> [Effect] {
        guard let index = selectedIndex, index < visibleIds.count - olderPageThreshold,
              let selected = selectedId.flatMap(jobs.slot(of:)).flatMap(order.position(of:)) else {
            return olderPages(count: options.pageSize)
        }
        let order = order
        return olderPages(count: options.pageSize) { context in
            order.oldest[context].flatMap(order.position(of:)).map { $0 - olderPageThreshold < selected } ?? true
        }
    }

    /// The next older page of `count` jobs of each server `wanted`, unless one is in flight or its
    /// oldest job is already loaded; `readAhead` while walking the history.
    mutating func olderPages(count: Int, readAhead: Bool = false,
                                     wanted: (ContextID) -> Bool = { _ in true }) -> [Effect] {
        var effects: [Effect] = []
        for index in servers.indices where servers[index].paging.canLoadOlder {
            let context = servers[index].id
            guard wanted(context) else { continue }
            effects += servers[index].paging.olderPage(context, count: count, readAhead: readAhead)
        }
        return effects
    }

    /// The rows after which a server's loaded history ends while older jobs of other servers are
    /// listed below: that server's older jobs are missing there, not absent.
    public var historyEndRows: [Int: ContextID] {
        var ends: [Int: ContextID] = [:]
        for server in servers where server.paging.hasFirstPage && server.paging.phase != .reachedOldest {
            if let slot = order.oldest[server.id], let row = rows.position(of: slot), row < rows.count - 1 { ends[row] = server.id }
        }
        return ends
    }

    /// Moves the detail scroll to `target(current)`, both within the content. The detail is built
    /// once here to count its lines; other actions leave the scroll alone (the view clamps it).
    mutating func scrollDetail(_ target: (Int) -> Int) -> [Effect] {
        let bottom = max(0, DetailContent.lineCount(self) - detailPage)
        detailScroll = max(0, min(target(min(detailScroll, bottom)), bottom))
        return []
    }
}
