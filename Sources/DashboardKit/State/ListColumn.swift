/// A column of the job list: what the column chooser (`o`) shows, orders and sizes, what a saved
/// view's `columns:` names (docs/config.md), and what the list sorts by (`SortOrder`).
public enum ListColumn: String, CaseIterable, Sendable, Hashable {
    case state, context, name, id, user, submitted, queued, started, ended, duration
    /// The insight columns: elapsed against the series' baseline (`12m/~15m`), the expected end,
    /// and the series' last runs as a sparkline.
    case usual, eta, runs
    case output, error

    /// The list's columns when nothing was chosen: CONTEXT only shows with several servers, USUAL
    /// once a series has a baseline.
    public static let defaults: [ListColumn] = [.state, .context, .name, .id, .user, .submitted, .duration, .usual]

    /// Its heading.
    public var title: String {
        switch self {
        case .duration: "TIME"
        case .output: "OUTPUT FOLDER"
        default: rawValue.uppercased()
        }
    }

    /// What the chooser and the help say it shows.
    public var meaning: String {
        switch self {
        case .state: "the job's state"
        case .context: "the server's context (several servers only)"
        case .name: "the job's name (takes the room left)"
        case .id: "the shortest distinct id prefix"
        case .user: "who submitted it"
        case .submitted: "when it was submitted"
        case .queued: "when it was queued"
        case .started: "when it started"
        case .ended: "when it finished, failed or was canceled"
        case .duration: "its run time (so far)"
        case .usual: "elapsed against its series' baseline"
        case .eta: "when it should end, by its series' baseline"
        case .runs: "its series' last runs, a sparkline"
        case .output: "its output folder"
        case .error: "its error"
        }
    }

    /// Cells it takes unless the chooser sized it; nil for the name (the rest of the row) and the
    /// columns measured from the jobs (id, context).
    public var defaultWidth: Int? {
        switch self {
        case .state: 10
        case .user: 12
        case .submitted, .queued, .started, .ended, .eta: 11
        case .duration: 7
        case .usual: DashboardState.progressWidth
        case .runs: DashboardState.sparklineWidth
        case .output: 24
        case .error: 30
        case .name, .id, .context: nil
        }
    }

    /// The list can be sorted by it: RUNS is a picture with no value to sort by. USUAL (most
    /// overdue first) and ETA (soonest first) sort by the run history's values (`historyRanks`).
    public var isSortable: Bool { self != .runs }

    /// Its values come from the run history, not the job's status.
    var isFromHistory: Bool { [.usual, .eta, .runs].contains(self) }

    /// Always shown when chosen, however narrow the list: the others give way (last chosen first)
    /// when the name would get narrower than 14 cells.
    var isRequired: Bool { [.state, .context, .name, .id, .duration].contains(self) }
}

/// The list's order: a column and a direction. By `submitted` it is the merged order over servers,
/// newest first (`ListingOrder`, as `jobs list --all-contexts` prints); times and durations sort
/// latest or longest first, words A to Z; `reversed` turns it over (`S`).
public struct SortOrder: Equatable, Sendable, Hashable {
    public var column: ListColumn
    public var reversed: Bool

    public init(_ column: ListColumn, reversed: Bool = false) {
        self.column = column
        self.reversed = reversed
    }

    public static let newest = SortOrder(.submitted)
    public static let state = SortOrder(.state)
    public static let name = SortOrder(.name)
    public static let user = SortOrder(.user)
    public static let duration = SortOrder(.duration)

    /// The orders `s` cycles through (a reversed order goes on to the next one, not reversed).
    static let cycle: [SortOrder] = [.newest, .state, .name, .user, .duration]

    /// The next order in `s`'s cycle (from a column outside it: newest).
    public var next: SortOrder {
        guard let position = Self.cycle.firstIndex(of: SortOrder(column)) else { return .newest }
        return Self.cycle[(position + 1) % Self.cycle.count]
    }

    /// The same column the other way round.
    public var turned: SortOrder { SortOrder(column, reversed: !reversed) }

    /// The word shown in the header: `newest`, `oldest`, `name`, `name reversed`.
    public var label: String {
        if column == .submitted { return reversed ? "oldest" : "newest" }
        return Self.word(column) + (reversed ? " reversed" : "")
    }

    /// As the config's `sort:` writes it: `newest`, `-duration`.
    public var configWord: String { (reversed ? "-" : "") + Self.word(column) }

    /// A config's `sort:` word: a sortable column's name (`newest` for `submitted`), a leading `-`
    /// reversing it; nil for anything else.
    public init?(configWord word: String) {
        let reversed = word.hasPrefix("-")
        let name = reversed ? String(word.dropFirst()) : word
        guard let column = name == "newest" ? .submitted : ListColumn(rawValue: name), column.isSortable else { return nil }
        self.init(column, reversed: reversed)
    }

    /// The words `init(configWord:)` takes, for error messages.
    public static var configWords: [String] { ListColumn.allCases.filter(\.isSortable).map(word) }

    private static func word(_ column: ListColumn) -> String { column == .submitted ? "newest" : column.rawValue }
}

/// The list's columns as chosen (`o`, or a saved view's `columns:`): which, in what order, and the
/// widths set in the chooser. Kept for the session.
public struct ColumnChoice: Equatable, Sendable {
    public internal(set) var shown: [ListColumn]
    /// Widths the chooser set, by column (else `ListColumn.defaultWidth`).
    public internal(set) var widths: [ListColumn: Int] = [:]

    public init(_ shown: [ListColumn] = ListColumn.defaults) {
        self.shown = shown
    }

    /// The widths a column can be given.
    static let widthRange = 2...80

    /// `column`'s width in cells, nil for one that takes the room left (the name) or is measured.
    public func width(_ column: ListColumn) -> Int? { widths[column] ?? column.defaultWidth }

    mutating func toggle(_ column: ListColumn) {
        if let position = shown.firstIndex(of: column) { shown.remove(at: position) } else { shown.append(column) }
    }

    /// Moves a shown column `by` places (negative: left), within the shown ones.
    mutating func move(_ column: ListColumn, by offset: Int) {
        guard let position = shown.firstIndex(of: column) else { return }
        let target = max(0, min(shown.count - 1, position + offset))
        shown.remove(at: position)
        shown.insert(column, at: target)
    }

    /// Widens (or narrows) a sized column; the name and the measured columns keep their rule.
    mutating func resize(_ column: ListColumn, by cells: Int) {
        guard let width = width(column) else { return }
        widths[column] = max(Self.widthRange.lowerBound, min(Self.widthRange.upperBound, width + cells))
    }
}
