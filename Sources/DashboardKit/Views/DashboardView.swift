import Foundation

/// Draws the whole dashboard from its state: an immediate-mode view with no state of its own.
/// Each view gets its area of the layout and cannot draw outside it; screens on the stack are
/// drawn over the main one, bottom first.
public enum DashboardView {
    /// Clears `surface` and draws the frame for `state`.
    public static func render(_ state: DashboardState, on surface: some Surface, options: RenderOptions) {
        surface.clear()
        let canvas = Canvas(surface: surface, options: options, theme: state.options.theme)
        let layout = state.layout
        guard layout.mode != .tooSmall else {
            drawTooSmall(canvas)
            return
        }
        // A screen that covers the main one above the status line (history, timeline, coverage) hides
        // it: drawing it first would be lost work.
        if !state.screens.contains(where: \.screen.coversMainScreen) {
            HeaderView.draw(state, on: canvas.area(layout.header), now: options.now)
            JobListView.draw(state, on: canvas.area(layout.listPane), now: options.now)
            DetailPaneView.draw(state, on: canvas.area(layout.detailPane), stacked: layout.mode == .stacked, now: options.now)
        }
        let statusRows = StatusLineView.draw(state, on: canvas.area(layout.statusArea))
        // A status message too long for one row continues on the footer's row until the next key.
        if statusRows < 2 { FooterView.draw(state, on: canvas.area(layout.footer)) }
        for entry in state.screens { entry.screen.draw(state, on: canvas) }
    }

    private static func drawTooSmall(_ canvas: Canvas) {
        let lines = [
            "Terminal too small: \(canvas.width)x\(canvas.height).",
            "dxtop needs at least \(Layout.minWidth)x\(Layout.minHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            canvas.put(line, row: top + offset, col: 0, width: canvas.width, style: CellStyle(bold: offset == 0))
        }
    }
}
