#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one line from a file descriptor byte by byte, so nothing after the line is consumed
/// (standard input may still hold a job configuration after a `--password-stdin` line).
enum LineReader {
    /// The line without its `\n` or `\r\n`; nil at end of input before any byte.
    static func readLine(from fd: Int32) -> String? {
        if case .line(let line) = readLine(from: fd, unless: nil) { return line }
        return nil
    }

    enum Outcome: Equatable {
        case line(String)
        case endOfInput
        /// `wake` became readable first: the question was given up (its task was cancelled).
        case abandoned
        /// One of the bytes asked for ended the line (a terminal's Ctrl-C or Ctrl-Z as a byte).
        case ended(by: UInt8)
    }

    /// The same, given up as soon as `wake` is readable or at a byte of `endings`: nothing typed
    /// after that is read, so it reaches the shell instead of a question nobody waits for.
    static func readLine(from fd: Int32, unless wake: Int32?, endings: Set<UInt8> = []) -> Outcome {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        var sawAny = false
        while true {
            if let wake {
                var watched = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0), pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&watched, 2, -1)
                if ready < 0 && errno == EINTR { continue }
                if ready < 0 || watched[0].revents != 0 { return .abandoned }
            }
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            guard n == 1 else { break }
            sawAny = true
            if endings.contains(byte) { return .ended(by: byte) }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        guard sawAny else { return .endOfInput }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }
}
