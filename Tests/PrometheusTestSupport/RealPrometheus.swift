import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real Prometheus on 127.0.0.1 at a free port, with its own temporary config and data
/// directory, scraping `target` (job `dxtop`) every second. `stop()` kills it and removes the directory.
public final class RealPrometheus: Sendable {
    public let port: Int
    private let process: ChildProcess
    private let directory: String

    public init(scraping target: String) throws {
        let binary = try PrometheusBinaries.require("prometheus")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-prometheus-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
        let config = """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: dxtop
                scrape_interval: 1s
                scrape_timeout: 1s
                static_configs:
                  - targets: ["\(target)"]

            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: directory + "/prometheus.yml"))
        port = try Self.freePort()
        process = try ChildProcess(executable: binary, arguments: [
            "--config.file=\(directory)/prometheus.yml", "--storage.tsdb.path=\(directory)/data",
            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
        ], stdin: .null, stdout: .null, stderr: .null)
    }

    public func stop() {
        process.send(SIGKILL)
        _ = process.wait(timeout: .seconds(10))
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A port nothing listens on now (bound to 0 and released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard fd >= 0, bound else { throw MissingBinary(name: "a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
