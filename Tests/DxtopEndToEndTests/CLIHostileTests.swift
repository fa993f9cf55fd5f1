import Foundation
import ICWSSimulator
import Testing

/// Server strings full of escape sequences, C1 controls and bidi overrides never reach the
/// terminal raw: human output is sanitised, JSON output escapes them.
@Suite("dxtop with hostile server data")
struct CLIHostileTests {
    static let hostile = SimulatorConfiguration(jobCount: 40, speed: 0, hostileData: true)

    @Test("list and show print no ESC, C0/C1 controls or bidi controls")
    func humanOutputIsClean() async throws {
        try await SimulatorFixture.with(Self.hostile) { sim in
            let list = try await DxtopBinary.run(["jobs", "list", "--all"], env: sim.environment())
            #expect(list.status == 0, "\(list)")
            #expect(Self.unsafeScalars(in: list.stdoutBytes).isEmpty, "\(Self.unsafeScalars(in: list.stdoutBytes))")
            #expect(list.stdout.contains("夜間抽出ジョブ"), "wide text survives")
            let statuses = await sim.simulator.allJobStatuses()
            #expect(statuses.contains { $0.name.unicodeScalars.contains { $0.value == 0x1B } }, "the data is hostile")
            let interesting = statuses.filter { status in
                !Self.unsafeScalars(in: Data(status.name.utf8)).isEmpty || !Self.unsafeScalars(in: Data((status.errorInfo ?? "").utf8)).isEmpty
            }
            #expect(!interesting.isEmpty)
            for status in interesting.prefix(6) {
                let show = try await DxtopBinary.run(["jobs", "show", status.id], env: sim.environment())
                #expect(show.status == 0, "\(show)")
                #expect(Self.unsafeScalars(in: show.stdoutBytes).isEmpty, "job \(status.id): \(Self.unsafeScalars(in: show.stdoutBytes))")
            }
        }
    }

    @Test("--json escapes controls and bidi characters as \\uXXXX and still round-trips")
    func jsonIsEscaped() async throws {
        try await SimulatorFixture.with(Self.hostile) { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "--all", "--json"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let raw = Self.unsafeScalars(in: result.stdoutBytes).filter { $0 != 0x0A }
            #expect(raw.isEmpty, "\(raw)")
            let array = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]])
            let names = Set(array.compactMap { $0["name"] as? String })
            let expected = Set(await sim.simulator.allJobStatuses().map(\.name))
            #expect(names == expected, "escaping loses nothing")
        }
    }

    @Test("jobs watch lines and notes print no ESC, C0/C1 controls or bidi controls")
    func watchIsClean() async throws {
        try await SimulatorFixture.with(Self.hostile) { sim in
            let name = "Nightly \u{1B}]0;pwned\u{07} \u{202E}txe\u{9B}31m\rOVER"
            let id = await sim.addJob(submittedBy: "admin", name: name)
            let watch = try DxtopBinary.start(["jobs", "watch", id], env: sim.environment())
            try await watch.waitFor(stderr: "watching 1 job")
            await sim.simulator.advance(jobId: id)
            try await watch.waitFor(stdout: "submitted → queued")
            await sim.driveToEnd(jobId: id)
            let result = try await watch.wait(timeout: .seconds(30))
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n").count == 3, "\(result)")
            #expect(result.stdout.contains("Nightly ?]0;pwned? txe?31m OVER"), "\(result.stdout.debugDescription)")
            #expect(Self.unsafeScalars(in: result.stdoutBytes).isEmpty, "\(Self.unsafeScalars(in: result.stdoutBytes))")
            #expect(Self.unsafeScalars(in: result.stderrBytes).isEmpty, "\(Self.unsafeScalars(in: result.stderrBytes))")
        }
    }

    /// Scalars a terminal could act on: C0 (except newline), DEL, C1, bidi embeddings/overrides/isolates/marks.
    static func unsafeScalars(in data: Data) -> [UInt32] {
        String(decoding: data, as: UTF8.self).unicodeScalars.map(\.value).filter { v in
            (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
        }
    }
}
