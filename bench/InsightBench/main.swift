import Foundation
import ICWSWire
import Insight

// insight-bench [--jobs N] [--repeat R] [--write-cache PATH | --read-cache PATH | --page-decode]: builds the insight model from a synthetic history (every
// job with its configuration, pages newest first, as the CLI reads them), then times the queries
// the CLI makes and single status changes. --write-cache files the history (one server) into a
// history cache and stops; --read-cache times reading such a cache into the model, alone in its
// process so that its peak RSS is the read's; --page-decode times decoding one page of 1,000 of the
// jobs both ways (PageDecode.swift). Figures go to docs/performance.md.

var jobCount = 100_000
var repeats = 5
var writeCache: String?
var readCache: String?
var pageDecode = false
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--jobs": jobCount = Int(arguments.popFirst() ?? "") ?? jobCount
    case "--repeat": repeats = Int(arguments.popFirst() ?? "") ?? repeats
    case "--write-cache": writeCache = arguments.popFirst()
    case "--read-cache": readCache = arguments.popFirst()
    case "--page-decode": pageDecode = true
    default: FileHandle.standardError.write("usage: insight-bench [--jobs N] [--repeat R] [--write-cache PATH | --read-cache PATH | --page-decode]\n".data(using: .utf8)!); exit(2)
    }
}

let zone = TimeZone(identifier: "Europe/Paris")!
if let readCache {
    try CacheRead.read(readCache, zone: zone, repeats: repeats)
    exit(0)
}
var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = zone
let servers = ["prod", "lab"]
let tableNames = ["IAgentQueueStats", "IWrkgrpQueueStats", "InteractionSummary", "IAActivityCodes", "IAttributeLog",
                  "AgentActivityLog", "CallDetail_viw", "IStatsGroup", "ISurveyResults", "IRNumbers"]
let columns = (0..<40).map { "Column\($0)" }

/// 60 extracts (a few tables of 10–20 columns each) run daily, weekly and monthly on both servers.
let extracts: [JobConfig] = (0..<60).map { i in
    let tables = (0..<(1 + i % 3)).map { t in
        DataSetConfig(name: tableNames[(i + t * 3) % tableNames.count], dateTimeFilterColumn: "dIntervalStartUTC",
                      siteIdFilterColumn: "SiteId", column: columns.prefix(10 + (i + t) % 10).map(ColumnRef.init(name:)))
    }
    return JobConfig(name: "extract \(i)", submittedUserId: "admin", tables: tables, siteIdFilters: i % 4 == 0 ? [] : ["\(1 + i % 3)"])
}

struct Generated { let server: String; let status: JobStatus; let config: JobConfig }
var generated: [Generated] = []
generated.reserveCapacity(jobCount)
var seed: UInt64 = 42
@MainActor func random() -> Double { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 11) / Double(1 << 53) }
let today = calendar.startOfDay(for: Date())
var day = 0
var counter = 0
while generated.count < jobCount {
    day += 1
    let dayStart = calendar.date(byAdding: .day, value: -day, to: today)!
    for (e, extract) in extracts.enumerated() {
        for server in servers where generated.count < jobCount {
            let (start, length): (Date, DateComponents)
            switch e % 6 {
            case 0: guard calendar.component(.day, from: dayStart) == 1 else { continue }
                start = calendar.date(byAdding: .month, value: -1, to: dayStart)!; length = DateComponents(month: 1)
            case 1: guard calendar.component(.weekday, from: dayStart) == 2 else { continue }
                start = calendar.date(byAdding: .day, value: -7, to: dayStart)!; length = DateComponents(day: 7)
            default: start = calendar.date(byAdding: .day, value: -1, to: dayStart)!; length = DateComponents(day: 1)
            }
            counter += 1
            let id = String(format: "%08x-0000-4000-8000-%012x", counter, counter)
            var config = extract
            config.id = id
            config.name = "\(extract.name) \(counter % 7)"
            config.startTimeFilter = start
            config.endTimeFilter = calendar.date(byAdding: length, to: start)!
            let submitted = dayStart.addingTimeInterval(3600 + Double(e) * 30)
            let started = submitted.addingTimeInterval(5 + random() * 60)
            let ended = started.addingTimeInterval(60 * exp(2 + 0.4 * random()))
            let failed = random() < 0.05
            let status = JobStatus(id: id, name: config.name, submittedUserId: "admin", state: failed ? .failed : .finished,
                                   submitTime: submitted, queuedTime: submitted, startedTime: started,
                                   finishedTime: failed ? nil : ended, failedTime: failed ? ended : nil)
            generated.append(Generated(server: server, status: status, config: config))
        }
    }
}
// Newest first, as the pages arrive.
let input = generated.sorted { $0.status.submitTime! > $1.status.submitTime! }.map { (server: $0.server, status: $0.status, config: Optional($0.config)) }
if pageDecode {
    try PageDecode.run(input)
    exit(0)
}
if let writeCache {
    try CacheRead.write(input.map { (server: "prod", status: $0.status, config: $0.config) }, to: writeCache)
    exit(0)
}

/// Thread CPU time in ms: the figure that other processes on the machine do not inflate.
func cpuMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
}

/// Runs `body` `repeats` times; prints and returns the best wall time (ms), with the CPU time of that pass.
@MainActor func measure(_ label: String, _ body: () -> Void) -> Double {
    var best = (wall: Double.infinity, cpu: Double.infinity)
    for _ in 0..<repeats {
        let cpu = cpuMilliseconds()
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if wall < best.wall { best = (wall, cpuMilliseconds() - cpu) }
    }
    print(String(format: "%-40@ %8.1f ms wall, %8.1f ms CPU (best of %d)", label as NSString, best.wall, best.cpu, repeats))
    return best.wall
}

// Each pass builds a model of its own; they are freed after the timing, not inside it.
var built: [InsightModel] = []
_ = measure("build from \(input.count) jobs") {
    var fresh = InsightModel(timeZone: zone)
    fresh.record(contentsOf: input)
    built.append(fresh)
}
var model = built[0]
built = []
// As a history walk brings them: pages of 1,000, newest first, each recorded as it comes.
_ = measure("build from pages of 1,000") {
    var fresh = InsightModel(timeZone: zone)
    var start = 0
    while start < input.count {
        fresh.record(contentsOf: input[start..<min(start + 1000, input.count)])
        start += 1000
    }
    built.append(fresh)
}
built = []
let summaries = model.summaries()
print("series: \(summaries.count), servers: \(model.servers.count), days: \(day)")
_ = measure("summaries of every series") { _ = model.summaries() }
let now = Date()
_ = measure("coverage of every series") {
    for summary in summaries { _ = model.coverage(server: summary.server, key: summary.key, now: now) }
}
// Single status changes: new jobs of existing series submitted, started, then finished.
let changes = 10_000
var pass = 0
let perChange = measure("\(changes * 3) single status changes") {
    pass += 1
    for n in 0..<changes {
        let source = input[n % input.count]
        let id = "live-\(pass)-\(n)"
        var status = JobStatus(id: id, name: source.status.name, submittedUserId: "admin", state: .submitted, submitTime: now)
        var config = source.config!
        config.id = id
        model.record(server: source.server, status: status, config: config)
        status.state = .started
        status.startedTime = now
        model.record(server: source.server, status: status, config: nil)
        status.state = .finished
        status.finishedTime = now.addingTimeInterval(600)
        model.record(server: source.server, status: status, config: nil)
    }
}
print(String(format: "per status change: %.2f µs", perChange * 1000 / Double(changes * 3)))
