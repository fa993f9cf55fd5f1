import CNcursesw
import DashboardKit
import Testing
@testable import DashboardTerminal

@Suite("Curses key codes")
struct KeyReaderTests {
    @Test(arguments: [
        (UInt32(3), TerminalInput.key(.ctrlC)), (8, .key(.backspace)), (127, .key(.backspace)),
        (9, .key(.tab)), (10, .key(.enter)), (13, .key(.enter)), (12, .key(.ctrlL)), (27, .key(.escape)),
        (1, .ignored), (31, .ignored), (106, .key(.char("j"))), (0x3042, .key(.char("あ"))),
    ])
    func characters(code: UInt32, expected: TerminalInput) {
        #expect(KeyReader.character(code) == expected)
    }

    @Test func functionKeys() {
        #expect(KeyReader.functionKey(KEY_RESIZE) == .resize)
        #expect(KeyReader.functionKey(KEY_UP) == .key(.up))
        #expect(KeyReader.functionKey(KEY_DOWN) == .key(.down))
        #expect(KeyReader.functionKey(KEY_PPAGE) == .key(.pageUp))
        #expect(KeyReader.functionKey(KEY_NPAGE) == .key(.pageDown))
        #expect(KeyReader.functionKey(KEY_HOME) == .key(.home))
        #expect(KeyReader.functionKey(KEY_END) == .key(.end))
        #expect(KeyReader.functionKey(KEY_BTAB) == .key(.backTab))
        #expect(KeyReader.functionKey(KEY_DC) == .key(.delete))
        #expect(KeyReader.functionKey(KEY_ENTER) == .key(.enter))
        #expect(KeyReader.functionKey(KEY_F0 + 5) == .ignored)
    }
}
