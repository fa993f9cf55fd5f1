import Foundation
import ICWSWire

/// A start or end time as a person types it: `2026-11-01` (midnight), `2026-11-01 08:30` or
/// `2026-11-01T08:30[:15]` in the display time zone, or ISO 8601 UTC with `Z` in basic or extended form.
public enum TypedTime {
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 32 else { return nil }
        if trimmed.uppercased().hasSuffix("Z") { return ICWSDate.parse(trimmed.uppercased()) }
        let parts = trimmed.split(whereSeparator: { $0 == "T" || $0 == "t" || $0 == " " })
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard day.count == 3, let year = day[0], let month = day[1], let dayOfMonth = day[2],
              parts[0].split(separator: "-")[0].count == 4 else { return nil }
        var time: [Int?] = [0, 0, 0]
        if parts.count == 2 {
            let fields = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard fields.count == 2 || fields.count == 3 else { return nil }
            time = fields + (fields.count == 2 ? [0] : [])
        }
        guard let hour = time[0], let minute = time[1], let second = time[2],
              (1...12).contains(month), (1...31).contains(dayOfMonth), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second) else { return nil }
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute, second: second)
        let calendar = Calendar.gregorian(in: timeZone)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == dayOfMonth else { return nil }  // 2026-02-30 rolls over
        return date
    }

    /// What `parse` accepts, for error messages.
    public static let accepted = "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (display time zone) or ISO 8601 UTC such as 2026-11-01T00:00:00Z"
}
