/// Where a key is pressed: the screen on top, or the part of the main screen that has the keys.
/// Every binding names the contexts it works in. The main screen's contexts are here; each other
/// screen declares its own in its folder (`DashboardScreen.contexts`).
public struct KeyContext: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// The help's and docs/keys.md's section for the bindings of this context.
    let section: String
    /// `?` opens the help over it.
    let opensHelp: Bool
    /// What docs/keys.md adds below the section's keys.
    let notes: [String]

    init(_ name: String, section: String, opensHelp: Bool = false, notes: [String] = []) {
        self.name = name
        self.section = section
        self.opensHelp = opensHelp
        self.notes = notes
    }

    public static func == (lhs: KeyContext, rhs: KeyContext) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name }

    static let list = KeyContext("list", section: "Job list", opensHelp: true, notes: KeysDocument.listNotes)
    static let detail = KeyContext("detail", section: "Detail pane", opensHelp: true,
                                   notes: ["The pane's title shows `lines a-b of n` when the detail does not fit."])
    static let filter = KeyContext("filter", section: "Filter prompt (after /)")
    static let tooSmall = KeyContext("tooSmall", section: "Terminal too small")

    /// Every context: the main screen's and each screen's.
    static let all: [KeyContext] = [list, detail, filter] + ScreenRegistry.all.flatMap { $0.contexts } + [tooSmall]

    /// The section for a binding that works in `contexts`.
    static func section(of contexts: Set<KeyContext>) -> String {
        if contexts.isSuperset(of: [.list, .detail]) { return "Anywhere (job list or detail)" }
        return (all.first { $0 != .tooSmall && contexts.contains($0) } ?? .tooSmall).section
    }
}

extension DashboardState {
    /// The context that gets the next key.
    var keyContext: KeyContext {
        if layout.mode == .tooSmall { return .tooSmall }
        if let top = topScreenContext { return top }
        if filter.editing { return .filter }
        return focus == .list ? .list : .detail
    }
}
