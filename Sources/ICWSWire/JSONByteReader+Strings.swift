/// `JSONByteReader`'s strings: plain ones read in place, others unescaped into its scratch.
extension JSONByteReader {
    /// After a string's opening quote: its bytes when they hold no escape and no byte outside
    /// printable ASCII, the closing quote consumed; nil (nothing consumed) otherwise.
    mutating func plainText() -> UnsafeRawBufferPointer? {
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                defer { index = end + 1 }
                return UnsafeRawBufferPointer(rebasing: bytes[index..<end])
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            end += 1
        }
        return nil
    }

    /// After a string's opening quote: `body` of its bytes, read in place when plain, else
    /// unescaped into `scratch`; the closing quote consumed.
    mutating func withStringBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) throws(Declined) -> R {
        if let plain = plainText() { return body(plain) }
        try unescape()
        return scratch.withUnsafeBytes(body)
    }

    /// From just after a string's opening quote to just after its closing one: the text, unescaped,
    /// into `scratch`. Non-ASCII bytes are kept only when well-formed UTF-8 (otherwise the Codable
    /// path repairs the body, with a warning).
    mutating func unescape() throws(Declined) {
        scratch.removeAll(keepingCapacity: true)
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Declined() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"): try appendEscapedScalar()
                default: throw Declined()
                }
            case 0..<0x20:
                throw Declined()
            case 0..<0x80:
                scratch.append(byte)
            default:
                let length = Self.wellFormedUTF8Length(bytes, at: index - 1)
                guard length > 0 else { throw Declined() }
                scratch.append(contentsOf: bytes[(index - 1)..<(index - 1 + length)])
                index += length - 1
            }
        }
        throw Declined()
    }

    /// After `\u`: the scalar of four hex digits, or of a surrogate pair.
    private mutating func appendEscapedScalar() throws(Declined) {
        var value = try hexQuad()
        if (0xD800..<0xDC00).contains(value) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { throw Declined() }
            index += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw Declined() }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { throw Declined() }
        scratch.append(contentsOf: scalar.utf8)
    }

    private mutating func hexQuad() throws(Declined) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Declined() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Declined()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence starting at `start` (Unicode's table 3-7),
    /// 0 when it is not one.
    static func wellFormedUTF8Length(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Int {
        let lead = bytes[start]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF4: length = 4; second = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard start + length <= bytes.count, second.contains(bytes[start + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) { return 0 }
        return length
    }
}
