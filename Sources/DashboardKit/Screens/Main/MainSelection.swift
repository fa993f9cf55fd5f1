import Foundation
import ICWSWire
import JobQuery

extension DashboardState {
    /// Changes the jobs, the filter or the sort through the index and keeps the selection on the
    /// same job.
    ///
    /// When the selected job is still shown it stays selected, and stays on the same screen row
    /// unless the list was scrolled to the top (then new jobs arriving above come into view and the
    /// selection moves down with its job). When it was filtered out, the row at the same position
    /// is selected instead.
    mutating func changeRows<T>(_ change: (inout JobIndex) -> T) -> T {
        let oldIndex = selectedIndex
        let oldScroll = listScroll
        let result = change(&index)
        if let newIndex = selectedIndex {
            listScroll = oldScroll == 0 ? 0 : newIndex - ((oldIndex ?? newIndex) - oldScroll)
        } else if rows.isEmpty {
            selectedId = nil
        } else {
            selectedId = visibleIds[min(oldIndex ?? 0, rows.count - 1)]
        }
        return result
    }

    /// Plain words narrow the list as they are typed (name, id, user, server); with a field or `!`
    /// (`state:failed !user:jdoe since:2d`) the text is a `JobQuery`. A text that is not a query yet
    /// leaves the rows as they were and says why.
    mutating func setFilter(_ text: String) {
        guard text != filter.text else { return }
        filter.text = text
        filter.problem = nil
        let now = clock
        guard text.contains(where: { $0 == ":" || $0 == "!" || $0 == "\"" }) else {
            changeRows { $0.setFilter(text, now: now) }
            return
        }
        do {
            let query = try JobQuery(parsing: text)
            changeRows { $0.setQuery(query, now: now ?? .distantPast) }
        } catch {
            filter.problem = error.message
        }
    }

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
