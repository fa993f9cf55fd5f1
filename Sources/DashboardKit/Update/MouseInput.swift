/// Mouse input (`mouse: true`): a click or a wheel turn arrives as `Key.mouse` and becomes what a
/// key would do, so the binding table stays the one place actions live. The targets come from
/// the same layout the frame was drawn with: the list's rows, and the footer's items
/// (`FooterView.layout`).
extension DashboardState {
    /// Rows a wheel turn moves (one arrow key each).
    static let wheelStep = 3

    mutating func handle(_ mouse: MouseEvent) -> [Effect] {
        guard options.mouse, keyContext != .tooSmall else { return [] }
        switch mouse.kind {
        case .wheelUp:
            return (0..<Self.wheelStep).flatMap { _ in handle(Key.up) }
        case .wheelDown:
            return (0..<Self.wheelStep).flatMap { _ in handle(Key.down) }
        case .click:
            if mouse.row == layout.footer.row, footerShown, let key = FooterView.key(at: mouse.col, self, width: layout.width) {
                return handle(key)
            }
            return clickList(row: mouse.row, col: mouse.col)
        }
    }

    /// A click on a job row of the main screen selects it (and gives the list the keys).
    private mutating func clickList(row: Int, col: Int) -> [Effect] {
        let list = layout.list
        guard screens.isEmpty, !filter.editing, (list.row..<list.bottom).contains(row),
              (list.col..<(list.col + list.width)).contains(col) else { return [] }
        let index = listScroll + row - list.row
        guard index < visibleIds.count else { return [] }
        statusMessage = nil
        focus = .list
        return selectRow(index)
    }

    /// The footer's row shows the keys (a long status message takes it over until the next key).
    private var footerShown: Bool {
        StatusLineView.fullRows(self, width: layout.width, glyphs: .unicode).count < 2
    }
}
