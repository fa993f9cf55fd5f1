/// The one binding table: every key the dashboard answers, per context: the main screen's, then
/// each screen's own (`DashboardScreen.bindings`, in `ScreenRegistry` order).
enum BindingTable {
    /// In the order dispatch tries them, and the help and docs/keys.md list them.
    static let all: [Binding] = [quit] + MainBindings.anywhere + MainBindings.list + MainBindings.detail
        + MainBindings.filter + ScreenRegistry.all.flatMap { $0.bindings }

    /// Ctrl-C quits from every context, dialogs, prompts and a too-small terminal included.
    static let quit = Binding([.ctrlC], in: Set(KeyContext.all), help: "quit",
                              details: "Quit, from every context, dialogs and prompts included.",
                              footer: FooterLabel(label: "quit", rank: 100, tail: true, only: [.help, .filter])) { _, _ in [.quit] }

    /// The binding `key` triggers in `context`, if any.
    static func binding(for key: Key, in context: KeyContext) -> Binding? {
        all.first { $0.answers(key, in: context) }
    }

    static func bindings(in context: KeyContext) -> [Binding] {
        all.filter { $0.contexts.contains(context) }
    }
}

extension DashboardState {
    /// A key goes to the binding the table gives for the current context; an unavailable one
    /// only says why. On a too-small screen only quitting works, so nothing can happen unseen
    /// (a `c` then `y` must never cancel a job through an invisible dialog), and what is shown
    /// stays as it was.
    mutating func handle(_ key: Key) -> [Effect] {
        if case .mouse(let event) = key { return handle(event) }
        let context = keyContext
        if context != .tooSmall { statusMessage = nil }
        guard let binding = bindingTable.first(where: { $0.answers(key, in: context) }) else { return [] }
        if let unavailable = binding.unavailable(self) {
            if unavailable.scope != .silent { statusMessage = .info(unavailable.reason) }
            return []
        }
        return binding.perform(&self, key)
    }
}
