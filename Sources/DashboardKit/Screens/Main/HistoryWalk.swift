import ICWSWire

/// `G` across every server: each server's `Paging` walks its history (read ahead by its service);
/// the main screen selects the last row as pages arrive and says how far the walk is.
extension DashboardState {
    /// `G`: the oldest job. Selects the last row and loads the rest of the history in large pages,
    /// one after another, each read ahead by the service while the one before is merged (the
    /// keys still answer; a movement key stops it), with its progress in the status line.
    mutating func selectOldest() -> [Effect] {
        operatorMovedSelection = true
        if !rows.isEmpty { select(visibleIds[rows.count - 1]) }
        guard servers.contains(where: { $0.paging.hasFirstPage && $0.paging.phase != .reachedOldest }) else { return [] }
        walkHistory(true)
        statusMessage = .info(historyProgress)
        return olderPages(count: historyPageSize, readAhead: true)
    }

    /// An older page arrived while loading the history: select the new last row, ask for the next
    /// page, or say the history is complete.
    /// A server whose page failed has left the walk (`pageFailed`): the others go on, and the
    /// end says which server is not loaded to its oldest job.
    mutating func continueHistory() -> [Effect] {
        if !rows.isEmpty { select(visibleIds[rows.count - 1], byOperator: false) }
        let walking = servers.filter { $0.paging.walkingHistory && $0.paging.hasFirstPage && $0.paging.phase != .reachedOldest }
        guard walking.isEmpty else {
            if !pageFailureShown { statusMessage = .info(historyProgress) }
            configRest.travel()
            return olderPages(count: historyPageSize, readAhead: true) { context in walking.contains { $0.id == context } }
        }
        let short = servers.filter { $0.paging.hasFirstPage && $0.paging.phase != .reachedOldest }.map(\.label)
        if short.isEmpty {
            stopHistory(saying: "History loaded")
        } else if pageFailureShown {
            // The failure says why a server stopped: it stays in the status line.
            walkHistory(false)
            history.releaseSpareRoom()
        } else {
            stopHistory(saying: "History loaded but for \(short.joined(separator: ", ")) (G to try again)")
        }
        return []
    }

    /// Starts or stops every server's walk.
    mutating func walkHistory(_ on: Bool) {
        for index in servers.indices { servers[index].paging.walk(on) }
    }

    /// `G` is loading the whole history.
    public var loadingHistory: Bool { servers.contains(where: \.paging.walkingHistory) }

    mutating func stopHistory(saying what: String) {
        walkHistory(false)
        history.releaseSpareRoom()
        // A page asked for before the stop is still listed when it comes: a count now would be
        // one page short (the list's counter says how many once it is in).
        let coming = servers.filter { if case .loadingOlder = $0.paging.phase { true } else { false } }.count
        switch coming {
        case 0: statusMessage = .info("\(what): \(Self.grouped(order.count)) jobs listed.")
        case 1: statusMessage = .info("\(what); one page on its way.")
        default: statusMessage = .info("\(what); \(coming) pages on their way.")
        }
    }

    /// A server's page failure is in the status line: it says why that server left the walk.
    private var pageFailureShown: Bool {
        if case .failed(let request, _)? = statusMessage { request.isPage } else { false }
    }

    private var historyProgress: String { "Loading history: \(Self.grouped(order.count)) jobs…" }

    /// 12345 → "12,345".
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
