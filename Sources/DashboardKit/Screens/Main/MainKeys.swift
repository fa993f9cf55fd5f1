import ICWSWire

/// Rows from the end of the list at which the next older page is fetched.
let olderPageThreshold = 5

/// What the main screen's bindings do.
extension DashboardState {
    /// Rows a page key moves in the list, lines it scrolls in the detail.
    var listPage: Int { max(1, layout.list.height) }
    var detailPage: Int { max(1, layout.detail.height) }

    /// `r`: every server's newest page now, and another try at the selected job's configuration if it failed.
    mutating func refresh() -> [Effect] {
        if let id = selectedId, case .failed = configs[id] { configs[id] = nil }
        if servers.allSatisfy(\.paging.newestInFlight) { statusMessage = .info("A refresh is already on its way.") }
        return servers.flatMap { requestNewestPage(context: $0.id) }
    }

    /// Moves the selection by `delta` visible rows (clamped to the list).
    mutating func moveSelection(by delta: Int) -> [Effect] {
        selectRow((selectedIndex ?? 0) + delta)
    }

    /// Selects a visible row (clamped), then fetches older jobs if it is near the end.
    mutating func selectRow(_ row: Int) -> [Effect] {
        if !visibleIds.isEmpty { selectedId = visibleIds[max(0, min(row, visibleIds.count - 1))] }
        return olderPageIfNeeded()
    }

    mutating func setFilter(_ text: String) {
        guard text != filter.text else { return }
        filter.text = text
        rowsNeedRefresh = true
    }

    /// Each server's next older page when the selection is within a few rows of the end of the
    /// list (or the list is empty), unless one is in flight or its oldest job is already loaded.
    mutating func olderPageIfNeeded() -> [Effect] {
        if let index = selectedIndex, index < visibleIds.count - olderPageThreshold { return [] }
        var effects: [Effect] = []
        for index in servers.indices where servers[index].paging.canLoadOlder {
            let context = servers[index].id
            guard let last = loadOrder.last(where: { $0.context == context }) else { continue }
            servers[index].paging.startOlder(olderThan: last.id)
            effects.append(.loadOlderPage(context: context, olderThan: last.id, count: options.pageSize))
        }
        return effects
    }

    /// Moves the detail scroll to `target(current)`, both within the content. The detail is built
    /// once here to count its lines; other actions leave the scroll alone (the view clamps it).
    mutating func scrollDetail(_ target: (Int) -> Int) -> [Effect] {
        let bottom = max(0, DetailContent.lineCount(self) - detailPage)
        detailScroll = max(0, min(target(min(detailScroll, bottom)), bottom))
        return []
    }
}
