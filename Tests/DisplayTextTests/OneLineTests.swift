import DisplayText
import Testing

@Suite("OneLine")
struct OneLineTests {
    @Test func foldsLineBreaksTabsAndRunsOfBlanks() {
        #expect(OneLine.folded("  bad\r\nrequest:\n\n\tname   missing \u{2028}end ") == "bad request: name missing end")
    }

    @Test func foldedKeepsEverythingElse() {
        #expect(OneLine.folded("a\u{1B}[31mb") == "a\u{1B}[31mb")
    }

    @Test func safeCleansThenFolds() {
        #expect(OneLine.safe("job\u{1B}[2J\u{202E}\n  gone") == "job?[2J gone")
    }
}
