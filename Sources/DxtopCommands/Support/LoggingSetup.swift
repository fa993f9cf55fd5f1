import Foundation
import Logging
import Synchronization

/// Sets up swift-log once per process: to `--log-file` when given, otherwise nowhere. Never to
/// stderr (the dashboard owns the terminal, and scripts read stderr for `dxtop:` lines).
enum LoggingSetup {
    private static let done = Mutex(false)

    /// Bootstraps logging (first call only) and returns the CLI's logger.
    static func logger(logFile: String?) throws -> Logger {
        let sink = try logFile.map(FileLogHandler.Sink.init(path:))
        done.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                guard let sink else { return SwiftLogNoOpLogHandler() }
                return FileLogHandler(label: label, sink: sink)
            }
        }
        return Logger(label: "dxtop")
    }
}
