import ArgumentParser

/// `dxtop jobs`: the scripting commands.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, show, cancel, submit and watch data-extractor jobs.",
        subcommands: [JobsListCommand.self, JobsShowCommand.self, JobsCancelCommand.self, JobsSubmitCommand.self,
                      JobsWatchCommand.self])
}
