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

    /// Clamps the list scroll and makes the selected row visible.
    mutating func keepSelectionInView() {
        if selectedId == nil || selectedIndex == nil, let first = visibleIds.first {
            selectedId = first
        }
        let rows = max(1, layout.list.height)
        let count = visibleIds.count
        if let index = selectedIndex {
            if index < listScroll { listScroll = index }
            if index >= listScroll + rows { listScroll = index - rows + 1 }
        }
        listScroll = max(0, min(listScroll, count - rows))
    }
}
