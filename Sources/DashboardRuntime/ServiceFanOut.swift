import DashboardKit

/// The job service over several servers: one service per context (each with its own session,
/// feed and backoff), effects routed by the context they name. Each effect already runs as its
/// own task, so a slow or down server holds up only its own requests.
public struct ServiceFanOut: JobService {
    /// By `ContextID.index`.
    private let services: [any JobService]

    public init(_ services: [any JobService]) {
        self.services = services
    }

    public func start(posting post: @escaping @Sendable (RuntimeEvent) -> Void) {
        for service in services { service.start(posting: post) }
    }

    /// A request goes to its server; `watch` goes to every one (each subscribes to its own jobs).
    public func perform(_ effect: Effect) async -> Action? {
        guard let context = effect.context else {
            await withTaskGroup(of: Void.self) { group in
                for service in services { group.addTask { _ = await service.perform(effect) } }
            }
            return nil
        }
        guard services.indices.contains(context.index) else { return nil }
        return await services[context.index].perform(effect)
    }

    /// Stops them all at once (a server that does not answer its logout does not delay the others).
    public func stop() async {
        await withTaskGroup(of: Void.self) { group in
            for service in services { group.addTask { await service.stop() } }
        }
    }
}
