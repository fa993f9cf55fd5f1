import Testing
import DisplayText
import ICWSWire
@testable import DashboardKit

@Suite("Hostile server strings")
struct HostileTextTests {
    static let sizes = [(80, 24), (120, 40), (200, 50)]

    /// C0, DEL, C1, and the bidi controls TerminalSafe removes.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    @Test(arguments: sizes)
    func noControlCharacterReachesTheSurface(width: Int, height: Int) {
        var state = Scenario.hostile(width: width, height: height)
        // The list, the detail scrolled down, the dialog for the running hostile job (2005, above
        // the selected failed one), and the help.
        for keys in [[Key](), [.tab, .char("G")], [.char("k"), .char("c")], [.char("?")]] {
            Fixture.press(&state, .escape)
            Fixture.press(&state, .escape)
            for key in keys { Fixture.press(&state, key) }
            if keys.last == .char("c") {
                #expect(state.dialog?.jobId == "2005", "the dialog with the hostile name is drawn")
            }
            let surface = Snapshot.render(state, width: width, height: height)
            for (row, line) in surface.lines.enumerated() {
                #expect(!line.unicodeScalars.contains(where: Self.isForbidden), "row \(row): \(line.debugDescription)")
            }
            // The grid silently cuts what runs past its edge, so check that nothing had to be cut.
            #expect(surface.clippedWrites.isEmpty, "writes past the edge: \(surface.clippedWrites)")
        }
    }

    @Test func wideCharactersKeepColumnsAligned() {
        let surface = Snapshot.render(Scenario.hostile(width: 120, height: 40), width: 120, height: 40)
        let rows = surface.lines.filter { $0.contains("2005") || $0.contains("2003") || $0.contains("2002") }
        #expect(rows.count == 3)
        let idColumns = rows.map { line -> Int in
            let prefix = line.components(separatedBy: " 200")[0]
            return DisplayWidth.of(prefix)
        }
        #expect(Set(idColumns).count == 1, "ids start in the same cell: \(idColumns)")
        #expect(rows.contains { $0.contains("夜間抽出ジョブ") })
        #expect(rows.contains { $0.contains("山田") })
    }

    @Test func gridSurfaceHandlesWideCharacters() {
        let grid = GridSurface(width: 6, height: 2)
        grid.put("夜間抽出", row: 0, col: 0, style: .plain)
        #expect(grid.lines[0] == "夜間抽")
        grid.put("x", row: 0, col: 1, style: CellStyle(bold: true))
        #expect(grid.lines[0] == " x間抽", "overwriting half of a wide character blanks the other half")
        #expect(grid.style(atRow: 0, col: 1).bold)
        grid.put("abcdefgh", row: 1, col: 3, style: .plain)
        #expect(grid.lines[1] == "   abc")
    }

    @Test func canvasCleansEveryString() {
        let grid = GridSurface(width: 20, height: 1)
        let canvas = Canvas(surface: grid, options: RenderOptions(glyphs: .unicode, color: false, now: Fixture.now))
        canvas.put("a\u{1B}[31mb\u{202E}c", row: 0, col: 0, width: 20, style: CellStyle(color: .red))
        #expect(grid.lines[0] == "a?[31mbc")
        #expect(grid.style(atRow: 0, col: 0).color == nil, "no colour when the frame has none")
    }
}
