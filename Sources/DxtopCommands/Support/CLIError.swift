/// A failure the CLI reports as one line on stderr (`dxtop: <message>`) with a chosen exit status.
///
/// Messages never contain the password; server text in them is sanitised when it is printed.
public struct CLIError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let status: ExitStatus

    public init(_ message: String, status: ExitStatus = .failure) {
        self.message = message
        self.status = status
    }

    public var description: String { message }

    /// A command-line mistake: exit status 2.
    static func usage(_ message: String) -> CLIError { CLIError(message, status: .usage) }

    /// An operational failure: exit status 1.
    static func failure(_ message: String) -> CLIError { CLIError(message, status: .failure) }
}
