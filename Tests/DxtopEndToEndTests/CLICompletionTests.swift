import Foundation
import Testing

/// `dxtop completion bash|zsh|fish`, and context names completed through the generated script.
@Suite("dxtop completion")
struct CLICompletionTests {
    @Test("each shell gets a script naming dxtop's commands", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) async throws {
        let result = try await DxtopBinary.run(["completion", shell])
        #expect(result.status == 0, "\(result)")
        for word in ["jobs", "config", "doctor", "--context"] { #expect(result.stdout.contains(word), "\(shell): \(word)") }
    }

    @Test("an unknown shell is a usage error")
    func unknownShell() async throws {
        let result = try await DxtopBinary.run(["completion", "tcsh"])
        #expect(result.status == 2, "\(result)")
    }

    @Test("bash completes --context with the config file's context names")
    func contextNames() async throws {
        let config = try ConfigFixture("contexts:\n  prod-east:\n    server: a\n  prod-west:\n    server: b\n  lab:\n    server: c\n")
        let script = try TemporaryFile(contents: try await DxtopBinary.run(["completion", "bash"]).stdout, suffix: ".bash")
        var environment = DxtopBinary.environment(adding: config.environment)
        environment["SCRIPT"] = script.path
        environment["PATH"] = DxtopBinary.url.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let run = try RunningDxtop(executable: URL(fileURLWithPath: "/bin/bash"), args: ["-c", """
            source "$SCRIPT"
            COMP_WORDS=(dxtop jobs list --context prod); COMP_CWORD=4
            COMP_LINE="dxtop jobs list --context prod"; COMP_POINT=${#COMP_LINE}
            _dxtop dxtop prod --context
            printf '%s\\n' "${COMPREPLY[@]}"
            """], environment: environment, stdin: nil)
        let result = try await run.wait()
        #expect(result.stdout.split(separator: "\n").sorted() == ["prod-east", "prod-west"], "\(result)")
    }
}
