import Hummingbird

/// Delays every request by the listener's `latency` fault.
struct LatencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let faults: ListenerFaults

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let latency = await faults.faults.latency
        if latency > .zero { try await Task.sleep(for: latency) }
        return try await next(request, context)
    }
}
