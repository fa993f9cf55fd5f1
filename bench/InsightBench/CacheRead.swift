import Foundation
import HistoryCache
import ICWSWire
import Insight

/// The warm start's local part (docs/performance.md, "History cache"): the history read back from
/// a cache file and filed into the model, as `HistorySync.handOver` hands it over after its requests.
enum CacheRead {
    /// Files `jobs` (newest first) into a new cache at `path`, 1000 a page as a cold run does.
    static func write(_ jobs: [(server: String, status: JobStatus, config: JobConfig?)], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try? CacheFiles.remove(url)
        let cache = try HistoryCache(at: url)
        var update = CacheUpdate()
        for start in stride(from: 0, to: jobs.count, by: 1000) {
            let page = jobs[start..<min(start + 1000, jobs.count)].map { Job(jobStatus: $0.status, jobConfig: $0.config) }
            try cache.file(page, in: &update)
        }
        print("wrote \(jobs.count) jobs to \(path): \(try cache.info().bytes / 1_000_000) MB")
    }

    /// Reads the cache at `path` into a model `repeats` times; prints the best time and the peak RSS.
    static func read(_ path: String, zone: TimeZone, repeats: Int) throws {
        let cache = try HistoryCache(at: URL(fileURLWithPath: path))
        var best = (wall: Double.infinity, cpu: Double.infinity)
        var jobs = 0
        var series = 0
        for _ in 0..<max(1, repeats) {
            let cpu = cpuMilliseconds()
            let start = ContinuousClock.now
            var model = InsightModel(timeZone: zone)
            // As the insight commands read it (`HistoryRead`): slices of 10,000, each filed at once.
            let slices = cache.slices(of: 10_000)
            while let slice = try slices.next() {
                model.record(contentsOf: slice.lazy.map { (server: "prod", status: $0.status, config: $0.config) })
            }
            let elapsed = ContinuousClock.now - start
            let wall = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            if wall < best.wall { best = (wall, cpuMilliseconds() - cpu) }
            jobs = model.jobCount
            series = model.summaries().count
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print(String(format: "read %ld jobs (%ld series) from the cache into the model: %.1f ms wall, %.1f ms CPU (best of %ld); peak RSS %ld MB",
                     jobs, series, best.wall, best.cpu, max(1, repeats), usage.ru_maxrss / 1024))
    }
}
