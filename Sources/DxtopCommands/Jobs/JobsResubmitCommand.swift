import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import JobComposition
import JobQuery

/// `dxtop jobs resubmit ID`: the job's configuration again, without its id; prints the new id.
struct JobsResubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit",
        abstract: "Submit a job's configuration again (asks on a terminal; --yes in scripts); print the new id.",
        discussion: """
            The new job is submitted by the login user. --shift-window moves the time window forward by its own \
            length (a day's window becomes the next day, a calendar month the next month); --from/--to or --window \
            replace it. --failed-since AGE (and/or --filter) resubmits every job it selects, on the context, several \
            (--context A --context B) or all (--all-contexts), each to its own server, with a result line per job \
            (exit status as for a bulk cancel).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id, or an unambiguous start of it (none with --failed-since or --filter).")
    var jobId: String?

    @Option(name: .long, help: ArgumentHelp("Every job that failed within this long (24h, 2d): a bulk resubmit.", valueName: "age"))
    var failedSince: String?

    @Option(name: .long, help: ArgumentHelp("Every job matching this filter (docs/cli.md, \"Field filters\"): a bulk resubmit.", valueName: "filter"))
    var filter: String?

    @Option(name: .long, help: ArgumentHelp("A new name (default: the job's name).", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "Move the time window forward by its own length.")
    var shiftWindow = false

    @OptionGroup var window: WindowOptions

    @Flag(name: .long, help: "Print the JSON that would be sent; send nothing.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long], help: "Do not ask; required when not on a terminal.")
    var yes = false

    func validate() throws {
        if shiftWindow, window.isGiven {
            throw ValidationError("--shift-window cannot be combined with --from/--to or --window")
        }
        guard isBulk else {
            guard let jobId else { throw ValidationError("give a job id, or select jobs with --failed-since or --filter") }
            return try JobIdArgument.validate(jobId)
        }
        if jobId != nil { throw ValidationError("a job id cannot be combined with --failed-since or --filter") }
        if name != nil || window.isGiven {
            throw ValidationError("--name, --from/--to and --window are for one job; a bulk resubmit keeps each job's (or shifts it with --shift-window)")
        }
        _ = try selection()
    }

    private var isBulk: Bool { failedSince != nil || filter != nil }

    private func selection() throws -> JobQuery {
        try FilterOption.query([("--failed-since", failedSince.map { "state:failed since:\($0)" }), ("--filter", filter)])
    }

    func run() throws {
        guard let jobId, !isBulk else { return try runBulk() }
        try JobSending.checkCanAsk(yes: yes, dryRun: dryRun, action: "resubmit job \(TerminalSafe.clean(jobId))")
        let context = try CommandContext(global, refusing: dryRun ? nil : "resubmit")
        let timeZone = context.format.timeZone
        let newWindow = try window.resolve(now: Date(), timeZone: timeZone)
        let (typed, name, shift, user, format, ask, dryRun) = (jobId, name, shiftWindow, context.userID, context.format, !yes, dryRun)
        let place = context.resolved.place
        let words = ProblemWords(windowTyped: window.isGiven, sitesTyped: false, nameTyped: name != nil)
        let outcome = try context.withSession { session in
            let jobId = try await JobIdLookup.fullId(typed, session: session)
            guard let original = try await session.job(id: jobId, mode: .configuration).jobConfig else {
                throw CLIError.failure("job \(jobId) has no configuration to resubmit")
            }
            var window = newWindow
            if shift {
                guard let current = TimeWindow(of: original) else {
                    throw CLIError.failure("job \(jobId) has no time window to shift")
                }
                window = current.shifted(in: timeZone)
            }
            let config = JobComposer.resubmission(of: original, name: name, window: window, submittedUserId: user)
            try await Self.check(config, session: session, words: words)
            return try await JobSending.send(config, session: session, ask: ask, dryRun: dryRun, format: format, place: place)
        }
        try JobSending.report(outcome)
    }

    /// Every selected job again, each on its own server (`BulkRun`); `--shift-window` shifts each one's window.
    private func runBulk() throws {
        try JobSending.checkCanAsk(yes: yes, dryRun: dryRun, action: "resubmit the selected jobs")
        let shift = shiftWindow
        let run = BulkRun(verb: "resubmit", selection: .query(try selection()), skipsEnded: false, dryRun: dryRun,
                          ask: !yes) { session, context, job in
            guard let original = try await session.job(id: job.id, mode: .configuration).jobConfig else {
                throw CLIError.failure("the job has no configuration to resubmit")
            }
            var window: TimeWindow?
            if shift {
                guard let current = TimeWindow(of: original) else { throw CLIError.failure("the job has no time window to shift") }
                window = current.shifted(in: context.timeFormat.timeZone)
            }
            let config = JobComposer.resubmission(of: original, name: nil, window: window, submittedUserId: context.userID)
            try await Self.check(config, session: session, words: ProblemWords(windowTyped: false, sitesTyped: false, nameTyped: false))
            return "as job \(TerminalSafe.clean(try await session.submitJob(config)))"
        }
        try run.run(global)
    }

    /// The server's rules, when the server has a data dictionary to check against; without one
    /// the server alone decides.
    static func check(_ config: JobConfig, session: ICWSSession, words: ProblemWords) async throws {
        let dictionary: DataDictionary
        do {
            dictionary = try await DictionaryFetch.fetch(session)
        } catch ICWSError.featureMissing {
            return
        }
        let problems = JobRules.problems(in: config, dictionary: dictionary)
        if !problems.isEmpty {
            throw CLIError.failure("not resubmitted: \(words.sentence(CompositionError(problems)))")
        }
    }
}
