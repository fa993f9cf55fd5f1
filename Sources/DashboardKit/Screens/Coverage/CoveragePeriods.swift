import Foundation
import JobComposition

/// The coverage grid's columns: calendar periods in the display zone (days, weeks from Monday, or
/// months from the 1st), the last one holding `end`, `count` of them back from it.
struct CoveragePeriods: Equatable, Sendable {
    enum Unit: Equatable, Sendable, CaseIterable {
        case day, week, month

        var word: String {
            switch self {
            case .day: "days"
            case .week: "weeks"
            case .month: "months"
            }
        }
    }

    let unit: Unit
    /// `count + 1` boundaries, oldest first: column i is `[bounds[i], bounds[i + 1])`.
    let bounds: [Date]

    var count: Int { max(0, bounds.count - 1) }

    init(unit: Unit, endingWith end: Date, count: Int, calendar: Calendar) {
        self.unit = unit
        var start = Self.periodStart(of: end, unit: unit, calendar: calendar)
        var bounds = [Self.advance(start, unit: unit, by: 1, calendar: calendar)]
        for _ in 0..<max(0, count) {
            bounds.append(start)
            start = Self.advance(start, unit: unit, by: -1, calendar: calendar)
        }
        self.bounds = bounds.reversed()
    }

    /// The smallest unit whose `count` columns reach back to `earliest` (months when none does).
    static func unit(reaching earliest: Date?, from end: Date, count: Int, calendar: Calendar) -> Unit {
        guard let earliest else { return .day }
        return Unit.allCases.first { unit in
            let start = periodStart(of: end, unit: unit, calendar: calendar)
            return advance(start, unit: unit, by: -(count - 1), calendar: calendar) <= earliest
        } ?? .month
    }

    func window(_ column: Int) -> TimeWindow { TimeWindow(start: bounds[column], end: bounds[column + 1]) }

    static func periodStart(of date: Date, unit: Unit, calendar: Calendar) -> Date {
        let day = calendar.startOfDay(for: date)
        switch unit {
        case .day: return day
        case .week:
            let weekday = calendar.component(.weekday, from: day)  // 1 Sunday … 7 Saturday
            return calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: day) ?? day
        case .month: return calendar.date(from: calendar.dateComponents([.year, .month], from: day)) ?? day
        }
    }

    static func advance(_ date: Date, unit: Unit, by count: Int, calendar: Calendar) -> Date {
        switch unit {
        case .day: calendar.date(byAdding: .day, value: count, to: date) ?? date
        case .week: calendar.date(byAdding: .day, value: 7 * count, to: date) ?? date
        case .month: calendar.date(byAdding: .month, value: count, to: date) ?? date
        }
    }
}
