import CNcursesw
import DashboardKit

/// What one read from curses produced.
enum TerminalInput: Equatable {
    case key(Key)
    case resize
    /// A key the dashboard has no use for.
    case ignored
}

/// Turns curses key codes into dashboard keys.
enum KeyReader {
    /// Reads every key waiting on the terminal without blocking.
    static func readAvailable() -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        var code: wint_t = 0
        while true {
            let status = dx_get_wch(&code)
            if status == KEY_CODE_YES {
                inputs.append(functionKey(Int32(code)))
            } else if status == OK {
                inputs.append(character(UInt32(code)))
            } else {
                return inputs
            }
        }
    }

    static func functionKey(_ code: Int32) -> TerminalInput {
        switch code {
        case KEY_RESIZE: .resize
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_BTAB: .key(.backTab)
        case KEY_ENTER: .key(.enter)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_DC: .key(.delete)
        default: .ignored
        }
    }

    static func character(_ value: UInt32) -> TerminalInput {
        switch value {
        case 3: .key(.ctrlC)
        case 8, 127: .key(.backspace)
        case 9: .key(.tab)
        case 10, 13: .key(.enter)
        case 12: .key(.ctrlL)
        case 27: .key(.escape)
        case 0..<32: .ignored
        default:
            if let scalar = Unicode.Scalar(value) { .key(.char(Character(scalar))) } else { .ignored }
        }
    }
}
