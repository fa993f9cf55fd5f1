/// What the last login request carried, for tests that check the client's request itself.
/// Never the password.
public struct RecordedLogin: Sendable, Hashable {
    /// The `Accept-Language` header as sent (nil when absent).
    public var acceptLanguage: String?
    /// `applicationName` of the body (nil when absent).
    public var applicationName: String?
    public var userID: String?

    public init(acceptLanguage: String?, applicationName: String?, userID: String?) {
        self.acceptLanguage = acceptLanguage
        self.applicationName = applicationName
        self.userID = userID
    }
}
