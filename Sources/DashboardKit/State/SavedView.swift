/// A saved view of the config file (`views:`, docs/config.md): a filter, the list's columns and a
/// sort under a name. Number keys and the picker (`v`) switch between them; the default one is
/// applied when the dashboard opens.
public struct SavedView: Sendable, Equatable {
    public var name: String
    /// As the `/` filter takes it: plain words, or a field filter (`state:failed since:2d`).
    public var filter: String
    /// The columns in their order; nil: the list's default columns.
    public var columns: [ListColumn]?
    public var sort: SortOrder

    public init(name: String, filter: String, columns: [ListColumn]? = nil, sort: SortOrder = .newest) {
        self.name = name
        self.filter = filter
        self.columns = columns
        self.sort = sort
    }

    /// What the picker and the status line say of it.
    public var summary: String {
        "\(filter.isEmpty ? "no filter" : filter), sorted by \(sort.label)" + (columns.map { ", columns " + $0.map(\.rawValue).joined(separator: " ") } ?? "")
    }
}

extension DashboardState {
    /// A number key or the picker: the view of that position (0 is the first) — its filter, its
    /// columns and its sort. The chooser's widths stay for the session.
    mutating func switchToView(_ position: Int) {
        guard options.views.indices.contains(position) else { return }
        let view = options.views[position]
        setFilter(view.filter)
        columns.shown = view.columns ?? ListColumn.defaults
        setSort(view.sort)
        currentView = position
        statusMessage = .info("View \(position + 1), \(view.name): \(view.summary).")
    }
}
