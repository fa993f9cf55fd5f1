import ICWSWire

/// One server the dashboard watches, as configured when it starts.
public struct ContextOptions: Equatable, Sendable {
    /// The context's name (shown in the CONTEXT column and the header); nil for a server given by
    /// flags only.
    public var name: String?
    /// The configured server, shown in the header from the first frame (before login answers).
    public var server: String?
    /// The configured user id, shown with the server until `sessionStarted` gives the session's.
    public var user: String?
    /// Jobs of this server cannot be canceled from the dashboard.
    public var readOnly: Bool
    /// The context's `color:` for its name in the CONTEXT column and the header; nil: the theme's.
    public var color: TextColor?

    public init(name: String? = nil, server: String? = nil, user: String? = nil, readOnly: Bool = false, color: TextColor? = nil) {
        self.name = name
        self.server = server
        self.user = user
        self.readOnly = readOnly
        self.color = color
    }
}

/// What the dashboard knows of one server's link and its job list.
public struct ServerState: Equatable, Sendable {
    public let id: ContextID
    public let options: ContextOptions
    public internal(set) var server: String?
    /// Who the session is logged in as, once it is.
    public internal(set) var sessionUser: SessionUser?
    public internal(set) var connection: ConnectionStatus = .connecting
    public internal(set) var paging = Paging()

    init(id: ContextID, options: ContextOptions) {
        self.id = id
        self.options = options
        server = options.server
    }

    /// The user id shown and sent as `submittedUserId`: the session's, else the configured one.
    public var user: String? { sessionUser?.id ?? options.user }

    /// The name the CONTEXT column and the header use.
    public var label: String { options.name ?? server ?? "server \(id.index + 1)" }
}
