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
        return broken + brokenDerivedData
    }

    /// The incremental structures equal what a rebuild from the loaded jobs gives.
    private var brokenDerivedData: [String] {
        var broken: [String] = []
        if order.count != jobs.count || Set(order.slots).count != jobs.count {
            broken.append("merged order has \(order.count) jobs, \(jobs.count) loaded")
        }
        // Newest first across servers, whatever arrived in which order.
        if let row = order.slots.indices.dropFirst().first(where: { row in
            let (above, below) = (order.slots[row - 1], order.slots[row])
            return ListingOrder.precedes(jobs.submitTime(below), context: jobs.context(below).index,
                                         jobs.submitTime(above), context: jobs.context(above).index)
        }) {
            broken.append("merged order: row \(row) (\(jobs.key(order.slots[row]))) is newer than the row above it")
        }
        for server in servers {
            let last = order.slots.last { jobs.context($0) == server.id }
            if order.oldest[server.id] != last { broken.append("oldest loaded job of \(server.label) is not its last row") }
        }
        for (name, list) in [("merged order", order.list), ("visible rows", self.rows)] {
            if let row = list.slots.indices.first(where: { list.position(of: list.slots[$0]) != $0 }) {
                broken.append("\(name): row \(row) not found at its position")
            }
        }
        let needle = Array(filter.text.lowercased().utf8)
        let expected = sorted(order.slots.filter { slot in
            let job = jobs[slot], context = jobs.key(slot).context
            let label = options.isMultiServer ? serverIndex(context).map { servers[$0].label } : nil
            let text = SearchText.text(name: job.name, id: job.id, user: job.submittedUserId, context: label)
            return needle.isEmpty || Array(text.utf8).firstRange(of: needle) != nil
        })
        // The duration order is of the time of the last rebuild; the clock moves without one.
        let sameRows = sort == .duration ? Set(expected) == Set(self.rows.slots) : expected == self.rows.slots
        if !sameRows { broken.append("visible rows differ from a rebuild of the filter and sort") }
        var counts: [JobState: Int] = [:]
        for job in jobs.all { counts[job.knownState, default: 0] += 1 }
        if counts != stateCounts { broken.append("state counts \(stateCounts) differ from a recount \(counts)") }
        var prefixes = IdPrefixes()
        let ids = Set(jobs.keys.map(\.id)).sorted()
        for index in ids.indices { prefixes.insert(JobStore.Slot(index)) { ids[Int($0)] } }
        if prefixes.length != idPrefixes.length {
            broken.append("id prefix length \(idPrefixes.length), a rebuild gives \(prefixes.length)")
        }
        return broken
    }
}
