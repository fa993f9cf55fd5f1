import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import JobComposition

/// `dxtop jobs submit FILE` posts a job configuration file; `dxtop jobs submit --name … --table …`
/// composes one from the server's data dictionary. Both print the new id.
struct JobsSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a job from a JSON job configuration, or compose one with flags; print its id.",
        discussion: """
            FILE holds an ICWS jobConfig: name, tables/views with columns, optional time and site filters. \
            Dates may be basic (20261101T000000Z) or extended (2026-11-01T00:00:00Z). \
            submittedUserId defaults to the login user. Use - to read standard input. \
            Flags form: --name and one or more --table/--view NAME[:COL,...]; the filter columns come from the \
            server's data dictionary, unknown names are refused before anything is sent. Both forms ask \
            y/N on a terminal after a summary; scripts pass --yes to the flags form (a FILE is sent without asking).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("JSON job configuration, or - for standard input (not with the flags form).", valueName: "file"))
    var file: String?

    @OptionGroup var compose: ComposeOptions

    @OptionGroup var window: WindowOptions

    @Flag(name: .long, help: "Print the JSON that would be sent; send nothing.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long], help: "Do not ask on a terminal; required for the flags form when not on a terminal.")
    var yes = false

    func validate() throws {
        if file == "-", global.passwordStdin {
            throw ValidationError("--password-stdin and FILE '-' cannot both read standard input; put the job in a file")
        }
        if file != nil, compose.isGiven || window.isGiven {
            throw ValidationError("give either FILE or the flags (--name, --table, --view, --from, --to, --window, --site), not both")
        }
        if file == nil {
            guard compose.isGiven else { throw ValidationError("missing FILE, or --name with --table/--view") }
            try compose.checkComplete()
        }
    }

    func run() throws {
        if let file {
            try submitFile(file)
        } else {
            try submitComposed()
        }
    }

    private func submitFile(_ file: String) throws {
        var config = try JobConfigFile.read(file)
        if dryRun {
            if config.submittedUserId.isEmpty, let context = try? ContextResolver(global, environment: ProcessInfo.processInfo.environment).single() {
                config.submittedUserId = context.userID
            }
            return try JobSending.report(.dryRun(config))
        }
        let context = try CommandContext(global, refusing: "submit")
        if config.submittedUserId.isEmpty { config.submittedUserId = context.userID }
        // A person at a terminal sees the summary and is asked, as with the flags form; a script
        // (no terminal) is not asked, as before.
        let ask = !yes && TerminalInput.isInteractive
        let (submitted, format, place) = (config, context.format, context.resolved.place)
        let outcome = try context.withSession { session in
            try await JobSending.send(submitted, session: session, ask: ask, dryRun: false, format: format, place: place)
        }
        try JobSending.report(outcome)
    }

    private func submitComposed() throws {
        try JobSending.checkCanAsk(yes: yes, dryRun: dryRun, action: "submit")
        // A dry run sends nothing, so a read-only context may still show what would be sent.
        let context = try CommandContext(global, refusing: dryRun ? nil : "submit")
        let timeWindow = try window.resolve(now: Date(), timeZone: context.format.timeZone)
        let draft = compose.draft(window: timeWindow)
        let (user, format, ask, dryRun, place) = (context.userID, context.format, !yes, dryRun, context.resolved.place)
        let words = ProblemWords(windowTyped: window.isGiven, sitesTyped: !compose.sites.isEmpty, nameTyped: true)
        let outcome = try context.withSession { session in
            let dictionary = try await DictionaryFetch.fetch(session)
            let config: JobConfig
            do {
                config = try JobComposer.config(for: draft, dictionary: dictionary, submittedUserId: user)
            } catch let error as CompositionError {
                throw CLIError.failure("not submitted: \(words.sentence(error))")
            }
            return try await JobSending.send(config, session: session, ask: ask, dryRun: dryRun, format: format, place: place)
        }
        try JobSending.report(outcome)
    }
}
