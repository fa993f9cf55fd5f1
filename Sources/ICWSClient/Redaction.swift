import Synchronization

/// The one place server text loses the session's secrets before it enters an error, a warning or
/// a log line: the password, and every CSRF token and cookie value this client was given. A server
/// that echoes them (in an error message, a bad value quoted by a decoding error) cannot get them
/// printed.
final class Redaction: Sendable {
    static let mark = "[redacted]"
    /// Tokens and cookies of the latest logins (older sessions may still be named in late answers).
    private static let rememberedSessions = 8

    private let password: String
    private let sessionSecrets = Mutex<[String]>([])

    init(password: String) { self.password = password }

    /// Adds a new session's CSRF token and cookie value (`icws_…=<value>`, the part after `=`).
    func remember(csrfToken: String, cookie: String?) {
        let cookieValue = cookie.flatMap { $0.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) }
        let fresh = [csrfToken, cookieValue].compactMap { $0 }.filter { !$0.isEmpty }
        sessionSecrets.withLock { secrets in
            secrets = Array((fresh + secrets).prefix(2 * Self.rememberedSessions))
        }
    }

    /// `text` with every secret replaced by `[redacted]`, longest first (a token containing the
    /// password is replaced whole).
    func redact(_ text: String) -> String {
        let secrets = ([password] + sessionSecrets.withLock { $0 }).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        var out = replacing(secrets, in: text)
        // A mark next to the text around it can spell a secret again ("ab" + "[redacted]" holds the
        // password "ab[", found by fuzz/Targets/login.swift), so the secrets the mark does not itself
        // contain are looked for again; text that keeps spelling one after a few passes becomes
        // the mark alone.
        let spellable = secrets.filter { Self.mark.firstRange(of: $0) == nil }
        for _ in 0..<Self.passes {
            guard spellable.contains(where: { out.firstRange(of: $0) != nil }) else { return out }
            out = replacing(spellable, in: out)
        }
        return spellable.contains(where: { out.firstRange(of: $0) != nil }) ? Self.mark : out
    }

    private static let passes = 4

    /// Each secret in `text` replaced by the mark, in the order given. The standard library's
    /// search, not Foundation's `contains`: that one traps on some strings with U+FFFD and NUL
    /// (found by fuzz/Targets/login.swift).
    private func replacing(_ secrets: [String], in text: String) -> String {
        var out = text
        for secret in secrets where out.firstRange(of: secret) != nil {
            out = out.replacing(secret, with: Self.mark)
        }
        return out
    }

    /// The error with its server text redacted.
    func redact(_ error: ICWSError) -> ICWSError {
        func info(_ info: ServerErrorInfo) -> ServerErrorInfo {
            var info = info
            info.message = redact(info.message)
            info.errorId = info.errorId.map(redact)
            return info
        }
        switch error {
        case .authenticationFailed(let i): return .authenticationFailed(info(i))
        case .permissionDenied(let i): return .permissionDenied(info(i))
        case .badRequest(let i): return .badRequest(info(i))
        case .notFound(let i): return .notFound(info(i))
        case .gone(let i): return .gone(info(i))
        case .serverError(let i): return .serverError(info(i))
        case .unavailable(let i, let hosts): return .unavailable(info(i), triedHosts: hosts)
        case .invalidServer(let m): return .invalidServer(redact(m))
        case .featureMissing(let m): return .featureMissing(redact(m))
        case .timeout(let m): return .timeout(redact(m))
        case .transport(let m): return .transport(redact(m))
        case .undecodable(let m): return .undecodable(redact(m))
        case .invalidArgument(let m): return .invalidArgument(redact(m))
        }
    }
}
