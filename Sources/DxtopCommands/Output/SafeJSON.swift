import Foundation

/// Encodes the CLI's `--json` output so that `cat`-ing it to a terminal is harmless.
///
/// JSONEncoder already escapes C0 controls; this also writes DEL, C1 controls, bidi embeddings,
/// overrides, isolates and direction marks, and the line/paragraph separators as `\uXXXX`. Those
/// characters can only occur inside JSON strings, so the result is equivalent JSON.
enum SafeJSON {
    /// Pretty-printed (two-space indent), keys sorted.
    static func pretty<T: Encodable>(_ value: T) throws -> String {
        try encode(value, formatting: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    /// One line, keys sorted (JSON Lines for streams such as `jobs watch --json`).
    static func line<T: Encodable>(_ value: T) throws -> String {
        try encode(value, formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func encode<T: Encodable>(_ value: T, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return escapeUnsafe(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func escapeUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F: false  // structural newlines of pretty output; the encoder escapes the rest
        case 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
