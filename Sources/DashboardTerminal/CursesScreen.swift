import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Why the dashboard could not take over the terminal.
struct TerminalSetupError: Error, CustomStringConvertible {
    let description: String
}

/// The curses session on the controlling terminal: set up once, torn down on every way out.
final class CursesScreen {
    /// The locale is UTF-8, so box-drawing glyphs and non-ASCII text can be shown.
    let unicode: Bool
    /// Colour pairs were set up (a colour terminal and colour not turned off).
    let colors: Bool

    private var screen: OpaquePointer?
    /// Mouse reporting was turned on (`MouseReports`), so it is turned off at the end.
    private let mouse: Bool

    init(noColor: Bool, mouse: Bool = false) throws {
        self.mouse = mouse
        setlocale(LC_ALL, "")
        unicode = dx_is_utf8_locale() != 0

        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw TerminalSetupError(description: "the dashboard needs a terminal; use `dxtop jobs ...` in scripts")
        }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalSetupError(description: "TERM is not set; set it to your terminal type (e.g. xterm-256color)")
        }
        var setupError: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &setupError) == OK else {
            throw TerminalSetupError(description: "unknown terminal type '\(term)'; set TERM to one this machine knows (e.g. xterm-256color)")
        }
        guard dx_can_address_cursor() != 0 else {
            throw TerminalSetupError(description: "terminal type '\(term)' cannot move the cursor; the dashboard needs one that can")
        }
        guard let screen = dx_newterm(term) else {
            throw TerminalSetupError(description: "cannot start curses on terminal type '\(term)'")
        }
        self.screen = screen
        _ = set_term(screen)

        cbreak()
        Self.turnOffFlowControl()
        noecho()
        nonl()
        _ = keypad(dx_stdscr(), true)
        _ = nodelay(dx_stdscr(), true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        _ = leaveok(dx_stdscr(), true)

        if !noColor, has_colors() {
            start_color()
            // -1 is "the terminal's own background"; without use_default_colors, black is the closest.
            let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
            for (index, color) in Self.palette.enumerated() {
                _ = init_pair(Int16(index + 1), color, background)
            }
            colors = true
        } else {
            colors = false
        }
        if mouse {
            // Straight to the terminal: curses has nothing buffered before the first frame (nor after `endwin`).
            _ = keyok(KEY_MOUSE, false)
            dx_mouse_reporting(1)
            dx_mouse_suspend_guard(1)
        }
    }

    /// Curses colour numbers in the order of `CursesSurface.pair(for:)`.
    static let palette: [Int16] = [
        Int16(COLOR_RED), Int16(COLOR_GREEN), Int16(COLOR_YELLOW), Int16(COLOR_BLUE),
        Int16(COLOR_MAGENTA), Int16(COLOR_CYAN), Int16(COLOR_WHITE),
    ]

    /// With flow control on, a stray Ctrl-S stops all output until Ctrl-Q and the dashboard seems
    /// frozen. Clearing IXON (not `raw()`, which would also turn Ctrl-Z into a plain key) and
    /// saving that as curses' program mode keeps it off after a suspend; `endwin` gives the shell
    /// its own settings back.
    private static func turnOffFlowControl() {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        settings.c_iflag &= ~tcflag_t(IXON | IXOFF)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        _ = def_prog_mode()
    }

    var size: (width: Int, height: Int) { (Int(dx_cols()), Int(dx_lines())) }

    /// Makes the next refresh redraw every cell (Ctrl-L, after something else wrote on the terminal).
    func repaintAll() {
        _ = clearok(dx_stdscr(), true)
    }

    /// Restores the terminal. Safe to call more than once.
    func end() {
        guard let screen else { return }
        _ = curs_set(1)
        if mouse { dx_mouse_suspend_guard(0) }
        endwin()
        if mouse { dx_mouse_reporting(0) }
        delscreen(screen)
        self.screen = nil
    }
}
