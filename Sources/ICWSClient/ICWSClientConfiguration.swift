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
    /// Debug lines for each request (method, path, status, milliseconds); never passwords or login bodies.
    public var logger: Logger

    public init(
        server: ICWSServer, credentials: ICWSCredentials, tls: TLSOptions = TLSOptions(),
        requestTimeout: Duration = .seconds(10), applicationName: String = "dxtop",
        acceptLanguage: String = ICWSClientConfiguration.defaultAcceptLanguage(),
        logger: Logger = Logger(label: "dxtop.icws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.server = server
        self.credentials = credentials
        self.tls = tls
        self.requestTimeout = requestTimeout
        self.applicationName = applicationName
        self.acceptLanguage = acceptLanguage
        self.logger = logger
    }

    /// A language tag from a locale identifier (`en_US.UTF-8` → `en-us`); `en-us` when there is none.
    public static func defaultAcceptLanguage(localeIdentifier: String = Locale.current.identifier) -> String {
        let base = localeIdentifier.split(whereSeparator: { $0 == "." || $0 == "@" }).first.map(String.init) ?? ""
        let tag = base.replacingOccurrences(of: "_", with: "-").lowercased()
        let isTag = !tag.isEmpty && tag.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz-").contains($0) }
            && tag.first != "-" && tag != "c" && tag != "posix"
        return isTag ? tag : "en-us"
    }
}
