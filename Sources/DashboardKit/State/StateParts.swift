import ICWSWire

/// Which pane the navigation keys act on.
public enum Focus: Equatable, Sendable {
    case list, detail
}

/// Orders of the job list, cycled with `s`.
public enum SortOrder: Int, CaseIterable, Equatable, Sendable {
    case newest, state, name, user, duration

    /// The word shown in the header.
    public var label: String {
        switch self {
        case .newest: "newest"
        case .state: "state"
        case .name: "name"
        case .user: "user"
        case .duration: "duration"
        }
    }

    /// The next order in the cycle.
    public var next: SortOrder {
        SortOrder(rawValue: (rawValue + 1) % SortOrder.allCases.count) ?? .newest
    }
}

/// What is known of a job's configuration (fetched once per job).
public enum ConfigEntry: Equatable, Sendable {
    case loading
    case loaded(JobConfig)
    case failed(Failure)
}

/// The text filter on the job list.
public struct FilterState: Equatable, Sendable {
    /// What the operator typed (matched case-insensitively against name, id and user).
    public var text = ""
    /// True while the operator is typing it.
    public var editing = false
    /// Why the text is not a filter yet (`state:` without a value...): the rows stay as the last
    /// filter that was one, and the prompt says why.
    public var problem: String?

    public var isActive: Bool { !text.isEmpty }
}
