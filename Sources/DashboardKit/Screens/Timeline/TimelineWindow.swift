import Foundation

/// The stretch of time the timeline shows and how it maps onto columns: zoom steps from an hour to
/// a week (`+` narrows, `-` widens, around the middle), ←/→ move by a quarter of the span.
struct TimelineWindow: Equatable, Sendable {
    static let spans: [TimeInterval] = [3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400]
    static let dayStep = 4

    private(set) var start: Date
    private(set) var step: Int

    var span: TimeInterval { Self.spans[step] }
    var end: Date { start.addingTimeInterval(span) }

    init(start: Date, step: Int) {
        self.start = start
        self.step = min(Self.spans.count - 1, max(0, step))
    }

    /// The display day `now` falls in, from its midnight (24 hours: on a DST day the last or first
    /// hour of the next day shows too).
    static func day(of now: Date, calendar: Calendar) -> TimelineWindow {
        TimelineWindow(start: calendar.startOfDay(for: now), step: dayStep)
    }

    /// ←/→: a quarter of the span back (-1) or forward (+1).
    mutating func move(_ direction: Int) {
        start = start.addingTimeInterval(span / 4 * Double(direction))
    }

    /// `+` (narrower, `in: true`) or `-` (wider), keeping the middle where it is; nothing past the ends.
    mutating func zoom(in narrower: Bool) {
        let middle = start.addingTimeInterval(span / 2)
        step = min(Self.spans.count - 1, max(0, step + (narrower ? -1 : 1)))
        start = middle.addingTimeInterval(-span / 2)
    }

    /// The column `date` falls in, for `width` columns (may be outside 0..<width).
    func column(of date: Date, width: Int) -> Int {
        Int((date.timeIntervalSince(start) / span * Double(width)).rounded(.down))
    }

    /// Where column `column` of `width` starts.
    func time(ofColumn column: Int, width: Int) -> Date {
        start.addingTimeInterval(span * Double(column) / Double(max(1, width)))
    }
}
