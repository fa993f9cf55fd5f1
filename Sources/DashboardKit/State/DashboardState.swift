import Foundation
import ICWSWire
import JobQuery

/// Everything the dashboard view needs, changed only by `update`.
///
/// The jobs and what is derived from them (rows, counts, prefixes) are in `index`, which keeps
/// them in step itself; a navigation key only moves the selection.
public struct DashboardState: Sendable {
    public internal(set) var options: DashboardOptions
    /// Where each part of the screen goes: the one place the screen's size is kept.
    var layout: Layout

    // Sessions and connections.
    /// Each server's link and paging, by `ContextID.index`.
    public internal(set) var servers: [ServerState]
    /// When the last page or status update arrived.
    public internal(set) var lastDataAt: Date?
    /// The latest time any action carried; used to order running jobs by duration.
    public internal(set) var clock: Date?

    // Jobs.
    /// Every loaded job with its merged order, rows, sort, filter text, counts and id prefixes;
    /// changed only through its own methods, which keep all of it in step.
    /// Changed through `changeRows` and `readHistoryRanks` (below).
    public private(set) var index = JobIndex()
    /// The jobs marked for a bulk action, by key: beside the index, so rows come and go under them.
    public internal(set) var marks = JobMarks()

    // Interaction.
    /// `BindingTable.all` with the config's `keys:` applied: what dispatch, the footer and the help read.
    let bindingTable: [Binding]
    /// The screens over the main one (list and detail), bottom first; the last one gets the keys.
    var screens: [StackedScreen] = []
    /// The identity the next screen pushed gets.
    var nextScreenID = 0
    /// The run history (series, baselines, coverage) of every job received.
    public internal(set) var history: RunHistory
    /// The list's columns, their order and widths (`o`, a saved view's `columns:`).
    public internal(set) var columns = ColumnChoice()
    /// The saved view last switched to (its position in `options.views`).
    public internal(set) var currentView: Int?
    /// The list scroll follows it: both changed through `select`, `selectNewest`, `changeRows`
    /// and `keepSelectionInView` (below).
    public private(set) var selectedId: JobKey?
    /// First visible row of the list.
    public private(set) var listScroll = 0
    /// First visible line of the detail pane.
    public internal(set) var detailScroll = 0
    public internal(set) var focus: Focus = .list
    /// Its text is the index's filter: changed through `setFilter` (below).
    public private(set) var filter = FilterState()
    public internal(set) var statusMessage: StatusMessage?
    /// The operator moved the selection: until then it stays on the newest job as servers answer.
    public internal(set) var operatorMovedSelection = false

    // Requests.
    /// Screens show what they hold (the bulk review's windows): changed through the intents below,
    /// which tell the screens.
    public private(set) var configs: [JobKey: ConfigEntry] = [:]
    /// The one configuration being fetched: at most one is in flight, so holding `j` across many
    /// jobs does not start a request per job.
    public private(set) var configInFlight: JobKey?
    /// Whether the next configuration waits for the selection to rest.
    var configRest = ConfigRest()
    /// Jobs a cancel was sent for, until the server reports an end state or refuses.
    public internal(set) var pendingCancels: Set<JobKey> = []
    /// Each server's data dictionary, once the composer asked for it.
    public internal(set) var dictionaries: [ContextID: DictionaryEntry] = [:]
    /// A job just submitted, selected once a page lists it.
    public internal(set) var selectWhenListed: JobKey?
    /// The one-shot elapsed-time tick is running (`DashboardTimer.elapsedTick`).
    var elapsedTickRunning = false

    public init(options: DashboardOptions, width: Int, height: Int) {
        self.options = options
        bindingTable = options.keys.isEmpty ? BindingTable.all : KeyRebinding.apply(options.keys, to: BindingTable.all)
        layout = Layout(width: width, height: height, servers: options.contexts.count)
        servers = options.contexts.enumerated().map { ServerState(id: ContextID($0.offset), options: $0.element) }
        history = RunHistory(timeZone: options.timeFormat.timeZone)
        if let view = options.defaultView { switchToView(view) }
    }

    /// `context`'s position in `servers`; nil for one the dashboard does not have.
    func serverIndex(_ context: ContextID) -> Int? { servers.indices.contains(context.index) ? context.index : nil }

    public var width: Int { layout.width }
    public var height: Int { layout.height }

    /// The selected job's status.
    public var selectedJob: JobStatus? { selectedId.flatMap { jobs[$0] } }

    /// Every loaded job, by key.
    public var jobs: JobStore { index.jobs }
    /// Loaded jobs of every server, newest first (`ListingOrder`).
    var order: MergedOrder { index.order }
    /// The rows shown, after filter and sort.
    var rows: RowList { index.rows }
    public var sort: SortOrder { index.sort }
    /// Jobs per state among the loaded ones.
    public var stateCounts: [JobState: Int] { index.stateCounts }
    /// Cells taken by the widest loaded job id.
    public var idWidth: Int { index.idWidth }

    /// Loaded jobs of every server, newest first (`ListingOrder`, as `jobs list` merges contexts).
    public var loadOrder: JobKeys { JobKeys(slots: order.slots, keys: jobs.keys) }
    /// The rows shown, after filter and sort.
    public var visibleIds: JobKeys { JobKeys(slots: rows.slots, keys: jobs.keys) }

    /// The selected job's row in `visibleIds`.
    public var selectedIndex: Int? { selectedId.flatMap(row(of:)) }

    /// `key`'s row in `visibleIds`, nil when it is not shown.
    func row(of key: JobKey) -> Int? { index.row(of: key) }

    /// The part of `id` the list shows (the detail and the dialog show it whole).
    func shortId(_ id: String) -> Substring { index.shortId(id) }
}

/// The fields others derive from, written here alone: the index (rows, counts, prefixes), the
/// filter text it filters by, the configurations screens show (and the one in flight), the
/// selection and the list scroll.
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

    /// Whether the filter prompt is open (`/`, then Enter or Esc).
    mutating func setFilterEditing(_ editing: Bool) { filter.editing = editing }

    /// The run history's values of a history sort, read again before jobs are merged (a filter or
    /// a sort leaves them as they are).
    mutating func readHistoryRanks() {
        if index.sort.column.isFromHistory { index.setHistoryRanks(historyRanks(index.sort.column)) }
    }

    /// A configuration was asked for; `inFlight`: the selection's, the one fetched at a time.
    mutating func configRequested(_ key: JobKey, inFlight: Bool = false) {
        configs[key] = .loading
        if inFlight { configInFlight = key }
    }

    /// `r`: a configuration that failed may be asked for again.
    mutating func forgetFailedConfig(_ key: JobKey) {
        if case .failed = configs[key] { configs[key] = nil }
    }

    /// A configuration came or failed; the open screens follow it.
    mutating func configArrived(_ key: JobKey, _ entry: ConfigEntry) {
        configs[key] = entry
        if configInFlight == key { configInFlight = nil }
        screensSeeConfigChanged(key)
    }

    /// Selects `key`; `byOperator`: the operator's doing, so the selection stays where they put
    /// it as servers answer.
    mutating func select(_ key: JobKey, byOperator: Bool = true) {
        if byOperator { operatorMovedSelection = true }
        selectedId = key
    }

    /// The newest job of all selected, the list at its top.
    mutating func selectNewest() {
        selectedId = visibleIds.first
        listScroll = 0
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
