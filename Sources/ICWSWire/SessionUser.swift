/// Who a session is logged in as: the user id (what the login and `submittedUserId` use, and what
/// the dashboard shows) and the display name the server gave, if any.
public struct SessionUser: Equatable, Sendable {
    public let id: String
    public let displayName: String?

    public init(id: String, displayName: String? = nil) {
        self.id = id
        self.displayName = displayName
    }
}
