import Hummingbird

/// Profile `connection-close`: every answer says `Connection: close` and its connection is closed
/// after it, so a client opens a new connection for each request (as behind some proxies).
struct ConnectionCloseMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // Event streams already say so (and already watch the inbound side, which may happen once).
        guard response.headers[.connection] != "close" else { return response }
        response.headers[.connection] = "close"
        let body = response.body
        // Hummingbird closes the connection once an answer written under an inbound-close handler
        // is finished; the header alone would leave it open.
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            try await request.body.consumeWithInboundCloseHandler { _ in
                try await body.write(writer)
            } onInboundClosed: {}
        }
        return response
    }
}
