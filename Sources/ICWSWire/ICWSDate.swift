import DisplayText
import Foundation

/// ICWS `DateTime` values on the wire.
///
/// Servers emit ISO 8601 *basic* UTC without fractions (`20261128T101500Z`); other clients send the
/// *extended* form, sometimes with fractions (`2026-11-28T10:15:00.000Z`). We accept both (with or
/// without seconds fractions, `Z` or a numeric offset) and always emit the basic form.
public enum ICWSDate {
    /// Parses a basic or extended ISO 8601 date-time. Returns nil for anything else.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// `parse` over a text's UTF-8 bytes (the fast page decoder's dates, read in place).
    static func parse(utf8: UnsafeRawBufferPointer) -> Date? {
        var scanner = DigitScanner(utf8)
        guard let year = scanner.digits(4) else { return nil }
        let extended = scanner.skip(UInt8(ascii: "-"))
        guard let month = scanner.digits(2) else { return nil }
        if extended, !scanner.skip(UInt8(ascii: "-")) { return nil }
        guard let day = scanner.digits(2) else { return nil }
        guard scanner.skip(UInt8(ascii: "T")) || scanner.skip(UInt8(ascii: "t")) || scanner.skip(UInt8(ascii: " ")) else { return nil }
        guard let hour = scanner.digits(2) else { return nil }
        if extended, !scanner.skip(UInt8(ascii: ":")) { return nil }
        guard let minute = scanner.digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if extended ? scanner.skip(UInt8(ascii: ":")) : scanner.peekDigit() {
            guard let s = scanner.digits(2) else { return nil }
            second = s
            if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                guard let f = scanner.fraction() else { return nil }
                fraction = f
            }
        }
        guard let offset = scanner.zone(extended: extended), scanner.atEnd else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 61 else { return nil }

        let date: Date
        if CivilTime.calendarYears.contains(year) {
            let seconds = CivilTime.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
            date = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else {
            var components = DateComponents()
            components.calendar = utcCalendar
            components.timeZone = utcCalendar.timeZone
            components.year = year
            components.month = month
            components.day = day
            components.hour = hour
            components.minute = minute
            components.second = second
            guard let calendarDate = utcCalendar.date(from: components) else { return nil }
            date = calendarDate
        }
        return date.addingTimeInterval(fraction - TimeInterval(offset))
    }

    /// Formats a date the way ICWS servers do: `yyyyMMdd'T'HHmmss'Z'`, UTC, whole seconds.
    public static func basic(_ date: Date) -> String { format(date, extended: false) }

    /// Extended ISO 8601 UTC (`2026-11-28T10:15:00Z`), used by the CLI's JSON output.
    public static func extended(_ date: Date) -> String { format(date, extended: true) }

    /// Both forms, written digit by digit: a page of 1,000 jobs holds thousands of dates, and
    /// `String(format:)` with calendar components costs microseconds each.
    private static func format(_ date: Date, extended: Bool) -> String {
        let date = date.roundedDownToSecond
        guard let c = CivilTime(utc: date) else {
            let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return String(format: extended ? "%04d-%02d-%02dT%02d:%02d:%02dZ" : "%04d%02d%02dT%02d%02d%02dZ",
                          c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        func separator(_ byte: Unicode.Scalar) { if extended { bytes.append(UInt8(ascii: byte)) } }
        put(c.year, 4)
        separator("-")
        put(c.month, 2)
        separator("-")
        put(c.day, 2)
        bytes.append(UInt8(ascii: "T"))
        put(c.hour, 2)
        separator(":")
        put(c.minute, 2)
        separator(":")
        put(c.second, 2)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Days in a month of the proleptic Gregorian calendar, so "Feb 30" is refused instead of
    /// rolling over into March.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension Date {
    var roundedDownToSecond: Date {
        Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down))
    }
}

/// A tiny cursor over ASCII bytes for the date parser.
private struct DigitScanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    func peekDigit() -> Bool {
        index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for i in index..<(index + count) {
            let b = bytes[i]
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    mutating func fraction() -> Double? {
        var scale = 0.1
        var value = 0.0
        var any = false
        while peekDigit() {
            value += Double(bytes[index] - UInt8(ascii: "0")) * scale
            scale /= 10
            index += 1
            any = true
        }
        return any ? value : nil
    }

    /// Seconds east of UTC; `Z` is zero. A missing zone is refused: ICWS dates are always UTC.
    mutating func zone(extended: Bool) -> Int? {
        if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) { return 0 }
        let sign: Int
        if skip(UInt8(ascii: "+")) { sign = 1 } else if skip(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let hours = digits(2) else { return nil }
        let minutes: Int
        if skip(UInt8(ascii: ":")) {
            guard let m = digits(2) else { return nil }
            minutes = m
        } else {
            minutes = digits(2) ?? 0
        }
        guard hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
