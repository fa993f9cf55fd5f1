import DxtopCommands
import Foundation

// Parse, run, and map every failure to an exit status (docs/cli.md). The commands are synchronous
// so the dashboard keeps the real main thread; async work blocks this thread until it is done.
ProcessSignals.unblockTerminationSignals()
exit(CommandLineEntry.run(Array(CommandLine.arguments.dropFirst())))
