/// The first of several pieces of async work to finish, without waiting for the others (which may
/// not react to cancellation at all, e.g. a blocking read of the terminal).
enum Race {
    /// Starts every contender as a task, returns the first result and cancels the rest.
    /// Nil only when the calling task itself was cancelled first.
    static func first<R: Sendable>(_ contenders: [@Sendable () async -> R]) async -> R? {
        let (stream, continuation) = AsyncStream<R>.makeStream(bufferingPolicy: .bufferingOldest(1))
        let tasks = contenders.map { contender in Task { continuation.yield(await contender()) } }
        var iterator = stream.makeAsyncIterator()
        let winner = await iterator.next()
        for task in tasks { task.cancel() }
        continuation.finish()
        return winner
    }
}
