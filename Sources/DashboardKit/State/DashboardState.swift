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
    /// Every loaded job by key.
    public internal(set) var jobs: [JobKey: JobStatus] = [:]
    /// Loaded jobs in their servers' order, newest first.
    public internal(set) var loadOrder: [JobKey] = []
    /// The rows shown, after filter and sort.
    public internal(set) var visibleIds: [JobKey] = []
    /// Position of each visible job in `visibleIds`.
    var visibleIndex: [JobKey: Int] = [:]
    /// Lower-cased "name id user context" per job, for the filter.
    var searchText: [JobKey: String] = [:]
    /// Cells taken by the widest loaded job id (cleaned), kept up to date by `store`, so the list's
    /// ID column does not change width while scrolling.
    public internal(set) var idWidth = 0
    /// How much of each id the list shows to tell the loaded jobs apart.
    var idPrefixes = IdPrefixes()
    /// Jobs per state among the loaded ones.
    public internal(set) var stateCounts: [JobState: Int] = [:]

    // Interaction.
    /// The screens over the main one (list and detail), bottom first; the last one gets the keys.
    public internal(set) var screens: [Screen] = []
    public internal(set) var selectedId: JobKey?
    /// First visible row of the list.
    public internal(set) var listScroll = 0
    /// First visible line of the detail pane.
    public internal(set) var detailScroll = 0
    public internal(set) var focus: Focus = .list
    public internal(set) var filter = FilterState()
    public internal(set) var sort: SortOrder = .newest
    public internal(set) var statusMessage: StatusMessage?

    // Requests.
    public internal(set) var configs: [JobKey: ConfigEntry] = [:]
    /// The one configuration being fetched: at most one is in flight, so holding `j` across many
    /// jobs does not start a request per job.
    public internal(set) var configInFlight: JobKey?
    /// Jobs a cancel was sent for, until the server reports an end state or refuses.
    public internal(set) var pendingCancels: Set<JobKey> = []
    /// Each server's data dictionary, once the composer asked for it.
    public internal(set) var dictionaries: [ContextID: DictionaryEntry] = [:]
    /// A job just submitted, selected once a page lists it.
    public internal(set) var selectWhenListed: JobKey?
    /// The jobs last sent in `Effect.watch`.
    public internal(set) var watchedIds: Set<JobKey> = []

    /// Set by update when jobs, filter or sort changed; cleared by `refreshVisibleRows`.
    var rowsNeedRefresh = false
    /// Set by update when job data changed (counts, watch set).
    var jobsChanged = false

    public init(options: DashboardOptions, width: Int, height: Int) {
        self.options = options
        layout = Layout(width: width, height: height, servers: options.contexts.count)
        servers = options.contexts.enumerated().map { ServerState(id: ContextID($0.offset), options: $0.element) }
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

    /// The selected job's row in `visibleIds`.
    public var selectedIndex: Int? { selectedId.flatMap { visibleIndex[$0] } }

    /// The screen on top (nil: the main screen has the keys).
    public var topScreen: Screen? { screens.last }

    /// The part of `id` the list shows (the detail and the dialog show it whole).
    func shortId(_ id: String) -> Substring { idPrefixes.prefix(of: id) }
}
