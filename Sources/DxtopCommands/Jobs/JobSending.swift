import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import JobComposition

/// The end of `jobs submit` (flags form) and `jobs resubmit`: print it (`--dry-run`), or ask on the
/// terminal unless `--yes`, then POST it.
enum JobSending {
    enum Outcome: Sendable {
        case dryRun(JobConfig)
        case declined
        case submitted(id: String)
    }

    /// Before logging in: without `--yes` a person must be there to ask (dry runs ask nothing).
    static func checkCanAsk(yes: Bool, dryRun: Bool, action: String) throws {
        if !yes, !dryRun, !TerminalInput.isInteractive {
            throw CLIError.usage("refusing to \(action) without --yes: there is no terminal to confirm on")
        }
    }

    /// `place` is where it goes (`ResolvedContext.place`), named in the summary.
    static func send(_ config: JobConfig, session: ICWSSession, ask: Bool, dryRun: Bool,
                     format: TimeFormat, place: String) async throws -> Outcome {
        if dryRun { return .dryRun(config) }
        if ask, await !confirm([config], format: format, place: place) { return .declined }
        return .submitted(id: try await session.submitJob(config))
    }

    /// Asks on the terminal (default No) whether to submit `configs`: the first in full, the
    /// others' windows (a fill's jobs differ only in their window).
    static func confirm(_ configs: [JobConfig], format: TimeFormat, place: String) async -> Bool {
        guard let first = configs.first else { return false }
        var lines = JobSummaryText.lines(first, format: format)
        if configs.count > 1 {
            lines.append("  and \(configs.count - 1) more of the same, with the windows:")
            lines += configs.dropFirst().map { config in
                TimeWindow(of: config).map { "    \(format.timestamp($0.start)) to \(format.timestamp($0.end))" } ?? "    none"
            }
        }
        lines.append("  to: \(place)")
        lines.append(configs.count == 1 ? "Submit this job? [y/N] " : "Submit these \(configs.count) jobs? [y/N] ")
        return await TerminalInput.confirm(lines.joined(separator: "\n"))
    }

    /// Prints what the outcome calls for: the JSON, or the new id; a declined job is a failure.
    static func report(_ outcome: Outcome) throws {
        switch outcome {
        case .dryRun(let config):
            StandardStreams.out(try wireJSON(config))
        case .declined:
            throw CLIError.failure("nothing submitted")
        case .submitted(let id):
            StandardStreams.out(TerminalSafe.clean(id))
        }
    }

    /// The body that would be POSTed, pretty-printed, with terminal-unsafe characters escaped.
    static func wireJSON(_ config: JobConfig) throws -> String {
        let encoder = ICWSJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return SafeJSON.escapeUnsafe(String(decoding: try encoder.encode(config), as: UTF8.self))
    }
}

/// A job's configuration in a few lines, for the y/N question.
enum JobSummaryText {
    static func lines(_ config: JobConfig, format: TimeFormat) -> [String] {
        var lines = ["Job \"\(Cell.clean(config.name, width: 100))\" as \(Cell.clean(config.submittedUserId, width: 50))"]
        for set in config.dataSets {
            let names = set.columnNames
            let shown = names.prefix(6).joined(separator: ", ") + (names.count > 6 ? ", …" : "")
            lines.append("  \(set.kind.rawValue) \(Cell.clean(set.entry.name, width: 60)): \(Cell.clean(shown, width: 120)) (\(names.count) column\(names.count == 1 ? "" : "s"))")
        }
        if let window = TimeWindow(of: config) {
            lines.append("  window: \(format.timestamp(window.start)) to \(format.timestamp(window.end)) (end exclusive; \(TimeFormat.duration(window.length)))")
        } else {
            lines.append("  window: none")
        }
        let sites = config.siteIds
        lines.append("  sites: \(sites.isEmpty ? "all" : Cell.clean(sites.joined(separator: ", "), width: 80))")
        return lines
    }
}
