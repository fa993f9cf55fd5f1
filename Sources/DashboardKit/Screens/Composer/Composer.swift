import Foundation
import ICWSWire
import JobComposition

/// The open composer (`n`): the wizard's three steps on one screen — datasets and their columns,
/// the filter (time window and sites), the name and a review — and what was chosen in each, with
/// the server it goes to.
public struct Composer: DashboardScreen, Equatable {
    /// The parts Tab moves between, in order.
    public enum Part: Int, CaseIterable, Sendable {
        case dataSets, columns, window, submit
    }

    /// A text field being typed into.
    public enum Typing: Equatable, Sendable {
        case dataSetFilter, name
        /// The typed window's start or end (`TypedTime`).
        case start, end
        /// The site ids, separated by commas or spaces.
        case sites
    }

    /// A time window the filter step offers.
    public enum WindowChoice: Equatable, Sendable {
        case none
        case preset(WindowPreset)
        /// The same window as another job's.
        case sameAs(jobId: String, TimeWindow)
        /// The start and end typed (`typedStart`, `typedEnd`).
        case typed
    }

    /// A dataset chosen for the job, with the columns chosen (the dictionary's spelling).
    public struct Chosen: Equatable, Sendable {
        public var kind: DataSetKind
        public var name: String
        public var columns: [String]
    }

    public internal(set) var part: Part = .dataSets
    public internal(set) var typing: Typing?
    public internal(set) var dataSetFilter = ""
    /// Row of the dataset picker (among the filtered datasets).
    public internal(set) var dataSetCursor = 0
    public internal(set) var columnCursor = 0
    public internal(set) var windowCursor = 0
    public internal(set) var chosen: [Chosen] = []
    public internal(set) var window: WindowChoice = .none
    public internal(set) var name = ""
    /// The typed window's start and end as typed (kept whatever is refused).
    public internal(set) var typedStart = ""
    public internal(set) var typedEnd = ""
    /// The site ids as typed; none: every site.
    public internal(set) var sitesText = ""
    /// The server the job goes to (and whose dictionary is shown).
    public internal(set) var target: ContextID
    /// Why the last `y` did not send (the server's rules), checked again after every change
    /// while any is shown: a problem fixed leaves the list at once.
    public internal(set) var problems: [String] = []
    /// The server's refusal of the last `y`, until the next one.
    public internal(set) var refusal: Failure?
    /// A submit is on its way.
    public internal(set) var submitting = false
    /// The windows offered, the selected job's first if it has one.
    public internal(set) var windowChoices: [WindowChoice]
    /// When the composer opened: presets count days from here.
    let now: Date
    let timeZone: TimeZone

    init(now: Date, timeZone: TimeZone, target: ContextID, sameAs job: (id: String, window: TimeWindow)?) {
        self.now = now
        self.timeZone = timeZone
        self.target = target
        var choices: [WindowChoice] = [.none] + WindowPreset.allCases.map(WindowChoice.preset)
        if let job { choices.append(.sameAs(jobId: job.id, job.window)) }
        windowChoices = choices + [.typed]
    }

    /// The datasets the picker lists: the dictionary's, narrowed by the filter (name, kind, data
    /// set or description, case-insensitive).
    static func listed(_ dictionary: DataDictionary, filter: String) -> [DictionaryDataSet] {
        let wanted = filter.lowercased()
        guard !wanted.isEmpty else { return dictionary.all }
        return dictionary.all.filter { set in
            [set.name, set.kind.rawValue, set.dataSetTitle ?? "", set.shortDescription].contains { $0.lowercased().contains(wanted) }
        }
    }

    func isChosen(_ set: DictionaryDataSet) -> Bool { chosenIndex(set) != nil }

    func chosenIndex(_ set: DictionaryDataSet) -> Int? {
        chosen.firstIndex { $0.kind == set.kind && $0.name == set.name }
    }

    /// Space on a dataset: chosen with every column, or no longer chosen.
    mutating func toggle(_ set: DictionaryDataSet) {
        if let index = chosenIndex(set) {
            chosen.remove(at: index)
        } else {
            chosen.append(Chosen(kind: set.kind, name: set.name, columns: set.column.map(\.name)))
        }
    }

    /// Space on a column of `set`: toggled (choosing the dataset with only that column if it was not chosen).
    mutating func toggle(column: String, of set: DictionaryDataSet) {
        guard let index = chosenIndex(set) else {
            chosen.append(Chosen(kind: set.kind, name: set.name, columns: [column]))
            return
        }
        var columns = Set(chosen[index].columns)
        if columns.contains(column) { columns.remove(column) } else { columns.insert(column) }
        chosen[index].columns = set.column.map(\.name).filter(columns.contains)
    }

    /// `a`: every column of `set`, or none when all were chosen.
    mutating func toggleAllColumns(of set: DictionaryDataSet) {
        let all = set.column.map(\.name)
        if let index = chosenIndex(set) {
            chosen[index].columns = chosen[index].columns.count == all.count ? [] : all
        } else {
            chosen.append(Chosen(kind: set.kind, name: set.name, columns: all))
        }
    }

    /// Whether a chosen dataset has a date-time filter column (only then is a window offered).
    func offersWindow(_ dictionary: DataDictionary) -> Bool {
        chosen.contains { dictionary.dataSet(named: $0.name, kind: $0.kind)?.dateTimeFilterColumn != nil }
    }

    /// Whether a chosen dataset has a site-id filter column (only then are sites offered).
    func offersSites(_ dictionary: DataDictionary) -> Bool {
        chosen.contains { dictionary.dataSet(named: $0.name, kind: $0.kind)?.siteIdFilterColumn != nil }
    }

    func timeWindow(of choice: WindowChoice) -> TimeWindow? {
        switch choice {
        case .none: nil
        case .preset(let preset): preset.window(now: now, timeZone: timeZone)
        case .sameAs(_, let window): window
        case .typed: typedWindow
        }
    }

    /// What the composer would send, as a draft (the window and sites only when they can apply).
    func draft(_ dictionary: DataDictionary) -> JobDraft {
        JobDraft(name: name,
                 dataSets: chosen.map { DataSetChoice(name: $0.name, kind: $0.kind, columns: $0.columns) },
                 window: offersWindow(dictionary) ? timeWindow(of: window) : nil,
                 siteIds: offersSites(dictionary) ? siteIds : [])
    }

    /// The configuration to send, or every reason it cannot be sent (the server's rules).
    func config(_ dictionary: DataDictionary, submittedUserId: String) -> Result<JobConfig, CompositionError> {
        // An empty column list would mean "every column" to the composer; here it means none were chosen.
        // A typed time that cannot be read is refused here too (the draft has no window then).
        var early = chosen.filter(\.columns.isEmpty).map {
            CompositionProblem(property: "column", message: "\($0.name) needs at least one column.")
        }
        if window == .typed, offersWindow(dictionary) { early += typedWindowProblems }
        do {
            let config = try JobComposer.config(for: draft(dictionary), dictionary: dictionary, submittedUserId: submittedUserId)
            return early.isEmpty ? .success(config) : .failure(CompositionError(early))
        } catch {
            return .failure(CompositionError(early + error.problems))
        }
    }
}

extension Composer: JobSendingScreen {
    static let contexts: [KeyContext] = [.composer, .composerText]
    var keyContext: KeyContext { typing == nil ? .composer : .composerText }

    func draw(_ state: DashboardState, on canvas: Canvas) { ComposerView.draw(self, state: state, on: canvas) }
}
