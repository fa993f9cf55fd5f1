import Foundation

/// Copying text to the clipboard of the terminal a person sits at, also over SSH: the OSC 52
/// escape sequence (`ESC ] 52 ; c ; <base64> BEL`), which the terminal (not this machine) acts
/// on. Only writes: the query form (`?` instead of the payload), which would read the clipboard,
/// is never made.
public enum OSC52 {
    /// The most text copied this way, in UTF-8 bytes (base64 makes it a third longer): larger
    /// copies are cut or dropped by many terminals and multiplexers, so they go to a box instead.
    public static let maxTextBytes = 100_000

    /// Base64 characters per DCS chunk inside GNU screen, whose DCS strings stop at 768 bytes.
    public static let screenChunk = 76

    /// The bytes to write to the terminal to copy `text`, wrapped for `multiplexer`:
    /// - none: `ESC ] 52 ; c ; B64 BEL`;
    /// - tmux: DCS passthrough `ESC P tmux; <the sequence with each ESC doubled> ESC \` (needs
    ///   tmux's `allow-passthrough`);
    /// - screen: DCS `ESC P … ESC \`, split every 76 base64 characters into DCS strings of their own.
    public static func sequence(_ text: String, for multiplexer: Multiplexer) -> [UInt8] {
        let payload = Array(Data(text.utf8).base64EncodedString().utf8)
        let esc: UInt8 = 0x1B, bell: UInt8 = 0x07
        let opening = Array("]52;c;".utf8)
        let stringTerminator: [UInt8] = [esc, UInt8(ascii: "\\")]
        switch multiplexer {
        case .none:
            return [esc] + opening + payload + [bell]
        case .tmux:
            return [esc] + Array("Ptmux;".utf8) + [esc, esc] + opening + payload + [bell] + stringTerminator
        case .screen:
            var bytes: [UInt8] = [esc, UInt8(ascii: "P"), esc] + opening
            for (index, start) in stride(from: 0, to: payload.count, by: screenChunk).enumerated() {
                if index > 0 { bytes += stringTerminator + [esc, UInt8(ascii: "P")] }
                bytes += payload[start..<min(start + screenChunk, payload.count)]
            }
            return bytes + [bell] + stringTerminator
        }
    }
}

/// The terminal multiplexer between dxtop and the terminal, which OSC 52 must be wrapped for.
public enum Multiplexer: Sendable, Equatable {
    case none, tmux, screen

    /// tmux when `TMUX` is set; GNU screen when `STY` is set or `TERM` starts with `screen`
    /// outside tmux; else none.
    public static func detect(_ environment: [String: String]) -> Multiplexer {
        if environment["TMUX"].map({ !$0.isEmpty }) == true { return .tmux }
        if environment["STY"].map({ !$0.isEmpty }) == true { return .screen }
        if environment["TERM"]?.hasPrefix("screen") == true { return .screen }
        return .none
    }
}

/// How a copy is made: through OSC 52, or by showing the text in a box for the person to select.
public enum CopyDecision: Sendable, Equatable {
    case osc52(bytes: [UInt8])
    case showInBox(ShowReason)

    /// Why the text is shown rather than copied; `words` says it in the box's title.
    public enum ShowReason: Sendable, Equatable {
        /// `TERM` is `dumb` or not set: the terminal cannot be trusted with escape sequences.
        case dumbTerminal
        /// The text is over `OSC52.maxTextBytes`.
        case overCap(bytes: Int)

        public var words: String {
            switch self {
            case .dumbTerminal: "this terminal (TERM=dumb) cannot take a copy; select the text by hand"
            case .overCap(let bytes): "\(bytes) bytes is over the \(OSC52.maxTextBytes)-byte copy limit; select the text by hand"
            }
        }
    }

    /// The way to copy `text` in the terminal `environment` describes.
    public static func decide(_ text: String, environment: [String: String]) -> CopyDecision {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .showInBox(.dumbTerminal) }
        let bytes = text.utf8.count
        if bytes > OSC52.maxTextBytes { return .showInBox(.overCap(bytes: bytes)) }
        return .osc52(bytes: OSC52.sequence(text, for: Multiplexer.detect(environment)))
    }
}
