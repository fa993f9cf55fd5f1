import Foundation
import ICWSWire

/// `seriesHistory` with a `jobCount` above the six extracts' history: a realistic large site. The
/// jobs past the six extracts' (about 320) come from a few hundred more extracts (six daily, three
/// weekly, one monthly in ten), each of its own name, dataset set and site, over a year; the last
/// one added began just long enough ago to bring the total to about `jobCount`. Their failures come
/// in streaks and are re-run two hours later, as the six's (`SeriesHistory.runs`). A separate random
/// stream: the six extracts' history is the same with or without them.
enum ScaledSeriesHistory {
    static let days = 365
    /// Runs per scheduled day: the run, plus a re-run after about 9% of them (7% failed, 2% canceled).
    static let runsPerRun = 1.09

    static let subjects = [
        "Agent queue stats", "Workgroup stats", "Interaction detail", "Activity codes", "Call detail",
        "IVR history", "Line group stats", "Wrap-up stats", "Agent activity log", "Interaction summary",
        "DNIS stats", "Statistics group", "Queue period stats", "Agent login history", "Callback detail",
    ]

    /// Runs of extracts added until about `count` jobs, indexed by age in days (0: today); empty when `count` ≤ 0.
    static func runs(adding count: Int, seed: UInt64, today: Date, now: Date, _ calendar: Calendar) -> [[SeriesHistory.Run]] {
        guard count > 0 else { return [] }
        var rng = SeededRandom(seed: seed, stream: 78)
        let extracts = extracts(toReach: count, &rng)
        var byAge = [[SeriesHistory.Run]](repeating: [], count: days)
        var broken = [Bool](repeating: false, count: extracts.count)
        for age in (0..<days).reversed() {
            let day = today.addingTimeInterval(-Double(age) * 86_400)
            for (e, added) in extracts.enumerated() where age < added.since {
                guard let window = SeriesHistory.window(added.extract.period, endingAt: day, calendar) else { continue }
                broken[e] = broken[e] ? rng.chance(0.6) : rng.chance(0.03)
                // Nightly, between 00:30 and about 06:30.
                let time = day.addingTimeInterval(1800 + Double(e % 72) * 300)
                byAge[age] += SeriesHistory.runs(of: added.extract, window: window, at: time, broken: broken[e],
                                                 SeriesHistory.DayRule(), now: now, &rng)
            }
        }
        return byAge
    }

    /// Extracts in the order they are added, each with the number of days it has run (`since`).
    static func extracts(toReach count: Int, _ rng: inout SeededRandom) -> [(extract: SeriesHistory.Extract, since: Int)] {
        let tables = SeedJobs.seedTables
        var result: [(extract: SeriesHistory.Extract, since: Int)] = []
        var expected = 0.0
        var index = 0
        while expected < Double(count) {
            let period: SeriesHistory.Period = index % 10 < 6 ? .daily : index % 10 < 9 ? .weekly : .monthly
            let perDay = runsPerRun / (period == .daily ? 1 : period == .weekly ? 7 : 30.4)
            let since = min(days, Int((Double(count) - expected) / perDay) + 1)
            let word = period == .daily ? "daily" : period == .weekly ? "weekly" : "monthly"
            let site = 1 + index / subjects.count
            let sets = (0...(index % 3)).map { tables[(index * 7 + $0 * 3) % tables.count] }.map { set in
                DataSetConfig(name: set.name, dateTimeFilterColumn: set.dateTimeFilterColumn, siteIdFilterColumn: set.siteIdFilterColumn,
                              column: set.column.map { ColumnRef(name: $0.name) })
            }
            let extract = SeriesHistory.Extract(
                name: "\(subjects[index % subjects.count]) \(word) site \(site)", tables: sets, sites: [String(site)],
                period: period, median: 300 * exp(rng.seconds(0...2.5)))
            result.append((extract, since))
            expected += Double(since) * perDay
            index += 1
        }
        return result
    }
}
