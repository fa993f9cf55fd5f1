import Foundation
import ICWSSimulator
import Testing

/// `dxtop --context A --context B` in a real terminal: one dashboard over two simulators from a
/// config file (passwords from each context's password-command, before curses starts).
@Suite("Dashboard over several contexts in tmux", .serialized)
struct DashboardContextsTmuxTests {
    @Test func twoContextsOpenOneDashboard() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0, seed: 9)) { west in
                let eastJob = await east.addJob(submittedBy: "jdoe", name: "east tmux job")
                let westJob = await west.addJob(submittedBy: "jdoe", name: "west tmux job")
                let config = try CLIContextsListTests.config([("east", east.url), ("west", west.url)])
                let environment = config.environment.merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { $1 }
                try await DxtopBinary.offPool {
                    let pane = try TmuxPane(width: 160, height: 45, environment: environment)
                    try pane.run("\(DxtopBinary.url.path) --context east --context west; echo EXIT=$?")
                    let screen = try pane.waitFor("both servers' jobs") {
                        $0.contains("east tmux job") && $0.contains("west tmux job") && $0.contains("2/2 connected")
                    }
                    #expect(screen.contains("CONTEXT"))
                    let rows = screen.split(separator: "\n").map(String.init)
                    #expect(rows.contains { $0.contains("east tmux job") && $0.contains("east ") && $0.contains(String(eastJob.prefix(8))) })
                    #expect(rows.contains { $0.contains("west tmux job") && $0.contains("west ") && $0.contains(String(westJob.prefix(8))) })
                    try pane.press("q")
                    try pane.waitFor(text: "EXIT=0")
                }
            }
        }
    }

    /// A differential test: the dashboard over two servers whose histories interleave lists its
    /// jobs in the order of `jobs list --all-contexts` (context and id on each row, top to bottom).
    @Test func theMergedListHasTheOrderOfJobsListAllContexts() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 60, speed: 0, seed: 1)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 60, speed: 0, seed: 2)) { west in
                let config = try CLIContextsListTests.config([("east", east.url), ("west", west.url)])
                let listed = try await DxtopBinary.run(["jobs", "list", "--all-contexts", "--count", "50", "-o", "json"],
                                                       env: config.environment)
                #expect(listed.status == 0, "\(listed)")
                let array = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
                let cli = array.compactMap { job in (job["context"] as? String).flatMap { c in (job["id"] as? String).map { (c, $0) } } }
                let environment = config.environment.merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { $1 }
                let rows = try await DxtopBinary.offPool {
                    let pane = try TmuxPane(width: 160, height: 40, environment: environment)
                    try pane.run("\(DxtopBinary.url.path) --all-contexts; echo EXIT=$?")
                    let screen = try pane.waitFor("both servers' jobs") { $0.contains("2/2 connected") && $0.contains("100 jobs") }
                    try pane.press("q")
                    try pane.waitFor(text: "EXIT=0")
                    return screen.split(separator: "\n").compactMap(Self.contextAndId)
                }
                #expect(rows.count > 20, "the list rows: \(rows)")
                let expected = cli.prefix(rows.count).map { "\($0.0) \($0.1.prefix(8))" }
                #expect(rows.map { "\($0.context) \($0.id.prefix(8))" } == Array(expected))
            }
        }
    }

    /// The config's default view reaches the real dashboard: its filter, its columns in their
    /// order and its reversed sort (the list oldest first, the heading marked `▲`).
    @Test func theDefaultViewsColumnsAndSortFromTheConfig() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0, seed: 9)) { west in
                let older = await east.addJob(submittedBy: "jdoe", name: "view job older")
                let newer = await west.addJob(submittedBy: "jdoe", name: "view job newer")
                let base = try CLIContextsListTests.config([("east", east.url), ("west", west.url)])
                let views = "views:\n  mine:\n    filter: user:jdoe\n    columns: [id, name, context, state]\n    sort: -newest\n    default: true\n"
                let config = try ConfigFixture(views + String(decoding: try Data(contentsOf: URL(fileURLWithPath: base.path)), as: UTF8.self))
                // The two jobs may share a second: `jobs list` says which is newer.
                let listed = try await DxtopBinary.run(["jobs", "list", "--all-contexts", "--filter", "user:jdoe", "-o", "json"],
                                                       env: config.environment)
                let ids = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
                let cliNewerFirst = (ids.firstIndex(of: newer) ?? 0) < (ids.firstIndex(of: older) ?? 0)
                let environment = config.environment.merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { $1 }
                try await DxtopBinary.offPool {
                    let pane = try TmuxPane(width: 160, height: 40, environment: environment)
                    try pane.run("\(DxtopBinary.url.path) --all-contexts; echo EXIT=$?")
                    let screen = try pane.waitFor("the view") { $0.contains("view job older") && $0.contains("view job newer") }
                    let lines = screen.split(separator: "\n").map(String.init)
                    let heading = lines.first { $0.contains("NAME") && $0.contains("STATE") } ?? ""
                    let positions = ["ID", "NAME", "CONTEXT", "STATE"].compactMap { heading.range(of: $0)?.lowerBound }
                    #expect(positions.count == 4 && positions == positions.sorted(), "the view's order: \(heading)")
                    #expect(!heading.contains("USER") && !heading.contains("SUBMITTED"), "\(heading)")
                    #expect(screen.contains("sort oldest") && screen.contains("filter \"user:jdoe\""), "\(screen)")
                    let olderRow = try #require(lines.firstIndex { $0.contains(String(older.prefix(8))) })
                    let newerRow = try #require(lines.firstIndex { $0.contains(String(newer.prefix(8))) })
                    #expect((olderRow < newerRow) == cliNewerFirst, "the order of jobs list --all-contexts, turned over")
                    try pane.press("q")
                    try pane.waitFor(text: "EXIT=0")
                }
            }
        }
    }

    /// The context and the (shown part of the) id of a list row; nil for other lines.
    private static func contextAndId(_ line: Substring) -> (context: String, id: String)? {
        let list = line.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let words = list.split(separator: " ")
        guard let context = words.first(where: { $0 == "east" || $0 == "west" }),
              let id = words.last(where: { $0.count == 8 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        return (String(context), String(id))
    }
}
