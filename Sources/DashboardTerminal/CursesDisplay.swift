import DashboardKit
import Foundation
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

    /// OSC 52 bytes to send after the next refresh, which has flushed curses' own output first.
    private var afterFrame: [UInt8] = []

    func present() {
        cursesSurface.present()
        guard !afterFrame.isEmpty else { return }
        let bytes = afterFrame
        afterFrame = []
        FileHandle.standardOutput.write(Data(bytes))
    }

    func writeAfterFrame(_ bytes: [UInt8]) { afterFrame += bytes }

    func resize(width: Int, height: Int) { cursesSurface.resize(width: width, height: height) }

    /// Ctrl-L: curses forgets what it believes is on the terminal and sends every cell.
    func repaintAll() { screen.repaintAll() }
}
