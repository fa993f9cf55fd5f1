/// Where a key is pressed: the screen on top, or the part of the main screen that has the keys.
/// Every binding names the contexts it works in.
public enum KeyContext: CaseIterable, Hashable, Sendable {
    case list, detail, filter, help, cancelDialog, composer, composerText, resubmit, tooSmall

    /// The help's and docs/keys.md's section for a binding that works in `contexts`.
    static func section(of contexts: Set<KeyContext>) -> String {
        if contexts.isSuperset(of: [.list, .detail]) { return "Anywhere (job list or detail)" }
        switch contexts.first(where: { $0 != .tooSmall }) ?? .tooSmall {
        case .list: return "Job list"
        case .detail: return "Detail pane"
        case .filter: return "Filter prompt (after /)"
        case .help: return "Help overlay (after ?)"
        case .cancelDialog: return "Cancel dialog"
        case .composer: return "Composer (after n)"
        case .composerText: return "Composer, typing a name, filter, time or sites"
        case .resubmit: return "Resubmit review (after R)"
        case .tooSmall: return "Terminal too small"
        }
    }
}

extension DashboardState {
    /// The context that gets the next key.
    var keyContext: KeyContext {
        if layout.mode == .tooSmall { return .tooSmall }
        if let top = topScreen { return top.keyContext }
        if filter.editing { return .filter }
        return focus == .list ? .list : .detail
    }
}
