/// A rectangle of cells.
struct Rect: Equatable {
    var row: Int
    var col: Int
    var width: Int
    var height: Int

    var bottom: Int { row + height }
}

/// Where each part of the screen goes for a terminal size. Shared by `update` (page sizes,
/// scrolling) and the view, so both agree.
struct Layout: Equatable {
    enum Mode: Equatable { case tooSmall, sideBySide, stacked }

    static let minWidth = 60
    static let minHeight = 15
    static let sideBySideWidth = 140
    static let headerRows = 2

    let mode: Mode
    let width: Int
    let height: Int
    /// Column headings of the list.
    let listHeading: Rect
    /// The job rows.
    let list: Rect
    /// The detail pane's title line.
    let detailTitle: Rect
    /// The detail pane's scrolling lines.
    let detail: Rect
    let statusRow: Int
    let footerRow: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        statusRow = height - 2
        footerRow = height - 1
        let top = Layout.headerRows
        let bodyHeight = height - Layout.headerRows - 2
        if width < Layout.minWidth || height < Layout.minHeight {
            mode = .tooSmall
            let empty = Rect(row: 0, col: 0, width: 0, height: 0)
            listHeading = empty
            list = empty
            detailTitle = empty
            detail = empty
        } else if width >= Layout.sideBySideWidth {
            mode = .sideBySide
            let detailWidth = width * 2 / 5
            let listWidth = width - detailWidth - 1
            listHeading = Rect(row: top, col: 0, width: listWidth, height: 1)
            list = Rect(row: top + 1, col: 0, width: listWidth, height: bodyHeight - 1)
            detailTitle = Rect(row: top, col: listWidth + 1, width: detailWidth, height: 1)
            detail = Rect(row: top + 1, col: listWidth + 1, width: detailWidth, height: bodyHeight - 1)
        } else {
            mode = .stacked
            let listRows = (bodyHeight - 2) / 2
            listHeading = Rect(row: top, col: 0, width: width, height: 1)
            list = Rect(row: top + 1, col: 0, width: width, height: listRows)
            detailTitle = Rect(row: list.bottom, col: 0, width: width, height: 1)
            detail = Rect(row: list.bottom + 1, col: 0, width: width, height: bodyHeight - 2 - listRows)
        }
    }
}
