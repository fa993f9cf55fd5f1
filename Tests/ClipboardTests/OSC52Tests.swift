import Clipboard
import Testing

@Suite("OSC 52 copy")
struct OSC52Tests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("plain: ESC ] 52 ; c ; base64 BEL")
    func plain() {
        #expect(Self.text(OSC52.sequence("3f2b6c1e", for: .none)) == "\u{1B}]52;c;M2YyYjZjMWU=\u{07}")
        #expect(Self.text(OSC52.sequence("é", for: .none)) == "\u{1B}]52;c;w6k=\u{07}", "UTF-8 before base64")
    }

    @Test("tmux: DCS passthrough with the inner ESC doubled")
    func tmux() {
        #expect(OSC52.sequence("hi", for: .tmux)
            == [0x1B, 0x50] + Array("tmux;".utf8) + [0x1B, 0x1B] + Array("]52;c;aGk=".utf8) + [0x07, 0x1B, 0x5C])
    }

    @Test("screen: DCS strings of 76 base64 characters each")
    func screen() {
        let text = String(repeating: "a", count: 60)  // 80 base64 characters
        let b64 = String(repeating: "YWFh", count: 20)
        let expected = "\u{1B}P\u{1B}]52;c;" + b64.prefix(76) + "\u{1B}\\\u{1B}P" + b64.dropFirst(76) + "\u{07}\u{1B}\\"
        #expect(Self.text(OSC52.sequence(text, for: .screen)) == expected)
        #expect(Self.text(OSC52.sequence("hi", for: .screen)) == "\u{1B}P\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
    }

    @Test("the multiplexer comes from TMUX, STY and TERM")
    func detect() {
        #expect(Multiplexer.detect(["TMUX": "/tmp/tmux-1/default,1,0", "TERM": "screen"]) == .tmux)
        #expect(Multiplexer.detect(["STY": "1.pts-0", "TERM": "xterm"]) == .screen)
        #expect(Multiplexer.detect(["TERM": "screen.xterm-256color"]) == .screen)
        #expect(Multiplexer.detect(["TERM": "xterm-256color"]) == .none)
    }

    @Test("TERM=dumb or unset and over the cap: shown in a box; at the cap: copied")
    func decide() {
        #expect(CopyDecision.decide("x", environment: ["TERM": "dumb"]) == .showInBox(.dumbTerminal))
        #expect(CopyDecision.decide("x", environment: [:]) == .showInBox(.dumbTerminal))
        let big = String(repeating: "x", count: OSC52.maxTextBytes + 1)
        #expect(CopyDecision.decide(big, environment: ["TERM": "xterm"]) == .showInBox(.overCap(bytes: 100_001)))
        let atCap = String(repeating: "x", count: OSC52.maxTextBytes)
        #expect(CopyDecision.decide(atCap, environment: ["TERM": "xterm"]) == .osc52(bytes: OSC52.sequence(atCap, for: .none)))
        #expect(CopyDecision.decide("hi", environment: ["TERM": "screen", "TMUX": "x"]) == .osc52(bytes: OSC52.sequence("hi", for: .tmux)))
    }
}
