import Foundation
import ICWSWire

extension DashboardState {
    /// `s`: the next sort order.
    mutating func cycleSort() { setSort(sort.next) }

    /// Sorts the list (the selected job stays selected) and says so.
    mutating func setSort(_ order: SortOrder) {
        if order != sort {
            let (now, ranks) = (clock, order.column.isFromHistory ? historyRanks(order.column) : [:])
            changeRows { $0.setSort(order, now: now, ranks: ranks) }
        }
        statusMessage = .info("Sorted by \(order.label).")
    }
}
