import ArgumentParser

/// `dxtop jobs`: the scripting commands.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, show, cancel, submit, resubmit and watch data-extractor jobs.",
        subcommands: [JobsListCommand.self, JobsShowCommand.self, JobsCancelCommand.self, JobsSubmitCommand.self,
                      JobsResubmitCommand.self, JobsWatchCommand.self])

    /// `dxtop jobs` alone names no command: a usage error, not help with status 0.
    func run() throws {
        throw CLIError.usage("missing command: list, show, cancel, submit, resubmit or watch (see 'dxtop jobs --help')")
    }
}
