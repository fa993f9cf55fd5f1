import ICWSWire

/// Which pane the navigation keys act on.
public enum Focus: Equatable, Sendable {
    case list, detail
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
