import DashboardKit
import Testing
@testable import DashboardTerminal

@Suite("Terminal fallbacks")
struct TerminalFallbackTests {
    @Test func nonASCIIBecomesQuestionMarksOfTheSameWidth() {
        #expect(CursesSurface.asciiOnly("job ─ 夜間 é") == "job ? ???? ?")
        #expect(CursesSurface.asciiOnly("plain") == "plain")
    }
}
