import Foundation
import Testing

/// `dxtop doctor`'s clipboard step inside a real tmux server: it reads `allow-passthrough` from
/// tmux and names the setting to change.
@Suite("dxtop doctor: clipboard inside tmux", .serialized)
struct DoctorClipboardTmuxTests {
    @Test("allow-passthrough off: a warning with the setting to change; on: ok")
    func passthrough() throws {
        // No server: doctor stops after its local step (status 2), which is all this test reads.
        let config = try ConfigFixture("")
        let pane = try TmuxPane(width: 200, height: 30, environment: config.environment)
        try pane.setGlobalOption("allow-passthrough", "off")
        try pane.run("\(DxtopBinary.url.path) doctor; echo \"EX\"\"IT=$?\"")  // the typed line does not hold EXIT=
        let off = try pane.waitFor(text: "EXIT=")
        #expect(off.contains("warn  clipboard        tmux: allow-passthrough off keeps OSC 52 from the terminal"), "\(off)")
        #expect(off.contains("next: tmux set -g allow-passthrough on"), "\(off)")
        #expect(off.contains("dxtop: no server given") && off.contains("EXIT=2"), "\(off)")

        try pane.run("clear")
        try pane.setGlobalOption("allow-passthrough", "on")
        try pane.run("\(DxtopBinary.url.path) doctor; echo \"DO\"\"NE=$?\"")
        let on = try pane.waitFor(text: "DONE=")
        #expect(on.contains("ok    clipboard        tmux: allow-passthrough on lets OSC 52 through to the terminal"), "\(on)")
        #expect(!on.contains("next: tmux set"), "\(on)")
    }
}
