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

    /// One run of an extract: what `make` turns into a job record.
    struct Run {
        let config: JobConfig
        let submitted: Date
        let outcome: JobState
        let running: Double
        let error: String?
    }

    static func make(_ configuration: SimulatorConfiguration, now: Date) -> [JobRecord] {
        var rng = SeededRandom(seed: configuration.seed, stream: 77)
        let today = ICWSDateMath.startOfUTCDay(now)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base = baseRuns(today: today, now: now, calendar, &rng)
        let extra = ScaledSeriesHistory.runs(adding: configuration.jobCount - base.reduce(0) { $0 + $1.count },
                                             seed: configuration.seed, today: today, now: now, calendar)
        var jobs: [Run] = []
        jobs.reserveCapacity(max(configuration.jobCount, 0) + days * extracts().count)
        for age in (0..<max(base.count, extra.count)).reversed() {
            if age < base.count { jobs += base[age] }
            if age < extra.count { jobs += extra[age] }
        }
        return records(jobs, configuration, now: now, &rng)
    }

    /// The six extracts' runs over `days`, indexed by age in days (0: today).
    static func baseRuns(today: Date, now: Date, _ calendar: Calendar, _ rng: inout SeededRandom) -> [[Run]] {
        let extracts = extracts()
        var byAge = [[Run]](repeating: [], count: days)
        var broken = [Bool](repeating: false, count: extracts.count)
        let gapDay = days - 20, overlapDay = days - 30, streakFrom = days - 4
        for age in (0..<days).reversed() {
            let day = today.addingTimeInterval(-Double(age) * 86_400)
            for (e, extract) in extracts.enumerated() {
                guard let window = window(extract.period, endingAt: day, calendar) else { continue }
                broken[e] = broken[e] ? rng.chance(0.6) : rng.chance(0.05)
                if e == 2 { broken[e] = days - age >= streakFrom }
                if e == 0, days - age == gapDay { broken[e] = true }
                if e == 1, days - age == overlapDay { broken[e] = false }
                let rule = DayRule(started: age == 0 && e == 0, noCancel: days - age == overlapDay,
                                   noRerun: (e == 0 && days - age == gapDay) || (e == 2 && days - age >= streakFrom),
                                   extraRun: e == 1 && days - age == overlapDay)
                byAge[age] += runs(of: extract, window: window, at: day.addingTimeInterval(3600 + Double(e) * 300), broken: broken[e], rule, now: now, &rng)
            }
        }
        return byAge
    }

    /// What makes a day of an extract special: its run still going (the late one), no cancel (the
    /// overlap day), no re-run after a failure (the gap, the current streak), a second run anyway (the overlap).
    struct DayRule {
        var started = false, noCancel = false, noRerun = false, extraRun = false
    }

    /// One day of one extract (about `time`, up to 4 minutes later): its run, and the re-run two hours later of a failed or canceled one.
    static func runs(of extract: Extract, window: (start: Date, end: Date), at time: Date, broken: Bool,
                     _ rule: DayRule, now: Date, _ rng: inout SeededRandom) -> [Run] {
        let running = extract.median * exp(0.3 * normal(&rng))
        // Today's jobs ended before now (or, for the late one, started three medians ago).
        let submitted = min(time.addingTimeInterval(rng.seconds(0...240)), now.addingTimeInterval(-4 * extract.median - 600))
        let config = JobConfig(name: extract.name, submittedUserId: "admin", tables: extract.tables,
                               startTimeFilter: window.start, endTimeFilter: window.end, siteIdFilters: extract.sites)
        let outcome: JobState = rule.started ? .started : broken ? .failed : rng.chance(0.02) && !rule.noCancel ? .canceled : .finished
        let error = outcome == .failed ? rng.pick(ReportingCatalog.errorTexts) : nil
        var result = [Run(config: config, submitted: submitted, outcome: outcome, running: outcome == .started ? extract.median * 3 : running, error: error)]
        if ((outcome == .failed || outcome == .canceled) && !rule.noRerun) || rule.extraRun {
            let rerun = Run(config: config, submitted: submitted.addingTimeInterval(7200), outcome: .finished,
                            running: extract.median * exp(0.3 * normal(&rng)), error: nil)
            // Today's re-run two hours on may not have come yet: a server lists no job from the future.
            if rerun.submitted.addingTimeInterval(rerun.running + 60) < now { result.append(rerun) }
        }
        return result
    }

    static func records(_ jobs: [Run], _ configuration: SimulatorConfiguration, now: Date, _ rng: inout SeededRandom) -> [JobRecord] {
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
