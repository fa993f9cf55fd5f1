/// Which server a job or a request belongs to: the position of its context in
/// `DashboardOptions.contexts` (one server is context 0, so single-server code has no special case).
public struct ContextID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int

    public init(_ index: Int) { self.index = index }

    /// The only context of a single-server dashboard.
    public static let first = ContextID(0)

    public static func < (a: ContextID, b: ContextID) -> Bool { a.index < b.index }

    public var description: String { "#\(index)" }
}

/// A job as the dashboard keys it: ids are unique per server only, so selection, requests and
/// results name the server too.
public struct JobKey: Hashable, Sendable, CustomStringConvertible {
    public let context: ContextID
    public let id: String

    public init(context: ContextID = .first, id: String) {
        self.context = context
        self.id = id
    }

    public var description: String { "\(id)@\(context)" }
}
