import DisplayText

/// Fixed choices made when the dashboard starts.
public struct DashboardOptions: Sendable {
    /// No cancel at all: the key only says so and the footer leaves it out.
    public var readOnly: Bool
    /// Jobs asked for per page of the job list.
    public var pageSize: Int
    /// How times are written.
    public var timeFormat: TimeFormat
    /// The servers watched, at least one; a job's `ContextID` is its position here.
    public var contexts: [ContextOptions]
    /// `TERM`, `TMUX` and `STY` of the terminal the dashboard runs in: how the copy menu copies
    /// (OSC 52, wrapped for tmux or screen, or a box to select by hand when `TERM` is dumb or unset).
    public var terminalEnvironment: [String: String] = [:]
    /// The config file's saved views, in its order (number keys 1-9 switch), and the position of
    /// the one the dashboard opens on.
    public var views: [SavedView] = []
    public var defaultView: Int?
    /// The config file's `keys:`, checked when it was loaded.
    public var keys: [KeyRebinding] = []
    /// The config's `theme:` and `colors:`.
    public var theme = Theme.dark
    /// The config's `mouse:` (or `--mouse`): clicks and the wheel arrive as `Key.mouse`.
    public var mouse = false

    /// One server.
    public init(readOnly: Bool = false, pageSize: Int = 50, timeFormat: TimeFormat = .local,
                server: String? = nil, user: String? = nil) {
        self.init(contexts: [ContextOptions(server: server, user: user)], readOnly: readOnly, pageSize: pageSize,
                  timeFormat: timeFormat)
    }

    /// Several servers in one list (an empty `contexts` is one unnamed server).
    public init(contexts: [ContextOptions], readOnly: Bool = false, pageSize: Int = 50, timeFormat: TimeFormat = .local) {
        self.readOnly = readOnly
        self.pageSize = max(1, pageSize)
        self.timeFormat = timeFormat
        self.contexts = contexts.isEmpty ? [ContextOptions()] : contexts
    }

    /// The list has a CONTEXT column and the header one line per server.
    public var isMultiServer: Bool { contexts.count > 1 }
}
