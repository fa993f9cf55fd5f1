import ICWSWire

extension DashboardState {
    /// What must hold after every `update`, as sentences naming what broke (empty when all hold).
    /// Checked by the dashboard fuzz target and the monkey test after each action.
    public var brokenInvariants: [String] {
        var broken: [String] = []
        let rows = max(1, layout.list.height)
        if !visibleIds.isEmpty {
            if let index = selectedIndex {
                if index < listScroll || index >= listScroll + rows {
                    broken.append("selected row \(index) outside the shown rows \(listScroll)..<\(listScroll + rows)")
                }
            } else {
                broken.append("no visible job selected (selectedId \(selectedId.map { "\($0)" } ?? "nil"))")
            }
        }
        if listScroll < 0 || listScroll > max(0, visibleIds.count - rows) {
            broken.append("list scroll \(listScroll) out of 0...\(max(0, visibleIds.count - rows))")
        }
        if detailScroll < 0 { broken.append("detail scroll \(detailScroll) below 0") }
        if let id = configInFlight, configs[id] != .loading {
            broken.append("configuration of \(id) in flight but not marked loading")
        }
        return broken + index.brokenInvariants(servers: servers.map(\.id), now: clock) { context in
            options.isMultiServer ? serverIndex(context).map { servers[$0].label } : nil
        }
    }
}
