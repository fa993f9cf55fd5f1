import DisplayText

/// Fixed choices made when the dashboard starts.
public struct DashboardOptions: Sendable {
    /// No cancel at all: the key only says so and the footer leaves it out.
    public var readOnly: Bool
    /// Jobs asked for per page of the job list.
    public var pageSize: Int
    /// How times are written.
    public var timeFormat: TimeFormat
    /// The configured server, shown in the header from the first frame (before login answers).
    public var server: String?
    /// The configured user, shown with the server until `sessionStarted` replaces both.
    public var user: String?

    public init(readOnly: Bool = false, pageSize: Int = 50, timeFormat: TimeFormat = .local,
                server: String? = nil, user: String? = nil) {
        self.readOnly = readOnly
        self.pageSize = max(1, pageSize)
        self.timeFormat = timeFormat
        self.server = server
        self.user = user
    }
}
