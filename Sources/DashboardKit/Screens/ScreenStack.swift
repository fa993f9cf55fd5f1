/// Every screen the dashboard has, in the order the help and docs/keys.md list their keys. A new
/// screen adds its type here (its folder holds the rest).
enum ScreenRegistry {
    static let all: [any DashboardScreen.Type] = [CancelDialog.self, BulkCancel.self, CopyMenu.self, ColumnChooser.self, ViewPicker.self, Composer.self, ResubmitReview.self, BulkResubmit.self,
                                                    HistoryScreen.self, TimelineScreen.self, CoverageScreen.self, HelpScreen.self]
}

extension DashboardState {
    /// Puts `screen` on top of the stack (over any screens already there); it gets the keys.
    @discardableResult
    mutating func push(_ screen: some DashboardScreen) -> ScreenID {
        let id = ScreenID(value: nextScreenID)
        nextScreenID += 1
        screens.append(StackedScreen(id: id, screen: screen))
        return id
    }

    /// Closes the top screen.
    mutating func pop() { _ = screens.popLast() }

    /// Closes the screen `id` wherever it is on the stack.
    mutating func close(_ id: ScreenID) { screens.removeAll { $0.id == id } }

    /// The context of the screen on top (nil: the main screen has the keys).
    public var topScreenContext: KeyContext? { screens.last?.screen.keyContext }

    /// The identity of the screen on top: what its requests carry.
    var topScreenID: ScreenID? { screens.last?.id }

    /// The screens' contexts, bottom first.
    public var screenContexts: [KeyContext] { screens.map(\.screen.keyContext) }

    /// The topmost screen of type `S`, if one is open.
    func topmost<S: DashboardScreen>(_: S.Type) -> S? {
        for entry in screens.reversed() { if let screen = entry.screen as? S { return screen } }
        return nil
    }

    /// Changes the top screen when it is an `S`, with the state beside it (the body may push or
    /// close screens; the screen is put back only if it is still open).
    mutating func editTop<S: DashboardScreen>(_: S.Type, _ body: (inout S, inout DashboardState) -> [Effect]) -> [Effect] {
        guard let entry = screens.last, var screen = entry.screen as? S else { return [] }
        let effects = body(&screen, &self)
        put(screen, back: entry.id)
        return effects
    }

    /// The answer to a request of screen `id`, handed to that screen alone.
    mutating func deliver(_ reply: ScreenReply, to id: ScreenID) -> [Effect] {
        guard let entry = screens.first(where: { $0.id == id }) else { return unclaimedReply(reply) }
        var screen = entry.screen
        let effects = screen.receive(reply, id: id, state: &self)
        put(screen, back: id)
        return effects
    }

    /// Tells every open screen that the jobs changed. The stack is taken out while they are told,
    /// so that each screen is changed in place: a copy left in the stack made a screen holding a
    /// large list (the coverage's 95,000 rows) copy all of it to change one row.
    mutating func screensSeeJobsChanged() {
        var stack = screens
        screens = []
        for index in stack.indices { stack[index].screen.jobsChanged(self) }
        screens = stack
    }

    /// Tells every open screen that job `key`'s configuration came or failed.
    mutating func screensSeeConfigChanged(_ key: JobKey) {
        var stack = screens
        screens = []
        for index in stack.indices { stack[index].screen.configChanged(key, state: self) }
        screens = stack
    }

    private mutating func put(_ screen: any DashboardScreen, back id: ScreenID) {
        if let index = screens.firstIndex(where: { $0.id == id }) { screens[index].screen = screen }
    }
}
