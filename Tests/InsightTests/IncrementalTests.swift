import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing

@Suite("Incremental updates give the model a rebuild gives")
struct IncrementalTests {
    struct Lcg {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Jobs of a few series on two servers, each with the statuses it goes through.
    func history(seed: UInt64) -> [(server: String, lives: [JobStatus], config: JobConfig)] {
        var random = Lcg(state: seed)
        let extracts = [config(window: nil), config(tables: [table("IWrkgrpQueueStats")], window: nil), config(window: nil, sites: [])]
        return (0..<240).map { n in
            let dayIndex = random.next(30)
            var extract = extracts[random.next(extracts.count)]
            let window = random.next(5) == 0 ? WindowPreset.last7Days.window(now: at(paris, 2026, 3, 1 + dayIndex, 9), timeZone: paris)
                                             : dayWindow(paris, 2026, 3, 1 + dayIndex)
            extract.startTimeFilter = window.start
            extract.endTimeFilter = window.end
            let id = "job-\(n)"
            let submitted = window.end.addingTimeInterval(Double(3600 + random.next(7200)))
            let final: JobState = [.finished, .finished, .finished, .failed, .canceled, .started, .queued][random.next(7)]
            let end = ended(id, final.hasEnded ? final : .finished, submitted: submitted, queued: Double(random.next(300)),
                            minutes: Double(5 + random.next(30)))
            var lives = [JobStatus(id: id, name: "n\(n)", submittedUserId: "admin", state: .submitted, submitTime: submitted)]
            var queued = lives[0]
            queued.state = .queued
            lives.append(queued)
            guard final != .queued else { return (random.next(2) == 0 ? "prod" : "lab", lives, extract) }
            var started = end
            started.state = .started
            started.finishedTime = nil
            started.failedTime = nil
            started.canceledTime = nil
            lives.append(started)
            if final.hasEnded { lives.append(end) }
            return (random.next(2) == 0 ? "prod" : "lab", lives, extract)
        }
    }

    func snapshot(_ model: InsightModel, now: Date) -> [String] {
        model.summaries().flatMap { summary -> [String] in
            let coverage = model.coverage(server: summary.server, key: summary.key, now: now)
            return ["\(summary)", "\(model.runs(server: summary.server, key: summary.key).map(\.jobId))", "\(String(describing: coverage))"]
        } + model.pendingJobs(now: now).map { "\($0)" }
    }

    @Test("every status in a shuffled order, repeats and stale statuses included, equals the final statuses in one batch", arguments: [1, 2, 3] as [UInt64])
    func incrementalEqualsRebuild(seed: UInt64) {
        let jobs = history(seed: seed)
        let now = at(paris, 2026, 4, 10)
        var rebuilt = InsightModel(timeZone: paris)
        rebuilt.record(contentsOf: jobs.reversed().map { (server: $0.server, status: $0.lives.last!, config: Optional($0.config)) })

        // Status changes one at a time: each job's lives in order, jobs interleaved at random,
        // the configuration only with the first; some statuses repeated, some arriving late.
        var random = Lcg(state: seed &+ 99)
        var cursors = [Int](repeating: 0, count: jobs.count)
        var incremental = InsightModel(timeZone: paris)
        var remaining = jobs.indices.filter { !jobs[$0].lives.isEmpty }
        while !remaining.isEmpty {
            let pick = random.next(remaining.count)
            let j = remaining[pick]
            let status = jobs[j].lives[cursors[j]]
            incremental.record(server: jobs[j].server, status: status, config: cursors[j] == 0 ? jobs[j].config : nil)
            if random.next(4) == 0 { incremental.record(server: jobs[j].server, status: status, config: nil) }
            if cursors[j] > 0, random.next(4) == 0 { incremental.record(server: jobs[j].server, status: jobs[j].lives[0], config: nil) }
            cursors[j] += 1
            if cursors[j] == jobs[j].lives.count { remaining.remove(at: pick) }
        }
        #expect(incremental.summaries().count == rebuilt.summaries().count)
        let (a, b) = (snapshot(incremental, now: now), snapshot(rebuilt, now: now))
        #expect(a.count == b.count)
        if let first = zip(a, b).first(where: { $0.0 != $0.1 }) {
            Issue.record("incremental:\n\(first.0)\nrebuilt:\n\(first.1)")
        }
        #expect(incremental.jobCount == jobs.count)
    }

    @Test("pages recorded one at a time (newest first, oldest first, shuffled), each series newest first as it comes, equal one batch",
          arguments: ["newest first", "oldest first", "shuffled"])
    func pagesEqualOneBatch(order: String) {
        let jobs = history(seed: 7).map { (server: $0.server, status: $0.lives.last!, config: Optional($0.config)) }
        let now = at(paris, 2026, 4, 10)
        var whole = InsightModel(timeZone: paris)
        whole.record(contentsOf: jobs)
        let byEnd = jobs.sorted { ($0.status.endTime ?? .distantFuture, $0.status.id) > ($1.status.endTime ?? .distantFuture, $1.status.id) }
        var pages = stride(from: 0, to: byEnd.count, by: 17).map { Array(byEnd[$0..<min($0 + 17, byEnd.count)]) }
        if order == "oldest first" { pages.reverse() }
        if order == "shuffled" {
            var random = Lcg(state: 5)
            for i in pages.indices.reversed() { pages.swapAt(i, random.next(i + 1)) }
        }
        var paged = InsightModel(timeZone: paris)
        for page in pages {
            paged.record(contentsOf: page)
            for summary in paged.summaries() {
                let runs = paged.runs(server: summary.server, key: summary.key)
                #expect(zip(runs, runs.dropFirst()).allSatisfy { ($0.ended, $0.jobId) > ($1.ended, $1.jobId) }, "\(summary.key.canonical)")
            }
        }
        #expect(snapshot(paged, now: now) == snapshot(whole, now: now))
    }

    @Test("a page of jobs without configurations waits aside, and joins its series when the configuration comes")
    func configurationLater() {
        let status = ended("a", submitted: at(paris, 2026, 3, 2, 1), minutes: 10)
        var model = InsightModel(timeZone: paris)
        model.record(server: "prod", status: status, config: nil)
        #expect(model.summaries().isEmpty)
        #expect(model.seriesKey(server: "prod", jobId: "a") == nil)
        model.record(server: "prod", status: status, config: config(window: dayWindow(paris, 2026, 3, 1)))
        #expect(model.summaries().map(\.finished) == [1])
    }
}
