/// Refuses `--password` before parsing, with a message that says why and what to do instead.
///
/// A password in argv is visible to every user of the machine (`ps`, `/proc/*/cmdline`) and lands
/// in shell history. The value that follows is never echoed.
public enum PasswordArgumentGuard {
    static let message = "--password is not accepted: a password on the command line is visible to other users "
        + "(ps) and kept in shell history. Set ICWS_PASSWORD, pipe it with --password-stdin, or let dxtop prompt for it"

    /// Throws a usage error if `arguments` (without the program name) contain `--password` or
    /// `--password=...` before a `--` terminator.
    public static func check(_ arguments: [String]) throws {
        for argument in arguments {
            if argument == "--" { return }
            if argument == "--password" || argument.hasPrefix("--password=") {
                throw CLIError.usage(message)
            }
        }
    }
}
