import Foundation
import ICWSWire

extension JobIndex {
    /// What must hold after every change, as sentences naming what broke (empty when all hold):
    /// each incremental structure equals what a rebuild from the loaded jobs gives. `label`: the
    /// server name the filter searches (several servers only); `now`: the duration sort's time.
    func brokenInvariants(servers: [ContextID], now: Date?, label: (ContextID) -> String?) -> [String] {
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
            let last = order.slots.last { jobs.context($0) == server }
            if order.oldest[server] != last { broken.append("oldest loaded job of server \(server.index + 1) is not its last row") }
        }
        for (name, list) in [("merged order", order.list), ("visible rows", self.rows)] {
            if let row = list.slots.indices.first(where: { list.position(of: list.slots[$0]) != $0 }) {
                broken.append("\(name): row \(row) not found at its position")
            }
        }
        let needle = Array(self.needle.utf8)
        let expected = sorted(order.slots.filter { slot in
            let job = jobs[slot]
            if let (query, now) = query { return query.matches(job, context: label(jobs.context(slot)), now: now) }
            let text = SearchText.text(name: job.name, id: job.id, user: job.submittedUserId, context: label(jobs.context(slot)))
            return needle.isEmpty || Array(text.utf8).firstRange(of: needle) != nil
        }, now: now)
        // The duration order is of the time of the last rebuild; the clock moves without one.
        let sameRows = sort.column == .duration ? Set(expected) == Set(self.rows.slots) : expected == self.rows.slots
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
