#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal cells text takes, by the C library's `wcwidth` in a UTF-8 locale — the rule
/// ncurses uses to place every scalar it draws, so layout and drawing agree by construction.
///
/// A string's width is the sum of its scalars' widths (combining marks and other zero-width scalars
/// add 0, East Asian wide characters and most emoji 2). Text is measured after `TerminalSafe.clean`,
/// which removes what `wcwidth` cannot place (controls, unassigned scalars) and the zero-width
/// format characters (ZWJ, ZWSP, …) that terminals draw inconsistently.
public enum DisplayWidth {
    /// Cells taken by `text`.
    public static func of(_ text: String) -> Int {
        // Most text on screen is ASCII: its bytes are its scalars, read without decoding.
        var total = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return scalarSum(text) }
            if byte >= 0x20 && byte != 0x7F { total += 1 }
        }
        return total
    }

    private static func scalarSum(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += cells(scalar) }
        return total
    }

    /// Cells taken by one character (grapheme cluster): the sum of its scalars.
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += cells(scalar) }
        return total
    }

    /// The longest prefix of `text` that fits in `width` cells, whole characters only. A wide
    /// character that would straddle the limit is left out.
    public static func clip(_ text: String, to width: Int) -> String {
        fit(text, in: width).text
    }

    /// `clip(text, to: width)` and the cells it takes, measured once.
    public static func fit(_ text: String, in width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        // Nearly every call is for text that fits; measuring is far cheaper than walking
        // characters, which is left for the text that must be cut.
        let whole = of(text)
        if whole <= width { return (text, whole) }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    /// `text` clipped to `width` cells, then padded with spaces to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let (clipped, used) = fit(text, in: width)
        return used >= width ? clipped : clipped + String(repeating: " ", count: width - used)
    }

    /// Cells for one scalar: `wcwidth`, with 0 for what it cannot place (clean text has none).
    public static func cells(_ scalar: Unicode.Scalar) -> Int {
        max(0, wcwidth(of: scalar))
    }

    /// True when `wcwidth` can place the scalar (it is neither a control nor unassigned).
    public static func isPlaceable(_ scalar: Unicode.Scalar) -> Bool {
        wcwidth(of: scalar) >= 0
    }

    /// The C library's answer in a UTF-8 locale: -1 (not printable), 0, 1 or 2.
    static func wcwidth(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x10000, let table = basicPlane { return Int(table[Int(v)]) }
        return libcAnswer(v)
    }

    private static func libcAnswer(_ v: UInt32) -> Int {
        guard let locale = utf8Locale, let libcWidth else { return v < 0x20 || v == 0x7F ? -1 : 1 }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return Int(libcWidth(wchar_t(bitPattern: v)))
    }

    /// `wcwidth` of every scalar below U+10000, asked once: a frame measures thousands of
    /// characters, and one call each (with its locale switch) cost more than drawing them.
    private static let basicPlane: [Int8]? = {
        guard let locale = utf8Locale, let libcWidth else { return nil }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return (0..<0x10000).map { v in
            (0xD800...0xDFFF).contains(v) ? -1 : Int8(clamping: libcWidth(wchar_t(v)))
        }
    }()

    /// `wcwidth(3)`, looked up at run time: the Glibc module does not export it (it sits behind
    /// `_XOPEN_SOURCE` in the headers), but every C library has it.
    private static let libcWidth: (@convention(c) (wchar_t) -> Int32)? = {
        #if canImport(Glibc)
        let handle = dlopen(nil, RTLD_NOW)
        #else
        let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(handle, "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    /// The UTF-8 locale widths come from, set per call on this thread only (`uselocale`), so the
    /// process locale is left as the program set it. Nil when the system has no UTF-8 locale.
    private nonisolated(unsafe) static let utf8Locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }()
}
