import ChildProcess
import Clipboard
import Foundation

/// `dxtop doctor`'s local step: whether a copy (OSC 52, docs/cli.md "Copy over SSH") can reach
/// the terminal from here. Inside tmux it asks tmux (`show-options`) for `allow-passthrough`,
/// which lets dxtop's passthrough form out, and `set-clipboard`, and names the setting to change.
/// Never fails the doctor: it is about this machine, not the server.
struct DoctorClipboardStep {
    let environment: [String: String]
    /// Runs `tmux ARGS` and gives its output, nil when tmux cannot be run or fails.
    var tmux: ([String]) -> String? = DoctorClipboardStep.runTmux

    func run() {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            DoctorLine.warn(step, "TERM=\(term.isEmpty ? "(not set)" : term): copies are shown in a box to select by hand")
            return
        }
        switch Multiplexer.detect(environment) {
        case .none:
            DoctorLine.ok(step, "OSC 52 goes straight to the terminal (it must allow clipboard writes; most do)")
        case .screen:
            DoctorLine.ok(step, "GNU screen: OSC 52 is passed through screen's DCS form")
        case .tmux:
            checkTmux()
        }
    }

    private let step = "clipboard"

    private func checkTmux() {
        let pane = environment["TMUX_PANE"].map { ["-t", $0] } ?? []
        guard let passthrough = tmux(["show-options", "-Apv"] + pane + ["allow-passthrough"]) ?? tmux(["show-options", "-gv", "allow-passthrough"]) else {
            DoctorLine.warn(step, "inside tmux, but 'tmux show-options' did not answer; copies need allow-passthrough on (tmux 3.3 or later)")
            DoctorLine.next("tmux set -g allow-passthrough on (and the same line in ~/.tmux.conf)")
            return
        }
        let clipboard = tmux(["show-options", "-gv", "set-clipboard"]) ?? "unknown"
        if ["on", "all"].contains(passthrough) {
            DoctorLine.ok(step, "tmux: allow-passthrough \(passthrough) lets OSC 52 through to the terminal (set-clipboard \(clipboard))")
        } else {
            DoctorLine.warn(step, "tmux: allow-passthrough \(passthrough.isEmpty ? "off" : passthrough) keeps OSC 52 from the terminal: copies will not arrive (set-clipboard \(clipboard))")
            DoctorLine.next("tmux set -g allow-passthrough on (and the same line in ~/.tmux.conf)")
        }
    }

    private static func runTmux(_ arguments: [String]) -> String? {
        guard let process = try? ChildProcess(executable: "/usr/bin/env", arguments: ["tmux"] + arguments,
                                              stdin: .null, stdout: .pipe, stderr: .null) else { return nil }
        let output = PipeDrain(process.standardOutput)
        guard let ending = process.wait(timeout: .seconds(5)) else {
            process.send(SIGKILL, toGroup: true)
            return nil
        }
        guard ending == .exited(0) else { return nil }
        let text = String(decoding: output.finish(within: 2), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text  // printed through DoctorLine, which makes it one safe line
    }
}
