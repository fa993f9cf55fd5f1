import DisplayText
import Testing

@Suite("TerminalSafe")
struct TerminalSafeTests {
    @Test(arguments: [
        // C0 controls, DEL and ESC never survive; ESC sequences lose their introducer so they print as text.
        ("a\u{07}b", "a?b"),
        ("a\u{00}b", "a?b"),
        ("a\u{08}b", "a?b"),
        ("a\u{7F}b", "a?b"),
        ("Nightly \u{1B}[2J extract", "Nightly ?[2J extract"),
        ("\u{1B}]0;pwned\u{07}Queue", "?]0;pwned?Queue"),
        ("\u{1B}P1$r\u{1B}\\", "?P1$r?\\"),
        // C1 controls U+0080...U+009F, including the single-byte CSI U+009B.
        ("Agent \u{9B}31m activity", "Agent ?31m activity"),
        ("\u{80}\u{85}\u{8D}\u{90}\u{9D}\u{9F}", "??????"),
        // CR, LF and TAB become spaces so text cannot overwrite itself or break a row.
        ("Call detail\rOVERWRITTEN", "Call detail OVERWRITTEN"),
        ("line1\nline2", "line1 line2"),
        ("a\r\nb", "a  b"),
        ("col\tcol", "col col"),
        // Bidi embeddings, overrides, isolates and marks are removed.
        ("abc\u{202E}fed", "abcfed"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}x", "x"),
        ("\u{2066}\u{2067}\u{2068}x\u{2069}", "x"),
        ("a\u{200E}b\u{200F}c\u{061C}d", "abcd"),
    ])
    func neutralises(input: String, expected: String) {
        let cleaned = TerminalSafe.clean(input)
        #expect(cleaned == expected)
        #expect(TerminalSafe.isClean(cleaned))
        #expect(!TerminalSafe.isClean(input))
    }

    @Test(arguments: [
        "plain ASCII job 1042",
        "夜間抽出ジョブ",
        "작업 보고서",
        "Extraction des données — été",
        "e\u{301}te\u{301}",
        "📊 report 🚀",
        "🇫🇷 flag",
        "D:\\DataExtractor\\Output\\x_1042",
        "",
        "\u{A0}non-breaking\u{A0}",
    ])
    func keepsPrintableText(text: String) {
        #expect(TerminalSafe.clean(text) == text)
        #expect(TerminalSafe.isClean(text))
    }

    @Test func nothingBelowSpaceOrInC1SurvivesAnyInput() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0)...0xA0 { all.append(Unicode.Scalar(v)!) }
        for v in [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] as [UInt32] {
            all.append(Unicode.Scalar(v)!)
        }
        let cleaned = TerminalSafe.clean(String(all))
        for scalar in cleaned.unicodeScalars {
            let v = scalar.value
            #expect(v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v), "U+\(String(v, radix: 16)) survived")
            #expect(!(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v) && v != 0x200E && v != 0x200F && v != 0x061C)
        }
        // Printable ASCII and U+00A0 are kept in order.
        #expect(cleaned.hasSuffix(String((0x20...0x7E).map { Character(Unicode.Scalar($0)!) }) + "?" + String(repeating: "?", count: 32) + "\u{A0}"))
    }
}
