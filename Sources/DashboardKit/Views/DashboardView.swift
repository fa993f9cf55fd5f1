import Foundation

/// Draws the whole dashboard from its state: an immediate-mode view with no state of its own.
public enum DashboardView {
    /// Clears `surface` and draws the frame for `state`.
    public static func render(_ state: DashboardState, on surface: some Surface, options: RenderOptions) {
        surface.clear()
        let canvas = Canvas(surface: surface, options: options)
        let layout = Layout(width: surface.width, height: surface.height)
        guard layout.mode != .tooSmall else {
            drawTooSmall(canvas)
            return
        }
        HeaderView.draw(state, on: canvas, now: options.now)
        JobListView.draw(state, on: canvas, layout: layout, now: options.now)
        DetailPaneView.draw(state, on: canvas, layout: layout, now: options.now)
        StatusLineView.draw(state, on: canvas, layout: layout)
        FooterView.draw(state, on: canvas, layout: layout)
        if state.showingHelp {
            HelpView.draw(state, on: canvas)
        } else if let dialog = state.dialog {
            DialogView.draw(dialog, on: canvas)
        }
    }

    private static func drawTooSmall(_ canvas: Canvas) {
        let width = canvas.surface.width
        let lines = [
            "Terminal too small: \(width)x\(canvas.surface.height).",
            "dxtop needs at least \(Layout.minWidth)x\(Layout.minHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (canvas.surface.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            canvas.put(line, row: top + offset, col: 0, width: width, style: CellStyle(bold: offset == 0))
        }
    }
}
