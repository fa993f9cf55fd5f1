/// `--listen HOST:PORT` (`127.0.0.1:9841`, `[::1]:9841`, `0.0.0.0:9841`; port 0 picks a free one).
struct ListenAddress: Equatable {
    let host: String
    let port: Int

    static let defaultText = "127.0.0.1:9841"

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init(parsing text: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else {
            throw CLIError.usage("--listen: expected HOST:PORT, e.g. \(Self.defaultText) (got '\(ConfigFile.visible(text))')")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "[" || $0 == "]" }) else {
            throw CLIError.usage("--listen: expected HOST:PORT with a host or address, e.g. \(Self.defaultText)")
        }
        self.host = host
        self.port = port
    }

    /// Only this machine can connect: 127.0.0.0/8, ::1, localhost.
    var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    var url: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
