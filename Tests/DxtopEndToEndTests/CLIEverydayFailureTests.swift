import Foundation
import ICWSSimulator
import Testing

/// Everyday failures say who, where and what to do next; words the user typed come back in
/// their own terms.
@Suite("dxtop everyday failures")
struct CLIEverydayFailureTests {
    @Test("a refused login names the user and the server and says what to do next (exit 3)")
    func refusedLogin() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "show", "3f2b6c1e"], env: sim.environment(password: "wrong"))
            #expect(result.status == 3, "\(result)")
            let line = result.stderr
            #expect(line.split(separator: "\n").count == 1, "\(result)")
            #expect(line.contains("admin") && line.contains(sim.url), "user and server: \(line)")
            #expect(line.contains("The authentication process failed."), "the server's words: \(line)")
            #expect(line.contains("ICWS_PASSWORD") && line.contains("dxtop doctor"), "the next step: \(line)")
            #expect(!line.contains("wrong"), "never the password")
        }
    }

    @Test("series list, history and coverage: a refused login names user, server and next step (exit 3)",
          arguments: [["series", "list"], ["history", "3f2b6c1e"], ["coverage"]])
    func insightRefusedLogin(arguments: [String]) async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(arguments + ["-o", "json"], env: sim.environment(password: "wrong"))
            #expect(result.status == 3, "\(result)")
            #expect(result.stdout.isEmpty, "a script redirecting stdout gets no valid-looking empty list: \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
            #expect(result.stderr.contains("refused the login of admin on \(sim.url)") && result.stderr.contains("dxtop doctor"), "\(result)")
        }
    }

    @Test("a server that cannot be reached: the server, and the next step")
    func unreachable() async throws {
        let result = try await DxtopBinary.run(["dictionary", "list"], env: CLIUsageTests.unreachable)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("http://127.0.0.1:9") && result.stderr.contains("dxtop doctor"), "\(result)")
    }

    @Test("a mistyped command suggests the closest one", arguments: [
        (["job", "list"], "dxtop jobs list"), (["jobs", "lst", "--all"], "dxtop jobs list"),
        (["dictionnary", "show", "x"], "dxtop dictionary show"), (["--utc", "jobs", "shwo", "1"], "dxtop jobs show"),
    ])
    func mistyped(arguments: [String], meant: String) async throws {
        let result = try await DxtopBinary.run(arguments, env: CLIUsageTests.unreachable)
        let line = CLIUsageTests.expectUsageError(result)
        #expect(line.contains("did you mean '\(meant)'"), "\(line)")
    }

    @Test("config view shows that a password command is set, never its text")
    func passwordCommandHidden() async throws {
        let config = try ConfigFixture("""
            current-context: lab
            contexts:
              lab:
                server: http://127.0.0.1:8018
                user: admin
                password-command: printf secret-in-command
            """)
        let result = try await DxtopBinary.run(["config", "view"], env: config.environment)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("secret-in-command") && !result.stderr.contains("secret-in-command"), "\(result)")
        #expect(result.stdout.contains("password-command: <set, not shown>"), "\(result)")
    }

    @Test("a misspelled current-context: the warning suggests the key, the failure names the contexts and the ways out")
    func misspelledCurrentContext() async throws {
        let config = try ConfigFixture("""
            curent-context: lab
            contexts:
              prod: {server: "http://127.0.0.1:9", user: jdoe}
              lab: {server: "http://127.0.0.1:9", user: admin}
            """)
        let result = try await DxtopBinary.run(["jobs", "list"], env: config.environment)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("unknown key 'curent-context' (ignored; did you mean 'current-context'?)"), "\(result)")
        let failure = try #require(result.stderr.split(separator: "\n").last.map(String.init))
        #expect(failure.contains("prod, lab") && failure.contains("--context") && failure.contains("config use"), "\(failure)")
        #expect(result.stdout.isEmpty)
    }

    @Test("compose rules speak of --from/--to and --site, not of jobConfig fields")
    func ruleWords() async throws {
        try await SimulatorFixture.with { sim in
            let backwards = try await DxtopBinary.run(["jobs", "submit", "--name", "n", "--table", "InteractionSummary",
                                                       "--from", "2026-11-04", "--to", "2026-11-03", "--utc", "--yes"], env: sim.environment())
            #expect(backwards.status == 1, "\(backwards)")
            #expect(backwards.stderr == "dxtop: not submitted: --to must be later than --from.\n", "\(backwards)")
        }
    }

    @Test("malformed JSON in a job file: its line and column")
    func malformedJSONPlace() async throws {
        let file = try TemporaryFile(contents: "{\n  \"name\": \"x\",\n  \"tables\": {\"tableList\": [}\n}\n", suffix: ".json")
        let result = try await DxtopBinary.run(["jobs", "submit", file.path], env: CLIUsageTests.unreachable)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("line 3") && result.stderr.contains("column"), "\(result)")
    }

    @Test("dictionary list and show take -o like jobs (json, jsonl, csv), and --json still works")
    func dictionaryOutput() async throws {
        try await SimulatorFixture.with { sim in
            let jsonl = try await DxtopBinary.run(["dictionary", "list", "-o", "jsonl"], env: sim.environment())
            #expect(jsonl.status == 0, "\(jsonl)")
            let lines = jsonl.stdout.split(separator: "\n")
            #expect(lines.count > 5)
            for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)") }
            let csv = try await DxtopBinary.run(["dictionary", "list", "-o", "csv"], env: sim.environment())
            #expect(csv.stdout.hasPrefix("name,kind,dataSet,dateTimeFilterColumn,siteIdFilterColumn,columnCount,description\n"), "\(csv)")
            #expect(csv.stdout.split(separator: "\n").count == lines.count + 1)
            let json = try await DxtopBinary.run(["dictionary", "list", "--json"], env: sim.environment())
            #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == lines.count, "\(json)")
            let columns = try await DxtopBinary.run(["dictionary", "show", "interactionsummary", "-o", "csv", "--no-headers"], env: sim.environment())
            #expect(columns.status == 0, "\(columns)")
            #expect(columns.stdout.hasPrefix("InteractionIDKey,"), "\(columns)")
            let detail = try await DxtopBinary.run(["dictionary", "show", "InteractionSummary", "-o", "json"], env: sim.environment())
            #expect((try? JSONSerialization.jsonObject(with: Data(detail.stdout.utf8)) as? [String: Any])?["columns"] != nil, "\(detail)")
        }
    }
}
