import ChildProcess
import Foundation
import Testing

/// The posix_spawn child that replaced Foundation's `Process` (whose `run()` crashed the test
/// process when many descriptors were open): what the child gets, how its end is reported.
@Suite("ChildProcess")
struct ChildProcessTests {
    @Test func exitStatusSignalAndOutputAreReported() throws {
        let echo = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "printf out; printf err >&2; exit 3"],
                                    stdin: .null, stdout: .pipe, stderr: .pipe)
        #expect(String(decoding: try echo.standardOutput!.readToEnd() ?? Data(), as: UTF8.self) == "out")
        #expect(String(decoding: try echo.standardError!.readToEnd() ?? Data(), as: UTF8.self) == "err")
        #expect(echo.wait() == .exited(3))
        let sleeper = try ChildProcess(executable: "/bin/sleep", arguments: ["600"], stdin: .null)
        #expect(sleeper.isRunning)
        #expect(sleeper.wait(timeout: .milliseconds(1)) == nil)
        sleeper.send(SIGTERM)
        #expect(sleeper.wait() == .signaled(SIGTERM))
        #expect(sleeper.wait()?.status == 128 + SIGTERM, "a second wait returns at once")
    }

    @Test func theChildGetsOnlyItsStandardStreamsItsEnvironmentAndAGroupOfItsOwn() throws {
        var leaked: [Int32] = [-1, -1]
        #expect(pipe(&leaked) == 0, "a descriptor of ours without close-on-exec")
        defer { close(leaked[0]); close(leaked[1]) }
        let script = "ls /proc/self/fd | sort -n | tr '\\n' ' '; echo; echo \"$ONLY\"; ps -o pgid= -p $$; echo $$; trap"
        let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", script], environment: ["ONLY": "this", "PATH": "/usr/bin:/bin"],
                                     stdin: .null, stdout: .pipe, stderr: .null)
        let lines = String(decoding: try child.standardOutput!.readToEnd() ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(child.wait() == .exited(0))
        try #require(lines.count >= 4, "\(lines)")
        // 0-2, and the one `ls` opens to read the directory.
        #expect(lines[0].split(separator: " ").count <= 4, "inherited descriptors: \(lines[0])")
        #expect(lines[1] == "this")
        #expect(lines[2].trimmingCharacters(in: .whitespaces) == lines[3], "the child leads a process group of its own")
        #expect(lines.count == 4, "no trap set: \(lines.dropFirst(4))")
    }

    /// Foundation's `Process.run()` read past glibc's directory buffer when many descriptors were
    /// open (it crashed the suite's process once in about a dozen runs here). Whether it crashes
    /// depends on where the buffer ends in memory, so this does not bring the crash on demand (3,000
    /// descriptors and 200 `Process` runs did not); it checks spawning with a full descriptor table.
    @Test func manyOpenDescriptorsDoNotMatter() throws {
        var opened: [Int32] = []
        defer { for fd in opened { close(fd) } }
        for _ in 0..<3000 {
            let fd = open("/dev/null", O_RDONLY)
            guard fd >= 0 else { break }
            opened.append(fd)
        }
        for _ in 0..<50 {
            #expect(try ChildProcess(executable: "/bin/true", arguments: [], stdin: .null).wait() == .exited(0))
        }
    }
}
