import Testing
import DisplayText

@Suite("Display width")
struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("夜間") == 4)
        #expect(DisplayWidth.of("통화") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining accent takes no cell")
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("ＡＢ") == 4, "fullwidth forms")
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func clipNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.clip("夜間抽出", to: 5) == "夜間")
        #expect(DisplayWidth.clip("ab夜", to: 3) == "ab")
        #expect(DisplayWidth.clip("abc", to: 0) == "")
        #expect(DisplayWidth.clip("abc", to: 10) == "abc")
    }

    @Test func padFillsToTheWidth() {
        #expect(DisplayWidth.pad("夜", to: 4) == "夜  ")
        #expect(DisplayWidth.pad("abcdef", to: 3) == "abc")
        #expect(DisplayWidth.pad("夜間", to: 3) == "夜 ")
    }
}
