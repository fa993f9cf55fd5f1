/// The help overlay (`?`): its state is how far it is scrolled.
public struct HelpScreen: DashboardScreen, Equatable {
    /// First visible line (it scrolls on small screens).
    public internal(set) var scroll = 0

    static let contexts: [KeyContext] = [.help]
    var keyContext: KeyContext { .help }

    func draw(_ state: DashboardState, on canvas: Canvas) { HelpView.draw(self, state: state, on: canvas) }
}

extension DashboardState {
    /// The open help's first visible line (0 when it is closed).
    public var helpScroll: Int { topmost(HelpScreen.self)?.scroll ?? 0 }

    public var showingHelp: Bool { topmost(HelpScreen.self) != nil }

    mutating func scrollHelp(_ target: (Int) -> Int) -> [Effect] {
        let hidden = max(0, HelpView.lineCount() - HelpView.visibleLines(screenHeight: height))
        return editTop(HelpScreen.self) { help, _ in
            help.scroll = max(0, min(target(help.scroll), hidden))
            return []
        }
    }
}
