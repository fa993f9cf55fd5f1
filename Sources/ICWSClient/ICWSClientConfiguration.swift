import Foundation
import Logging

/// Everything an `ICWSSession` needs to reach and log in to a server.
public struct ICWSClientConfiguration: Sendable {
    public var server: ICWSServer
    public var credentials: ICWSCredentials
    public var tls: TLSOptions
    /// Deadline of every request (for the server-sent event stream: of its opening only).
    public var requestTimeout: Duration
    /// `applicationName` sent at login.
    public var applicationName: String
    /// `Accept-Language` of the session (fixed for its life by the server).
    public var acceptLanguage: String
    /// How long to wait before another login or reconnection while the server keeps failing.
    public var backoff = Backoff()
    /// Debug lines for each request (method, path, status, milliseconds); never passwords or login bodies.
    public var logger: Logger
    /// The HTTP proxy every request goes through (CONNECT for HTTPS servers); nil for a direct connection.
    public var proxy: HTTPProxy?
    /// Counts the session's requests and received bytes (nil: nothing counts).
    public var traffic: (any TrafficObserver)?
    /// What the backoff, the reconnection budget, polling and the stream's liveness wait on and
    /// measure with (request timeouts stay on the system's time).
    public var clock: any TimerClock = SystemClock()

    public init(
        server: ICWSServer, credentials: ICWSCredentials, tls: TLSOptions = TLSOptions(),
        proxy: HTTPProxy? = nil, requestTimeout: Duration = .seconds(10), applicationName: String = "dxtop",
        acceptLanguage: String = ICWSClientConfiguration.defaultAcceptLanguage(),
        logger: Logger = Logger(label: "dxtop.icws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.server = server
        self.credentials = credentials
        self.tls = tls
        self.proxy = proxy
        self.requestTimeout = requestTimeout
        self.applicationName = applicationName
        self.acceptLanguage = acceptLanguage
        self.logger = logger
    }

    /// The session language from the POSIX locale variables, in their order of precedence: the
    /// first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (`de_DE.UTF-8` → `de-de`, `es_419` → `es-419`);
    /// `en-us` when none is set or the winner is `C`, `POSIX` or not a language tag.
    /// (`Locale.current` is no help: on Linux it reports `en_001` whatever `LANG` says.)
    public static func defaultAcceptLanguage(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return defaultAcceptLanguage(localeIdentifier: chosen ?? "")
    }

    /// A language tag from a POSIX locale name or locale identifier (`en_US.UTF-8@euro` → `en-us`):
    /// a 2–3 letter language, then subtags of 1–8 letters or digits. `en-us` for anything else.
    public static func defaultAcceptLanguage(localeIdentifier: String) -> String {
        let base = localeIdentifier.split(whereSeparator: { $0 == "." || $0 == "@" }).first.map(String.init) ?? ""
        let tag = base.replacingOccurrences(of: "_", with: "-").lowercased()
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }),
              subtags.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return "en-us" }
        return tag
    }
}
