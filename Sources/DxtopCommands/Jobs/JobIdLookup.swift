import DisplayText
import ICWSClient
import ICWSWire

/// A job id as typed: a full id, or an unambiguous start of one (the dashboard shows the first 8
/// characters), as git and docker take them.
///
/// A full GUID is used as it is (no extra request). Anything else is looked up in the job list,
/// newest pages first, 1000 jobs a request: the walk stops at an exact id, at a second match (the
/// prefix is ambiguous), or at the end of the history (the only way to know a prefix is unique: the
/// API has no search). Cost in docs/cli.md ("Job ids and prefixes").
enum JobIdLookup {
    static let pageSize = 1000
    /// The most candidates an ambiguous prefix lists.
    static let candidateLimit = 10

    /// The full id `typed` stands for; throws (exit 1) when no job or several jobs match.
    static func fullId(_ typed: String, session: ICWSSession) async throws -> String {
        let typed = typed.trimmingCharacters(in: .whitespaces)
        if isFullGUID(typed) { return typed }
        let wanted = typed.lowercased()
        var matches: [JobStatus] = []
        var searched = 0
        for try await page in session.allJobs(pageSize: pageSize, mode: .status) {
            for job in page.jobs {
                guard let id = job.id else { continue }
                searched += 1
                let lowered = id.lowercased()
                if lowered == wanted { return id }
                if lowered.hasPrefix(wanted), let status = job.jobStatus { matches.append(status) }
            }
            if matches.count > 1 { break }
        }
        switch matches.count {
        case 0:
            throw CLIError.failure("no job id starts with '\(TerminalSafe.clean(typed))' (\(searched) jobs searched); 'dxtop jobs list' shows the ids")
        case 1:
            return matches[0].id
        default:
            let shown = matches.prefix(candidateLimit).map { status in
                "\(TerminalSafe.clean(status.id)) (\(Cell.clean(status.name, width: 30)), \(status.stateText))"
            }
            let more = matches.count > candidateLimit ? ", …" : ""
            throw CLIError.failure("job id prefix '\(TerminalSafe.clean(typed))' is ambiguous: it matches \(shown.joined(separator: ", "))\(more) and maybe more; type more of the id")
        }
    }

    /// The same for an optional id (`--from`).
    static func fullId(ifGiven typed: String?, session: ICWSSession) async throws -> String? {
        guard let typed else { return nil }
        return try await fullId(typed, session: session)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits, as ICWS job ids are.
    static func isFullGUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
