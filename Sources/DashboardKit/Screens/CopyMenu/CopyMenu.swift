import Clipboard
import DisplayText
import Foundation
import ICWSWire

/// `y`: what of the selected job to copy, copied through OSC 52 (`Clipboard`), which the terminal
/// the operator sits at acts on, also over SSH and inside tmux or screen. When the terminal cannot
/// take it (`TERM=dumb`) or the text is over the cap, the menu turns into a box showing the text
/// to select by hand. The clipboard is never read.
public struct CopyMenu: DashboardScreen, Equatable {
    public enum Item: CaseIterable, Sendable {
        case id, outputFolder, error, configuration, resubmitCommand, ticketLine

        var label: String {
            switch self {
            case .id: "job id"
            case .outputFolder: "output folder"
            case .error: "error"
            case .configuration: "configuration (JSON)"
            case .resubmitCommand: "resubmit command"
            case .ticketLine: "one-line summary for a ticket"
            }
        }
    }

    /// Text shown to be selected by hand, and why it was not copied.
    public struct Shown: Equatable, Sendable {
        public let item: Item
        public let reason: String
        public let text: String
    }

    public let job: JobKey
    public internal(set) var selected = 0
    public internal(set) var shown: Shown?
    /// First line of the shown text on screen.
    var scroll = 0

    static let contexts: [KeyContext] = [.copyMenu, .copyBox]
    var keyContext: KeyContext { shown == nil ? .copyMenu : .copyBox }

    func draw(_ state: DashboardState, on canvas: Canvas) { CopyMenuView.draw(self, state: state, on: canvas) }

    /// `j`/`k` in the box: `lines` down (up when negative), no further than where the text's last
    /// line shows.
    mutating func scroll(by lines: Int, state: DashboardState) {
        guard let shown else { return }
        let text = CopyMenuView.textLayout(shown, width: state.width, height: state.height)
        scroll = ScrollCap.moved(scroll, by: lines, count: text.lines.count, room: text.room)
    }
}

extension DashboardState {
    /// The open copy menu, if any.
    public var copyMenu: CopyMenu? { topmost(CopyMenu.self) }

    /// Enter or a digit in the copy menu: copies `item` of the menu's job through OSC 52, or shows
    /// it to select by hand; an item the job lacks only says so.
    mutating func copy(_ item: CopyMenu.Item) -> [Effect] {
        editTop(CopyMenu.self) { menu, state in
            guard let text = state.copyText(item, of: menu.job) else {
                state.statusMessage = .info("Job \(menu.job.id) has no \(item.label) to copy\(item == .configuration ? " (not loaded yet)" : "").")
                return []
            }
            switch CopyDecision.decide(text, environment: state.options.terminalEnvironment) {
            case .osc52(let bytes):
                state.pop()
                state.statusMessage = .info("Copied the \(item.label) of job \(menu.job.id) (\(text.utf8.count) bytes) through OSC 52.")
                return [.writeToTerminal(bytes)]
            case .showInBox(let reason):
                menu.shown = CopyMenu.Shown(item: item, reason: reason.words, text: text)
                menu.scroll = 0
                return []
            }
        }
    }

    /// The text `item` copies for `key`; nil when the job has none (no output folder, no error,
    /// the configuration not loaded). Server strings are cleaned of terminal controls.
    func copyText(_ item: CopyMenu.Item, of key: JobKey) -> String? {
        guard let job = jobs[key] else { return nil }
        let context = options.isMultiServer ? serverIndex(key.context).map { servers[$0].label } : nil
        switch item {
        case .id:
            return job.id
        case .outputFolder:
            return job.outputFolder.map(OneLine.safe).flatMap { $0.isEmpty ? nil : $0 }
        case .error:
            return job.errorInfo.map(TerminalSafe.clean).flatMap { $0.isEmpty ? nil : $0 }
        case .configuration:
            guard case .loaded(let config) = configs[key] else { return nil }
            let encoder = ICWSJSON.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            return (try? encoder.encode(config)).map { String(decoding: $0, as: UTF8.self) }
        case .resubmitCommand:
            return "dxtop jobs resubmit " + Self.shellWord(job.id) + (context.map { " --context " + Self.shellWord($0) } ?? "")
        case .ticketLine:
            var line = "dxtop: job \(job.id) \"\(job.name)\"" + (context.map { " on \($0)" } ?? "") + " \(job.knownState.word)"
            if let submitted = job.submitTime { line += ", submitted \(TimeFormat.utc.timestamp(submitted)) by \(job.submittedUserId)" }
            if let error = job.errorInfo, !error.isEmpty { line += ": \(error)" }
            return OneLine.safe(line)
        }
    }

    /// `text` as one word for a POSIX shell: bare when it is only safe characters, else in single quotes.
    static func shellWord(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./:@".unicodeScalars.contains($0) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
