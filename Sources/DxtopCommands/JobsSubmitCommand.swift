import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire

/// `dxtop jobs submit FILE`: posts a job configuration (ICWS `jobConfig` JSON) and prints the new id.
struct JobsSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a job from a JSON job configuration and print its id.",
        discussion: """
            FILE holds an ICWS jobConfig: name, tables/views with columns, optional time and site filters. \
            Dates may be basic (20261101T000000Z) or extended (2026-11-01T00:00:00Z). \
            submittedUserId defaults to the login user. Use - to read standard input.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("JSON job configuration, or - for standard input.", valueName: "file"))
    var file: String

    func validate() throws {
        if file == "-", global.passwordStdin {
            throw ValidationError("--password-stdin and FILE '-' cannot both read standard input; put the job in a file")
        }
    }

    func run() throws {
        var config = try JobConfigFile.read(file)
        let context = try CommandContext(global, refusing: "submit")
        if config.submittedUserId.isEmpty { config.submittedUserId = context.userID }
        let submitted = config
        let id = try context.withSession { session in
            try await session.submitJob(submitted)
        }
        StandardStreams.out(TerminalSafe.clean(id))
    }
}
