import Foundation
import ICWSWire

/// `SimulatorConfiguration.seriesHistory`: instead of unrelated random jobs, 70 days of the same
/// extracts run again and again (UTC days), so run-history views have something to show
/// (docs/simulator.md): daily, weekly (Mondays) and monthly extracts of several dataset sets;
/// log-normal run times; failures that come in streaks, each failed or canceled run re-run and
/// finished two hours later, except one day of the first extract that failed and was never re-run (a gap) and
/// the current streak of the third, still failing; one day of the second extracted twice (an
/// overlap); and today's run of the first still started, three times its usual time in.
enum SeriesHistory {
    static let days = 70

    struct Extract {
        let name: String
        let tables: [DataSetConfig]
        let sites: [String]
        let period: Period
        /// Median run time, seconds.
        let median: Double
    }

    enum Period { case daily, weekly, monthly }

    static func extracts() -> [Extract] {
        let tables = SeedJobs.seedTables
        func sets(_ indices: [Int]) -> [DataSetConfig] {
            indices.map { tables[$0 % tables.count] }.map { set in
                DataSetConfig(name: set.name, dateTimeFilterColumn: set.dateTimeFilterColumn, siteIdFilterColumn: set.siteIdFilterColumn,
                              column: set.column.map { ColumnRef(name: $0.name) })
            }
        }
        return [
            Extract(name: "Agent queue stats daily", tables: sets([0]), sites: ["1"], period: .daily, median: 600),
            Extract(name: "Workgroup stats daily", tables: sets([1, 2]), sites: [], period: .daily, median: 1500),
            Extract(name: "Interaction detail nightly", tables: sets([3]), sites: ["1", "2"], period: .daily, median: 900),
            Extract(name: "Agent queue stats weekly", tables: sets([0]), sites: ["1"], period: .weekly, median: 2400),
            Extract(name: "Activity codes weekly", tables: sets([4, 5]), sites: [], period: .weekly, median: 1200),
            Extract(name: "Everything monthly", tables: sets([0, 1, 2, 3]), sites: [], period: .monthly, median: 5400),
        ]
    }

    static func make(_ configuration: SimulatorConfiguration, now: Date) -> [JobRecord] {
        var rng = SeededRandom(seed: configuration.seed, stream: 77)
        let today = ICWSDateMath.startOfUTCDay(now)
        let extracts = extracts()
        var jobs: [(config: JobConfig, submitted: Date, outcome: JobState, running: Double, error: String?)] = []
        var broken = [Bool](repeating: false, count: extracts.count)
        let gapDay = days - 20, overlapDay = days - 30, streakFrom = days - 4
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for age in (0..<days).reversed() {
            let day = today.addingTimeInterval(-Double(age) * 86_400)
            for (e, extract) in extracts.enumerated() {
                guard let window = window(extract.period, endingAt: day, calendar) else { continue }
                broken[e] = broken[e] ? rng.chance(0.6) : rng.chance(0.05)
                if e == 2 { broken[e] = days - age >= streakFrom }
                if e == 0, days - age == gapDay { broken[e] = true }
                if e == 1, days - age == overlapDay { broken[e] = false }
                let running = extract.median * exp(0.3 * normal(&rng))
                // Today's jobs ended before now (or, for the late one, started three medians ago).
                let submitted = min(day.addingTimeInterval(3600 + Double(e) * 300 + rng.seconds(0...240)),
                                    now.addingTimeInterval(-4 * extract.median - 600))
                let config = JobConfig(name: extract.name, submittedUserId: "admin", tables: extract.tables,
                                       startTimeFilter: window.start, endTimeFilter: window.end, siteIdFilters: extract.sites)
                let outcome: JobState = age == 0 && e == 0 ? .started : broken[e] ? .failed
                    : rng.chance(0.02) && days - age != overlapDay ? .canceled : .finished
                let error = outcome == .failed ? rng.pick(ReportingCatalog.errorTexts) : nil
                jobs.append((config, submitted, outcome, outcome == .started ? extract.median * 3 : running, error))
                let rerun = ((outcome == .failed || outcome == .canceled) && !(e == 0 && days - age == gapDay) && !(e == 2 && days - age >= streakFrom)) || (e == 1 && days - age == overlapDay)
                if rerun {
                    jobs.append((config, submitted.addingTimeInterval(7200), .finished, extract.median * exp(0.3 * normal(&rng)), nil))
                }
            }
        }
        return jobs.enumerated().map { index, job in
            var idRng = JobId.generator(seed: configuration.seed &+ 0x5e51e5, index: index)
            let id = JobId.make(using: &idRng)
            var config = job.config
            config.id = id
            var record = JobRecord(
                status: JobStatus(id: id, name: job.config.name, submittedUserId: "admin", submittedUserSiteId: 1, state: .submitted,
                                  submitTime: job.submitted, stateChangedTime: job.submitted),
                config: config, plan: JobPlan(toQueued: 2, toStarted: rng.seconds(10...120), running: job.running, failure: job.error),
                dueAt: nil)
            var t = job.submitted
            while let next = record.nextState, job.outcome == .started ? record.state != .started : true {
                if job.outcome == .canceled, next == .finished || next == .failed { break }
                t = t.addingTimeInterval(record.plan.seconds(in: record.state) ?? 0)
                _ = record.advance(at: min(t, now.addingTimeInterval(-1)), speed: 0)
            }
            if job.outcome == .canceled { _ = record.cancel(at: t.addingTimeInterval(job.running / 2), by: "admin") }
            if job.outcome == .started {
                // Started three medians ago, due to finish three medians later (at speed 1).
                record.status.startedTime = now.addingTimeInterval(-job.running)
                record.status.stateChangedTime = record.status.startedTime
                record.plan.running = job.running * 2
                record.schedule(from: now, speed: configuration.speed, elapsedFraction: 0.5)
            }
            return record
        }
    }

    /// The period before `day` that a job run on `day` extracts; nil when the extract does not run that day.
    static func window(_ period: Period, endingAt day: Date, _ calendar: Calendar) -> (start: Date, end: Date)? {
        switch period {
        case .daily: return (day.addingTimeInterval(-86_400), day)
        case .weekly:
            guard calendar.component(.weekday, from: day) == 2 else { return nil }
            return (day.addingTimeInterval(-7 * 86_400), day)
        case .monthly:
            guard calendar.component(.day, from: day) == 1, let start = calendar.date(byAdding: .month, value: -1, to: day) else { return nil }
            return (start, day)
        }
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ rng: inout SeededRandom) -> Double {
        let u = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-12)
        let v = Double(rng.next() >> 11) / Double(1 << 53)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
