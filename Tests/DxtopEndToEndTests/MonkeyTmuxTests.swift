import Foundation
import ICWSSimulator
import Testing

/// The monkey test's short variant in a real terminal: a few thousand random keys (Ctrl-S and
/// Ctrl-Q among them) and resizes down to 10×3 sent by tmux to `dxtop --demo`, then `q`: the
/// program ends with 0, the alternate screen is left, and the terminal is back in its cooked
/// state (echo, line editing, flow control). Ctrl-C and Ctrl-Z are left out (they quit or suspend
/// by design), and so is `q` until the end. Seeded: `DXTOP_MONKEY_SEED=<seed>` reruns a failure.
@Suite("dxtop monkey in tmux")
struct MonkeyTmuxTests {
    static let keys = ["j", "k", "g", "G", "?", "/", "r", "s", "c", "y", "n", "R", "x", "1", "-", ".",
                       "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Tab", "BTab",
                       "Enter", "Escape", "BSpace", "DC", "Space", "C-s", "C-q", "C-l", "C-a", "C-e", "C-u", "C-w"]

    @Test func randomKeysInARealTerminalThenQ() async throws {
        let seed = ProcessInfo.processInfo.environment["DXTOP_MONKEY_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        try await DxtopBinary.offPool {
            var random = SeededRandom(seed: seed)
            let pane = try TmuxPane(width: 120, height: 40, environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
            // Markers are split in the command line, so only the output matches them.
            try pane.run("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon -e ixon | tr '\\n' +; echo BE''FORE")
            let before = try pane.waitFor(text: "+BEFORE", timeout: .seconds(30))
            try pane.run("\(DxtopBinary.url.path) --demo; echo EXIT=$?")
            try pane.waitFor("the demo's job list", timeout: .seconds(60)) { $0.contains("STATE") }
            for chunk in 0..<30 {
                try pane.press(contentsOf: (0..<100).map { _ in Self.keys[random.next(below: Self.keys.count)] })
                if chunk % 3 == 0 {
                    let tiny = random.next(below: 3) == 0
                    try pane.resize(width: tiny ? 10 : 30 + random.next(below: 150), height: tiny ? 3 : 8 + random.next(below: 50))
                }
            }
            try pane.resize(width: 120, height: 40)
            // tmux gives the terminal its new size a moment after `resize`. Quitting before that
            // (q works on the too-small screen too) left the shell printing `EXIT=0` and its prompt
            // at the old width, 10 columns, and the late SIGWINCH made readline redraw its prompt,
            // wrapped over two rows at 10 columns, from one row higher: it erased the EXIT line, so
            // the test saw no exit, sent `q` again and again to the shell, and failed (issue 15).
            try pane.waitForTerminalSize(width: 120, height: 40)
            // A last Ctrl-S with no Ctrl-Q after it: with flow control on, the terminal would stay stopped.
            try pane.press("C-s")
            // Enough Escapes to close any stack of screens (help over the composer's third step while
            // typing is five), then q; another round only if the shell is not back 30 s later.
            var ended = false
            for _ in 0..<5 where !ended {
                try pane.press(contentsOf: Array(repeating: "Escape", count: 8) + ["q"])
                ended = (try? pane.waitFor("the shell again", timeout: .seconds(30)) { Self.exitLine($0) != nil }) != nil
            }
            let screen = try pane.screen()
            #expect(Self.exitLine(screen) == "EXIT=0", "seed \(seed):\n\(screen)")
            #expect(try !pane.alternateScreenOn(), "seed \(seed): the alternate screen is still on")
            try pane.run("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon -e ixon | tr '\\n' +; echo AF''TER")
            let after = try pane.waitFor(text: "+AFTER", timeout: .seconds(30))
            let settings = { (text: String) in
                text.split(separator: "\n").first { $0.hasSuffix("+BEFORE") || $0.hasSuffix("+AFTER") }.map { $0.split(separator: "+").dropLast().joined(separator: "+") }
            }
            #expect(settings(after) != nil && settings(after) == settings(before), "seed \(seed): terminal settings \(String(describing: settings(after))) after, \(String(describing: settings(before))) before")
        }
    }
}

extension MonkeyTmuxTests {
    /// The shell's `EXIT=<status>` line, once dxtop has ended.
    static func exitLine(_ screen: String) -> String? {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("EXIT=") && !$0.contains("$") }
    }
}

