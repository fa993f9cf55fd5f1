import ChildProcess
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished `dxtop` run left behind.
struct DxtopResult: Sendable, CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String
    /// Raw bytes of both streams, for checks on escape sequences.
    let stdoutBytes: Data
    let stderrBytes: Data

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Why a run could not be completed.
struct DxtopRunFailure: Error, CustomStringConvertible {
    let description: String
}

/// The built `dxtop` executable (`swift test` builds it next to the test bundle).
///
/// Runs it with pipes for stdin, stdout and stderr (so it never sees a terminal), a clean
/// environment (no `ICWS_*` from the developer's shell) plus what the test passes. Secrets go
/// through the environment or stdin, never argv.
enum DxtopBinary {
    /// The executable: `$DXTOP_BINARY`, else `dxtop` beside the test bundle / test runner.
    static let url: URL = {
        if let explicit = ProcessInfo.processInfo.environment["DXTOP_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        var directories = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                           Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("dxtop")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: ".build/debug/dxtop")
    }()

    /// Runs `dxtop args` to completion off the cooperative pool (the in-process simulator needs it).
    static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil,
                    timeout: Duration = .seconds(60)) async throws -> DxtopResult {
        try await offPool { try runBlocking(args, env: env, stdin: stdin, timeout: timeout) }
    }

    /// Same, blocking the calling thread (for synchronous callers such as tmux tests). At most
    /// `runningAtOnce` of these run together: a hundred debug binaries starting at once on two
    /// cores stalled the whole test process for seconds, past the conformance matrix's bounds.
    static func runBlocking(_ args: [String], env: [String: String] = [:], stdin: String? = nil,
                            timeout: Duration = .seconds(60)) throws -> DxtopResult {
        running.wait()
        defer { running.signal() }
        let process = try start(args, env: env, stdin: stdin)
        return try process.waitBlocking(timeout: timeout)
    }

    static let runningAtOnce = 4
    private static let running = DispatchSemaphore(value: runningAtOnce)

    /// Starts `dxtop args` and returns at once; stdin is closed after `stdin` is written.
    static func start(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> RunningDxtop {
        try RunningDxtop(executable: url, args: args, environment: environment(adding: env), stdin: stdin)
    }

    /// The child's environment: ours without `ICWS_*`, `NO_COLOR`, `DXTOP_*` and proxy variables, with
    /// a config folder that does not exist (not the developer's config file), plus `extra`.
    static func environment(adding extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("ICWS_") && !key.hasPrefix("DXTOP_") && key != "NO_COLOR" && !key.lowercased().hasSuffix("_proxy")
        }
        env["XDG_CONFIG_HOME"] = "/nonexistent/dxtop-tests-config"
        // A history cache of its own per run, so no run reads another's; a test of the cache gives one.
        env["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-tests-cache-\(UUID().uuidString)").path
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs blocking work on a thread of its own, so it holds no cooperative-pool thread (the
    /// in-process simulator needs those).
    @discardableResult
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// A `dxtop` process that is still running: wait for output, send signals, collect the result.
final class RunningDxtop: @unchecked Sendable {
    let process: ChildProcess
    let args: [String]
    let stdout: OutputCollector
    let stderr: OutputCollector

    init(executable: URL, args: [String], environment: [String: String], stdin: String?) throws {
        self.args = args
        do {
            process = try ChildProcess(executable: executable.path, arguments: args, environment: environment,
                                       stdin: .pipe, stdout: .pipe, stderr: .pipe)
        } catch {
            throw DxtopRunFailure(description: "cannot run \(executable.path): \(error) (build it with `swift build`)")
        }
        stdout = OutputCollector(reading: process.standardOutput!)
        stderr = OutputCollector(reading: process.standardError!)
        if let stdin { try? process.standardInput?.write(contentsOf: Data(stdin.utf8)) }
        try? process.standardInput?.close()
    }

    deinit {
        process.send(SIGKILL)
    }

    /// Sends a signal (SIGINT for Ctrl-C, SIGTERM, ...).
    func send(_ signal: Int32) {
        process.send(signal)
    }

    /// Waits until stdout (or stderr) contains `text`; throws with everything seen so far on timeout.
    func waitFor(stdout text: String, timeout: Duration = .seconds(20)) async throws {
        try await waitFor(text, in: stdout, name: "stdout", timeout: timeout)
    }

    func waitFor(stderr text: String, timeout: Duration = .seconds(20)) async throws {
        try await waitFor(text, in: stderr, name: "stderr", timeout: timeout)
    }

    private func waitFor(_ text: String, in collector: OutputCollector, name: String, timeout: Duration) async throws {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        let found = try await DxtopBinary.offPool { collector.wait(until: deadline) { $0.contains(text) } }
        guard found else {
            throw DxtopRunFailure(description: "no '\(text)' on \(name) within \(timeout)\n--- stdout\n\(stdout.text)\n--- stderr\n\(stderr.text)")
        }
    }

    /// Waits for the exit and the end of both streams; kills the process and throws on timeout.
    func wait(timeout: Duration = .seconds(60)) async throws -> DxtopResult {
        try await DxtopBinary.offPool { try self.waitBlocking(timeout: timeout) }
    }

    func waitBlocking(timeout: Duration) throws -> DxtopResult {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        guard let ending = process.wait(timeout: timeout),
              stdout.waitForEnd(until: deadline), stderr.waitForEnd(until: deadline) else {
            process.send(SIGKILL)
            throw DxtopRunFailure(description: "dxtop \(args) did not finish within \(timeout)\n--- stdout\n\(stdout.text)\n--- stderr\n\(stderr.text)")
        }
        return DxtopResult(status: ending.status, stdout: stdout.text, stderr: stderr.text,
                           stdoutBytes: stdout.bytes, stderrBytes: stderr.bytes)
    }
}

extension Duration {
    /// Whole and fractional seconds as a TimeInterval.
    var seconds: TimeInterval {
        let (whole, attoseconds) = components
        return TimeInterval(whole) + TimeInterval(attoseconds) / 1e18
    }
}
