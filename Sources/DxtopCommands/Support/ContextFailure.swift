import DisplayText
import ICWSClient
import ICWSWire

/// An everyday failure (refused login, server down or slow) said the way `dxtop doctor` says it:
/// which user, which server, and what to do next. The exit status stays the failure's.
struct ContextFailure: Error, Sendable {
    let failure: Failure
    let context: ResolvedContext
    /// What did not happen, said first ("cancel of job … not sent").
    var lead: String?

    /// `error` with the context, when it is one of the failures an operator can act on; else as it is.
    static func wrap(_ error: any Error, _ context: ResolvedContext) -> any Error {
        guard let icws = error as? ICWSError else { return error }
        let failure = icws.failure
        guard [.authentication, .permission, .unavailable, .timeout].contains(failure.kind) else { return error }
        return ContextFailure(failure: failure, context: context)
    }

    var kind: FailureKind { failure.kind }

    /// The stderr note for a context that failed in a several-context command: `context 'lab': <why>`.
    static func note(_ error: any Error, _ context: ResolvedContext) -> String {
        let message = OneLine.safe(FailureReport.describe(wrap(error, context)))
        let prefix = "context '\(ConfigFile.visible(context.label))': "
        return message.hasPrefix(prefix) ? message : prefix + message
    }

    var message: String {
        let said = OneLine.safe(failure.message)
        let who = "\(TerminalSafe.clean(context.userID)) on \(TerminalSafe.clean(context.server.description))"
            + (context.name.map { " (context \(TerminalSafe.clean($0)))" } ?? "")
        let first = lead.map { "\($0): " } ?? ""
        if kind == .authentication {
            return "\(first)the server refused the login of \(who): \(said) Next: \(NextStep.login(context)), or run 'dxtop doctor'"
        }
        if kind == .permission {
            return "\(first)\(said) (\(who)). Next: \(NextStep.rights)"
        }
        return "\(first)\(said) (\(who)). Next: \(NextStep.reach(context)); 'dxtop doctor' checks step by step"
    }
}

/// What to do after a failed step; `dxtop doctor` and every command give the same advice.
enum NextStep {
    static func login(_ context: ResolvedContext) -> String {
        "check the user and the password (ICWS_PASSWORD, --password-stdin or password-command\(contextHint(context)))"
    }

    static func reach(_ context: ResolvedContext) -> String {
        "check the host name and port\(contextHint(context)), that the server (or proxy) runs, and firewalls; a bare host means https://HOST:8019"
    }

    static let rights = "the user needs the Data Extractor rights in Interaction Administrator"

    static func contextHint(_ context: ResolvedContext) -> String {
        context.name.map { " of context '\(TerminalSafe.clean($0))'" } ?? ""
    }
}
