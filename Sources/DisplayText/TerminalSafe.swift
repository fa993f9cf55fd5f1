/// Makes untrusted text (job names, user ids, error messages from the server) safe to put on a
/// terminal: nothing in the result can move the cursor, change colours, retitle the window or
/// reorder text.
///
/// - C0 controls (including ESC, CR, LF, TAB), DEL and C1 controls become `�`-free visible marks:
///   TAB and newlines become a space (so wrapped error text still reads), everything else `?`.
/// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the invisible
///   direction marks (U+200E, U+200F, U+061C) are removed.
public enum TerminalSafe {
    public static func clean(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where !isPlain(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }

        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isPlain(scalar) {
                out.append(scalar)
            } else if let replacement = replacement(for: scalar) {
                out.append(replacement)
            }
        }
        return String(out)
    }

    /// True if the text would pass through `clean` unchanged.
    public static func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isPlain)
    }

    private static func isPlain(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return false }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return false }
        if v == 0x200E || v == 0x200F || v == 0x061C { return false }
        return true
    }

    private static func replacement(for s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x09, 0x0A, 0x0D: " "
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: nil
        default: "?"
        }
    }
}
