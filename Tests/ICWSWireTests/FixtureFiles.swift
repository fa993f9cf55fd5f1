import Foundation
import ICWSWire

/// Reads the golden files in `Fixtures/` next to this source file (no bundle resources).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try ICWSJSON.decode(type, from: try data(name))
    }

    /// The fixture as a Foundation JSON value, for comparing with what the coders emit.
    static func json(_ name: String) throws -> NSObject {
        try JSONSerialization.jsonObject(with: try data(name)) as! NSObject
    }
}

/// Encodes `value` with the ICWS encoder and parses it back into a Foundation JSON value.
func encodedJSON<T: Encodable>(_ value: T) throws -> NSObject {
    try JSONSerialization.jsonObject(with: try ICWSJSON.encode(value)) as! NSObject
}

/// A UTC instant built without ICWSDate, so date tests do not check the parser against itself.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, _ fraction: Double = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return calendar.date(from: components)!.addingTimeInterval(fraction)
}
