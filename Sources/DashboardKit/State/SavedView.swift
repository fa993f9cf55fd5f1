/// A saved view of the config file (`views:`, docs/config.md): a filter and a sort under a name.
/// Number keys switch between them; the default one is applied when the dashboard opens.
public struct SavedView: Sendable, Equatable {
    public var name: String
    /// As the `/` filter takes it: plain words, or a field filter (`state:failed since:2d`).
    public var filter: String
    public var sort: SortOrder

    public init(name: String, filter: String, sort: SortOrder) {
        self.name = name
        self.filter = filter
        self.sort = sort
    }
}

extension DashboardState {
    /// A number key: the view of that position (1 is the first) — its filter and its sort.
    mutating func switchToView(_ position: Int) {
        guard options.views.indices.contains(position) else { return }
        let view = options.views[position]
        setFilter(view.filter)
        if sort != view.sort {
            let now = clock
            changeRows { $0.setSort(view.sort, now: now) }
        }
        statusMessage = .info("View \(position + 1), \(view.name): \(view.filter.isEmpty ? "no filter" : view.filter), sorted by \(view.sort.label).")
    }
}
