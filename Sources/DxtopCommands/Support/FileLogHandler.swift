import DisplayText
import Foundation
import ICWSWire
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A swift-log handler that appends one line per message to a file shared by every logger.
///
/// Line format: `2026-11-28T10:15:00Z info dxtop.client: message key=value ...`; message and
/// metadata pass through `TerminalSafe.clean` (line breaks become spaces, controls `?`).
struct FileLogHandler: LogHandler {
    /// The open log; one writer at a time.
    ///
    /// Opened for appending (`O_APPEND`, so pipes, FIFOs and terminals work as well as files). A new
    /// file is created 0600 and an existing one is made 0600. A symbolic link is refused when it
    /// leads to a regular file (someone could point the log at a file of yours); one to a pipe or
    /// terminal, such as `/dev/stderr`, is allowed.
    final class Sink: Sendable {
        private let descriptor: Mutex<Int32>

        init(path: String) throws {
            let shown = TerminalSafe.clean(path)
            var fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            let followed = fd < 0 && errno == ELOOP
            if followed { fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC) }
            guard fd >= 0 else {
                throw CLIError.failure("cannot open log file \(shown): \(String(cString: strerror(errno)))")
            }
            var info = stat()
            guard fstat(fd, &info) == 0 else {
                close(fd)
                throw CLIError.failure("cannot open log file \(shown): \(String(cString: strerror(errno)))")
            }
            if (info.st_mode & S_IFMT) == S_IFREG {
                if followed {
                    close(fd)
                    throw CLIError.failure("log file \(shown) is a symbolic link to a file; give the file itself")
                }
                if info.st_mode & 0o777 != 0o600, fchmod(fd, 0o600) != 0 {
                    close(fd)
                    throw CLIError.failure("cannot make log file \(shown) private (mode 0600): \(String(cString: strerror(errno)))")
                }
            }
            descriptor = Mutex(fd)
        }

        deinit { descriptor.withLock { _ = close($0) } }

        /// Writes the whole line (one `write` for most lines, so records from threads do not interleave).
        func write(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            descriptor.withLock { fd in
                var offset = 0
                while offset < bytes.count {
                    let written = bytes.withUnsafeBytes { Self.systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else if written < 0, errno == EAGAIN, Self.waitWritable(fd) {
                        continue
                    } else {
                        return  // a closed pipe or full disk: logging must not stop the program
                    }
                }
            }
        }

        private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
            #if canImport(Glibc)
            Glibc.write(fd, buffer, count)
            #else
            Darwin.write(fd, buffer, count)
            #endif
        }

        /// For a non-blocking pipe that is full: waits up to a second for room (a stalled reader
        /// costs lost log lines, never a spinning writer).
        private static func waitWritable(_ fd: Int32) -> Bool {
            var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            return poll(&entry, 1, 1000) == 1
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        // Messages and metadata carry server text: clean it, so the log stays one line per record
        // and `cat`/`tail` of the log cannot drive the terminal.
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }
            .map { "\(TerminalSafe.clean($0.key))=\(TerminalSafe.clean("\($0.value)"))" }.joined(separator: " ")
        sink.write("\(ICWSDate.extended(Date())) \(event.level) \(label): \(TerminalSafe.clean("\(event.message)"))\(details)")
    }
}
