import Foundation

/// The two text formats `/metrics` speaks: Prometheus's (version 0.0.4, swift-prometheus's own
/// output) and OpenMetrics 1.0, chosen from the scraper's `Accept` header.
public enum ExpositionFormat: Sendable, Equatable {
    case prometheusText
    case openMetrics

    /// OpenMetrics when the scraper names it in `Accept` (Prometheus does, first, by default);
    /// the Prometheus text format otherwise. A quality of 0 refuses a type.
    public init(accept: String?) {
        let offered = (accept ?? "").split(separator: ",").contains { range in
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "application/openmetrics-text" else { return false }
            return !parts.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "").hasPrefix("q=0") && !$0.contains(".") }
        }
        self = offered ? .openMetrics : .prometheusText
    }

    public var contentType: String {
        switch self {
        case .prometheusText: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }

    /// `text` (swift-prometheus's Prometheus text) in this format.
    public func render(_ text: [UInt8]) -> [UInt8] {
        switch self {
        case .prometheusText: text
        case .openMetrics: OpenMetricsText.convert(text, end: true)
        }
    }
}

/// Prometheus text to OpenMetrics: a counter family is named without its `_total` suffix in
/// `# HELP` and `# TYPE` (its samples keep it), and the exposition ends with `# EOF`. Everything
/// else (label escaping, gauges, histograms) reads the same in both. `end: false` leaves out the
/// `# EOF`, for a part that more text follows.
enum OpenMetricsText {
    static func convert(_ text: [UInt8], end: Bool) -> [UInt8] {
        let lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        let typePrefix = Array("# TYPE ".utf8)
        let helpPrefix = Array("# HELP ".utf8)
        let counterSuffix = Array(" counter".utf8)
        let total = Array("_total".utf8)
        var counters = Set<[UInt8]>()
        for line in lines where line.starts(with: typePrefix) && line.reversed().starts(with: counterSuffix.reversed()) {
            let name = Array(line.dropFirst(typePrefix.count).dropLast(counterSuffix.count))
            if name.reversed().starts(with: total.reversed()) { counters.insert(name) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 16)
        for line in lines {
            if line.starts(with: typePrefix) || line.starts(with: helpPrefix) {
                let rest = line.dropFirst(typePrefix.count)
                let name = Array(rest.prefix { $0 != UInt8(ascii: " ") })
                if counters.contains(name) {
                    out.append(contentsOf: line.prefix(typePrefix.count))
                    out.append(contentsOf: name.dropLast(total.count))
                    out.append(contentsOf: rest.dropFirst(name.count))
                    out.append(UInt8(ascii: "\n"))
                    continue
                }
            }
            out.append(contentsOf: line)
            out.append(UInt8(ascii: "\n"))
        }
        if end { out.append(contentsOf: Self.end) }
        return out
    }

    static let end = Array("# EOF\n".utf8)
}
