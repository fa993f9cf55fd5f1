import DxtopCommands
import Foundation

// Parse, run, and map every failure to an exit status (docs/cli.md). The commands are synchronous
// so the dashboard keeps the real main thread; async work blocks this thread until it is done.
ProcessSignals.unblockTerminationSignals()
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
do {
    try PasswordArgumentGuard.check(arguments)
    var command = try Dxtop.parseAsRoot(arguments)
    try command.run()
    status = ExitStatus.ok.rawValue
} catch {
    status = FailureReport.exitStatus(for: error)
}
exit(status)
