/// A screen over the main one (the job list and detail). Each has its own state, bindings
/// (`KeyContext`) and view, in its own folder; the stack in `DashboardState.screens` decides which
/// one gets the keys (the top one) and the drawing order (bottom first). Esc pops.
public enum Screen: Equatable, Sendable {
    case help(HelpScreen)
    case cancelDialog(CancelDialog)
    case composer(Composer)
    case resubmit(ResubmitReview)

    var keyContext: KeyContext {
        switch self {
        case .help: .help
        case .cancelDialog: .cancelDialog
        case .composer(let composer): composer.typing == nil ? .composer : .composerText
        case .resubmit: .resubmit
        }
    }

    func draw(_ state: DashboardState, on canvas: Canvas) {
        switch self {
        case .help(let help): HelpView.draw(help, state: state, on: canvas)
        case .cancelDialog(let dialog): CancelDialogView.draw(dialog, on: canvas)
        case .composer(let composer): ComposerView.draw(composer, state: state, on: canvas)
        case .resubmit(let review): ResubmitView.draw(review, state: state, on: canvas)
        }
    }
}

extension DashboardState {
    mutating func push(_ screen: Screen) { screens.append(screen) }

    mutating func pop() { _ = screens.popLast() }

    /// The open cancel dialog, if any.
    public var dialog: CancelDialog? {
        for case .cancelDialog(let dialog) in screens.reversed() { return dialog }
        return nil
    }

    public var showingHelp: Bool { screens.contains { $0.keyContext == .help } }

    /// Changes the top screen in place.
    mutating func updateTop(_ change: (inout Screen) -> Void) {
        guard var top = screens.popLast() else { return }
        change(&top)
        screens.append(top)
    }
}
