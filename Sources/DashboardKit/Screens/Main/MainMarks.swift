/// What the marking keys do: Space, `V` and `u` (the marks are `DashboardState.marks`).
extension DashboardState {
    /// Space: marks the selected job (or unmarks it) and moves down.
    mutating func toggleMark() -> [Effect] {
        guard let key = selectedId else { return [] }
        marks.toggle(key)
        return moveSelection(by: 1)
    }

    /// `V`: marks every shown job from the one marked last to the selected one. With no earlier
    /// mark shown, marks the selected job: the range's start for the next `V`.
    mutating func markRange() -> [Effect] {
        guard let key = selectedId, let here = selectedIndex else { return [] }
        guard let anchor = marks.anchor, let start = row(of: anchor) else {
            marks.mark([key])
            statusMessage = .info("Range starts at job \(key.id); move and press V again to mark up to there.")
            return []
        }
        let shown = visibleIds
        let range = (min(start, here)...max(start, here)).map { shown[$0] }
        marks.mark(start <= here ? range : range.reversed())
        statusMessage = .info("\(range.count) jobs marked from \(anchor.id) to \(key.id); \(marks.count) marked in all.")
        return []
    }

    /// `u`: forgets every mark.
    mutating func clearMarks() {
        let count = marks.count
        marks.clear()
        statusMessage = .info(count == 1 ? "1 mark cleared." : "\(count) marks cleared.")
    }
}
