import DashboardRuntime
import Foundation
import ICWSClient

/// Runs a command's server work on the main thread's behalf, over one session per configuration,
/// and always logs them all out and shuts their clients down: on success, failure and interruption.
///
/// SIGINT/SIGTERM are trapped meanwhile: a signal cancels the work (and stops waiting for it after
/// `interruptGrace`, since a terminal question cannot be cancelled), logs out, and throws
/// `Interruption`. A closed standard output (`| head`) does the same and throws `StandardOutputClosed`.
enum SessionRun {
    /// `work` gets the sessions (not yet connected) in the order of `configurations`.
    static func blocking<T: Sendable>(_ configurations: [ICWSClientConfiguration],
                                      _ work: @escaping @Sendable ([ICWSSession]) async throws -> T) throws -> T {
        let trap = SignalTrap()
        defer { trap.cancel() }
        return try BlockingAsync.run {
            let sessions = try configurations.map { try ICWSSession(configuration: $0) }
            let task = Task<T, any Error> { try await work(sessions) }
            let outcome: Result<T, any Error> = await Race.first([
                { @Sendable in await task.result },
                { @Sendable in await trap.next().map { .failure(Interruption(signal: $0)) } ?? .failure(CancellationError()) },
                { @Sendable in await StandardStreams.outputClosed() ? .failure(StandardOutputClosed()) : .failure(CancellationError()) },
            ]) ?? .failure(CancellationError())
            if case .failure(let error) = outcome, error is Interruption || error is StandardOutputClosed {
                task.cancel()
                _ = await Race.first([
                    { @Sendable in _ = await task.result },
                    { @Sendable in _ = try? await Task.sleep(for: interruptGrace) },
                ])
            }
            for session in sessions { await session.shutdown() }  // logs out first
            return try outcome.get()
        }
    }

    /// How long an interrupted command's work may take to wind down before the logout.
    static let interruptGrace: Duration = .seconds(2)
}
