import Exporter
import Foundation
import Synchronization

/// Where the exporter's metrics go.
enum ExporterDestination {
    /// Served on `GET /metrics`.
    case listener(ListenAddress)
    /// Written to `DIR/dxtop.prom` every so often (and once more at the end).
    case textfile(Textfile, every: Duration)
}

/// The exporter's life: start following, serve or write until `stop` returns (a signal), then
/// stop serving, log out of every server, and (textfile) write the final state.
struct ExporterRun: Sendable {
    let exporter: Exporter
    let destination: ExporterDestination

    func run(until stop: @escaping @Sendable () async -> Void) async throws {
        switch destination {
        case .listener(let address):
            let listener = MetricsListener(exporter: exporter, host: address.host, port: address.port)
            let port: Int
            do {
                port = try await listener.start()
            } catch {
                await exporter.stop()
                throw CLIError.failure(ListenFailure.message(host: address.host, port: address.port, error: error))
            }
            let bound = ListenAddress(host: address.host, port: port)
            if !address.isLoopback {
                StandardStreams.note("/metrics on \(bound.url) is unauthenticated: anyone who can reach it reads every server's job counts")
            }
            exporter.start()
            StandardStreams.out("dxtop exporter: serving http://\(bound.url)/metrics")
            await stop()
            await listener.stop()
            await exporter.stop()
        case .textfile(let file, let interval):
            // A directory that cannot be written fails at once, before any server is contacted.
            do { try file.write(exporter.exposition()) } catch { throw CLIError.failure("--textfile: \(error)") }
            exporter.start()
            StandardStreams.out("dxtop exporter: writing \(file.path) every \(interval)")
            let writer = Task { await Self.keepWriting(exporter, to: file, every: interval) }
            await stop()
            writer.cancel()
            await writer.value
            await exporter.stop()
            do { try file.write(exporter.exposition()) } catch { StandardStreams.note("--textfile: \(error)") }
        }
    }

    /// Rewrites the file every `interval` until cancelled; a failure is said once until it changes.
    private static func keepWriting(_ exporter: Exporter, to file: Textfile, every interval: Duration) async {
        var lastProblem: String?
        while true {
            do { try await Task.sleep(for: interval) } catch { return }
            do {
                try file.write(exporter.exposition())
                lastProblem = nil
            } catch {
                let problem = "\(error)"
                if problem != lastProblem { StandardStreams.note("--textfile: \(problem)") }
                lastProblem = problem
            }
        }
    }
}
