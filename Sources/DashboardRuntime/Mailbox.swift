import Synchronization

/// Wakes whoever waits for the runtime's mailbox: a self-pipe watched by `poll` beside stdin in the
/// terminal, an async signal in the pilot.
public protocol WakeSignal: Sendable {
    /// Something was posted (may be called from any thread, many times).
    func signal()
    /// The waiter is about to take everything posted: forget the wake-ups so far.
    func clear()
}

/// Where work off the loop (network tasks, signal handlers) leaves items for the loop. Posting
/// signals the wake, so the loop can sleep until something arrives — no timeout, no ticking.
final class Mailbox<Item: Sendable>: Sendable {
    private let items = Mutex<[Item]>([])
    let wake: any WakeSignal

    init(wake: any WakeSignal) {
        self.wake = wake
    }

    func post(_ item: Item) {
        items.withLock { $0.append(item) }
        wake.signal()
    }

    /// Takes what was posted up to the first item `heavy` holds for, that one included; when
    /// more waits, the wake is raised again for it (the next step takes it).
    func drain(through heavy: (Item) -> Bool) -> [Item] {
        wake.clear()
        let (taken, more) = items.withLock { items -> ([Item], Bool) in
            guard let end = items.firstIndex(where: heavy), end < items.count - 1 else {
                defer { items.removeAll(keepingCapacity: true) }
                return (items, false)
            }
            defer { items.removeFirst(end + 1) }
            return (Array(items[...end]), true)
        }
        if more { wake.signal() }
        return taken
    }

    var isEmpty: Bool { items.withLock(\.isEmpty) }
}
