/// The fast page decoder's answer to anything it does not read exactly as `JSONDecoder` would
/// with no warning: the caller then decodes the body the Codable way.
struct Declined: Error {}

/// A strict JSON reader over a body's bytes, for `JobPageDecoder` (a fast path only).
///
/// Hand-written because no fast JSON library is among the packages this machine serves, and
/// Foundation's `JSONDecoder` spent most of a history walk's CPU on job pages. It accepts a
/// subset of what `JSONDecoder` accepts and declines (`Declined`) everything else: RFC 8259
/// grammar only, well-formed UTF-8 only, no `\u0000` and no unpaired surrogate, integers without
/// fraction or exponent and of at most 18 digits, keys in ASCII, nesting at most `maximumDepth`.
struct JSONByteReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    /// A string with escapes is unescaped here.
    var scratch: [UInt8] = []
    /// The data set lists read so far, by the hash of their bytes (`JobPageDecoder`: the jobs of
    /// one series share one list).
    var dataSetLists: [Int: [DataSetListRead]] = [:]

    static let maximumDepth = 64

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Where an object's members stand: whether one was read, and which known keys were seen.
    struct ObjectCursor {
        var started = false
        var seen: UInt32 = 0
    }

    // MARK: Structure

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed; nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func expect(_ byte: UInt8) throws(Declined) {
        guard peek() == byte else { throw Declined() }
        index += 1
    }

    /// Only whitespace is left.
    mutating func expectEnd() throws(Declined) {
        guard peek() == nil else { throw Declined() }
    }

    /// `null`, consumed; false (nothing consumed) for anything else.
    mutating func skipNull() throws(Declined) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// After `{`: the next member's key, as its position in `keys` (-1 for a key not among them,
    /// whose value the caller skips), the colon consumed; nil at `}`. A known key seen twice is
    /// declined (which of the two `JSONDecoder` keeps is not ours to guess).
    mutating func member(_ keys: [StaticString], _ cursor: inout ObjectCursor) throws(Declined) -> Int? {
        if cursor.started {
            guard let byte = peek() else { throw Declined() }
            index += 1
            if byte == UInt8(ascii: "}") { return nil }
            guard byte == UInt8(ascii: ",") else { throw Declined() }
        } else {
            cursor.started = true
            if peek() == UInt8(ascii: "}") {
                index += 1
                return nil
            }
        }
        let key = try key(keys)
        try expect(UInt8(ascii: ":"))
        if key >= 0 {
            let bit: UInt32 = 1 << UInt32(key)
            guard cursor.seen & bit == 0 else { throw Declined() }
            cursor.seen |= bit
        }
        return key
    }

    /// After `[`: true when an element follows (the comma consumed), false at `]`.
    mutating func element(_ started: inout Bool) throws(Declined) -> Bool {
        guard let byte = peek() else { throw Declined() }
        if byte == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if started {
            guard byte == UInt8(ascii: ",") else { throw Declined() }
            index += 1
        }
        started = true
        return true
    }

    private mutating func key(_ keys: [StaticString]) throws(Declined) -> Int {
        try expect(UInt8(ascii: "\""))
        // A non-ASCII key is never one of ours, but Swift compares strings by canonical
        // equivalence (U+212A is "K"): not worth telling apart here.
        let position = try withStringBytes { $0.allSatisfy { $0 < 0x80 } ? Self.position(of: $0, in: keys) : nil }
        guard let position else { throw Declined() }
        return position
    }

    private static func position(of key: UnsafeRawBufferPointer, in keys: [StaticString]) -> Int {
        for (position, name) in keys.enumerated() where name.utf8CodeUnitCount == key.count {
            if key.elementsEqual(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) { return position }
        }
        return -1
    }

    // MARK: Values

    /// A string value; declined for any other value.
    mutating func string() throws(Declined) -> String {
        try expect(UInt8(ascii: "\""))
        return try withStringBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// A string, nil for `null`; declined for any other value.
    mutating func optionalString() throws(Declined) -> String? {
        try skipNull() ? nil : string()
    }

    /// An integer (`-?(0|[1-9][0-9]*)`, at most 18 digits, not `-0`), nil for `null`; declined
    /// for any other value, a fraction or an exponent included.
    mutating func optionalInteger() throws(Declined) -> Int64? {
        if try skipNull() { return nil }
        guard let first = peek() else { throw Declined() }
        let negative = first == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var value: Int64 = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            // Counted before the multiplication: a 19th digit could overflow Int64.
            guard index - start < 18 else { throw Declined() }
            value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0"), !(negative && value == 0) else { throw Declined() }
        if index < bytes.count {
            let next = bytes[index]
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { throw Declined() }
        }
        return negative ? -value : value
    }

    /// Steps over one value of any type, checking its grammar; at most `maximumDepth` levels
    /// deep below where it starts (`depth`: how deep this value is in the one skipped).
    mutating func skipValue(depth: Int = 0) throws(Declined) {
        guard depth < Self.maximumDepth, let byte = peek() else { throw Declined() }
        switch byte {
        case UInt8(ascii: "\""):
            index += 1
            try withStringBytes { _ in }
        case UInt8(ascii: "{"):
            index += 1
            var cursor = ObjectCursor()
            while try member([], &cursor) != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            var started = false
            while try element(&started) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Declined) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)])
                .elementsEqual(UnsafeRawBufferPointer(start: word.utf8Start, count: count)) else { throw Declined() }
        index += count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() throws(Declined) {
        func digits(_ reader: inout JSONByteReader) -> Int {
            let start = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.index += 1
            }
            return reader.index - start
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let start = index
        let whole = digits(&self)
        guard whole > 0, whole == 1 || bytes[start] != UInt8(ascii: "0") else { throw Declined() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw Declined() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw Declined() }
        }
    }
}
