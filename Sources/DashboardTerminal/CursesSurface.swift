import CNcursesw
import DashboardKit
import DisplayText

/// The dashboard's drawing surface on the curses standard screen.
///
/// Views draw whole frames into it; curses compares the frame with what the terminal shows and
/// sends only the cells that changed when `present()` runs.
final class CursesSurface: Surface {
    private(set) var width: Int
    private(set) var height: Int
    private let unicode: Bool
    private let colors: Bool

    init(width: Int, height: Int, unicode: Bool, colors: Bool) {
        self.width = width
        self.height = height
        self.unicode = unicode
        self.colors = colors
    }

    func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    func clear() {
        erase()
    }

    func put(_ text: String, row: Int, col: Int, style: CellStyle) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        let shown = unicode ? text : Self.asciiOnly(text)
        let clipped = DisplayWidth.clip(shown, to: width - col)
        var wide = clipped.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        let attributes = dx_attributes(
            style.bold ? 1 : 0, style.reverse ? 1 : 0, style.dim ? 1 : 0, style.underline ? 1 : 0,
            pair(for: style.color))
        _ = dx_put(Int32(row), Int32(col), wide, Int32(wide.count - 1), attributes)
    }

    /// Sends the frame to the terminal.
    func present() {
        refresh()
    }

    private func pair(for color: TextColor?) -> Int16 {
        guard colors, let color, let index = TextColor.allCases.firstIndex(of: color) else { return 0 }
        return Int16(index + 1)
    }

    /// Without a UTF-8 locale only ASCII reaches the terminal; anything else becomes `?` per cell,
    /// so columns keep their widths.
    static func asciiOnly(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isASCII {
                out.append(character)
            } else {
                out += String(repeating: "?", count: max(1, DisplayWidth.of(String(character))))
            }
        }
        return out
    }
}
