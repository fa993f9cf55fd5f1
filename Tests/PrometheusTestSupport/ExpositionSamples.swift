/// The samples of a Prometheus text exposition, parsed the way Prometheus reads them (label
/// values unescaped), for tests that compare values and labels.
public struct ExpositionSample: Sendable, Equatable {
    public let name: String
    public let labels: [String: String]
    public let value: Double
}

public enum ExpositionSamples {
    /// Every sample line; nil when a line is not valid exposition.
    public static func parse(_ text: String) -> [ExpositionSample]? {
        var samples: [ExpositionSample] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let sample = sample(Substring(line)) else { return nil }
            samples.append(sample)
        }
        return samples
    }

    /// The value of the one sample named `name` whose labels include `labels`.
    public static func value(_ samples: [ExpositionSample], _ name: String, _ labels: [String: String]) -> Double? {
        let matching = samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
        return matching.count == 1 ? matching[0].value : nil
    }

    private static func sample(_ line: Substring) -> ExpositionSample? {
        var rest = line
        let name = rest.prefix { $0 != "{" && $0 != " " }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let key = rest.prefix { $0 != "=" }
                rest = rest.dropFirst(key.count)
                guard rest.hasPrefix("=\"") else { return nil }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { return nil }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "n": value.append("\n")
                        case "\\", "\"": value.append(escaped)
                        default: return nil
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { return nil }
                rest = rest.dropFirst()
                labels[String(key)] = value
                if rest.first == "," { rest = rest.dropFirst() }
                guard !rest.isEmpty else { return nil }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " ", let value = Double(rest.dropFirst().split(separator: " ").first ?? "") else { return nil }
        return ExpositionSample(name: String(name), labels: labels, value: value)
    }
}
