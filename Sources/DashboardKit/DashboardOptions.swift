import DisplayText

/// Fixed choices made when the dashboard starts.
public struct DashboardOptions: Sendable {
    /// No cancel at all: the key only says so and the footer leaves it out.
    public var readOnly: Bool
    /// Jobs asked for per page of the job list.
    public var pageSize: Int
    /// How times are written.
    public var timeFormat: TimeFormat

    public init(readOnly: Bool = false, pageSize: Int = 50, timeFormat: TimeFormat = .local) {
        self.readOnly = readOnly
        self.pageSize = max(1, pageSize)
        self.timeFormat = timeFormat
    }
}
