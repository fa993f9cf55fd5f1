import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop jobs list --all` writes each page as it arrives: the same content as one page holding
/// every job, in every format, and a listing that fails part-way leaves what it wrote complete.
@Suite("dxtop jobs list --all streams")
struct CLIListStreamingTests {
    /// 23 jobs in pages of 5 (six requests) against one page of all of them.
    static let configuration = SimulatorConfiguration(jobCount: 23, speed: 0)

    private func listing(_ sim: SimulatorFixture, _ format: [String]) async throws -> (paged: DxtopResult, whole: DxtopResult) {
        let paged = try await DxtopBinary.run(["jobs", "list", "--all", "--count", "5", "--utc"] + format, env: sim.environment())
        let whole = try await DxtopBinary.run(["jobs", "list", "--count", "100", "--utc"] + format, env: sim.environment())
        #expect(paged.status == 0 && whole.status == 0, "\(paged)\n\(whole)")
        return (paged, whole)
    }

    /// JSON objects without `durationSeconds` (a running job's grows between the two runs).
    private func objects(_ json: String) throws -> [NSDictionary] {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return array.map { object in
            var object = object
            object["durationSeconds"] = nil
            return object as NSDictionary
        }
    }

    @Test("--json: one valid array with every job, as one page would give")
    func json() async throws {
        try await SimulatorFixture.with(Self.configuration) { sim in
            let (paged, whole) = try await listing(sim, ["--json"])
            let pagedObjects = try objects(paged.stdout)
            #expect(pagedObjects.count == 23)
            #expect(pagedObjects == (try objects(whole.stdout)))
            #expect(sim.simulator.traffic().requests["GET data-extractor/jobs?jobCount=5"] == 6, "four full pages, a short one, the empty one that ends the walk")
        }
    }

    @Test("-o jsonl and -o csv: the lines one page would give")
    func linesFormats() async throws {
        try await SimulatorFixture.with(Self.configuration) { sim in
            for format in ["jsonl", "csv"] {
                let (paged, whole) = try await listing(sim, ["-o", format])
                let withoutDuration = { (text: String) -> [String] in
                    text.split(separator: "\n").map { line in
                        format == "csv" ? String(line[..<line.lastIndex(of: ",")!])
                                        : String(line).replacing(/"durationSeconds":[0-9null]+,?/, with: "")
                    }
                }
                #expect(withoutDuration(paged.stdout).count == (format == "csv" ? 24 : 23))
                #expect(withoutDuration(paged.stdout) == withoutDuration(whole.stdout), "\(format)")
            }
        }
    }

    /// The table's widths come from the first page, so compare cells, not padding.
    @Test("table: the cells one page would give, one header")
    func table() async throws {
        try await SimulatorFixture.with(Self.configuration) { sim in
            let (paged, whole) = try await listing(sim, [])
            let cells = { (text: String) -> [[String]] in
                text.split(separator: "\n").map { line in
                    var cells = line.split(separator: /\s{2,}/).map(String.init)
                    cells.remove(at: 5)  // DURATION of running jobs grows between the runs
                    return cells
                }
            }
            #expect(cells(paged.stdout).count == 24)
            #expect(cells(paged.stdout) == cells(whole.stdout))
            #expect(paged.stdout.split(separator: "\n").filter { $0.hasPrefix("ID ") }.count == 1)
        }
    }

    /// The pages before a failure are on stdout already (and the JSON array is closed): a listing
    /// that buffered everything would print nothing.
    @Test("a failure after two pages: those pages written, the array closed, exit 1")
    func failurePartWay() async throws {
        try await SimulatorFixture.with(Self.configuration) { sim in
            await sim.simulator.setFaults(SimulatorFaults(failJobListsAfter: 2))
            let result = try await DxtopBinary.run(["jobs", "list", "--all", "--count", "5", "--json"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            let ids = try objects(result.stdout).compactMap { $0["id"] as? String }
            #expect(ids == Array(await sim.simulator.allJobStatuses().prefix(10).map(\.id)))
            #expect(result.stderr.hasPrefix("dxtop: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains("(10 jobs written before the failure)"), "\(result.stderr)")
        }
    }

    @Test("--all without --count asks for pages of 1000")
    func largePages() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 1_500, speed: 0)) { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "--all", "-o", "jsonl"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n").count == 1_500)
            #expect(sim.simulator.traffic().requests["GET data-extractor/jobs?jobCount=1000"] == 3, "two pages, then the empty one that ends the walk")
        }
    }
}
