import DashboardKit
import Foundation
import ICWSWire

// screens-bench [--jobs N] [--frames F] [--series S]: loads N jobs (every one with its configuration,
// pages of 1000 newest first, on two servers; S series in all, 400 by default, each with its own sites
// when S is given, and a random day in the last 60, so `--series 95000` is the worst case of random
// jobs, nearly one series per job) into a DashboardState at 200x50, then times, for the history
// (h), timeline (t) and coverage (C) screens, a frame (DashboardView.render on a GridSurface) and
// each screen's keys (update, then the frame the key asks for), and with the screen open a job
// arriving and ending (the update alone). Figures go to docs/performance.md.

var jobCount = 100_000
var frames = 60
var seriesCount: Int?
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--jobs": jobCount = Int(arguments.popFirst() ?? "") ?? jobCount
    case "--frames": frames = Int(arguments.popFirst() ?? "") ?? frames
    case "--series": seriesCount = Int(arguments.popFirst() ?? "").map { max(2, $0) }
    default: FileHandle.standardError.write("usage: screens-bench [--jobs N] [--frames F] [--series S]\n".data(using: .utf8)!); exit(2)
    }
}

let utc = TimeZone(identifier: "UTC")!
var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = utc
let tableNames = ["IAgentQueueStats", "IWrkgrpQueueStats", "InteractionSummary", "IAActivityCodes", "IAttributeLog",
                  "AgentActivityLog", "CallDetail_viw", "IStatsGroup", "ISurveyResults", "IRNumbers"]
let columns = (0..<30).map { "Column\($0)" }
/// Daily extracts per server; each runs once a day, so the history spans jobCount / (2 × extracts) days.
let extractsPerServer = (seriesCount ?? 400) / 2
let days = max(1, jobCount / (2 * extractsPerServer))
let now = calendar.date(from: DateComponents(year: 2026, month: 12, day: 6, hour: 10))!
let today = calendar.startOfDay(for: now)

@MainActor func config(_ extract: Int, day: Date) -> JobConfig {
    let tables = (0..<(1 + extract % 3)).map { t in
        DataSetConfig(name: tableNames[(extract + t * 3) % tableNames.count], dateTimeFilterColumn: "dIntervalStartUTC",
                      siteIdFilterColumn: "SiteId", column: columns.prefix(8 + (extract + t) % 10).map(ColumnRef.init(name:)))
    }
    return JobConfig(name: "extract \(extract)", submittedUserId: "admin", tables: tables,
                     startTimeFilter: day, endTimeFilter: calendar.date(byAdding: .day, value: 1, to: day)!,
                     siteIdFilters: [seriesCount == nil ? "\(1 + extract % 7)" : "\(1 + extract)"])
}

var seed: UInt64 = 42
/// Uniform in [0, 1). Not named `random`: Glibc's `random() -> Int` won where an integer was wanted, and
/// `--series` jobs extracted days up to 10^11 days back (every series then had the class `other`).
@MainActor func uniform() -> Double {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(seed >> 11) / Double(1 << 53)
}

/// Per server, newest first: a job per extract and day, run in the night after the day it extracts.
@MainActor func history(server: Int) -> [(JobStatus, JobConfig)] {
    var jobs: [(JobStatus, JobConfig)] = []
    for dayOffset in 1...days {
        for extract in (0..<extractsPerServer).reversed() {
            // With --series, a random day in the last 60: gaps of weeks before the horizon, as random jobs leave.
            let back = dayOffset + (seriesCount == nil ? 0 : Int(uniform() * 60))
            let extracted = calendar.date(byAdding: .day, value: -back, to: today)!
            let submitted = extracted.addingTimeInterval(86_400 + Double(extract) * 120 + Double(server) * 30)
            let started = submitted.addingTimeInterval(30 + uniform() * 60)
            let ended = started.addingTimeInterval(300 + uniform() * 900 * (uniform() < 0.02 ? 8 : 1))
            let failed = uniform() < 0.05
            let id = String(format: "%08x-%04x-%04x", server, dayOffset, extract)
            var status = JobStatus(id: id, name: "extract \(extract)", submittedUserId: "admin", state: failed ? .failed : .finished,
                                   submitTime: submitted, queuedTime: submitted, startedTime: started, stateChangedTime: ended)
            if failed { status.failedTime = ended; status.errorInfo = "disk full" } else { status.finishedTime = ended }
            jobs.append((status, config(extract, day: extracted)))
        }
    }
    return jobs.sorted { ($0.0.submitTime ?? .distantPast) > ($1.0.submitTime ?? .distantPast) }
}

let options = DashboardOptions(contexts: [ContextOptions(name: "prod", server: "prod", user: "admin"),
                                          ContextOptions(name: "lab", server: "lab", user: "admin")],
                               pageSize: 1000, timeFormat: .utc)
var state = DashboardState(options: options, width: 200, height: 50)
let loadStart = Date()
for server in 0..<2 {
    let context = ContextID(server)
    _ = update(&state, .connectionChanged(context: context, .connected, at: now))
    let jobs = history(server: server)
    var olderThan: String?
    for page in stride(from: 0, to: jobs.count, by: 1000) {
        let slice = jobs[page..<min(jobs.count, page + 1000)]
        var configs: [String: JobConfig] = [:]
        for (status, config) in slice { configs[status.id] = config }
        _ = update(&state, .pageLoaded(context: context, jobs: slice.map(\.0), olderThan: olderThan, requested: 1000, at: now,
                                       configs: configs))
        olderThan = slice.last?.0.id
    }
}
print(String(format: "loaded %d jobs on 2 servers (%d days x %d extracts each) in %.0f ms (debug figures are not judged)",
             state.jobs.count, days, extractsPerServer, Date().timeIntervalSince(loadStart) * 1000))

let surface = GridSurface(width: 200, height: 50)
let render = RenderOptions(glyphs: .unicode, color: true, now: now)

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func row(_ name: String, _ values: [Double]) {
    let figures = String(format: "median %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%d)", percentile(values, 0.5), percentile(values, 0.95),
                         values.max() ?? 0, values.count)
    print(name.padding(toLength: 22, withPad: " ", startingAt: 0) + figures)
}

row("list frame (reference)", (0..<frames).map { _ in milliseconds { DashboardView.render(state, on: surface, options: render) } })
for (open, name, keys) in [(Key.char("h"), "history", [Key.left, .left, .right]),
                           (.char("t"), "timeline", [.left, .right, .char("+"), .char("-"), .down, .char("s")]),
                           (.char("C"), "coverage", [.left, .down, .right, .up, .char("u")])] {
    var screen = state
    let opening = milliseconds { _ = update(&screen, .key(open)); DashboardView.render(screen, on: surface, options: render) }
    let frameTimes = (0..<frames).map { _ in milliseconds { DashboardView.render(screen, on: surface, options: render) } }
    var keyTimes: [Double] = []
    var keyAndFrame: [Double] = []
    var byKey = [[Double]](repeating: [], count: keys.count)
    for round in 0..<(frames * 3) {
        let key = keys[round % keys.count]
        var updateTime = 0.0
        let total = milliseconds {
            updateTime = milliseconds { _ = update(&screen, .key(key)) }
            DashboardView.render(screen, on: surface, options: render)
        }
        keyTimes.append(updateTime)
        byKey[round % keys.count].append(updateTime)
        keyAndFrame.append(total)
    }
    print(name + String(format: ": open (key + first frame) %.2f ms", opening))
    row("  frame at 200x50", frameTimes)
    row("  key (update)", keyTimes)
    row("  key + its frame", keyAndFrame)
    for (index, key) in keys.enumerated() { row("    \(key)", byKey[index]) }
    // With the screen open: a job of an existing series arriving (newest page) and ending (its
    // status), as the dashboard's watch brings them; the update alone, which tells the screen.
    var arriving: [Double] = [], ending: [Double] = []
    for round in 0..<frames {
        let submitted = now.addingTimeInterval(Double(round))
        var status = JobStatus(id: "new-\(name)-\(round)", name: "extract \(round)", submittedUserId: "admin", state: .started,
                               submitTime: submitted, queuedTime: submitted, startedTime: submitted)
        let configs = [status.id: config(round % extractsPerServer, day: calendar.date(byAdding: .day, value: -1, to: today)!)]
        arriving.append(milliseconds {
            _ = update(&screen, .pageLoaded(context: ContextID(0), jobs: [status], olderThan: nil, requested: 1000, at: now, configs: configs))
        })
        DashboardView.render(screen, on: surface, options: render)
        (status.state, status.finishedTime) = (.finished, submitted.addingTimeInterval(300))
        ending.append(milliseconds { _ = update(&screen, .statusesReceived(context: ContextID(0), [status], at: now)) })
        DashboardView.render(screen, on: surface, options: render)
    }
    row("  a job arriving", arriving)
    row("  a job ending", ending)
}
