import ArgumentParser
import DisplayText
import ICWSClient
import ICWSWire
import Synchronization

/// The results of a bulk action, one line on stdout per job as it is known, and the counts that
/// make the closing line and the exit status: 0 when every request went through (jobs already
/// ended are only reported), 1 when one was refused, not sent, or an id or a context failed, 4
/// when nothing failed but jobs of read-only contexts were left out.
struct BulkReport: Sendable {
    let verb: String
    let contexts: [ResolvedContext]
    private(set) var sentCount = 0, failedCount = 0, endedCount = 0, readOnlyCount = 0, declinedCount = 0, pendingCount = 0

    init(verb: String, contexts: [ResolvedContext]) {
        self.verb = verb
        self.contexts = contexts
    }

    /// `job 3f2b… "nightly" (started, context prod)`: a job as the lines name it.
    func describe(_ job: BulkSelection.Found, state: Bool) -> String {
        let context = contexts[job.context].name.map { "context \(TerminalSafe.clean($0))" }
        let notes = [state ? job.status.stateText : nil, context].compactMap { $0 }
        return "job \(TerminalSafe.clean(job.status.id)) \"\(Cell.clean(job.status.name, width: 60))\""
            + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
    }

    /// `Cancel 12 jobs on 2 servers? 3 already ended and will be skipped [y/N] `.
    func question(_ toSend: [BulkSelection.Found]) -> String {
        let servers = Set(toSend.map(\.context)).count
        var extra: [String] = []
        if endedCount > 0 { extra.append("\(endedCount) already ended and will be skipped") }
        if readOnlyCount > 0 { extra.append("\(readOnlyCount) in read-only contexts left out") }
        return "\(verb.prefix(1).uppercased() + verb.dropFirst()) \(Self.jobs(toSend.count)) on \(servers) server\(servers == 1 ? "" : "s")?"
            + (extra.isEmpty ? "" : " " + extra.joined(separator: "; ")) + " [y/N] "
    }

    mutating func sent(_ job: BulkSelection.Found, detail: String?) {
        sentCount += 1
        StandardStreams.out("sent: \(verb) of \(describe(job, state: false))" + (detail.map { " \($0)" } ?? ""))
    }

    /// The request failed: refused with the server's words, not sent, or maybe not arrived.
    mutating func failed(_ job: BulkSelection.Found, _ error: any Error) {
        failedCount += 1
        let why = OneLine.safe(FailureReport.describe(error))
        let kind = (error as? ICWSError)?.failure.kind
        let word = switch kind {
        case .unavailable?: "not sent"
        case .timeout?: "may not have reached the server"
        default: "refused"
        }
        StandardStreams.out("\(word): \(verb) of \(describe(job, state: false)): \(why)")
    }

    mutating func alreadyEnded(_ job: BulkSelection.Found) {
        endedCount += 1
        StandardStreams.out("already ended: \(describe(job, state: true)); nothing to \(verb)")
    }

    mutating func skippedReadOnly(_ job: BulkSelection.Found) {
        readOnlyCount += 1
        StandardStreams.out("skipped: \(describe(job, state: false)): the context is read-only")
    }

    mutating func notFound(_ lines: [String]) {
        failedCount += lines.count
        for line in lines { StandardStreams.out("not found: \(line)") }
    }

    mutating func contextFailed(_ context: ResolvedContext, _ error: any Error) {
        failedCount += 1
        let message = OneLine.safe(FailureReport.describe(ContextFailure.wrap(error, context)))
        let prefix = "context '\(ConfigFile.visible(context.label))': "
        StandardStreams.note(message.hasPrefix(prefix) ? message : prefix + message)
    }

    mutating func declined(_ count: Int) { declinedCount = count }

    /// A dry run's line for a job that would be sent.
    mutating func wouldSend(_ job: BulkSelection.Found) {
        pendingCount += 1
        StandardStreams.out("would \(verb): \(describe(job, state: true))")
    }

    /// The closing line on stdout, and the failure (one line on stderr) when not all went through.
    func finish(dryRun: Bool) throws {
        var parts = [dryRun ? "\(pendingCount) to \(verb)" : "\(sentCount) sent"]
        if failedCount > 0 { parts.append("\(failedCount) failed") }
        if endedCount > 0 { parts.append("\(endedCount) already ended") }
        if readOnlyCount > 0 { parts.append("\(readOnlyCount) left out (read-only)") }
        if declinedCount > 0 { parts.append("\(declinedCount) not sent (answered No)") }
        StandardStreams.out("\(verb): " + parts.joined(separator: ", ") + (dryRun ? " (dry run: nothing sent)" : ""))
        let undone = failedCount + declinedCount
        if undone > 0 {
            throw CLIError.failure("\(verb): \(undone) of \(sentCount + undone) not done (see the lines above)")
        }
        if readOnlyCount > 0 {
            throw CLIError("\(verb): \(Self.jobs(readOnlyCount)) of read-only contexts left out", status: .permissionDenied)
        }
    }

    static func jobs(_ count: Int) -> String { "\(count) job\(count == 1 ? "" : "s")" }
}

/// The report shared by the concurrent tasks of a bulk run.
final class BulkReportBox: Sendable {
    private let state: Mutex<BulkReport>

    init(_ report: BulkReport) { state = Mutex(report) }

    var value: BulkReport { state.withLock { $0 } }

    func update(_ change: (inout BulkReport) -> Void) { state.withLock { change(&$0) } }
}
