import DashboardKit
import DashboardRuntime

/// Frames on the curses screen.
final class CursesDisplay: Display {
    private let cursesSurface: CursesSurface
    private let screen: CursesScreen
    let renderOptions: (glyphs: Glyphs, color: Bool)

    init(screen: CursesScreen) {
        self.screen = screen
        let size = screen.size
        cursesSurface = CursesSurface(width: size.width, height: size.height, unicode: screen.unicode, colors: screen.colors)
        renderOptions = (screen.unicode ? .unicode : .ascii, screen.colors)
    }

    var surface: any Surface { cursesSurface }

    func present() { cursesSurface.present() }

    func resize(width: Int, height: Int) { cursesSurface.resize(width: width, height: height) }

    /// Ctrl-L: curses forgets what it believes is on the terminal and sends every cell.
    func repaintAll() { screen.repaintAll() }
}
