import DisplayText
import Foundation
import ICWSWire
import Logging
import Synchronization

/// A swift-log handler that appends one line per message to a file shared by every logger.
///
/// Line format: `2026-11-28T10:15:00Z info dxtop.client: message key=value ...`; message and
/// metadata pass through `TerminalSafe.clean` (line breaks become spaces, controls `?`).
struct FileLogHandler: LogHandler {
    /// The open file; one writer at a time.
    final class Sink: Sendable {
        private let handle: Mutex<FileHandle>

        init(path: String) throws {
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CLIError.failure("cannot create log file \(path)")
                }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CLIError.failure("cannot open log file \(path) for writing")
            }
            handle.seekToEndOfFile()
            self.handle = Mutex(handle)
        }

        func write(_ line: String) {
            handle.withLock { try? $0.write(contentsOf: Data((line + "\n").utf8)) }
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
