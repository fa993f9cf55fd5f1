/// Where the job list's columns go in a list `width` cells wide: the chosen columns in their
/// order, each with its width. The name takes the room left (at least 4 cells); the columns that
/// are not required give way when the name would get narrower than 14 cells: the submission time
/// is kept longest, then the user, then the others in the order chosen.
struct ListLayout: Equatable {
    static let marker = 2
    /// Cells the name keeps before an optional column is shown.
    static let roomyName = 14

    /// The columns drawn, in order, and their widths (the marker column before them is not one).
    let placed: [(column: ListColumn, width: Int)]

    static func == (a: ListLayout, b: ListLayout) -> Bool {
        a.placed.map(\.column) == b.placed.map(\.column) && a.placed.map(\.width) == b.placed.map(\.width)
    }

    /// `idWidth`: the shown id prefix; `contextWidth`: 0 with one server (CONTEXT left out);
    /// `hasSeries`: a series has a baseline (else USUAL and ETA are left out).
    init(_ choice: ColumnChoice, width: Int, idWidth: Int, contextWidth: Int, hasSeries: Bool) {
        let candidates = choice.shown.filter { column in
            switch column {
            case .context: contextWidth > 0
            case .usual, .eta: hasSeries
            default: true
            }
        }
        func cells(_ column: ListColumn) -> Int {
            switch column {
            case .context: contextWidth
            case .id: choice.widths[.id] ?? idWidth
            default: choice.width(column) ?? 0
            }
        }
        let hasName = candidates.contains(.name)
        // Every column has a gap after it, the last one included so it never touches the divider.
        var used = Self.marker + candidates.filter(\.isRequired).reduce(0) { $0 + cells($1) + 1 }
        let minimum = hasName ? Self.roomyName : 0
        var kept: Set<ListColumn> = []
        let optional = candidates.filter { !$0.isRequired }
        for column in optional.sorted(by: { Self.keepRank($0, optional) < Self.keepRank($1, optional) })
        where width - used - cells(column) - 1 >= minimum {
            kept.insert(column)
            used += cells(column) + 1
        }
        placed = candidates.filter { $0.isRequired || kept.contains($0) }
            .map { ($0, $0 == .name ? max(4, width - used) : cells($0)) }
    }

    /// Which optional column stays longest when room is short (lowest first).
    private static func keepRank(_ column: ListColumn, _ optional: [ListColumn]) -> Int {
        switch column {
        case .submitted: -2
        case .user: -1
        default: optional.firstIndex(of: column) ?? 0
        }
    }

    func width(of column: ListColumn) -> Int { placed.first { $0.column == column }?.width ?? 0 }
}
