import DashboardKit
import Testing
@testable import DashboardTerminal

/// Mouse reports as curses hands them over (one character at a time, the ESC first) folded into
/// mouse keys, and everything else left as it was.
@Suite("Mouse reports")
struct MouseDecoderTests {
    static func keys(_ text: String) -> [TerminalInput] {
        text.map { $0 == "\u{1B}" ? .key(.escape) : .key(.char($0)) }
    }

    @Test func sgrPressesAndWheelBecomeMouseKeysFromZero() {
        var decoder = MouseDecoder()
        let out = decoder.decode(Self.keys("\u{1B}[<0;5;10M\u{1B}[<0;5;10m\u{1B}[<64;1;1M\u{1B}[<65;200;300Mj"))
        #expect(out == [.key(.mouse(MouseEvent(.click, row: 9, col: 4))), .key(.mouse(MouseEvent(.wheelUp, row: 0, col: 0))),
                        .key(.mouse(MouseEvent(.wheelDown, row: 299, col: 199))), .key(.char("j"))])
    }

    @Test func shiftAndControlClicksStillClickOtherButtonsAreIgnored() {
        var decoder = MouseDecoder()
        #expect(decoder.decode(Self.keys("\u{1B}[<4;3;3M\u{1B}[<16;3;3M")) == [.key(.mouse(MouseEvent(.click, row: 2, col: 2))),
                                                                               .key(.mouse(MouseEvent(.click, row: 2, col: 2)))])
        #expect(decoder.decode(Self.keys("\u{1B}[<2;3;3M\u{1B}[<1;3;3M\u{1B}[<32;3;3M")).isEmpty)
    }

    @Test func aReportCutBetweenReadsIsHeldUntilItsEnd() {
        var decoder = MouseDecoder()
        #expect(decoder.decode(Self.keys("k\u{1B}[<0;12")) == [.key(.char("k"))])
        #expect(decoder.decode(Self.keys(";7M")) == [.key(.mouse(MouseEvent(.click, row: 6, col: 11)))])
    }

    @Test func escapeAndKeysThatAreNoReportPassThrough() {
        var decoder = MouseDecoder()
        #expect(decoder.decode([.key(.escape)]) == [.key(.escape)])
        #expect(decoder.decode([.key(.escape), .key(.char("j")), .key(.char("k"))]) == [.key(.escape), .key(.char("j")), .key(.char("k"))])
        #expect(decoder.decode([.key(.escape), .key(.up), .key(.down)]) == [.key(.escape), .key(.up), .key(.down)])
        #expect(decoder.decode(Self.keys("\u{1B}[<1x")) == Self.keys("\u{1B}[<1x"))
    }

    @Test func x10ReportsAreReadToo() {
        var decoder = MouseDecoder()
        // Button 0 at column 5, row 10: each byte is the value plus 32, positions from 1.
        let report = "\u{1B}[M" + String(UnicodeScalar(32)) + String(UnicodeScalar(32 + 5)) + String(UnicodeScalar(32 + 10))
        #expect(decoder.decode(Self.keys(report)) == [.key(.mouse(MouseEvent(.click, row: 9, col: 4)))])
    }
}
