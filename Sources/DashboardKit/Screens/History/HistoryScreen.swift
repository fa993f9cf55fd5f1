/// The history screen's state: the series shown (read from the run history when it opens, and
/// again when the history changed) and the run under the cursor, counted from the newest.
struct HistoryScreen: DashboardScreen, Equatable {
    var content: HistoryContent
    /// 0 is the newest run.
    var cursor = 0
    /// The run history's version `content` was read at.
    private var seenVersion: Int

    init(content: HistoryContent, version: Int) {
        self.content = content
        seenVersion = version
    }

    static let contexts: [KeyContext] = [.history]
    var keyContext: KeyContext { .history }
    var coversMainScreen: Bool { true }

    func draw(_ state: DashboardState, on canvas: Canvas) {
        HistoryView.draw(content, cursor: cursor, timeFormat: state.options.timeFormat, on: canvas.area(state.screenBody))
    }

    mutating func jobsChanged(_ state: DashboardState) {
        guard state.history.version != seenVersion, let fresh = state.historyContent(context: content.context, key: content.key) else { return }
        content = fresh
        seenVersion = state.history.version
    }

    /// The run under the cursor, as the chart at `width` cells shows it.
    var selectedRun: RunBar? {
        let index = content.bars.count - 1 - cursor
        return content.bars.indices.contains(index) ? content.bars[index] : nil
    }
}
