import Foundation
import Testing

/// `mouse: true` in the real binary on a real terminal (tmux): the modes it asks the terminal for
/// (click reporting 1000 in the SGR encoding 1006, never any-motion 1003), a click written into
/// the pane as the terminal would send it selecting a row, and the modes turned off on the way out.
@Suite("Dashboard mouse in tmux", .serialized)
struct MouseTmuxTests {
    /// Runs `body` (off the cooperative pool) on the dashboard, with the config `yaml`, showing a job
    /// list with jobs of these `names` (the last is the newest).
    private func withDashboard(_ yaml: String, jobs names: [String], _ body: @escaping @Sendable (TmuxPane) throws -> Void) async throws {
        try await SimulatorFixture.with { sim in
            var newest = ""
            for name in names { newest = await sim.addJob(submittedBy: "jdoe", name: name) }
            let config = try ConfigFixture(yaml)
            let environment = sim.environment(user: "admin").merging(config.environment) { $1 }
                .merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { $1 }
            try await DxtopBinary.offPool { [newest] in
                let pane = try TmuxPane(width: 160, height: 45, environment: environment)
                try pane.run("\(DxtopBinary.url.path); echo EXIT=$?")
                try pane.waitFor("the job list") { $0.contains(String(newest.prefix(8))) && $0.contains("STATE") }
                try body(pane)
            }
        }
    }

    private static func modes(_ pane: TmuxPane) throws -> String {
        try pane.format("#{mouse_standard_flag}#{mouse_sgr_flag}#{mouse_all_flag}#{mouse_button_flag}")
    }

    @Test func mouseTrueReportsClicksAndAClickSelectsARow() async throws {
        try await withDashboard("mouse: true\n", jobs: ["click older job", "click newer job"]) { pane in
            let modes = try Self.modes(pane)
            #expect(modes == "1100", "1000 and 1006 on, 1003 and 1002 off: \(modes)")
            let screen = try pane.screen()
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let row = try #require(lines.firstIndex { $0.contains("click older job") }, "\(screen)")
            #expect(!lines[row].hasPrefix("▶"))
            // What a terminal sends for a left press at (column 30, row+1), both from 1.
            try pane.type("\u{1B}[<0;30;\(row + 1)M\u{1B}[<0;30;\(row + 1)m")
            try pane.waitFor("the clicked row selected") { screen in
                screen.split(separator: "\n", omittingEmptySubsequences: false)[row].hasPrefix("▶")
            }
            try pane.press("q")
            try pane.waitFor(text: "EXIT=0")
            #expect(try Self.modes(pane) == "0000", "mouse reporting left on after quitting")
        }
    }

    @Test func noClicksReachTheShellWhileSuspended() async throws {
        try await withDashboard("mouse: true\n", jobs: ["suspend mouse job"]) { pane in
            try pane.press("C-z")
            try pane.waitFor(text: "Stopped")
            #expect(try Self.modes(pane) == "0000", "click reporting left on for the shell")
            try pane.run("fg")
            try pane.waitFor("the dashboard back") { $0.contains("STATE") && $0.contains("suspend mouse job") }
            try pane.waitFor("click reporting back on") { _ in (try? Self.modes(pane)) == "1100" }
            // Twice: the guard stays in front of ncurses' handler after the first round.
            try pane.press("C-z")
            try pane.waitFor("stopped again") { $0.components(separatedBy: "Stopped").count > 2 }
            #expect(try Self.modes(pane) == "0000")
            try pane.run("fg")
            try pane.waitFor("click reporting back on") { _ in (try? Self.modes(pane)) == "1100" }
            try pane.press("q")
            try pane.waitFor("the shell back") { !$0.contains("STATE") }
            #expect(try Self.modes(pane) == "0000")
        }
    }

    @Test func theMouseIsOffByDefault() async throws {
        try await withDashboard("theme: light\n", jobs: ["no mouse job"]) { pane in
            #expect(try Self.modes(pane) == "0000", "mouse reporting on without mouse: true")
            try pane.press("q")
            try pane.waitFor(text: "EXIT=0")
        }
    }
}
