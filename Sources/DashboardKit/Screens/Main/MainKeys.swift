import ICWSWire

/// Rows from the end of the list at which the next older page is fetched.
let olderPageThreshold = 5

extension DashboardState {
    /// Routes a key to the context that owns it: help, the cancel dialog, the filter prompt, then
    /// the focused pane. Ctrl-C quits from anywhere; on a too-small screen only `q` does anything.
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .ctrlC { return [.quit] }
        // Nothing is visible on a screen that is too small, so no key may act unseen (a `c` then
        // `y` must never cancel a job through an invisible dialog).
        if layout.mode == .tooSmall { return key == .char("q") ? [.quit] : [] }
        statusMessage = nil
        if showingHelp { return helpKey(key) }
        if dialog != nil { return dialogKey(key) }
        if filter.editing { return filterKey(key) }
        if let effects = globalKey(key) { return effects }
        return focus == .list ? listKey(key) : detailKey(key)
    }

    private mutating func helpKey(_ key: Key) -> [Effect] {
        let page = HelpView.visibleLines(screenHeight: height)
        let hidden = HelpView.lineCount(readOnly: options.readOnly) - page
        switch key {
        case .char("?"), .char("q"), .escape, .enter: showingHelp = false
        case .char("j"), .down: helpScroll += 1
        case .char("k"), .up: helpScroll -= 1
        case .pageDown: helpScroll += page
        case .pageUp: helpScroll -= page
        case .char("G"), .end: helpScroll = hidden
        case .char("g"), .home: helpScroll = 0
        default: break
        }
        helpScroll = max(0, min(helpScroll, hidden))
        return []
    }

    /// Keys that mean the same in the list and the detail. Nil when the key is not one of them.
    private mutating func globalKey(_ key: Key) -> [Effect]? {
        switch key {
        case .char("q"): return [.quit]
        case .char("?"):
            showingHelp = true
            helpScroll = 0
        case .tab, .backTab: focus = focus == .list ? .detail : .list
        case .char("/"):
            filter.editing = true
        case .char("s"):
            sort = sort.next
            rowsNeedRefresh = true
            statusMessage = .info("Sorted by \(sort.label).")
        case .char("r"):
            if let id = selectedId, case .failed = configs[id] { configs[id] = nil }
            if newestPageInFlight { statusMessage = .info("A refresh is already on its way.") }
            return requestNewestPage()
        case .char("c"), .delete:
            openCancelDialog()
        case .ctrlL:
            break  // the terminal redraws everything after any key
        default:
            return nil
        }
        return []
    }

    private mutating func listKey(_ key: Key) -> [Effect] {
        let page = max(1, layout.list.height)
        switch key {
        case .char("j"), .down: moveSelection(by: 1)
        case .char("k"), .up: moveSelection(by: -1)
        case .pageDown: moveSelection(by: page)
        case .pageUp: moveSelection(by: -page)
        case .char("g"), .home: selectRow(0)
        case .char("G"), .end: selectRow(visibleIds.count - 1)
        case .enter: focus = .detail; return []
        case .escape:
            if filter.isActive { setFilter("") }
            return []
        default: return []
        }
        return olderPageIfNeeded()
    }

    private mutating func detailKey(_ key: Key) -> [Effect] {
        let page = max(1, layout.detail.height)
        switch key {
        case .char("j"), .down: detailScroll += 1
        case .char("k"), .up: detailScroll -= 1
        case .pageDown: detailScroll += page
        case .pageUp: detailScroll -= page
        case .char("g"), .home: detailScroll = 0
        case .char("G"), .end: detailScroll = Int.max / 2
        case .escape: focus = .list
        default: break
        }
        clampDetailScroll()
        return []
    }

    private mutating func filterKey(_ key: Key) -> [Effect] {
        switch key {
        case .char(let c): setFilter(filter.text + String(c))
        case .backspace:
            if !filter.text.isEmpty { setFilter(String(filter.text.dropLast())) }
        case .enter: filter.editing = false
        case .escape:
            filter.editing = false
            setFilter("")
        case .down, .up, .pageDown, .pageUp, .home, .end:
            return listKey(key)
        default: break
        }
        return []
    }

    private mutating func setFilter(_ text: String) {
        guard text != filter.text else { return }
        filter.text = text
        rowsNeedRefresh = true
    }

    /// The next older page when the selection is within a few rows of the end of the list (or
    /// the list is empty), unless one is in flight or the oldest job is already loaded.
    mutating func olderPageIfNeeded() -> [Effect] {
        guard hasLoadedFirstPage, !reachedOldest, olderPageInFlight == nil, let last = loadOrder.last else { return [] }
        if let index = selectedIndex, index < visibleIds.count - olderPageThreshold { return [] }
        olderPageInFlight = last
        return [.loadOlderPage(olderThan: last, count: options.pageSize)]
    }

    /// Keeps the detail scroll within its content.
    mutating func clampDetailScroll() {
        let lines = DetailContent.lineCount(self)
        detailScroll = max(0, min(detailScroll, lines - max(1, layout.detail.height)))
    }
}
