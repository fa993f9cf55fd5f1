/// `o`: the column chooser. Every column of the list, the shown ones first in their order: show or
/// hide one, move it, make it wider or narrower, sort by it. Each change applies to the list at
/// once (it stays for the session); the chooser only holds where its cursor is.
public struct ColumnChooser: DashboardScreen, Equatable {
    /// The column under the cursor.
    public internal(set) var selected: ListColumn

    init(_ choice: ColumnChoice) {
        selected = choice.shown.first ?? .state
    }

    static let contexts: [KeyContext] = [.columnChooser]
    var keyContext: KeyContext { .columnChooser }

    func draw(_ state: DashboardState, on canvas: Canvas) { ColumnChooserView.draw(self, state: state, on: canvas) }

    /// The chooser's rows: the shown columns in their order, then the hidden ones.
    static func rows(_ choice: ColumnChoice) -> [ListColumn] {
        choice.shown + ListColumn.allCases.filter { !choice.shown.contains($0) }
    }
}

extension DashboardState {
    /// The open column chooser, if any.
    public var columnChooser: ColumnChooser? { topmost(ColumnChooser.self) }

    /// Moves the chooser's cursor `by` rows.
    mutating func moveColumnCursor(by offset: Int) -> [Effect] {
        editTop(ColumnChooser.self) { chooser, state in
            let rows = ColumnChooser.rows(state.columns)
            let position = rows.firstIndex(of: chooser.selected) ?? 0
            chooser.selected = rows[max(0, min(rows.count - 1, position + offset))]
            return []
        }
    }

    /// A change to the list's columns at the chooser's cursor, said in the status line.
    mutating func changeColumns(_ change: (inout ColumnChoice, ListColumn) -> String?) -> [Effect] {
        editTop(ColumnChooser.self) { chooser, state in
            if let said = change(&state.columns, chooser.selected) { state.statusMessage = .info(said) }
            return []
        }
    }

    /// `s` in the chooser: sort by the column under the cursor; on the sorted one, reverse it.
    mutating func sortByChosenColumn() -> [Effect] {
        guard let column = columnChooser?.selected else { return [] }
        guard column.isSortable else {
            statusMessage = .info("\(column.title) is a picture of the series' last runs: the list does not sort by it.")
            return []
        }
        setSort(sort.column == column ? sort.turned : SortOrder(column))
        return []
    }
}
