import Foundation

/// A JSON array whose elements that do not decode are skipped, each with a one-line reason,
/// so one bad entry does not lose the good ones next to it.
public struct LossyList<Element: Decodable & Sendable>: Decodable, Sendable {
    public var elements: [Element] = []
    /// "entry 3: missing field 'name' at ...", one per skipped element.
    public var problems: [String] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var position = 0
        while !container.isAtEnd {
            do {
                elements.append(try container.decode(Element.self))
            } catch {
                problems.append("entry \(position): \(ICWSJSON.describe(error))")
                // Step over the element that failed.
                _ = try container.decode(SkippedValue.self)
            }
            position += 1
        }
    }

    private struct SkippedValue: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}
