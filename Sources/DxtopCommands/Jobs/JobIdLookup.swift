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
        try await fullIds([typed], session: session)[0].get()
    }

    /// The full ids several typed ids stand for, from one walk of the list, which stops once every
    /// prefix has its answer (an exact id, or a second match); per id, the id or why not.
    static func fullIds(_ typed: [String], session: ICWSSession) async throws -> [Result<String, CLIError>] {
        let wanted = typed.map { $0.trimmingCharacters(in: .whitespaces) }
        let lowered = wanted.map { $0.lowercased() }
        var answers: [Result<String, CLIError>?] = wanted.map { isFullGUID($0) ? .success($0) : nil }
        var matches = [[JobStatus]](repeating: [], count: wanted.count)
        var searched = 0
        if answers.contains(where: { $0 == nil }) {
            for try await page in session.allJobs(pageSize: pageSize, mode: .status) {
                for job in page.jobs {
                    guard let id = job.id else { continue }
                    searched += 1
                    let candidate = id.lowercased()
                    for index in wanted.indices where answers[index] == nil {
                        if candidate == lowered[index] {
                            answers[index] = .success(id)
                        } else if candidate.hasPrefix(lowered[index]), let status = job.jobStatus {
                            matches[index].append(status)
                        }
                    }
                }
                if !wanted.indices.contains(where: { answers[$0] == nil && matches[$0].count < 2 }) { break }
            }
        }
        return wanted.indices.map { index in
            if let answer = answers[index] { return answer }
            if matches[index].count == 1 { return .success(matches[index][0].id) }
            return .failure(unmatched(wanted[index], searched: searched, complete: false, candidates: matches[index].map { status in
                "\(TerminalSafe.clean(status.id)) (\(Cell.clean(status.name, width: 30)), \(status.stateText))"
            }))
        }
    }

    /// The full id `typed` stands for among ids already read (newest first), without a request;
    /// `describe` gives a candidate's line when the prefix is ambiguous.
    static func fullId(_ typed: String, among ids: [String], describe: (String) -> String) throws -> String {
        let typed = typed.trimmingCharacters(in: .whitespaces)
        let wanted = typed.lowercased()
        if let exact = ids.first(where: { $0.lowercased() == wanted }) { return exact }
        let matches = ids.filter { $0.lowercased().hasPrefix(wanted) }
        guard matches.count == 1 else { throw unmatched(typed, searched: ids.count, complete: true, candidates: matches.map(describe)) }
        return matches[0]
    }

    /// The failure of a prefix that matched no job or several (`candidates`, described; `complete`
    /// when every job was searched, else the search stopped at the second match).
    private static func unmatched(_ typed: String, searched: Int, complete: Bool, candidates: [String]) -> CLIError {
        guard !candidates.isEmpty else {
            return CLIError.failure("no job id starts with '\(TerminalSafe.clean(typed))' (\(searched) jobs searched); 'dxtop jobs list' shows the ids")
        }
        let more = candidates.count > candidateLimit ? ", …" : ""
        let total = complete ? " (\(candidates.count) jobs)" : " and maybe more"
        return CLIError.failure("job id prefix '\(TerminalSafe.clean(typed))' is ambiguous: it matches \(candidates.prefix(candidateLimit).joined(separator: ", "))\(more)\(total); type more of the id")
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
