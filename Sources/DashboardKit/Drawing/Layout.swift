/// A rectangle of cells.
struct Rect: Equatable, Sendable {
    var row: Int
    var col: Int
    var width: Int
    var height: Int

    var bottom: Int { row + height }

    static let empty = Rect(row: 0, col: 0, width: 0, height: 0)
}

/// Where each part of the screen goes for a terminal size: the areas `DashboardView` hands to
/// each view (each view draws only in its own), and the sizes `update` pages and scrolls by.
struct Layout: Equatable, Sendable {
    enum Mode: Equatable { case tooSmall, sideBySide, stacked }

    static let minWidth = 60
    static let minHeight = 15
    static let sideBySideWidth = 140
    /// The header's rows with one server: who and where with the link, then the counts.
    static let headerRows = 2
    /// Rows the list keeps at least before the header gets a line per server.
    static let listRowsBeforeServerLines = 10

    let mode: Mode
    let width: Int
    let height: Int

    // The areas views draw in.
    /// Who, where, the connection and the counts (and a line per server when there are several and room).
    let header: Rect
    /// Lines the header gives to one server each (0: the summary line says it all).
    let serverLines: Int
    /// The list's heading row and its job rows.
    let listPane: Rect
    /// The detail pane: its title row (a rule when stacked), its lines, and in side-by-side mode
    /// the divider in its first column.
    let detailPane: Rect
    /// The status line and the footer row below it (a long message continues on the footer row).
    let statusArea: Rect
    let footer: Rect

    // Within the panes, in screen coordinates (for paging and scrolling).
    /// Column headings of the list.
    let listHeading: Rect
    /// The job rows.
    let list: Rect
    /// The detail pane's title line.
    let detailTitle: Rect
    /// The detail pane's scrolling lines.
    let detail: Rect

    /// The areas for a terminal of `width` x `height` cells showing `servers` servers.
    init(width: Int, height: Int, servers: Int = 1) {
        self.width = width
        self.height = height
        let roomy = height - servers >= Layout.minHeight + Layout.listRowsBeforeServerLines
        serverLines = servers > 1 && roomy ? servers : 0
        let top = Layout.headerRows + serverLines
        header = Rect(row: 0, col: 0, width: width, height: top)
        statusArea = Rect(row: height - 2, col: 0, width: width, height: 2)
        footer = Rect(row: height - 1, col: 0, width: width, height: 1)
        let bodyHeight = height - top - 2
        if width < Layout.minWidth || height < Layout.minHeight {
            mode = .tooSmall
            (listPane, detailPane, listHeading, list, detailTitle, detail) = (.empty, .empty, .empty, .empty, .empty, .empty)
        } else if width >= Layout.sideBySideWidth {
            mode = .sideBySide
            let detailWidth = width * 2 / 5
            let listWidth = width - detailWidth - 1
            listPane = Rect(row: top, col: 0, width: listWidth, height: bodyHeight)
            detailPane = Rect(row: top, col: listWidth, width: detailWidth + 1, height: bodyHeight)
            listHeading = Rect(row: top, col: 0, width: listWidth, height: 1)
            list = Rect(row: top + 1, col: 0, width: listWidth, height: bodyHeight - 1)
            detailTitle = Rect(row: top, col: listWidth + 1, width: detailWidth, height: 1)
            detail = Rect(row: top + 1, col: listWidth + 1, width: detailWidth, height: bodyHeight - 1)
        } else {
            mode = .stacked
            let listRows = (bodyHeight - 2) / 2
            listPane = Rect(row: top, col: 0, width: width, height: 1 + listRows)
            detailPane = Rect(row: listPane.bottom, col: 0, width: width, height: bodyHeight - 1 - listRows)
            listHeading = Rect(row: top, col: 0, width: width, height: 1)
            list = Rect(row: top + 1, col: 0, width: width, height: listRows)
            detailTitle = Rect(row: list.bottom, col: 0, width: width, height: 1)
            detail = Rect(row: list.bottom + 1, col: 0, width: width, height: bodyHeight - 2 - listRows)
        }
    }
}
