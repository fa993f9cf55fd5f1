import Hummingbird
import NIOCore

/// The simulator's request context: Hummingbird's basic one, plus the connection, so that profile
/// `connection-close` can end it.
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Profile `connection-close`: every answer says `Connection: close` and its connection is closed
/// after it, so a client opens a new connection for each request (as behind some proxies).
struct ConnectionCloseMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: SimulatorRequestContext,
                next: (Request, SimulatorRequestContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // Event streams already say so, and end their connection when they end.
        guard response.headers[.connection] != "close" else { return response }
        response.headers[.connection] = "close"
        // The header alone leaves the connection open. Closing its reading side makes Hummingbird
        // find no next request once this answer is written, and close the connection in order.
        try? await context.channel.close(mode: .input)
        return response
    }
}
