import Foundation
import Testing

/// `y` then the id, in the built dashboard: the exact bytes that reach the terminal the operator
/// sits at. `script` stands for that terminal: it runs the program on a pseudo-terminal of its own
/// and writes every byte it gets to a file, which the test reads.
/// - Outside a multiplexer (`TMUX` unset): `ESC ] 52 ; c ; <base64> BEL` reaches the terminal.
/// - Inside tmux: dxtop writes the DCS passthrough form; a real tmux (its client running under
///   `script`) with `allow-passthrough on` hands the terminal the plain sequence, exactly; with it
///   off, nothing reaches the terminal.
/// - Over the 100,000-byte cap: the box to select by hand, and no OSC 52 at all.
@Suite("Copy over OSC 52 in a real terminal", .serialized)
struct CopyOSC52TmuxTests {
    /// `ESC ] 52 ; c ; <base64 of text> BEL`, spelled out here rather than taken from `Clipboard`.
    static func osc52(_ text: String) -> [UInt8] {
        [0x1B] + Array("]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }

    /// Runs `command` under `script` in a tmux pane (which only hosts it), waits for the job list,
    /// presses `keys`, waits for `after`, quits, and returns every byte the terminal got.
    func terminalBytes(_ sim: SimulatorFixture, jobId: String, command: @escaping @Sendable (String) -> String, keys: [String],
                       after: String) async throws -> (bytes: [UInt8], screen: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-osc52-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let typescript = folder.appendingPathComponent("terminal.bytes").path
        let environment = sim.environment(user: "admin").merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { $1 }
        return try await DxtopBinary.offPool {
            let pane = try TmuxPane(width: 160, height: 40, environment: environment)
            try pane.run("script -q -f -c '\(command(folder.path))' \(typescript); echo EX\"\"IT=$?")
            do {
                try pane.waitFor("the job list") { $0.contains(String(jobId.prefix(8))) && $0.contains("STATE") }
                try pane.press(contentsOf: keys)
                let screen = try pane.waitFor(text: after)
                try pane.press("Escape")
                try pane.press("q")
                _ = try pane.waitFor(text: "EXIT=")
                return (Array(try Data(contentsOf: URL(fileURLWithPath: typescript))), screen)
            } catch {
                // `script` keeps its pseudo-terminal (and dxtop) when tmux goes: Ctrl-C quits dxtop from any screen.
                try? pane.press("C-c")
                _ = try? pane.waitFor(text: "EXIT=", timeout: .seconds(10))
                throw error
            }
        }
    }

    static func dxtop(_ arguments: String = "") -> String { "env -u TMUX \(DxtopBinary.url.path) \(arguments)" }

    /// A tmux of its own inside the pane, `allow-passthrough` as given, running dxtop.
    static func innerTmux(_ passthrough: Bool) -> @Sendable (String) -> String {
        { folder in
            let conf = "\(folder)/tmux.conf"
            try? "set -g allow-passthrough \(passthrough ? "on" : "off")\nset -g status off\n".write(toFile: conf, atomically: true, encoding: .utf8)
            return "env -u TMUX tmux -S \(folder)/inner.sock -f \(conf) new-session \(DxtopBinary.url.path)"
        }
    }

    @Test func outsideTmuxThePlainSequenceReachesTheTerminal() async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "osc52 plain")
            let (bytes, screen) = try await terminalBytes(sim, jobId: jobId, command: { _ in Self.dxtop() }, keys: ["y", "1"], after: "through OSC 52")
            #expect(screen.contains("Copied the job id of job \(jobId)"), "\(screen)")
            #expect(bytes.firstRange(of: Self.osc52(jobId)) != nil, "the plain OSC 52 of the id")
            #expect(bytes.firstRange(of: Array("\u{1B}Ptmux;".utf8)) == nil, "not wrapped for tmux")
        }
    }

    @Test(arguments: [true, false])
    func insideTmuxPassthroughHandsTheTerminalThePlainSequence(passthrough: Bool) async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "osc52 tmux")
            let (bytes, _) = try await terminalBytes(sim, jobId: jobId, command: Self.innerTmux(passthrough), keys: ["y", "1"],
                                                     after: "through OSC 52")
            let plain = Self.osc52(jobId)
            if passthrough {
                #expect(bytes.firstRange(of: plain) != nil, "tmux unwrapped the DCS passthrough: the plain sequence reached the terminal")
            } else {
                #expect(bytes.firstRange(of: Array(plain.dropLast())) == nil, "allow-passthrough off: nothing of it reached the terminal")
            }
        }
    }

    @Test func overTheCapTheTextIsShownInABoxAndNothingIsCopied() async throws {
        try await SimulatorFixture.with { sim in
            let name = "osc52 huge " + String(repeating: "x", count: 100_100)
            let jobId = await sim.addJob(submittedBy: "jdoe", name: name)
            let (bytes, screen) = try await terminalBytes(sim, jobId: jobId, command: { _ in Self.dxtop() }, keys: ["y", "6"],
                                                          after: "select by hand")
            #expect(screen.contains("over the 100000-byte copy limit"), "\(screen)")
            #expect(bytes.firstRange(of: Array("\u{1B}]52;".utf8)) == nil, "no OSC 52 written")
        }
    }
}
