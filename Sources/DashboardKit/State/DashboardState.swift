import Foundation
import ICWSWire

/// Everything the dashboard view needs, changed only by `update`.
///
/// The visible rows (filter and sort applied) are derived data, recomputed in one place
/// (`refreshVisibleRows`) only when jobs, the filter or the sort change; a navigation key only
/// moves an index.
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
    /// Every loaded job, by key (stored by slot).
    public internal(set) var jobs = JobStore()
    /// Loaded jobs of every server, newest first (`ListingOrder`).
    var order = MergedOrder()
    /// The rows shown, after filter and sort.
    var rows = RowList()
    /// Lower-cased "name id user context" per job, for the filter.
    var searchText = SearchText()
    /// Cells taken by the widest loaded job id (cleaned), kept up to date by `store`, so the list's
    /// ID column does not change width while scrolling.
    public internal(set) var idWidth = 0
    /// How much of each id the list shows to tell the loaded jobs apart.
    var idPrefixes = IdPrefixes()
    /// Jobs per state among the loaded ones.
    public internal(set) var stateCounts: [JobState: Int] = [:]

    // Interaction.
    /// The screens over the main one (list and detail), bottom first; the last one gets the keys.
    var screens: [StackedScreen] = []
    /// The identity the next screen pushed gets.
    var nextScreenID = 0
    /// The run history (series, baselines, coverage) of every job received.
    public internal(set) var history: RunHistory
    /// `S`: the list shows each job's series' last runs as a sparkline.
    public internal(set) var showSparklines = false
    public internal(set) var selectedId: JobKey?
    /// First visible row of the list.
    public internal(set) var listScroll = 0
    /// First visible line of the detail pane.
    public internal(set) var detailScroll = 0
    public internal(set) var focus: Focus = .list
    public internal(set) var filter = FilterState()
    public internal(set) var sort: SortOrder = .newest
    public internal(set) var statusMessage: StatusMessage?
    /// `G` is loading the whole history, one large page after another.
    public internal(set) var loadingHistory = false
    /// The operator moved the selection: until then it stays on the newest job as servers answer.
    public internal(set) var operatorMovedSelection = false

    // Requests.
    public internal(set) var configs: [JobKey: ConfigEntry] = [:]
    /// The one configuration being fetched: at most one is in flight, so holding `j` across many
    /// jobs does not start a request per job.
    public internal(set) var configInFlight: JobKey?
    /// Whether the next configuration waits for the selection to rest.
    var configRest = ConfigRest()
    /// Jobs a cancel was sent for, until the server reports an end state or refuses.
    public internal(set) var pendingCancels: Set<JobKey> = []
    /// Each server's data dictionary, once the composer asked for it.
    public internal(set) var dictionaries: [ContextID: DictionaryEntry] = [:]
    /// A job just submitted, selected once a page lists it.
    public internal(set) var selectWhenListed: JobKey?
    /// The jobs last sent in `Effect.watch`.
    public internal(set) var watchedIds: Set<JobKey> = []
    /// `watchedIds` in the order they joined (what `Effect.watch` carries).
    var watchOrder: [JobKey] = []
    /// The one-shot elapsed-time tick is running (`DashboardTimer.elapsedTick`).
    var elapsedTickRunning = false

    /// Set when the visible rows must be rebuilt from the merged order (the sort changed, jobs went
    /// into the middle of the list); cleared by `refreshVisibleRows`.
    var rowsNeedRefresh = false
    /// What changed in the merged order since the rows were last brought up to date.
    var rowChanges = RowChanges()
    /// The lower-cased filter the rows were computed for.
    var rowsNeedle = ""
    /// Wider results of the filter being typed (each a prefix of it, the empty one included), in
    /// the current sort order: backspace returns to one without a search. Emptied when jobs or
    /// the sort change.
    var widerMatches: [(needle: String, slots: [JobStore.Slot])] = []
    /// Set by update when job data changed (the dialog, the watch set).
    var jobsChanged = false
    /// Jobs listed since the watch set was last looked at.
    var newlyListed: [JobStore.Slot] = []

    public init(options: DashboardOptions, width: Int, height: Int) {
        self.options = options
        layout = Layout(width: width, height: height, servers: options.contexts.count)
        servers = options.contexts.enumerated().map { ServerState(id: ContextID($0.offset), options: $0.element) }
        history = RunHistory(timeZone: options.timeFormat.timeZone)
    }

    /// The first server: the only one of a single-server dashboard.
    public var server: String? { servers[0].server }
    public var user: String? { servers[0].user }
    public var connection: ConnectionStatus { servers[0].connection }
    public var paging: Paging { servers[0].paging }

    /// `context`'s position in `servers`; nil for one the dashboard does not have.
    func serverIndex(_ context: ContextID) -> Int? { servers.indices.contains(context.index) ? context.index : nil }

    public var width: Int { layout.width }
    public var height: Int { layout.height }

    /// The selected job's status.
    public var selectedJob: JobStatus? { selectedId.flatMap { jobs[$0] } }

    /// Loaded jobs of every server, newest first (`ListingOrder`, as `jobs list` merges contexts).
    public var loadOrder: JobKeys { JobKeys(slots: order.slots, keys: jobs.keys) }
    /// The rows shown, after filter and sort.
    public var visibleIds: JobKeys { JobKeys(slots: rows.slots, keys: jobs.keys) }

    /// The selected job's row in `visibleIds`.
    public var selectedIndex: Int? { selectedId.flatMap(row(of:)) }

    /// `key`'s row in `visibleIds`, nil when it is not shown.
    func row(of key: JobKey) -> Int? { jobs.slot(of: key).flatMap(rows.position(of:)) }

    /// The part of `id` the list shows (the detail and the dialog show it whole).
    func shortId(_ id: String) -> Substring { idPrefixes.prefix(of: id) }
}
