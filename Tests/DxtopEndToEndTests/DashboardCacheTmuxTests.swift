import Foundation
import Testing

/// The built dashboard's history cache in a real terminal: the launcher opens the context's file
/// under `$XDG_CACHE_HOME/dxtop/` (the CLI's), and `--no-cache` leaves it alone. What the cache
/// does for the dashboard is in the pilot tests (`CacheStartFlowTests`).
@Suite("Dashboard's history cache in tmux", .serialized)
struct DashboardCacheTmuxTests {
    @Test(arguments: [false, true])
    func theDashboardFilesItsPagesUnlessNoCache(noCache: Bool) async throws {
        try await SimulatorFixture.with { sim in
            let jobId = await sim.addJob(submittedBy: "jdoe", name: "cache job")
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-tmux-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: home) }
            let environment = sim.environment(user: "admin").merging(["XDG_CACHE_HOME": home.path]) { $1 }
            try await DxtopBinary.offPool {
                let pane = try TmuxPane(width: 160, height: 45, environment: environment)
                try pane.run("\(DxtopBinary.url.path)\(noCache ? " --no-cache" : ""); echo EXIT=$?")
                try pane.waitFor("the job list") { $0.contains(String(jobId.prefix(8))) && $0.contains("STATE") }
                try pane.press("q")
                try pane.waitFor(text: "EXIT=0")
            }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("dxtop").path)) ?? []
            if noCache {
                #expect(files.isEmpty, "\(files)")
            } else {
                #expect(files.filter { $0.hasSuffix(".sqlite") }.count == 1, "\(files)")
                // The CLI reads the same file. The dashboard filed its first page of 50 (of 61 jobs):
                // not the whole history, so the first series list walks the whole list once
                // (a page of 1000 and the empty one that ends the walk); the next is warm.
                let env = sim.environment(user: "admin").merging(["XDG_CACHE_HOME": home.path]) { $1 }
                for expected in [2, 1] {
                    let before = sim.simulator.traffic()
                    let list = try await DxtopBinary.run(["series", "list", "-o", "json"], env: env)
                    #expect(list.status == 0, "\(list)")
                    let pages = sim.simulator.traffic().since(before).requests(startingWith: "GET data-extractor/jobs?jobCount=1000")
                    #expect(pages == expected)
                }
            }
        }
    }
}
