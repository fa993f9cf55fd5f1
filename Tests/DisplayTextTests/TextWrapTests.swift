import DisplayText
import Testing

@Suite("TextWrap")
struct TextWrapTests {
    @Test(arguments: [
        ("the quick brown fox", 10, ["the quick", "brown fox"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("a  b   c", 80, ["a b c"]),
        ("", 5, [""]),
        ("   ", 5, [""]),
        ("ab abcdefgh", 4, ["ab", "abcd", "efgh"]),
        ("夜間抽出ジョブ", 5, ["夜間", "抽出", "ジョ", "ブ"]),
        ("夜", 1, ["夜"]),
    ])
    func wrapsByDisplayWidth(text: String, width: Int, expected: [String]) {
        #expect(TextWrap.lines(text, width: width) == expected)
    }

    /// Quadratic wrapping took 90 s for 256 KB; a megabyte only finishes within the suite's time
    /// when the work is linear.
    @Test func aMegabyteWordWrapsInOnePass() {
        let word = String(repeating: "x", count: 1 << 20)
        let lines = TextWrap.lines(word, width: 80)
        #expect(lines.count == (1 << 20 + 79) / 80)
        #expect(lines.dropLast().allSatisfy { $0.count == 80 })
        let spaced = String(repeating: "abcdefg ", count: 1 << 17)
        #expect(TextWrap.lines(spaced, width: 80).count == ((1 << 17) + 9) / 10)
    }

    @Test func stopsAtTheLinesAskedFor() {
        let huge = String(repeating: "y", count: 1 << 22)
        let lines = TextWrap.lines(huge, width: 40, maxLines: 3)
        #expect(lines == Array(repeating: String(repeating: "y", count: 40), count: 3))
        #expect(TextWrap.lines("a b c d", width: 1, maxLines: 2) == ["a", "b"])
    }
}
