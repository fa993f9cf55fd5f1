import ArgumentParser
import DashboardKit
import Foundation

/// `dxtop keys`: the dashboard's keys for the current config file (its `keys:` applied), as the
/// markdown of docs/keys.md.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the dashboard's keys (the config file's keys: applied) as a cheatsheet.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let file = try ConfigLocation(option: global.config, environment: ProcessInfo.processInfo.environment).load()
        var text = KeysDocument.markdown(rebinding: file.dashboard.keys)
        if text.hasSuffix("\n") { text.removeLast() }
        StandardStreams.out(text)
    }
}
