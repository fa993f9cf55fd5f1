/// Makes untrusted text (job names, user ids, error messages from the server) safe to put on a
/// terminal: nothing in the result can move the cursor, change colours, retitle the window or
/// reorder text, and every scalar left has the width `DisplayWidth` gives it.
///
/// - C0 controls (including ESC, CR, LF, TAB), DEL and C1 controls become visible marks:
///   TAB, newlines and the line/paragraph separators become a space (so wrapped error text still
///   reads), everything else `?`.
/// - Format characters are removed: bidi embeddings, overrides, isolates and marks, and the
///   zero-width ones (ZWJ, ZWNJ, ZWSP, word joiner, BOM, tags), which terminals draw as 0, 1 or 2
///   cells, or join emoji into one glyph, while `wcwidth` counts each part. Variation selectors go
///   too (an emoji selector makes some terminals draw a narrow symbol wide).
/// - A scalar `wcwidth` cannot place (unassigned, or a control it does not know) becomes `?`.
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
        if v >= 0x20 && v < 0x7F { return true }
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return false }
        if isRemoved(s) { return false }
        return DisplayWidth.isPlaceable(s)
    }

    /// Format characters (bidi controls and marks, zero-width joiners and spaces, tags) and
    /// variation selectors.
    private static func isRemoved(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
        return s.properties.generalCategory == .format
    }

    private static func replacement(for s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: return " "
        default: return isRemoved(s) ? nil : "?"
        }
    }
}
