import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import JobComposition

/// `dxtop jobs resubmit ID`: the job's configuration again, without its id; prints the new id.
struct JobsResubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit",
        abstract: "Submit a job's configuration again (asks on a terminal; --yes in scripts); print the new id.",
        discussion: """
            The new job is submitted by the login user. --shift-window moves the time window forward by its own \
            length (a day's window becomes the next day, a calendar month the next month); --from/--to or --window \
            replace it.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id, or an unambiguous start of it.")
    var jobId: String

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
        try JobIdArgument.validate(jobId)
        if shiftWindow, window.isGiven {
            throw ValidationError("--shift-window cannot be combined with --from/--to or --window")
        }
    }

    func run() throws {
        try JobSending.checkCanAsk(yes: yes, dryRun: dryRun, action: "resubmit job \(TerminalSafe.clean(jobId))")
        let context = try CommandContext(global, refusing: dryRun ? nil : "resubmit")
        try PurgedJobs.refuse(jobId, context: context.resolved, action: "resubmitted")
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
