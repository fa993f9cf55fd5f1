import DashboardKit

/// The mouse, turned on with `mouse: true`: click reporting (xterm mode 1000) in the SGR encoding
/// (mode 1006), never any-motion (1003), so a shift-click still reaches the terminal's own
/// selection in the terminals that keep it (xterm, tmux, GNOME Terminal, iTerm2, kitty...).
/// `CursesScreen` turns the modes on and off (`dx_mouse_reporting`, and off while stopped by Ctrl-Z).
///
/// Why the reports are parsed here rather than by ncurses' `mousemask`/`getmouse`: ncurses picks
/// the mode from the terminal description, and for `tmux-256color` or `screen-256color` (kmous
/// `\E[M`, no XM) it asks for the old X10 encoding (1000 alone), whose coordinates stop at column
/// 223 and whose bytes above 127 come garbled through a UTF-8 `get_wch`. So the modes are set with
/// their own escape sequences, `keyok(KEY_MOUSE, false)` keeps curses from claiming the report's
/// first bytes as a key, and the report's characters, which curses then hands over one by one,
/// are folded into one `Key.mouse` here.
///
/// Folds SGR reports (`ESC [ < button ; col ; row M`, `m` on release) and X10 ones (`ESC [ M` and
/// three bytes) out of the keys read into mouse keys. A report cut between two reads is held
/// until the rest arrives.
struct MouseDecoder {
    private var held: [TerminalInput] = []

    mutating func decode(_ inputs: [TerminalInput]) -> [TerminalInput] {
        let stream = held + inputs
        held = []
        var out: [TerminalInput] = []
        var index = 0
        while index < stream.count {
            guard stream[index] == .key(.escape), index + 2 < stream.count else {
                out.append(stream[index])
                index += 1
                continue
            }
            switch Self.report(stream[(index + 1)...]) {
            case .complete(let length, let event):
                if let event { out.append(.key(.mouse(event))) }
                index += 1 + length
            case .incomplete:
                held = Array(stream[index...])
                return out
            case .notAReport:
                out.append(stream[index])
                index += 1
            }
        }
        return out
    }

    private enum Report {
        /// `length` inputs after the ESC; nil for a report the dashboard has no use for.
        case complete(length: Int, MouseEvent?)
        case incomplete
        case notAReport
    }

    private static func report(_ rest: ArraySlice<TerminalInput>) -> Report {
        let chars = rest.prefix(32).map { input -> Character? in
            if case .key(.char(let c)) = input { c } else { nil }
        }
        guard chars.count >= 2, chars[0] == "[" else { return chars.count < 2 ? .incomplete : .notAReport }
        if chars[1] == "M" { return x10(Array(chars.dropFirst(2))) }
        guard chars[1] == "<" else { return .notAReport }
        var fields: [Int] = [0]
        for (offset, char) in chars.enumerated().dropFirst(2) {
            guard let char else { return .notAReport }
            if let digit = char.wholeNumberValue, char.isASCII {
                fields[fields.count - 1] = min(fields[fields.count - 1] * 10 + digit, 100_000)
            } else if char == ";" {
                fields.append(0)
            } else if char == "M" || char == "m" {
                guard fields.count == 3 else { return .notAReport }
                return .complete(length: offset + 1, event(button: fields[0], col: fields[1] - 1, row: fields[2] - 1, pressed: char == "M"))
            } else {
                return .notAReport
            }
        }
        return chars.count < 32 ? .incomplete : .notAReport
    }

    /// `ESC [ M` and three bytes, each 32 more than its value (columns and rows from 1).
    private static func x10(_ bytes: [Character?]) -> Report {
        guard bytes.count >= 3 else { return .incomplete }
        let values = bytes.prefix(3).compactMap { $0?.unicodeScalars.first.map { Int($0.value) - 32 } }
        guard values.count == 3 else { return .notAReport }
        // Mode 1000's X10 form says "released" (3) without the button.
        return .complete(length: 5, event(button: values[0], col: values[1] - 1, row: values[2] - 1, pressed: values[0] & 3 != 3))
    }

    /// Left press and the wheel; shift, meta and control (4, 8, 16) do not change what it does.
    private static func event(button: Int, col: Int, row: Int, pressed: Bool) -> MouseEvent? {
        guard pressed, col >= 0, row >= 0 else { return nil }
        switch button & ~(4 | 8 | 16) {
        case 0: return MouseEvent(.click, row: row, col: col)
        case 64: return MouseEvent(.wheelUp, row: row, col: col)
        case 65: return MouseEvent(.wheelDown, row: row, col: col)
        default: return nil
        }
    }
}
