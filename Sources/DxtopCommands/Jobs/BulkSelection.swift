import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import JobQuery

/// How a bulk command chooses its jobs: typed ids (or prefixes), or a filter over every job of
/// each context (`--state`, `--older-than`, `--filter`, `--failed-since` become one `JobQuery`).
enum BulkSelection: Sendable {
    case ids([String])
    case query(JobQuery)

    /// A job found in one context (its position among the command's contexts).
    struct Found: Sendable {
        let context: Int
        let status: JobStatus
    }

    /// What one context has of the selection: for ids, per typed id the job or why not (a prefix
    /// no job starts with, or an ambiguous one); for a query, the matching jobs.
    enum InContext: Sendable {
        case ids([Result<JobStatus, CLIError>])
        case matches([JobStatus])
    }

    /// Reads what `session` (the context named `context`) has of the selection. A failure that is
    /// not about one id (the server down, a refused login) is thrown: the whole context failed.
    func find(in session: ICWSSession, context: String?, now: Date) async throws -> InContext {
        switch self {
        case .ids(let typed):
            var outcomes: [Result<JobStatus, CLIError>] = []
            for id in typed { outcomes.append(try await Self.find(id, in: session)) }
            return .ids(outcomes)
        case .query(let query):
            var jobs: [JobStatus] = []
            try await JobPageWalk.walk(session: session, count: JobPageWalk.allPageSize, from: nil, all: true) { page in
                jobs += page.filter { query.matches($0, context: context, now: now) }
            }
            return .matches(jobs)
        }
    }

    private static func find(_ typed: String, in session: ICWSSession) async throws -> Result<JobStatus, CLIError> {
        do {
            let id = try await JobIdLookup.fullId(typed, session: session)
            guard let status = try await session.job(id: id, mode: .status).jobStatus else {
                return .failure(CLIError.failure("the server sent no status for job \(Bulk.clean(id))"))
            }
            return .success(status)
        } catch let error as CLIError {
            return .failure(error)
        } catch let error as ICWSError where error.failure.kind == .notFound {
            return .failure(CLIError.failure("no job \(Bulk.clean(typed)) on this server"))
        }
    }

    /// Every context's findings put together: the jobs, in the contexts' order, and one line per
    /// typed id that no context (or more than one) has.
    func combine(_ found: [(context: Int, name: String?, InContext)]) -> (jobs: [Found], missing: [String]) {
        var jobs: [Found] = []
        var missing: [String] = []
        switch self {
        case .query:
            for (context, _, inContext) in found {
                if case .matches(let statuses) = inContext { jobs += statuses.map { Found(context: context, status: $0) } }
            }
        case .ids(let typed):
            for (index, id) in typed.enumerated() {
                var hits: [Found] = []
                var whyNot: [String] = []
                for (context, name, inContext) in found {
                    guard case .ids(let outcomes) = inContext else { continue }
                    switch outcomes[index] {
                    case .success(let status): hits.append(Found(context: context, status: status))
                    case .failure(let error): whyNot.append((name.map { "context '\(Bulk.clean($0))': " } ?? "") + error.message)
                    }
                }
                if hits.count == 1, !jobs.contains(where: { $0.context == hits[0].context && $0.status.id == hits[0].status.id }) {
                    jobs.append(hits[0])
                } else if hits.count > 1 {
                    missing.append("job id '\(Bulk.clean(id))' is in several contexts; give one with --context")
                } else if hits.isEmpty {
                    missing.append(found.count == 1 ? whyNot.joined() : "'\(Bulk.clean(id))': " + whyNot.joined(separator: "; "))
                }
            }
        }
        return (jobs, missing)
    }
}

/// `--state`, `--older-than` and `--filter` of `jobs cancel`: a selection by filter.
struct BulkFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Jobs in these states (comma-separated: submitted, queued, started, active, ...).", valueName: "states"))
    var state: String?

    @Option(name: .long, help: ArgumentHelp("Jobs that reached their state longer ago than this (90m, 2h, 1d).", valueName: "age"))
    var olderThan: String?

    @Option(name: .long, help: ArgumentHelp("Jobs matching this filter, e.g. 'user:jdoe name:nightly' (docs/cli.md, \"Field filters\").", valueName: "filter"))
    var filter: String?

    var isGiven: Bool { state != nil || olderThan != nil || filter != nil }

    /// The options as one query (every part must hold); a usage error names the option at fault.
    func query() throws -> JobQuery {
        try FilterOption.query([("--state", state.map { "state:\($0)" }), ("--older-than", olderThan.map { "before:\($0)" }),
                        ("--filter", filter)])
    }
}

/// Small shared pieces of the bulk commands.
enum Bulk {
    static func clean(_ text: String) -> String { OneLine.safe(text) }
}
