import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// The built dashboard in a real terminal (tmux) against an in-process simulator with a frozen job
/// clock: what only a real terminal shows — terminal types, locale, colours, signals, suspend,
/// resizing the terminal, hang-up, flow control. Flows that need no terminal (cancel, another
/// client's cancel, paging, filter, sort, re-login, reconnect) are pilot tests (`PilotTests`).
@Suite("Dashboard in tmux", .serialized)
struct DashboardTmuxTests {
    /// Opens a shell in tmux, starts `dxtop` in it against the simulator, and waits for the job list.
    /// `prefix` goes before the command (e.g. `TERM=vt100`).
    func openDashboard(_ sim: SimulatorFixture, width: Int = 160, height: Int = 45,
                               locale: String = "C.UTF-8", prefix: String = "", arguments: String = "",
                               waitFor jobId: String) async throws -> TmuxPane {
        let environment = sim.environment(user: "admin").merging(["LANG": locale, "LC_ALL": locale]) { $1 }
        return try await DxtopBinary.offPool {
            let pane = try TmuxPane(width: width, height: height, environment: environment)
            try pane.run("\(prefix) \(DxtopBinary.url.path) \(arguments); echo EXIT=$?")
            try pane.waitFor("the job list with \(jobId)") { $0.contains(Self.shownId(jobId)) && $0.contains("STATE") }
            return pane
        }
    }

    /// The list row that shows `jobId` (empty when it is not on screen).
    private static func listRow(_ jobId: String, _ screen: String) -> String {
        screen.split(separator: "\n")
            .map { String($0.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
            .first { $0.contains(" \(shownId(jobId))") && !$0.contains("STATE") } ?? ""
    }

    /// What the list shows of a GUID job id for sure: its first 8 characters (the column may cut
    /// the rest; among a test's few random GUIDs the prefix is unique).
    private static func shownId(_ jobId: String) -> String { String(jobId.prefix(8)) }

    @Test func listAndDetailAreVisible() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "tmux detail job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            let screen = try await DxtopBinary.offPool {
                try pane.waitFor("the detail pane with its configuration") {
                    $0.contains("Timeline") && $0.contains("Configuration") && $0.contains("UserWorkgroups")
                }
            }
            #expect(screen.contains("tmux detail job"))
            #expect(screen.contains("UserWorkgroups"))
            #expect(screen.contains("jobs "))
            try await DxtopBinary.offPool { try pane.press("q"); try pane.waitFor(text: "EXIT=0") }
        }
    }

    /// Issue 10, item 6: with terminal flow control on, Ctrl-S stopped every write until Ctrl-Q.
    @Test func controlSDoesNotFreezeTheScreen() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "flow control job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.press("C-s")
                try pane.press("?")
                try pane.waitFor(text: "show this help (every key)")
                try pane.press("q")
                try pane.waitFor("the help closed") { !$0.contains("show this help (every key)") }
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test func resizeRelaysTheScreenOut() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "resize job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                let wide = try pane.waitFor(text: "Timeline")
                // Side by side: the detail pane's divider runs beside the list.
                #expect(wide.split(separator: "\n").contains { $0.contains(" \(jobId.prefix(8)) ") && $0.contains("│") })
                try pane.resize(width: 80, height: 24)
                // Stacked: the list row has the whole width (no divider beside it), the detail below.
                try pane.waitFor("the stacked layout") { screen in
                    let lines = screen.split(separator: "\n")
                    let row = lines.firstIndex { $0.contains(" \(jobId.prefix(8)) ") && $0.contains("resize job") }
                    let detail = lines.firstIndex { $0.contains("Timeline") || $0.contains("Status") }
                    guard let row, let detail else { return false }
                    return !lines[row].contains("│") && detail > row
                }
                try pane.resize(width: 40, height: 10)
                try pane.waitFor(text: "Terminal too small")
                try pane.resize(width: 160, height: 45)
                try pane.waitFor(text: "Timeline")
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test func quitLeavesAUsableShell() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "quit job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
                // Echo and line editing are back: typed text shows and the shell runs it.
                try pane.run("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' +; echo")
                try pane.waitFor(text: "icanon+echo+")
                try pane.run("echo ready-$((40+2))")
                try pane.waitFor(text: "ready-42")
            }
        }
    }

    @Test func controlCQuitsCleanly() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "ctrl-c job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.press("C-c")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "sigterm job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                let dxtop = try #require(ProcessTable.children(of: try pane.shellPID(), named: "dxtop").first)
                kill(dxtop, SIGTERM)
                try pane.waitFor(text: "EXIT=143")
                try pane.run("echo still-$((6*7))")
                try pane.waitFor(text: "still-42")
            }
        }
    }

    @Test func controlZSuspendsAndResumes() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "suspend job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.press("C-z")
                try pane.waitFor(text: "Stopped")
                try pane.run("echo suspended-ok")
                try pane.waitFor(text: "suspended-ok\n")
                try pane.run("fg")
                try pane.waitFor("the dashboard back") { !Self.listRow(jobId, $0).isEmpty && $0.contains("STATE") }
                try pane.press("q")
                // `fg` returns the resumed dashboard's exit status.
                try pane.waitFor("the shell back") { !$0.contains("STATE") }
                try pane.run("echo FG=$?")
                try pane.waitFor(text: "FG=0")
            }
        }
    }

    @Test func exitsWhenTheTerminalGoesAway() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "hangup job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                let dxtop = try #require(ProcessTable.children(of: try pane.shellPID(), named: "dxtop").first)
                try pane.killServer()
                #expect(ProcessTable.waitForExit(dxtop, timeout: .seconds(30)), "dxtop \(dxtop) still running after its terminal went away")
            }
        }
    }

    @Test func demoOpensOnTheEmbeddedSimulator() async throws {
        try await DxtopBinary.offPool {
            let pane = try TmuxPane(width: 160, height: 45, environment: ["LANG": "C.UTF-8"])
            try pane.run("\(DxtopBinary.url.path) --demo; echo EXIT=$?")
            // The series history (docs/simulator.md): the insight views have series to show.
            try pane.waitFor("the demo job list, of the series history") {
                $0.contains("STATE") && $0.contains("connected") && $0.contains("Timeline") && $0.contains("Interaction detail nightly")
            }
            try pane.press("q")
            try pane.waitFor(text: "EXIT=0")
        }
    }

    @Test func hostileJobNamesCannotDriveTheTerminal() async throws {
        var configuration = SimulatorConfiguration(speed: 0)
        configuration.hostileData = true
        try await SimulatorFixture.with(configuration) { sim in
            let newest = try #require(await sim.simulator.allJobStatuses().first?.id)
            let pane = try await openDashboard(sim, waitFor: newest)
            try await DxtopBinary.offPool {
                let before = try pane.title()
                let screen = try pane.waitFor(text: "Timeline")
                // OSC 0 ("pwned") in a job name would retitle the window; CSI 2J would blank the screen.
                #expect(!(try pane.title()).contains("pwned"), "title changed from '\(before)'")
                #expect(screen.contains("STATE"))
                // Curses alone would show ESC as "^["; the dashboard's own sanitising shows "?" instead,
                // and drops the bidi overrides.
                #expect(screen.contains("?[2J"), "sanitised escape sequence not on screen")
                #expect(!screen.contains("^["), "an ESC reached curses:\n\(screen)")
                #expect(!screen.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
                for _ in 0..<15 { try pane.press("j") }
                #expect(!(try pane.title()).contains("pwned"))
                #expect(try pane.screen().contains("STATE"))
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test func wrongPasswordLeavesWithTheServersMessage() async throws {
        try await SimulatorFixture.with { sim in
            let secret = "not-the-password-\(UUID().uuidString.prefix(6))"
            let environment = sim.environment(user: "admin", password: secret)
            try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 120, height: 20, environment: environment)
                try pane.run("\(DxtopBinary.url.path); echo EXIT=$?")
                let screen = try pane.waitFor("the exit status") { $0.contains("\nEXIT=") }
                #expect(screen.contains("The authentication process failed."))
                #expect(screen.contains("EXIT=3"))
                #expect(!screen.contains(secret))
            }
        }
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "vt100"])
    func commonTerminalTypesWork(term: String) async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "term \(term)")
            let pane = try await openDashboard(sim, prefix: "TERM=\(term)", waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.waitFor(text: "Timeline")
                try pane.press("j")
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test func asciiLinesWithoutAUTF8Locale() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "ascii job")
            let pane = try await openDashboard(sim, locale: "C", waitFor: jobId)
            try await DxtopBinary.offPool {
                let screen = try pane.waitFor(text: "Timeline")
                let nonASCII = screen.unicodeScalars.filter { !$0.isASCII }
                #expect(nonASCII.isEmpty, "non-ASCII on a C-locale screen:\n\(screen)")
                #expect(Self.listRow(jobId, screen).contains("ascii job"))
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test(arguments: [("NO_COLOR=1", ""), ("", "--no-color")])
    func colourCanBeTurnedOff(prefix: String, argument: String) async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "no colour job")
            let pane = try await openDashboard(sim, prefix: prefix, arguments: argument, waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.waitFor(text: "Timeline")
                let attributes = try pane.screenWithAttributes()
                // SGR foreground colours are 30–37, 90–97 or 38;…; bold and reverse stay allowed.
                let colour = try Regex(#"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]*)m"#)
                #expect(attributes.firstMatch(of: colour) == nil, "colour escape on a no-colour screen")
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test func colourIsUsedByDefault() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "colour job")
            let pane = try await openDashboard(sim, waitFor: jobId)
            try await DxtopBinary.offPool {
                try pane.waitFor(text: "Timeline")
                let colour = try Regex(#"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]*)m"#)
                let attributes = try pane.screenWithAttributes()
                #expect(attributes.firstMatch(of: colour) != nil, "no colour escape in:\n\(attributes.debugDescription.prefix(600))")
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
        }
    }

    @Test func unknownTerminalTypeGetsAClearError() async throws {
        try await SimulatorFixture.with { sim in
            let environment = sim.environment(user: "admin")
            try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 120, height: 20, environment: environment)
                try pane.run("TERM=no-such-terminal \(DxtopBinary.url.path); echo EXIT=$?")
                let screen = try pane.waitFor("the exit status") { $0.contains("\nEXIT=") }
                #expect(screen.contains("unknown terminal type 'no-such-terminal'"))
                #expect(screen.contains("EXIT=2"))
            }
        }
    }
}
