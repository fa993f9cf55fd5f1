import DisplayText
import Foundation
import Testing

/// One width rule: what `DisplayWidth` measures is what ncurses (placing each scalar by the C
/// library's `wcwidth`) draws, for every scalar that survives `TerminalSafe.clean`.
@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func everyCleanScalarMeasuresWhatWcwidthPlaces() throws {
        let wcwidth = try #require(Self.libcWcwidth)
        let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
        defer { freelocale(locale) }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            guard TerminalSafe.isClean(text) else { continue }
            let expected = Int(wcwidth(wchar_t(bitPattern: value)))
            if DisplayWidth.of(text) != expected {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): \(DisplayWidth.of(text)) cells, wcwidth \(expected)")
                return
            }
            checked += 1
        }
        #expect(checked > 200_000)
    }

    @Test(arguments: [
        ("👨\u{200D}👩\u{200D}👧", "👨👩👧", 6),
        ("a\u{200B}b", "ab", 2),
        ("x\u{2060}y\u{FEFF}z", "xyz", 3),
        ("❤\u{FE0F}", "❤", 1),
        ("e\u{301}", "e\u{301}", 1),
        ("日本", "日本", 4),
    ])
    func zeroWidthCharactersLeaveTheCellsAndCountAsDrawn(raw: String, cleaned: String, cells: Int) {
        let clean = TerminalSafe.clean(raw)
        #expect(clean == cleaned)
        #expect(DisplayWidth.of(clean) == cells)
        // A cell string's width is the sum of its scalars' widths: how ncurses places them.
        #expect(DisplayWidth.of(clean) == clean.unicodeScalars.map(DisplayWidth.cells).reduce(0, +))
    }

    @Test func padAndClipKeepTheirWidth() {
        let name = TerminalSafe.clean("👩\u{200D}💻 family report")
        #expect(DisplayWidth.of(DisplayWidth.pad(name, to: 12)) == 12)
        #expect(DisplayWidth.of(DisplayWidth.clip(name, to: 3)) <= 3)
    }

    private static let libcWcwidth: (@convention(c) (wchar_t) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()
}
