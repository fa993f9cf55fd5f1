import ChildProcess
import Foundation

/// Debian's `prometheus` package (`prometheus` and `promtool`) for the tests that use the real
/// thing. Absent binaries skip those tests with `skipNote` on a developer machine; under CI
/// (`CI=true`) the tests run anyway and fail on the missing binary.
public enum PrometheusBinaries {
    /// Run the test: the binaries are here, or CI says they must be.
    public static var shouldRun: Bool { path("promtool") != nil && path("prometheus") != nil || isCI }

    public static let skipNote = "prometheus and promtool are not installed (apt-get install -y prometheus); under CI=true this test fails instead"

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The absolute path of `name` on PATH (or in /usr/bin), nil when absent.
    public static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The path of `name`, or a failure naming the package to install.
    public static func require(_ name: String) throws -> String {
        guard let found = path(name) else { throw MissingBinary(name: name) }
        return found
    }

    /// Runs `promtool arguments` with `input` on stdin; its exit status and both streams.
    public static func promtool(_ arguments: [String], input: Data? = nil, in directory: String? = nil) throws -> (status: Int32, output: String) {
        var command = [try require("promtool")] + arguments
        if let directory { command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + command }
        let child = try ChildProcess(executable: command[0], arguments: Array(command.dropFirst()),
                                     stdin: input == nil ? .null : .pipe, stdout: .pipe, stderr: .pipe)
        let collected = Collected(child)
        if let input {
            try child.standardInput?.write(contentsOf: input)
            try child.standardInput?.close()
        }
        let termination = child.wait(timeout: .seconds(30))
        child.send(SIGKILL)
        return (termination?.status ?? -1, collected.text())
    }
}

/// Reads a child's stdout and stderr on threads of their own, so neither pipe fills up.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let readers = DispatchGroup()

    init(_ child: ChildProcess) {
        for handle in [child.standardOutput, child.standardError].compactMap({ $0 }) {
            readers.enter()
            Thread { [self] in
                let bytes = handle.readDataToEndOfFile()
                lock.withLock { data.append(bytes) }
                readers.leave()
            }.start()
        }
    }

    func text() -> String {
        _ = readers.wait(timeout: .now() + 10)
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}

public struct MissingBinary: Error, CustomStringConvertible {
    let name: String
    public var description: String { "\(name) is not installed: apt-get install -y prometheus (CI installs it)" }
}
