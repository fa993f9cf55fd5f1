import Foundation
import ICWSWire

/// The jobs a simulator starts with, all following from the seed.
///
/// Oldest first: ended jobs spread over the last days (mostly finished, some failed or canceled),
/// then the 6–10 newest (or `activeJobCount`) still submitted, queued or started, due to move within seconds.
enum SeedJobs {
    static func make(_ configuration: SimulatorConfiguration, now: Date) -> [JobRecord] {
        let count = max(0, configuration.jobCount)
        var rng = SeededRandom(seed: configuration.seed)
        let drawnActive = Int.random(in: 6...10, using: &rng)
        let activeCount = min(count, configuration.activeJobCount ?? drawnActive)
        // Walk back from now: the newest job was submitted seconds ago, older ones minutes to hours apart.
        var submitTimes: [Date] = []
        var t = now.addingTimeInterval(-rng.seconds(2...6))
        for index in 0..<count {
            submitTimes.append(t)
            t = t.addingTimeInterval(index < activeCount ? -rng.seconds(3...20) : -rng.seconds(600...5400))
        }
        var records: [JobRecord] = []
        for age in (0..<count).reversed() {
            var idRng = JobId.generator(seed: configuration.seed, index: count - 1 - age)
            let id = JobId.make(using: &idRng)
            var jobRng = SeededRandom(seed: configuration.seed, stream: UInt64(1001 + count - 1 - age))
            let recipe = SeededConfig(id: id, index: age, hostile: configuration.hostileData,
                                      submitTime: submitTimes[age], random: jobRng)
            let (config, submitter) = makeConfig(id: id, index: age, hostile: configuration.hostileData,
                                                 submitTime: submitTimes[age], using: &jobRng)
            var record = JobRecord(
                status: JobStatus(id: id, name: config.name, submittedUserId: submitter.userID,
                                  submittedUserSiteId: submitter.siteId, state: .submitted,
                                  submitTime: submitTimes[age], stateChangedTime: submitTimes[age]),
                configSource: .seeded(recipe),
                plan: plan(hostile: configuration.hostileData, index: age, using: &jobRng),
                dueAt: nil)
            if age < activeCount {
                placeActive(&record, age: age, now: now, speed: configuration.speed, using: &jobRng)
            } else {
                placeEnded(&record, age: age - activeCount, now: now, hostile: configuration.hostileData, using: &jobRng)
            }
            records.append(record)
        }
        return records
    }

    /// A random job configuration and who submitted it. In hostile mode every third `index` gets the
    /// next hostile name, so the newest 27 jobs show all of them.
    static func makeConfig(id: String, index: Int, hostile: Bool, submitTime: Date,
                           using rng: inout SeededRandom) -> (JobConfig, (userID: String, siteId: Int)) {
        let submitter = rng.pick(ReportingCatalog.submitters)
        let window = rng.pick(Window.allCases)
        var name = "\(rng.pick(ReportingCatalog.nameStems)) \(window.rawValue)"
        if hostile, index % 3 == 1 { name = HostileText.names[(index / 3) % HostileText.names.count] }
        var tables = Array(seedTables.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)))
        let views = Array(seedViews.shuffled(using: &rng).prefix(tables.isEmpty ? 1 : Int.random(in: 0...1, using: &rng)))
        if tables.isEmpty && views.isEmpty { tables = [seedTables[0]] }
        let end = window.end(before: submitTime)
        let config = JobConfig(
            id: id, name: name, submittedUserId: submitter.userID,
            tables: tables.map { dataSet($0, using: &rng) }, views: views.map { dataSet($0, using: &rng) },
            startTimeFilter: window.start(endingAt: end), endTimeFilter: end,
            siteIdFilters: rng.pick([[], [], ["1"], ["1", "2"], ["3"]]))
        return (config, submitter)
    }

    static func plan(hostile: Bool, index: Int, using rng: inout SeededRandom) -> JobPlan {
        var plan = JobPlan.random(using: &rng, errorTexts: ReportingCatalog.errorTexts)
        if hostile, plan.failure != nil {
            plan.failure = HostileText.errorTexts[index % HostileText.errorTexts.count]
        }
        return plan
    }

    /// The newest jobs: a couple submitted, a couple queued, the rest started; each part-way through.
    private static func placeActive(_ record: inout JobRecord, age: Int, now: Date, speed: Double,
                                    using rng: inout SeededRandom) {
        let steps = age < 2 ? 0 : (age < 4 ? 1 : 2)
        var t = record.status.submitTime ?? now
        for _ in 0..<steps {
            t = min(now, t.addingTimeInterval(rng.seconds(1...4)))
            _ = record.advance(at: t, speed: speed)
        }
        record.schedule(from: now, speed: speed, elapsedFraction: rng.seconds(0...0.6))
    }

    /// An older job that has ended: the first few are forced to fail and be canceled so that every
    /// state is present; the rest are mostly finished.
    private static func placeEnded(_ record: inout JobRecord, age: Int, now: Date, hostile: Bool,
                                   using rng: inout SeededRandom) {
        let submitted = record.status.submitTime ?? now
        let outcome: JobState
        switch age {
        case 0: outcome = .failed
        case 1: outcome = .canceled
        default: outcome = rng.chance(0.1) ? .canceled : (record.plan.failure == nil ? .finished : .failed)
        }
        if outcome == .failed, record.plan.failure == nil {
            record.plan.failure = rng.pick(hostile ? HostileText.errorTexts : ReportingCatalog.errorTexts)
        } else if outcome != .failed {
            record.plan.failure = nil
        }
        let stepsBeforeCancel = Int.random(in: 0...2, using: &rng)
        var t = submitted
        while record.nextState != nil {
            if outcome == .canceled, record.state.rawValue >= stepsBeforeCancel { break }
            let seconds = record.state == .started ? rng.seconds(20...2400) : rng.seconds(1...90)
            t = min(now.addingTimeInterval(-1), t.addingTimeInterval(seconds))
            _ = record.advance(at: t, speed: 0)
        }
        if outcome == .canceled {
            t = min(now.addingTimeInterval(-1), t.addingTimeInterval(rng.seconds(5...300)))
            let canceler = rng.chance(0.5) ? record.status.submittedUserId : "admin"
            _ = record.cancel(at: t, by: canceler)
        }
        record.dueAt = nil
    }

    /// Seeded jobs have a time window, so they extract only datasets with a date-time filter column
    /// (all of which also have a site-id column): resubmitting one passes the server's rules.
    static let seedTables = DictionaryCatalog.dictionary.tables.filter { $0.dateTimeFilterColumn != nil && $0.siteIdFilterColumn != nil }
    static let seedViews = DictionaryCatalog.dictionary.views.filter { $0.dateTimeFilterColumn != nil && $0.siteIdFilterColumn != nil }

    private static func dataSet(_ set: DictionaryDataSet, using rng: inout SeededRandom) -> DataSetConfig {
        let columns = set.column.map(\.name)
        let keep = max(3, Int.random(in: columns.count / 2...columns.count, using: &rng))
        let chosen = Set(columns.shuffled(using: &rng).prefix(keep))
        return DataSetConfig(name: set.name, dateTimeFilterColumn: set.dateTimeFilterColumn, siteIdFilterColumn: set.siteIdFilterColumn,
                             column: columns.filter(chosen.contains).map(ColumnRef.init(name:)))
    }

    /// Extraction windows: the day, week or month (30 days) before the submit day.
    enum Window: String, CaseIterable {
        case daily, weekly, monthly

        func end(before date: Date) -> Date {
            ICWSDateMath.startOfUTCDay(date)
        }

        func start(endingAt end: Date) -> Date {
            let days: Double = switch self {
            case .daily: 1
            case .weekly: 7
            case .monthly: 30
            }
            return end.addingTimeInterval(-days * 86_400)
        }
    }
}

/// UTC day arithmetic without a calendar.
enum ICWSDateMath {
    static func startOfUTCDay(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400)
    }
}
